package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/** The compare table (filter, sort, page, column selection), dataset stats and JSON per-user. */
class TableAndStatsTest {

  @TempDir
  static Path dir;
  static ServerFixture fx;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    fx = new ServerFixture(dir, 64L << 20);
    api = fx.signup("table@example.com");
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables())).statusCode());
    // Three experiments whose precision@1 differs: user 1 gets item 12 (hit) or 13 (miss) first.
    upload("hit-both", new long[] {12, 15});
    upload("hit-one", new long[] {13, 15});
    upload("hit-none", new long[] {13, 14});
    for (String n : List.of("hit-both", "hit-one", "hit-none")) {
      fx.waitReady(api, "tiny", n);
    }
  }

  /** User 1 gets items[0], user 2 gets items[1], one item each. */
  static void upload(String name, long[] items) throws Exception {
    Table recs = Table.of(new Column.Longs("user_id", new long[] {1, 2}, null),
        new Column.Longs("item_id", items, null), new Column.Floats("score", new float[] {1, 1}));
    assertEquals(202, await(api.postTables("/datasets/tiny/experiments", Map.of("meta",
        new JsonObject().put("experiment_name", name).put("ks", new JsonArray().add(1))
            .put("hyper_parameters", new JsonObject().put("variant", name)).encode()),
        Map.of("recommendations", recs))).statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  static List<String> names(JsonObject page) {
    List<String> out = new ArrayList<>();
    for (Object r : page.getJsonArray("rows")) {
      out.add(((JsonObject) r).getString("name"));
    }
    return out;
  }

  @Test
  void sortsByAMetricAndReturnsOnlyTheRequestedColumns() throws Exception {
    JsonObject page = await(api.get("/datasets/tiny/experiments/table?sort=precision@1:desc"
        + "&columns=precision@1")).bodyAsJsonObject();
    assertEquals(3, page.getInteger("total"));
    // precision@1 means over users 1, 2, 3: 2/3, 1/3, 0
    assertEquals(List.of("hit-both", "hit-one", "hit-none"), names(page));
    JsonObject first = page.getJsonArray("rows").getJsonObject(0);
    assertEquals(new JsonObject().put("precision@1", 2.0 / 3), first.getJsonObject("metrics"));
    assertNull(first.getString("parent"));
    List<?> metricNames = page.getJsonArray("metric_names").getList();
    assertEquals(21, metricNames.size()); // every METRICS.md metric at K = 1
    assertTrue(metricNames.containsAll(List.of("ndcg@1", "novelty@1", "coverage@1",
        "diversity@1:cooc", "serendipity@1:genre.genres", "miscalibration@1:genres")));
    List<?> sorted = new ArrayList<>(metricNames);
    sorted.sort(null);
    assertEquals(sorted, metricNames);
    assertEquals(List.of("variant"), page.getJsonArray("hyper_parameter_names").getList());
    JsonObject asc = await(api.get("/datasets/tiny/experiments/table?sort=precision@1:asc"
        + "&columns=precision@1,ndcg@1")).bodyAsJsonObject();
    assertEquals(List.of("hit-none", "hit-one", "hit-both"), names(asc));
    assertEquals(2, asc.getJsonArray("rows").getJsonObject(0).getJsonObject("metrics").size());
  }

  @Test
  void pagesAndFilters() throws Exception {
    JsonObject page = await(api.get("/datasets/tiny/experiments/table?sort=name:asc&offset=1"
        + "&limit=1")).bodyAsJsonObject();
    assertEquals(3, page.getInteger("total"));
    assertEquals(List.of("hit-none"), names(page));
    JsonObject filtered = await(api.get("/datasets/tiny/experiments/table?q=ONE"))
        .bodyAsJsonObject();
    assertEquals(2, filtered.getInteger("total")); // hit-one, hit-none
    assertEquals(400, await(api.get("/datasets/tiny/experiments/table?limit=0")).statusCode());
    assertEquals(400, await(api.get("/datasets/tiny/experiments/table?sort=name:up"))
        .statusCode());
  }

  @Test
  void perUserAsColumnarJson() throws Exception {
    JsonObject cols = await(api.get("/datasets/tiny/experiments/hit-one/per-user?format=json"))
        .bodyAsJsonObject().getJsonObject("columns");
    assertEquals(List.of("1", "2", "3"), cols.getJsonArray("user_id").getList());
    assertEquals(List.of(0.0, 1.0, 0.0), cols.getJsonArray("precision@1").getList());
    assertEquals(400, await(api.get("/datasets/tiny/experiments/hit-one/per-user?format=xml"))
        .statusCode());
  }

  @Test
  void breakdownByGenderAndColdUsers() throws Exception {
    // precision@1 of hit-one per user: 1 → 0 (gets 13), 2 → 1 (gets 15), 3 → 0 (no list)
    JsonObject b = await(api.get("/datasets/tiny/experiments/hit-one/breakdown"
        + "?metric=precision@1&by=gender")).bodyAsJsonObject();
    JsonArray groups = b.getJsonArray("groups");
    // users 1 and 3 are F, 2 is M (user 4 is M but has no ground truth)
    assertEquals("F", groups.getJsonObject(0).getString("group"));
    assertEquals(2, groups.getJsonObject(0).getInteger("n"));
    assertEquals(0.0, groups.getJsonObject(0).getDouble("mean"), 1e-12);
    assertEquals("M", groups.getJsonObject(1).getString("group"));
    assertEquals(1, groups.getJsonObject(1).getInteger("n"));
    assertEquals(1.0, groups.getJsonObject(1).getDouble("mean"), 1e-12);
    // every user has |H_u| <= 5: all three evaluated users are cold
    JsonArray cold = await(api.get("/datasets/tiny/experiments/hit-one/breakdown"
        + "?metric=precision@1&by=cold")).bodyAsJsonObject().getJsonArray("groups");
    assertEquals(3, cold.getJsonObject(0).getInteger("n"));
    assertEquals(0, cold.getJsonObject(1).getInteger("n"));
    assertEquals(400, await(api.get("/datasets/tiny/experiments/hit-one/breakdown"
        + "?metric=precision@1&by=shoe_size")).statusCode());
    assertEquals(400, await(api.get("/datasets/tiny/experiments/hit-one/breakdown"
        + "?metric=nope@1&by=cold")).statusCode());
  }

  @Test
  void compareGivesPairwiseDifferencesWithHolm() throws Exception {
    JsonObject c = await(api.get("/datasets/tiny/compare?experiments=hit-none,hit-one,hit-both"
        + "&metrics=precision@1")).bodyAsJsonObject();
    JsonArray rows = c.getJsonArray("comparisons");
    assertEquals(3, rows.size());
    JsonObject first = rows.getJsonObject(0); // hit-none vs hit-one: per user (0,0,0) vs (0,1,0)
    assertEquals("hit-none", first.getString("a"));
    assertEquals("hit-one", first.getString("b"));
    assertEquals(3, first.getInteger("n"));
    assertEquals(1.0 / 3, first.getDouble("mean_diff"), 1e-12);
    assertTrue(first.getDouble("p_t_adj") >= first.getDouble("p_t"));
    JsonObject two = await(api.get("/datasets/tiny/compare?experiments=hit-none,hit-both"))
        .bodyAsJsonObject();
    // every per-user metric at K = 1: 6 accuracy, 4 novelty/popularity, 3 × 2 similarity sources,
    // 1 miscalibration (global metrics have no per-user values)
    assertEquals(17, two.getJsonArray("metrics").size());
    JsonObject p = two.getJsonArray("comparisons").getJsonObject(0);
    assertEquals(p.getDouble("p_t"), p.getDouble("p_t_adj"));
    assertEquals(400, await(api.get("/datasets/tiny/compare?experiments=hit-one")).statusCode());
    assertEquals(404, await(api.get("/datasets/tiny/compare?experiments=hit-one,ghost"))
        .statusCode());
  }

  @Test
  void datasetStatsDescribeTheLongTailAndSideColumns() throws Exception {
    JsonObject s = await(api.get("/datasets/tiny/stats")).bodyAsJsonObject();
    assertEquals(7, s.getInteger("n_items"));
    // train pop: item 10 → 3 users, 11, 12, 13 → 1 each, 14, 15, 16 → 0
    JsonObject pop = s.getJsonObject("popularity");
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), pop.getJsonArray("rank").getList());
    assertEquals(List.of(3, 1, 1, 1, 0, 0, 0), pop.getJsonArray("count").getList());
    // 80% of 6 interactions = 4.8: items 10 (3), then two more (5) → head of 3 items
    assertEquals(3.0 / 7, s.getDouble("head_share"), 1e-12);
    JsonObject gender = s.getJsonArray("user_columns").getJsonObject(0);
    assertEquals(List.of("F", "M"), gender.getJsonArray("values").getList());
    assertEquals(List.of(2, 2), gender.getJsonArray("counts").getList());
    JsonObject age = s.getJsonArray("user_columns").getJsonObject(1);
    assertEquals("numeric", age.getString("kind"));
    assertEquals(4, age.getJsonArray("counts").stream().mapToInt(o -> (Integer) o).sum());
    JsonObject genres = s.getJsonArray("item_columns").getJsonObject(0);
    assertEquals("multi", genres.getString("kind"));
    // Action: 10, 14; Comedy: 10, 13; Drama: 11, 12; Romance: 12; Horror: 16
    assertEquals(List.of("Action", "Comedy", "Drama", "Horror", "Romance"),
        genres.getJsonArray("values").getList());
    assertEquals(List.of(2, 2, 2, 1, 1), genres.getJsonArray("counts").getList());
    assertTrue(s.getJsonArray("item_columns").getJsonObject(1).containsKey("bin_edges"));
  }
}
