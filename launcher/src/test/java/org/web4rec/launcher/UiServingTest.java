package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.config.ServerConfig;

/** A built UI directory is served at /, with client-side routes falling back to index.html. */
class UiServingTest {

  @TempDir
  Path dir;

  @Test
  void servesTheBuiltAppAndFallsBackForClientRoutes() throws Exception {
    Path ui = Files.createDirectories(dir.resolve("dist"));
    Files.createDirectories(ui.resolve("assets"));
    Files.writeString(ui.resolve("index.html"), "<html>app-shell</html>");
    Files.writeString(ui.resolve("assets/app.js"), "console.log('app')");
    Web4RecServer server = await(Web4RecServer.start(new ServerConfig(0, dir.resolve("data"),
        1L << 20, ServerConfig.DEFAULT_KS, 100, ui)));
    try {
      ApiClient c = new ApiClient(server.vertx(), server.port());
      HttpResponse<Buffer> index = await(c.getRoot("/"));
      assertEquals(200, index.statusCode());
      assertTrue(index.bodyAsString().contains("app-shell"));
      HttpResponse<Buffer> route = await(c.getRoot("/datasets/demo-ml/experiments"));
      assertEquals(200, route.statusCode());
      assertTrue(route.bodyAsString().contains("app-shell"));
      HttpResponse<Buffer> js = await(c.getRoot("/assets/app.js"));
      assertEquals(200, js.statusCode());
      assertTrue(js.getHeader("Content-Type").contains("javascript"));
      assertEquals(404, await(c.getRoot("/assets/missing.js")).statusCode());
      HttpResponse<Buffer> api = await(c.getRoot("/api/v1/datasets"));
      assertEquals(401, api.statusCode());
      assertTrue(api.bodyAsString().contains("\"error\""));
    } finally {
      await(server.stop());
    }
  }
}
