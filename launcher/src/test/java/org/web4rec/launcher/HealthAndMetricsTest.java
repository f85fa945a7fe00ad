package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health and Prometheus metrics of a real all-in-one server: readiness names each dependency and
 * turns 503 when one really fails (the blob directory removed under the running server), and
 * /metrics exports Vert.x's request latency and the application's job timer and backlog gauge.
 */
class HealthAndMetricsTest {

  @TempDir
  static Path dir;
  static ServerFixture fx;

  @BeforeAll
  static void start() throws Exception {
    fx = new ServerFixture(dir, 64L << 20);
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  @Test
  void readinessReportsEachDependencyAndFailsWhenTheBlobStoreIsGone() throws Exception {
    HttpResponse<Buffer> live = await(fx.client().getRoot("/health/live"));
    assertEquals(200, live.statusCode());
    assertEquals("UP", live.bodyAsJsonObject().getString("status"));

    HttpResponse<Buffer> ready = await(fx.client().getRoot("/health/ready"));
    assertEquals(200, ready.statusCode(), ready.bodyAsString());
    JsonObject checks = ready.bodyAsJsonObject().getJsonObject("checks");
    assertEquals(new JsonObject().put("sql", "UP").put("blobs", "UP").put("bus", "UP"), checks);

    Path blobs = dir.resolve("blobs");
    Path aside = dir.resolve("blobs-aside");
    Files.createDirectories(blobs);
    Files.move(blobs, aside);
    try {
      HttpResponse<Buffer> down = await(fx.client().getRoot("/health/ready"));
      assertEquals(503, down.statusCode(), down.bodyAsString());
      JsonObject doc = down.bodyAsJsonObject();
      assertEquals("DOWN", doc.getString("status"));
      assertTrue(doc.getJsonObject("checks").getString("blobs").startsWith("DOWN"),
          doc.encode());
      assertEquals("UP", doc.getJsonObject("checks").getString("sql"));
      // liveness does not depend on the dependencies: the pod is not restarted for them
      assertEquals(200, await(fx.client().getRoot("/health/live")).statusCode());
    } finally {
      Files.move(aside, blobs);
    }
    assertEquals(200, await(fx.client().getRoot("/health/ready")).statusCode());
  }

  @Test
  void metricsExportRequestLatencyJobDurationsAndBacklog() throws Exception {
    ApiClient api = fx.signup("metrics@example.com");
    HttpResponse<Buffer> reg = await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables()));
    assertEquals(201, reg.statusCode(), reg.bodyAsString());
    JsonObject meta = new JsonObject().put("experiment_name", "m")
        .put("ks", new JsonArray().add(5)).put("n_candidates", 5);
    HttpResponse<Buffer> up = await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", meta.encode()), Map.of("recommendations", ServerFixture.recommendations())));
    assertEquals(202, up.statusCode(), up.bodyAsString());
    assertEquals("ready", fx.waitReady(api, "tiny", "m").getString("status"));

    HttpResponse<Buffer> scrape = await(fx.client().getRoot("/metrics"));
    assertEquals(200, scrape.statusCode());
    assertTrue(scrape.getHeader("Content-Type").startsWith("text/plain"));
    String text = scrape.bodyAsString();
    double jobs = value(text, "web4rec_job_seconds_count\\{[^}]*kind=\"metrics\"[^}]*"
        + "outcome=\"ok\"[^}]*\\}");
    assertTrue(jobs >= 1, "metrics job timer count " + jobs);
    assertTrue(text.contains("web4rec_job_seconds_bucket{"), "job histogram buckets");
    // Vert.x's own server latency, labelled with the route template that served it (Vert.x
    // writes a sub-router mount as "/api/v1/>")
    double uploads = value(text, "vertx_http_server_response_time_seconds_count\\{[^}]*"
        + "method=\"POST\"[^}]*route=\"/api/v1/>/datasets/:dataset/experiments\"[^}]*\\}");
    assertEquals(1, uploads, 0);
    assertTrue(text.contains("vertx_http_server_response_time_seconds_bucket{"));
    // the backlog gauge exists for every status (its value depends on the refresh timer)
    assertTrue(Pattern.compile("(?m)^web4rec_experiments\\{[^}]*status=\"uploaded\"[^}]*\\} ")
        .matcher(text).find(), "backlog gauge");
  }

  /** The value of the one sample whose name and labels match the regex. */
  private static double value(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(text);
    if (!m.find()) {
      throw new AssertionError("no series " + series + " in\n" + text);
    }
    return Double.parseDouble(m.group(1));
  }
}
