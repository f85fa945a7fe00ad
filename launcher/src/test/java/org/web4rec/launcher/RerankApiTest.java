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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.core.synth.SyntheticData;
import org.web4rec.core.synth.SyntheticDataset;
import org.web4rec.core.synth.SyntheticSpec;
import org.web4rec.core.baselines.Baselines;
import org.web4rec.core.baselines.Recommendations;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/** Re-ranking end to end: derived experiments, λ = 0 identity, groups, sweeps, reports. */
class RerankApiTest {

  @TempDir
  static Path dir;
  static ServerFixture fx;
  static ApiClient api;
  static final String DS = "syn";

  @BeforeAll
  static void start() throws Exception {
    fx = new ServerFixture(dir, 64L << 20);
    api = fx.signup("rerank@example.com");
    SyntheticDataset d = SyntheticData.generate(new SyntheticSpec(120, 200, 3_000, 2, 6, 1.0, 9));
    Map<String, Table> tables = new HashMap<>();
    tables.put("train", Table.of(new Column.Longs("user_id", ids(d.trainUsers()), null),
        new Column.Longs("item_id", ids(d.trainItems()), null)));
    tables.put("ground_truth", Table.of(new Column.Longs("user_id", ids(d.gtUsers()), null),
        new Column.Longs("item_id", ids(d.gtItems()), null)));
    int[] all = new int[d.nItems()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    tables.put("item_side", Table.of(new Column.Longs("item_id", ids(all), null),
        new Column.StringLists("genres", d.genres())));
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", DS), tables))
        .statusCode());
    Recommendations knn = Baselines.itemKnn(d.train(), d.nItems(), 40, 20);
    Table recs = Table.of(new Column.Longs("user_id", ids(knn.users()), null),
        new Column.Longs("item_id", ids(knn.items()), null), new Column.Floats("score",
            knn.scores()));
    assertEquals(202, await(api.postTables("/datasets/" + DS + "/experiments",
        Map.of("meta", "{\"experiment_name\": \"knn\", \"ks\": [5], \"n_candidates\": 40}"),
        Map.of("recommendations", recs))).statusCode());
    assertEquals("ready", fx.waitReady(api, DS, "knn").getString("status"));
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  static long[] ids(int[] dense) {
    long[] out = new long[dense.length];
    for (int k = 0; k < dense.length; k++) {
      out[k] = dense[k] + 1L;
    }
    return out;
  }

  static HttpResponse<Buffer> rerank(JsonObject body) throws Exception {
    return await(api.postJson("/datasets/" + DS + "/experiments/knn/rerank", body));
  }

  static JsonObject metrics(String name) throws Exception {
    JsonObject e = fx.waitReady(api, DS, name);
    assertEquals("ready", e.getString("status"), e.encodePrettily());
    return e.getJsonObject("metrics");
  }

  @Test
  void lambdaZeroReproducesTheParentForEveryObjective() throws Exception {
    JsonObject parent = metrics("knn");
    for (String[] o : new String[][] {{"diversity", "cooc"}, {"novelty", null},
        {"unexpectedness", "genre.genres"}, {"calibration", null}, {"dpp", "cooc"}}) {
      JsonObject body = new JsonObject().put("objective", o[0]).put("lambda", 0).put("k", 5)
          .put("name", "identity-" + o[0]);
      if (o[1] != null) {
        body.put("sim", o[1]);
      }
      if (o[0].equals("calibration")) {
        body.put("column", "genres");
      }
      HttpResponse<Buffer> r = rerank(body);
      assertEquals(202, r.statusCode(), r.bodyAsString());
      JsonObject derived = metrics(r.bodyAsJsonObject().getString("name"));
      for (String name : derived.fieldNames()) {
        Double want = parent.getDouble(name);
        Double got = derived.getDouble(name);
        if (want == null || got == null) {
          assertEquals(want, got, o[0] + " " + name);
        } else {
          assertEquals(want, got, 1e-12, o[0] + " " + name);
        }
      }
      assertEquals(parent.size(), derived.size());
    }
  }

  @Test
  void derivedExperimentReportsTheCandidatesItReRanked() throws Exception {
    // The parent holds 40 candidates per user; the re-rank takes the first 30 and keeps 5.
    HttpResponse<Buffer> r = rerank(new JsonObject().put("objective", "novelty")
        .put("lambda", 0.5).put("k", 5).put("n_candidates", 30).put("name", "n30-k5"));
    assertEquals(202, r.statusCode(), r.bodyAsString());
    assertEquals(30, r.bodyAsJsonObject().getInteger("n_candidates"), r.bodyAsString());
    JsonObject e = fx.waitReady(api, DS, "n30-k5");
    assertEquals("ready", e.getString("status"), e.encodePrettily());
    assertEquals(30, e.getInteger("n_candidates"), e.encodePrettily());
    assertEquals(30, e.getJsonObject("rerank").getInteger("n_candidates"));
    assertEquals(5, e.getJsonObject("rerank").getInteger("k"));
    assertEquals(new JsonArray().add(5), e.getJsonArray("ks"));
    assertEquals(30, e.getJsonObject("metrics_meta").getInteger("n_candidates"));
    // Asking for more than the parent has re-ranks what it has.
    HttpResponse<Buffer> more = rerank(new JsonObject().put("objective", "novelty")
        .put("lambda", 0.5).put("k", 5).put("n_candidates", 500).put("name", "n500-k5"));
    assertEquals(202, more.statusCode(), more.bodyAsString());
    assertEquals(40, more.bodyAsJsonObject().getInteger("n_candidates"));
  }

  @Test
  void sweepGivesOneDerivedExperimentPerLambdaWithLineage() throws Exception {
    HttpResponse<Buffer> r = await(api.postJson("/datasets/" + DS + "/experiments/knn/sweep",
        new JsonObject().put("objective", "diversity").put("sim", "cooc").put("k", 5)));
    assertEquals(202, r.statusCode(), r.bodyAsString());
    JsonArray list = r.bodyAsJsonObject().getJsonArray("experiments");
    assertEquals(11, list.size());
    assertEquals("knn~diversity:cooc@0", list.getJsonObject(0).getString("name"));
    assertEquals("knn~diversity:cooc@1", list.getJsonObject(10).getString("name"));
    JsonObject last = fx.waitReady(api, DS, "knn~diversity:cooc@1");
    assertEquals("knn", last.getString("parent"));
    assertEquals("diversity", last.getString("objective"));
    assertEquals("cooc", last.getString("sim"));
    assertEquals(1.0, last.getDouble("lambda"));
    // λ = 1 with diversity: every user's intra-list diversity is at least the parent's.
    JsonObject p = await(api.get("/datasets/" + DS + "/experiments/knn/per-user?format=json"))
        .bodyAsJsonObject().getJsonObject("columns");
    JsonObject d = await(api.get("/datasets/" + DS
        + "/experiments/knn~diversity:cooc@1/per-user?format=json")).bodyAsJsonObject()
        .getJsonObject("columns");
    Map<String, Double> before = new HashMap<>();
    for (int k = 0; k < p.getJsonArray("user_id").size(); k++) {
      before.put(p.getJsonArray("user_id").getString(k),
          p.getJsonArray("diversity@5:cooc").getDouble(k));
    }
    int compared = 0;
    for (int k = 0; k < d.getJsonArray("user_id").size(); k++) {
      Double after = d.getJsonArray("diversity@5:cooc").getDouble(k);
      Double was = before.get(d.getJsonArray("user_id").getString(k));
      if (after != null && was != null) {
        assertTrue(after >= was - 1e-12, "user " + d.getJsonArray("user_id").getString(k));
        compared++;
      }
    }
    assertTrue(compared > 100);
    JsonObject report = await(api.get("/datasets/" + DS
        + "/experiments/knn~diversity:cooc@1/rerank-report")).bodyAsJsonObject();
    assertEquals("knn", report.getString("parent"));
    JsonObject div = report.getJsonArray("deltas").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("metric").equals("diversity@5:cooc")).findFirst().orElseThrow();
    assertEquals("up", div.getString("direction"));
    assertTrue(report.getJsonArray("new_items").size() > 0);
    assertTrue(report.getJsonArray("top_after").getJsonObject(0).containsKey("genres"));
    JsonObject diff = await(api.get("/datasets/" + DS
        + "/experiments/knn~diversity:cooc@1/user-diff?user=1")).bodyAsJsonObject();
    assertEquals(5, diff.getJsonArray("before").size());
    assertEquals(5, diff.getJsonArray("after").size());
    JsonObject firstAfter = diff.getJsonArray("after").getJsonObject(0);
    assertEquals(firstAfter.getInteger("original_rank") - 1, firstAfter.getInteger("shift"));
  }

