package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.config.ServiceConfig;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.InternalAuth;
import org.web4rec.platform.observe.Observability;
import org.web4rec.platform.sql.Schema;

/**
 * Distributed mode end to end in one JVM: the gateway, ingest, metrics and rerank services each
 * on their own HTTP server (the real {@link ServiceMain#deploy} of each), talking over HTTP
 * through the gateway's proxy with signed caller headers. They share one set of embedded
 * adapters because the embedded stores cannot be shared across processes; the gateway mounts no
 * service routes, so every API answer below crossed the HTTP hop to the owning service.
 */
class DistributedModeTest {

  static final String SECRET = "test-internal-secret-0123456789-abcdef";
  @TempDir
  static Path dir;
  static Vertx vertx;
  static Adapters adapters;
  static int gateway;
  static int ingest;
  static int metrics;
  static int rerank;
  static int analysis;

  @BeforeAll
  static void start() throws Exception {
    Observability observability = Observability.create("distributed-test");
    vertx = observability.vertx(new io.vertx.core.VertxOptions());
    ServiceConfig base = ServiceConfig.of(Map.of("data.dir", dir.toString(), "http.port", "0",
        "internal.secret", SECRET, "upload.max-mb", "1"));
    adapters = ServiceMain.open(vertx, "ingest", base.with("service", "ingest"));
    await(Schema.migrate(adapters.db()));
    ingest = await(ServiceMain.deploy(vertx, base.with("service", "ingest"), observability,
        adapters));
    metrics = await(ServiceMain.deploy(vertx, base.with("service", "metrics"), observability,
        adapters));
    rerank = await(ServiceMain.deploy(vertx, base.with("service", "rerank"), observability,
        adapters));
    analysis = await(ServiceMain.deploy(vertx, base.with("service", "analysis"), observability,
        adapters));
    gateway = await(ServiceMain.deploy(vertx, base.with("service", "gateway")
        .with("gateway.ingest-url", "http://127.0.0.1:" + ingest)
        .with("gateway.metrics-url", "http://127.0.0.1:" + metrics)
        .with("gateway.rerank-url", "http://127.0.0.1:" + rerank + "/")
        .with("gateway.analysis-url", "http://127.0.0.1:" + analysis), observability, adapters));
  }

  @AfterAll
  static void stop() throws Exception {
    await(adapters.close());
    await(vertx.close());
  }

