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
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

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
    // Beyond accuracy at K = 5, worked out by hand (METRICS.md):
    // train H: 1 {10,11}, 2 {10,12}, 3 {13}, 4 {10}; |U_train| = 4; pop 10:3, 11:1, 12:1, 13:1,
    // 14-16: 0. Lists: 1 [12,13,14,15,16], 2 [15,14,13], 4 [16,15]; user 3 has none.
    // novelty: every listed item has max(pop,1) = 1 → -log2(1/4) = 2 bits; normalised 2/log2 4.
    assertEquals(2.0, m.getDouble("novelty@5"), EPS);
    assertEquals(1.0, m.getDouble("novelty_norm@5"), EPS);
    // avg_popularity: (2/5/4 + 1/3/4 + 0) / 3
    assertEquals((0.1 + 1.0 / 12) / 3, m.getDouble("avg_popularity@5"), EPS);
    // Head reaches 80% of 6 interactions: 10 (3), 11 (1), 12 (1) → tail {13,14,15,16}
    assertEquals((0.8 + 1 + 1) / 3, m.getDouble("tail_share@5"), EPS);
    // exposure: 12:1, 13:2, 14:2, 15:3, 16:2, 10 and 11: 0 over |I_cat| = 7
    assertEquals(5.0 / 7, m.getDouble("coverage@5"), EPS);
    assertEquals(28.0 / 70, m.getDouble("gini@5"), EPS); // Σ(2j-8)c_(j) = 28, n·Σc = 70
    double entropy = -(0.1 * log2(0.1) + 3 * 0.2 * log2(0.2) + 0.3 * log2(0.3));
    assertEquals(entropy, m.getDouble("entropy@5"), EPS);
    // overlaps 3 + 2 + 1 over 3 user pairs, divided by K
    assertEquals(1 - (6.0 / 3) / 5, m.getDouble("personalization@5"), EPS);
    // no two listed items share a train user or a genre → every distance is 1
    assertEquals(1.0, m.getDouble("diversity@5:cooc"), EPS);
    assertEquals(1.0, m.getDouble("diversity@5:genre.genres"), EPS);
    // cooc(12,10) = 1/sqrt(1·3); user 1: item 12 has 1 - (1/sqrt 3)/2, the other four 1
    double u1 = (1 - 1 / Math.sqrt(3) / 2 + 4) / 5;
    assertEquals((u1 + 1 + 1) / 3, m.getDouble("unexpectedness@5:cooc"), EPS);
    // hits: user 1 → 12 and 14, user 2 → 15; user 4 has no hits
    double s1 = (1 - 1 / Math.sqrt(3) / 2 + 1) / 5;
    assertEquals((s1 + 1.0 / 3 + 0) / 3, m.getDouble("serendipity@5:cooc"), EPS);
    // Steck KL with q~ = 0.99 q + 0.01 p (genre shares: see ServerFixture#itemSide)
    double kl1 = 0.5 * log2(0.5 / (0.99 * 0.125 + 0.01 * 0.5));
    double kl2 = 2 * 0.25 * log2(0.25 / (0.99 * 0.5 + 0.01 * 0.25)) + 2 * 0.25 * log2(0.25 / 0.0025);
    double kl4 = 2 * 0.5 * log2(0.5 / 0.005);
    assertEquals((kl1 + kl2 + kl4) / 3, m.getDouble("miscalibration@5:genres"), 1e-9);
    // per K: 6 accuracy + 4 popularity/novelty + 3 × 2 sources + 1 miscalibration + 4 global
    assertEquals(42, m.size());
    JsonObject metaOut = e.getJsonObject("metrics_meta");
    assertEquals("1", metaOut.getString("definitions_version"));
    assertEquals(new JsonArray().add(1).add(5), metaOut.getJsonArray("ks"));
    assertEquals(5, metaOut.getInteger("n_candidates"));
    assertEquals(1, metaOut.getInteger("dataset_version"));
    assertEquals(new JsonArray().add("cooc").add("genre.genres"),
        metaOut.getJsonArray("similarity_sources"));
    assertEquals(8, e.getJsonObject("hyper_parameters").getInteger("factors"));

    // exposure by popularity decile: 7 items → deciles of 0 or 1 item; D1 is item 10 (pop 3,
    // never recommended), the 5 recommended items hold all 10 recommendations.
    JsonArray deciles = await(api.get("/datasets/tiny/experiments/hand/breakdown"
        + "?metric=exposure@5&by=item_popularity")).bodyAsJsonObject().getJsonArray("groups");
    assertEquals(10, deciles.size());
    JsonObject d1 = deciles.getJsonObject(0);
    assertEquals(1, d1.getInteger("n"));
    assertEquals(3, d1.getInteger("pop_max"));
    assertEquals(0.0, d1.getDouble("mean"), EPS);
    double share = 0;
    int items = 0;
    for (Object o : deciles) {
      JsonObject g = (JsonObject) o;
      items += g.getInteger("n");
      share += g.getDouble("mean") == null ? 0 : g.getDouble("mean");
    }
    assertEquals(7, items);
    assertEquals(1.0, share, EPS);

    HttpResponse<Buffer> perUser = await(api.get("/datasets/tiny/experiments/hand/per-user"));
    assertEquals(200, perUser.statusCode());
    assertEquals(ArrowCodec.MEDIA_TYPE, perUser.getHeader("Content-Type"));
    Table t = ArrowCodec.fromBytes(perUser.body().getBytes());
    // users with ground truth (1, 2, 3) or a list (4); NaN where a metric does not apply
    assertEquals(4, t.rows());
    String[] users = ((Column.Strings) t.column("user_id").orElseThrow()).values();
    double[] p5 = ((Column.Doubles) t.column("precision@5").orElseThrow()).values();
    double[] nov = ((Column.Doubles) t.column("novelty@5").orElseThrow()).values();
    Map<String, Double> byUser = Map.of(users[0], p5[0], users[1], p5[1], users[2], p5[2]);
    assertEquals(Map.of("1", 0.4, "2", 0.2, "3", 0.0), byUser);
    assertEquals("4", users[3]);
    assertTrue(Double.isNaN(p5[3]));
    assertEquals(2.0, nov[3], EPS);
    assertTrue(Double.isNaN(nov[2]), "user 3 has no list");

    HttpResponse<Buffer> csv = await(api.get("/datasets/tiny/experiments/hand/per-user?format=csv"));
    assertEquals(200, csv.statusCode());
    assertTrue(csv.bodyAsString().startsWith("user_id,precision@1,"), csv.bodyAsString());
    assertEquals(5, csv.bodyAsString().trim().split("\n").length);

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
    JsonObject e = fx.waitReady(api, "tiny", "emb");
    assertEquals("ready", e.getString("status"));
    assertEquals(new JsonArray().add("cooc").add("genre.genres").add("emb"),
        e.getJsonObject("metrics_meta").getJsonArray("similarity_sources"));
    // cos(12,13) = 0, cos(12,14) = cos(13,14) = 1/sqrt 2; items 15 and 16 have no embedding
    // (similarity 0). Lists @5: 1 [12,13,14,15,16], 2 [15,14,13], 4 [16,15].
    double d = 1 - 1 / Math.sqrt(2);
    double expected = ((8 + 2 * d) / 10 + (2 + d) / 3 + 1) / 3;
    assertEquals(expected, e.getJsonObject("metrics").getDouble("diversity@5:emb"), 1e-6);
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
