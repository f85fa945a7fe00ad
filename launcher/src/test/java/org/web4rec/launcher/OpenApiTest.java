package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.ServiceModule;

/** The OpenAPI document is served, and it and the route table describe the same API. */
class OpenApiTest {

  @TempDir
  Path dir;

  @Test
  void everyServiceRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 1L << 20)) {
      HttpResponse<Buffer> doc = await(fx.client().get("/openapi.json"));
      assertEquals(200, doc.statusCode());
      JsonObject paths = doc.bodyAsJsonObject().getJsonObject("paths");

      Set<String> documented = new HashSet<>();
      for (String path : paths.fieldNames()) {
        for (String method : paths.getJsonObject(path).fieldNames()) {
          documented.add(method.toUpperCase() + " " + path);
        }
      }
      // Service routes, as the modules declare them (RouteOwnershipTest: and mount them).
      Vertx vertx = fx.server.vertx();
      for (ServiceModule m : Modules.ALL) {
        for (Endpoint e : m.endpoints()) {
          String path = e.path().replaceAll(":([a-z]+)", "{$1}");
          assertTrue(documented.contains(e.method().name() + " " + path), e
              + " is routed but not in openapi.json");
        }
      }
      // Every documented operation is routed: an authenticated probe never meets the catch-all.
      String token = await(fx.client().postJson("/auth/signup", new JsonObject()
          .put("email", "probe@example.com").put("password", "password-123")))
          .bodyAsJsonObject().getString("token");
      WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(fx.server.port()));
      for (String op : documented) {
        String[] parts = op.split(" ", 2);
        String url = "/api/v1" + parts[1].replaceAll("\\{[a-z]+}", "x");
        HttpResponse<Buffer> r = await(web.request(HttpMethod.valueOf(parts[0]), url)
            .bearerTokenAuthentication(token).send());
        assertFalse(r.statusCode() == 401, op + " probe was not authenticated");
        String body = r.bodyAsString();
        assertFalse(body != null && body.contains("no API route"), op + " is not routed");
      }
      // and the probe does detect a missing route
      HttpResponse<Buffer> missing = await(web.get("/api/v1/nowhere")
          .bearerTokenAuthentication(token).send());
      assertTrue(missing.bodyAsString().contains("no API route"));
    }
  }
}
