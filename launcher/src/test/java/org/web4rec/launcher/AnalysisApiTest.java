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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis API end to end on the hand-checkable dataset of {@link ServerFixture}: L@5 is
 * user 1 [12, 13, 14, 15, 16], user 2 [15, 14, 13], user 4 [16, 15], user 3 has no list.
 */
class AnalysisApiTest {

  @TempDir
  static Path dir;
  static ServerFixture fx;
  static ApiClient api;
  static String token;
  static final String E = "/datasets/tiny/experiments/hand";

  @BeforeAll
  static void start() throws Exception {
    fx = new ServerFixture(dir, 64L << 20);
    api = fx.signup("analysis@example.com");
    token = await(api.postJson("/tokens", new JsonObject().put("name", "again")))
        .bodyAsJsonObject().getString("token");
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables())).statusCode());
    JsonObject meta = new JsonObject().put("experiment_name", "hand")
        .put("ks", new JsonArray().add(5).add(1)).put("n_candidates", 5);
    assertEquals(202, await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", meta.encode()), Map.of("recommendations",
            ServerFixture.recommendations()))).statusCode());
    assertEquals("ready", fx.waitReady(api, "tiny", "hand").getString("status"));
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  static JsonObject post(String path, JsonObject body, int status) throws Exception {
    HttpResponse<Buffer> r = await(api.postJson(path, body));
    assertEquals(status, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static JsonObject get(ApiClient c, String path, int status) throws Exception {
    HttpResponse<Buffer> r = await(c.get(path));
    assertEquals(status, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** Polls a projection until it is stored (200); the first answer must be 202. */
  static JsonObject projection(ApiClient c, String query) throws Exception {
    HttpResponse<Buffer> first = await(c.get(E + "/projection?" + query));
    assertEquals(202, first.statusCode(), first.bodyAsString());
    assertEquals("running", first.bodyAsJsonObject().getString("status"));
    assertNotNull(first.bodyAsJsonObject().getDouble("progress"));
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<Buffer> r = await(c.get(E + "/projection?" + query));
      if (r.statusCode() == 200) {
        return r.bodyAsJsonObject();
      }
      assertEquals(202, r.statusCode(), r.bodyAsString());
      Thread.sleep(50);
    }
    throw new AssertionError("projection still running");
  }

  static void onePointEach(JsonObject map, long... ids) {
    assertEquals(ids.length, map.getInteger("n_points"));
    assertEquals(ids.length, map.getInteger("n_total"));
    assertEquals(ids.length, map.getJsonArray("x").size());
    assertEquals(ids.length, map.getJsonArray("y").size());
    java.util.Set<Long> got = new java.util.TreeSet<>();
    for (Object o : map.getJsonArray("ids")) {
      assertTrue(got.add(((Number) o).longValue()), "duplicate id " + o);
    }
    java.util.Set<Long> want = new java.util.TreeSet<>();
    for (long id : ids) {
      want.add(id);
    }
    assertEquals(want, got);
  }

  @Test
  void mapsAreComputedOnceStoredAndSurviveARestart() throws Exception {
    JsonObject users = projection(api, "entity=user&method=pca");
    onePointEach(users, 1, 2, 3, 4);
    assertEquals("candidate_scores", users.getString("source"));
    assertEquals(2, users.getJsonArray("explained_variance").size());
    assertEquals(false, users.getBoolean("sampled"));
    JsonObject items = projection(api, "entity=item&method=umap&neighbors=5");
    onePointEach(items, 10, 11, 12, 13, 14, 15, 16);
    assertEquals("train_interactions", items.getString("source"));
    assertEquals(5, items.getInteger("neighbors"));
    assertTrue(fx.blobFiles().stream().anyMatch(f -> f.endsWith("projection-user-pca.json")));

    fx.stop();
    fx.start();
    try {
      ApiClient again = fx.client().token(token);
      // stored: answered at once, same coordinates
      JsonObject stored = get(again, E + "/projection?entity=user&method=pca", 200);
      assertEquals(users.getJsonArray("x"), stored.getJsonArray("x"));
    } finally {
      api = fx.client().token(token);
    }
  }

  @Test
  void badInputIs400WithAnExampleAndOtherTeamsGet404() throws Exception {
    ApiClient outsider = fx.signup("outsider-" + System.nanoTime() + "@example.com");
    JsonObject bad = get(api, E + "/projection?entity=user&method=tsne", 400);
    assertTrue(bad.encode().contains("method"), bad.encode());
    assertNotNull(bad.getValue("example"), bad.encode());
    assertNotNull(get(api, E + "/projection?entity=user&method=umap&neighbors=1", 400)
        .getValue("example"));
    // a value inside the old 2..200 range but outside the offered set: the answer names the set
    JsonObject offSet = get(api, E + "/projection?entity=user&method=umap&neighbors=16", 400);
    assertTrue(offSet.getString("message").contains("[5, 10, 15, 30, 50]"), offSet.encode());
    JsonObject unknown = post(E + "/selection/users",
        new JsonObject().put("user_ids", new JsonArray().add(1).add(999)), 400);
    assertTrue(unknown.getString("message").contains("999"), unknown.encode());
    assertNotNull(unknown.getValue("example"));
    post(E + "/audience", new JsonObject().put("item_ids", new JsonArray()), 400);
    post(E + "/audience", new JsonObject().put("item_ids", new JsonArray().add(10))
        .put("k", 0), 400);
    post(E + "/filter", new JsonObject().put("entity", "user")
        .put("where", new JsonObject().put("shoe", new JsonArray().add(1))), 400);
    get(api, "/datasets/tiny/experiments/nope/attributes?entity=user", 404);
    get(api, "/datasets/tiny/users/999/drilldown", 404);

    get(outsider, E + "/projection?entity=user&method=pca", 404);
    get(outsider, E + "/attributes?entity=user", 404);
    get(outsider, "/datasets/tiny/users/1/drilldown", 404);
    assertEquals(404, await(outsider.postJson(E + "/selection/users",
        new JsonObject().put("user_ids", new JsonArray().add(1)))).statusCode());
    assertEquals(404, await(outsider.postJson(E + "/audience",
        new JsonObject().put("item_ids", new JsonArray().add(10)))).statusCode());
  }

  static Map<String, Integer> counts(JsonObject side, String which) {
    Map<String, Integer> m = new HashMap<>();
    for (int x = 0; x < side.getJsonArray("values").size(); x++) {
      m.put(side.getJsonArray("values").getString(x), side.getJsonArray(which).getInteger(x));
    }
    return m;
  }

  @Test
  void userSelectionMatchesHandCounts() throws Exception {
    JsonObject out = post(E + "/selection/users",
        new JsonObject().put("user_ids", new JsonArray().add(1).add("3")).put("k", 5), 200);
    assertEquals(2, out.getInteger("n_selected"));
    assertEquals(4, out.getInteger("n_total"));
    JsonObject gender = out.getJsonArray("side").getJsonObject(0);
    assertEquals("gender", gender.getString("column"));
    assertEquals(Map.of("F", 2, "M", 0), counts(gender, "selected"));
    assertEquals(Map.of("F", 2, "M", 2), counts(gender, "all"));
    // users 1 and 3: recall@5 is 1 and 0; over all evaluated users (1, 2, 3) it is 2/3
    JsonObject recall = null;
    for (Object o : out.getJsonArray("metrics")) {
      JsonObject m = (JsonObject) o;
      if (m.getString("metric").equals("recall@5")) {
        recall = m;
      }
    }
    assertNotNull(recall, out.encode());
    assertEquals("hand", recall.getString("experiment"));
    assertEquals(0.5, recall.getDouble("selected"), 1e-12);
    assertEquals(2.0 / 3, recall.getDouble("all"), 1e-12);
    // top-5 of user 1 (user 3 has no list): five items once each, share 1/2
    JsonArray top = out.getJsonArray("top_items");
    assertEquals(5, top.size());
    assertEquals(12L, top.getJsonObject(0).getLong("item"));
    assertEquals(0.5, top.getJsonObject(0).getDouble("share"), 1e-12);
    assertEquals(2001L, top.getJsonObject(0).getJsonObject("side").getLong("year"));
    // train genres of users 1 and 3: items 10 (Action, Comedy), 11 (Drama), 13 (Comedy)
    JsonObject genres = out.getJsonArray("genres").getJsonObject(0);
    Map<String, Integer> train = new HashMap<>();
    for (int x = 0; x < genres.getJsonArray("values").size(); x++) {
      train.put(genres.getJsonArray("values").getString(x),
          genres.getJsonArray("train_counts").getInteger(x));
    }
    assertEquals(2, train.get("Comedy"));
    assertEquals(1, train.get("Action"));
    assertEquals(1, train.get("Drama"));
    assertEquals(0, train.get("Horror"));
  }

  @Test
  void audienceComparesTrainUsersWithTopKNotCandidates() throws Exception {
    JsonArray items = new JsonArray().add(10).add(15);
    // train: 10 by users 1, 2, 4. Top-1: user 2 gets 15; user 1 has 15 only at rank 4.
    JsonObject k1 = post(E + "/audience", new JsonObject().put("item_ids", items).put("k", 1), 200);
    assertEquals(3, k1.getInteger("n_interacted"));
    assertEquals(1, k1.getInteger("n_recommended"));
    assertEquals(Map.of("F", 1, "M", 2), genders(k1, "interacted"));
    assertEquals(Map.of("F", 0, "M", 1), genders(k1, "recommended"));
    // top-2: user 4's [16, 15] joins
    JsonObject k2 = post(E + "/audience", new JsonObject().put("item_ids", items).put("k", 2), 200);
    assertEquals(2, k2.getInteger("n_recommended"));
    assertEquals(Map.of("F", 0, "M", 2), genders(k2, "recommended"));
  }

  static Map<String, Integer> genders(JsonObject out, String group) {
    Map<String, Integer> m = new HashMap<>();
    for (Object o : out.getJsonArray("rows")) {
      JsonObject r = (JsonObject) o;
      if (r.getString("group").equals(group) && r.getString("column").equals("gender")) {
        m.put(r.getString("value"), r.getInteger("count"));
      }
    }
    return m;
  }

  @Test
  void itemSelectionFiltersAttributesAndDrillDown() throws Exception {
    JsonObject sel = post(E + "/selection/items",
        new JsonObject().put("item_ids", new JsonArray().add(10).add(11)).put("k", 5), 200);
    // popularity: 10 has 3 train interactions, 11 has 1
    assertEquals(2.0, sel.getJsonObject("popularity").getJsonObject("selected")
        .getDouble("mean"), 1e-12);
    // 10 slots in all top-5 lists (5 + 3 + 2), none is 10 or 11
    assertEquals(0.0, sel.getJsonObject("recommended").getDouble("selected_share"), 1e-12);
    assertEquals(10, sel.getJsonObject("recommended").getInteger("slots"));

    JsonObject f = post(E + "/filter", new JsonObject().put("entity", "user")
        .put("where", new JsonObject().put("gender", new JsonArray().add("F"))
            .put("age", new JsonObject().put("min", 30))), 200);
    assertEquals(new JsonArray().add(3), f.getJsonArray("ids"));
    JsonObject byRecall = post(E + "/filter", new JsonObject().put("entity", "user")
        .put("metric", new JsonObject().put("name", "recall@5").put("min", 0.5)), 200);
    assertEquals(2, byRecall.getInteger("n"));
    JsonObject comedy90s = post(E + "/filter", new JsonObject().put("entity", "item")
        .put("where", new JsonObject().put("genres", new JsonArray().add("Comedy"))
            .put("year", new JsonObject().put("min", 1990).put("max", 1999))), 200);
    assertEquals(new JsonArray().add(10), comedy90s.getJsonArray("ids"));

    JsonObject names = get(api, E + "/attributes?entity=user", 200);
    assertTrue(names.getJsonArray("metrics").contains("recall@5"));
    JsonObject pop = get(api, E + "/attribute?entity=item&name=popularity", 200);
    Map<Long, Double> byId = new HashMap<>();
    for (int x = 0; x < pop.getJsonArray("ids").size(); x++) {
      byId.put(pop.getJsonArray("ids").getLong(x), pop.getJsonArray("values").getDouble(x));
    }
    assertEquals(Map.of(10L, 3.0, 11L, 1.0, 12L, 1.0, 13L, 1.0, 14L, 0.0, 15L, 0.0, 16L, 0.0),
        byId);

    JsonObject d = get(api, "/datasets/tiny/users/1/drilldown?experiments=hand&k=5", 200);
    assertEquals(1L, d.getLong("user"));
    assertEquals("F", d.getJsonObject("side").getString("gender"));
    assertEquals(2, d.getJsonArray("train").size());
    assertEquals(2, d.getJsonArray("ground_truth").size());
    JsonArray list = d.getJsonArray("experiments").getJsonObject(0).getJsonArray("items");
    assertEquals(5, list.size());
    boolean[] hits = new boolean[5];
    for (int x = 0; x < 5; x++) {
      hits[x] = list.getJsonObject(x).getBoolean("hit");
    }
    // [12 hit, 13, 14 hit, 15, 16]
    assertEquals("[true, false, true, false, false]", java.util.Arrays.toString(hits));
    assertEquals(2, d.getJsonArray("experiments").getJsonObject(0).getInteger("hits"));
  }
}
