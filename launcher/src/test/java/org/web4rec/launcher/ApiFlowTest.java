package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.platform.table.Column;
import org.web4rec.platform.table.Table;

/** The whole embedded flow over HTTP: sign-up, dataset, upload, metrics, per-user values. */
class ApiFlowTest {

  static final double EPS = 1e-9;
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
  void uploadComputesHandCheckedAccuracyMetrics() throws Exception {
    ApiClient api = fx.signup("flow@example.com");
    HttpResponse<Buffer> reg = await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables()));
    assertEquals(201, reg.statusCode(), reg.bodyAsString());
    JsonObject ds = reg.bodyAsJsonObject();
    assertEquals(4, ds.getInteger("n_users"));
    assertEquals(7, ds.getInteger("n_items"));
    assertEquals(6, ds.getInteger("n_train"));
    assertEquals(3, ds.getInteger("n_users_with_ground_truth"));
    assertEquals("int", ds.getString("id_type"));
    assertEquals(new JsonArray()
        .add(new JsonObject().put("name", "gender").put("kind", "categorical"))
        .add(new JsonObject().put("name", "age").put("kind", "numeric")),
        ds.getJsonArray("user_columns"));
    assertEquals("multi", ds.getJsonArray("item_columns").getJsonObject(0).getString("kind"));

    JsonObject meta = new JsonObject().put("experiment_name", "hand")
        .put("hyper_parameters", new JsonObject().put("factors", 8)).put("ks", new JsonArray()
            .add(5).add(1)).put("n_candidates", 5);
    HttpResponse<Buffer> up = await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", meta.encode()), Map.of("recommendations", ServerFixture.recommendations())));
    assertEquals(202, up.statusCode(), up.bodyAsString());
    assertEquals("/api/v1/datasets/tiny/experiments/hand", up.getHeader("Location"));
    assertEquals(3, up.bodyAsJsonObject().getInteger("n_users_with_list"));

    JsonObject e = fx.waitReady(api, "tiny", "hand");
    assertEquals("ready", e.getString("status"), e.encodePrettily());
    JsonObject m = e.getJsonObject("metrics");
    // Hand computation in ServerFixture#recommendations: users 1, 2, 3 evaluated.
    double ndcgUser1 = (1 + 1 / log2(4)) / (1 + 1 / log2(3));
    assertEquals((0.4 + 0.2 + 0) / 3, m.getDouble("precision@5"), EPS);
    assertEquals(2.0 / 3, m.getDouble("recall@5"), EPS);
    assertEquals(2.0 / 3, m.getDouble("hit_rate@5"), EPS);
    assertEquals((ndcgUser1 + 1) / 3, m.getDouble("ndcg@5"), EPS);
    assertEquals(((1 + 2.0 / 3) / 2 + 1) / 3, m.getDouble("map@5"), EPS);
    assertEquals(2.0 / 3, m.getDouble("mrr@5"), EPS);
    assertEquals(2.0 / 3, m.getDouble("precision@1"), EPS);
    assertEquals((0.5 + 1) / 3, m.getDouble("recall@1"), EPS);
    assertEquals(12, m.size());
    JsonObject metaOut = e.getJsonObject("metrics_meta");
    assertEquals("1", metaOut.getString("definitions_version"));
    assertEquals(new JsonArray().add(1).add(5), metaOut.getJsonArray("ks"));
    assertEquals(5, metaOut.getInteger("n_candidates"));
    assertEquals(1, metaOut.getInteger("dataset_version"));
    assertEquals(8, e.getJsonObject("hyper_parameters").getInteger("factors"));

    HttpResponse<Buffer> perUser = await(api.get("/datasets/tiny/experiments/hand/per-user"));
    assertEquals(200, perUser.statusCode());
    assertEquals(ArrowCodec.MEDIA_TYPE, perUser.getHeader("Content-Type"));
    Table t = ArrowCodec.fromBytes(perUser.body().getBytes());
    assertEquals(3, t.rows());
    String[] users = ((Column.Strings) t.column("user_id").orElseThrow()).values();
    double[] p5 = ((Column.Doubles) t.column("precision@5").orElseThrow()).values();
    Map<String, Double> byUser = Map.of(users[0], p5[0], users[1], p5[1], users[2], p5[2]);
    assertEquals(Map.of("1", 0.4, "2", 0.2, "3", 0.0), byUser);

    HttpResponse<Buffer> csv = await(api.get("/datasets/tiny/experiments/hand/per-user?format=csv"));
    assertEquals(200, csv.statusCode());
    assertTrue(csv.bodyAsString().startsWith("user_id,precision@1,"), csv.bodyAsString());
    assertEquals(4, csv.bodyAsString().trim().split("\n").length);

    JsonArray list = await(api.get("/datasets/tiny/experiments")).bodyAsJsonObject()
        .getJsonArray("experiments");
    assertEquals(1, list.size());
    assertEquals(m, list.getJsonObject(0).getJsonObject("metrics"));
  }

  @Test
  void idempotentRetryReturnsTheSameExperiment() throws Exception {
    ApiClient api = fx.signup("idem@example.com");
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables())).statusCode());
    String meta = new JsonObject().put("experiment_name", "retry").encode();
    HttpResponse<Buffer> first = await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", meta), Map.of("recommendations", ServerFixture.recommendations()), "key-1"));
    HttpResponse<Buffer> again = await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", meta), Map.of("recommendations", ServerFixture.recommendations()), "key-1"));
    HttpResponse<Buffer> other = await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", meta), Map.of("recommendations", ServerFixture.recommendations()), "key-2"));
    assertEquals(202, first.statusCode());
    assertEquals(200, again.statusCode());
    assertEquals(first.bodyAsJsonObject().getString("id"), again.bodyAsJsonObject().getString("id"));
    assertEquals(409, other.statusCode());
    assertEquals(1, await(api.get("/datasets/tiny/experiments")).bodyAsJsonObject()
        .getJsonArray("experiments").size());
  }

  @Test
  void embeddingsAreStoredWithTheExperiment() throws Exception {
    ApiClient api = fx.signup("emb@example.com");
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables())).statusCode());
    Table items = Table.of(new Column.Longs("item_id", new long[] {12, 13, 14}, null),
        new Column.Floats("e0", new float[] {1, 0, 0.5f}),
        new Column.Doubles("e1", new double[] {0, 1, 0.5}, null));
    Table users = Table.of(new Column.Longs("user_id", new long[] {1, 2}, null),
        new Column.Floats("e0", new float[] {1, 2}));
    HttpResponse<Buffer> up = await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", "{\"experiment_name\": \"emb\"}"), Map.of("recommendations",
            ServerFixture.recommendations(), "item_embeddings", items, "user_embeddings", users)));
    assertEquals(202, up.statusCode(), up.bodyAsString());
    assertEquals(2, up.bodyAsJsonObject().getInteger("item_embedding_dims"));
    assertEquals(1, up.bodyAsJsonObject().getInteger("user_embedding_dims"));
    String id = up.bodyAsJsonObject().getString("id");
    assertEquals("ready", fx.waitReady(api, "tiny", "emb").getString("status"));
    assertTrue(fx.blobFiles().stream().anyMatch(f -> f.endsWith(id + "/item_embeddings.arrow")));
    assertTrue(fx.blobFiles().stream().anyMatch(f -> f.endsWith(id + "/user_embeddings.arrow")));
  }

  @Test
  void csvUploadsWorkForCurlUsers() throws Exception {
    ApiClient api = fx.signup("csv@example.com");
    HttpResponse<Buffer> reg = await(api.postRaw("/datasets", Map.of("name", "csvds"), Map.of(
        "train", "user_id,item_id\nu1,a\nu1,b\nu2,a\n",
        "ground_truth", "user_id,item_id\nu1,c\nu2,b\n")));
    assertEquals(201, reg.statusCode(), reg.bodyAsString());
    assertEquals("string", reg.bodyAsJsonObject().getString("id_type"));
    HttpResponse<Buffer> up = await(api.postRaw("/datasets/csvds/experiments",
        Map.of("meta", "{\"experiment_name\": \"pop\", \"ks\": [1]}"),
        Map.of("recommendations", "user_id,item_id,score\nu1,c,1\nu2,b,1\nu2,c,1\n")));
    assertEquals(202, up.statusCode(), up.bodyAsString());
    JsonObject e = fx.waitReady(api, "csvds", "pop");
    // u2: ties between b and c are broken by id ascending, so b (a hit) comes first.
    assertEquals(1.0, e.getJsonObject("metrics").getDouble("precision@1"), EPS);
  }

  @Test
  void tokensCanBeCreatedListedAndRevoked() throws Exception {
    ApiClient api = fx.signup("tokens@example.com");
    JsonObject created = await(api.postJson("/tokens", new JsonObject().put("name", "laptop")))
        .bodyAsJsonObject();
    String token = created.getString("token");
    assertNotNull(token);
    ApiClient second = fx.client().token(token);
    assertEquals(200, await(second.get("/me")).statusCode());
    JsonArray tokens = await(api.get("/tokens")).bodyAsJsonObject().getJsonArray("tokens");
    assertEquals(2, tokens.size());
    assertTrue(tokens.stream().map(o -> ((JsonObject) o).getString("prefix"))
        .anyMatch(created.getString("prefix")::equals));
    assertTrue(tokens.encode().indexOf(token) < 0, "tokens are never shown again");
    assertEquals(204, await(api.delete("/tokens/" + created.getString("prefix"))).statusCode());
    assertEquals(401, await(second.get("/me")).statusCode());
  }

  @Test
  void loginGivesASessionThatWorksAsBearer() throws Exception {
    fx.signup("session@example.com");
    HttpResponse<Buffer> login = await(fx.client().postJson("/auth/login",
        new JsonObject().put("email", "session@example.com").put("password", "password-123")));
    assertEquals(200, login.statusCode());
    ApiClient web = fx.client().token(login.bodyAsJsonObject().getString("session"));
    JsonObject me = await(web.get("/me")).bodyAsJsonObject();
    assertEquals("session@example.com", me.getJsonObject("user").getString("email"));
    assertEquals(401, await(fx.client().postJson("/auth/login", new JsonObject()
        .put("email", "session@example.com").put("password", "wrong-password"))).statusCode());
  }

  @Test
  void healthAndIndexAnswer() throws Exception {
    assertEquals(200, await(fx.client().getRoot("/")).statusCode());
    assertEquals(200, await(fx.client().getRoot("/health/live")).statusCode());
    assertEquals(200, await(fx.client().getRoot("/health/ready")).statusCode());
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