  @Test
  void groupRerankTouchesOnlyTheGroup() throws Exception {
    HttpResponse<Buffer> r = rerank(new JsonObject().put("objective", "novelty").put("lambda",
        0.5).put("k", 5).put("users", new JsonArray().add(3).add("7").add(11)));
    assertEquals(202, r.statusCode(), r.bodyAsString());
    String name = r.bodyAsJsonObject().getString("name");
    assertTrue(name.startsWith("knn~novelty@0.5~group-"), name);
    metrics(name);
    List<Object> users = await(api.get("/datasets/" + DS + "/experiments/" + name
        + "/per-user?format=json")).bodyAsJsonObject().getJsonObject("columns")
        .getJsonArray("user_id").getList();
    assertEquals(new ArrayList<>(List.of("3", "7", "11")).stream().sorted().toList(),
        users.stream().map(Object::toString).sorted().toList());
  }

  @Test
  void badRequestsAreRejectedAndLeaveNothing() throws Exception {
    int before = await(api.get("/datasets/" + DS + "/experiments")).bodyAsJsonObject()
        .getJsonArray("experiments").size();
    assertEquals(400, rerank(new JsonObject().put("objective", "magic").put("lambda", 0.5))
        .statusCode());
    assertEquals(400, rerank(new JsonObject().put("objective", "diversity").put("lambda", 2))
        .statusCode());
    assertEquals(400, rerank(new JsonObject().put("objective", "diversity").put("sim", "emb")
        .put("lambda", 0.5)).statusCode()); // uploaded without embeddings
    assertEquals(400, rerank(new JsonObject().put("objective", "diversity").put("sim",
        "genre.year").put("lambda", 0.5)).statusCode());
    assertEquals(400, rerank(new JsonObject().put("objective", "calibration").put("lambda", 0.5))
        .statusCode());
    HttpResponse<Buffer> unknown = rerank(new JsonObject().put("objective", "novelty")
        .put("lambda", 0.5).put("users", new JsonArray().add(99999)));
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.bodyAsString().contains("99999"));
    assertEquals(400, rerank(new JsonObject().put("objective", "novelty").put("lambda", 0.5)
        .put("k", 50)).statusCode()); // more than the 40 candidates
    // the name of a single re-rank follows the experiment-name rules
    for (String badName : List.of("..", "a/b", "bidi\u202Ename", "zero\u200Bwidth", "")) {
      HttpResponse<Buffer> named = rerank(new JsonObject().put("objective", "novelty")
          .put("lambda", 0.5).put("name", badName));
      assertEquals(400, named.statusCode(), badName);
      assertTrue(named.bodyAsJsonObject().getString("message").startsWith("name must"),
          named.bodyAsString());
      assertNotNull(named.bodyAsJsonObject().getString("example"));
    }
    assertEquals(404, await(api.postJson("/datasets/" + DS + "/experiments/ghost/rerank",
        new JsonObject().put("objective", "novelty").put("lambda", 0.5))).statusCode());
    ApiClient other = fx.signup("rerank-other@example.com");
    assertEquals(404, await(other.postJson("/datasets/" + DS + "/experiments/knn/rerank",
        new JsonObject().put("objective", "novelty").put("lambda", 0.5))).statusCode());
    assertEquals(before, await(api.get("/datasets/" + DS + "/experiments")).bodyAsJsonObject()
        .getJsonArray("experiments").size());
    // the same re-rank twice: the name exists
    assertEquals(202, rerank(new JsonObject().put("objective", "novelty").put("lambda", 0.3))
        .statusCode());
    assertEquals(409, rerank(new JsonObject().put("objective", "novelty").put("lambda", 0.3))
        .statusCode());
  }
}