  @Test
  void signupRegisterUploadAndMetricsThroughTheGateway() throws Exception {
    ApiClient anon = new ApiClient(vertx, gateway);
    HttpResponse<Buffer> s = await(anon.postJson("/auth/signup", new JsonObject()
        .put("email", "dist@example.com").put("password", "password-123")));
    assertEquals(201, s.statusCode(), s.bodyAsString());
    ApiClient api = anon.token(s.bodyAsJsonObject().getString("token"));

    HttpResponse<Buffer> reg = await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables()));
    assertEquals(201, reg.statusCode(), reg.bodyAsString());
    assertEquals(4, reg.bodyAsJsonObject().getInteger("n_users"));
    JsonObject meta = new JsonObject().put("experiment_name", "hand")
        .put("ks", new JsonArray().add(5)).put("n_candidates", 5);
    HttpResponse<Buffer> up = await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", meta.encode()), Map.of("recommendations", ServerFixture.recommendations())));
    assertEquals(202, up.statusCode(), up.bodyAsString());
    assertEquals("/api/v1/datasets/tiny/experiments/hand", up.getHeader("Location"));

    JsonObject e = waitReady(api, "hand");
    assertEquals("ready", e.getString("status"), e.encodePrettily());
    // the same hand-checked value as the all-in-one ApiFlowTest
    assertEquals((0.4 + 0.2 + 0) / 3, e.getJsonObject("metrics").getDouble("precision@5"), 1e-9);
    HttpResponse<Buffer> list = await(api.get("/datasets"));
    assertEquals(200, list.statusCode(), list.bodyAsString());
    HttpResponse<Buffer> perUser = await(api.get("/datasets/tiny/experiments/hand/per-user"
        + "?format=json"));
    assertEquals(200, perUser.statusCode(), perUser.bodyAsString());

    // a re-rank: rerank service, then its derived experiment's metrics by the metrics worker
    HttpResponse<Buffer> rr = await(api.postJson("/datasets/tiny/experiments/hand/rerank",
        new JsonObject().put("objective", "novelty").put("lambda", 0.5).put("k", 3)));
    assertEquals(202, rr.statusCode(), rr.bodyAsString());
    String derived = rr.bodyAsJsonObject().getString("name");
    assertEquals("ready", waitReady(api, derived).getString("status"));

    // an analysis route (analysis service): items 15 and 16 are in the top 3 of users 2
    // ([15, 14, 13]) and 4 ([16, 15]), not of user 1 ([12, 13, 14])
    HttpResponse<Buffer> audience = await(api.postJson("/datasets/tiny/experiments/hand/audience",
        new JsonObject().put("item_ids", new JsonArray().add(15).add(16)).put("k", 3)));
    assertEquals(200, audience.statusCode(), audience.bodyAsString());
    assertEquals(2, audience.bodyAsJsonObject().getInteger("n_recommended"));

    // the gateway's own 404 for a path no service owns, and errors relayed from the services
    assertEquals(404, await(api.get("/no-such-route")).statusCode());
    HttpResponse<Buffer> missing = await(api.get("/datasets/nope/experiments/x"));
    assertEquals(404, missing.statusCode());
    assertEquals("not_found", missing.bodyAsJsonObject().getString("error"));
    // unauthenticated requests stop at the gateway
    assertEquals(401, await(new ApiClient(vertx, gateway).get("/datasets")).statusCode());
  }

  @Test
  void servicesRejectRequestsTheGatewayDidNotSign() throws Exception {
    WebClient web = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> unsigned = await(web.get(ingest, "127.0.0.1", "/api/v1/datasets")
          .send());
      assertEquals(401, unsigned.statusCode(), unsigned.bodyAsString());
      assertTrue(unsigned.bodyAsJsonObject().getString("message").contains("unsigned"));

      // signed with another secret: refused
      io.vertx.core.MultiMap forged = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
      new InternalAuth("another-secret-that-is-long-enough-000000").sign(forged, "GET",
          "/api/v1/datasets", new Caller("u1", "t1"), System.currentTimeMillis());
      assertEquals(401, await(web.get(metrics, "127.0.0.1", "/api/v1/datasets/tiny/experiments")
          .putHeaders(forged).send()).statusCode());

      // correctly signed for one URI, replayed on another: refused
      io.vertx.core.MultiMap signed = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
      new InternalAuth(SECRET).sign(signed, "GET", "/api/v1/datasets", new Caller("u1", "t1"),
          System.currentTimeMillis());
      assertEquals(401, await(web.get(ingest, "127.0.0.1", "/api/v1/datasets/other")
          .putHeaders(signed).send()).statusCode());
      // and accepted where it was signed (an unknown team simply has no datasets)
      HttpResponse<Buffer> ok = await(web.get(ingest, "127.0.0.1", "/api/v1/datasets")
          .putHeaders(signed).send());
      assertEquals(200, ok.statusCode(), ok.bodyAsString());

      // health and metrics stay open on every service (probes and scrapes carry no signature)
      for (int port : new int[] {ingest, metrics, rerank, analysis, gateway}) {
        assertEquals(200, await(web.get(port, "127.0.0.1", "/health/ready").send())
            .statusCode());
        assertEquals(200, await(web.get(port, "127.0.0.1", "/metrics").send()).statusCode());
      }
    } finally {
      web.close();
    }
  }

  @Test
  void theGatewayKeepsItsBodyLimitOnForwardedUploads() throws Exception {
    ApiClient anon = new ApiClient(vertx, gateway);
    HttpResponse<Buffer> s = await(anon.postJson("/auth/signup", new JsonObject()
        .put("email", "big@example.com").put("password", "password-123")));
    ApiClient api = anon.token(s.bodyAsJsonObject().getString("token"));
    // a streamed multipart body: bounded on its way through by the service's body handler
    HttpResponse<Buffer> tooBig = await(api.postRaw("/datasets", Map.of("name", "big"),
        Map.of("train", "x".repeat(2 << 20))));
    assertEquals(413, tooBig.statusCode(), tooBig.bodyAsString());
    // a declared Content-Length over the limit: refused by the gateway before forwarding
    WebClient web = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> declared = await(web.post(gateway, "127.0.0.1", "/api/v1/datasets")
          .putHeader("Authorization", "Bearer " + s.bodyAsJsonObject().getString("token"))
          .putHeader("Content-Type", "application/octet-stream")
          .sendBuffer(Buffer.buffer(new byte[2 << 20])));
      assertEquals(413, declared.statusCode(), declared.bodyAsString());
      assertTrue(declared.bodyAsJsonObject().getString("message").contains("limit of 1 MiB"));
    } finally {
      web.close();
    }
  }

  private static JsonObject waitReady(ApiClient api, String name) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      HttpResponse<Buffer> r = await(api.get("/datasets/tiny/experiments/" + name));
      assertEquals(200, r.statusCode(), r.bodyAsString());
      JsonObject e = r.bodyAsJsonObject();
      String status = e.getString("status");
      if (!status.equals("uploaded") && !status.equals("computing")) {
        return e;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("experiment " + name + " still " + status);
      }
      Thread.sleep(50);
    }
  }
}
