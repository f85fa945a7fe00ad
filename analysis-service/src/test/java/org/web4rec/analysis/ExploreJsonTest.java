package org.web4rec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.explore.Filters;
import org.web4rec.core.explore.Named;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;
import org.web4rec.platform.http.ApiException;

/**
 * The JSON views of the explore panels on a dataset small enough to write the answers by hand:
 * ids in the user's type, side values as stored, missing numbers as null, error texts.
 */
class ExploreJsonTest {

  // users 1, 2, 3 and items 10, 11, 12 (dense 0..2 each)
  static final Dataset DS = new Dataset(new String[] {"1", "2", "3"},
      new String[] {"10", "11", "12"},
      Csr.fromPairs(3, new int[] {0, 1, 1}, new int[] {0, 1, 2}),
      Csr.fromPairs(3, new int[] {0, 1, 2}, new int[] {1, 0, 2}),
      Table.of(new Column.Strings("user_id", new String[] {"1", "2", "3"}),
          new Column.Strings("gender", new String[] {"F", "M", null}),
          new Column.Longs("age", new long[] {20, 30, 40}, null)),
      Table.of(new Column.Strings("item_id", new String[] {"10", "11", "12"}),
          new Column.StringLists("genres", new String[][] {{"Comedy"}, {"Drama", "Comedy"},
              null})));
  // user 1: 11 (3), 12 (2); user 2: 10 (1); user 3: nothing
  static final CandidateLists LISTS = CandidateLists.ofSorted(new int[] {0, 2, 3, 3},
      new int[] {1, 2, 0}, new float[] {3, 2, 1});
  static final Table PER_USER = Table.of(new Column.Strings("user_id", new String[] {"2", "3"}),
      new Column.Doubles("recall@10", new double[] {0.2, 0.9}, null));

  @Test
  void drilldownNamesItemsInTheUsersIdTypeWithTheirSideValues() {
    JsonObject out = ExploreJson.drilldown(DS, "1", List.of(new Named<>("A", LISTS)), 10, true);
    assertEquals(new JsonObject("""
        {"user": 1, "side": {"gender": "F", "age": 20}, "k": 10,
         "train": [{"item": 10, "side": {"genres": ["Comedy"]}}],
         "ground_truth": [{"item": 11, "side": {"genres": ["Drama", "Comedy"]}}],
         "experiments": [{"name": "A", "hits": 1, "items": [
           {"item": 11, "rank": 1, "score": 3.0, "hit": true,
            "side": {"genres": ["Drama", "Comedy"]}},
           {"item": 12, "rank": 2, "score": 2.0, "hit": false, "side": {"genres": null}}]}]}
        """), new JsonObject(out.encode()));
    ApiException missing = assertThrows(ApiException.class,
        () -> ExploreJson.drilldown(DS, "nobody", List.of(), 3, true));
    assertEquals(404, missing.status());
  }

  @Test
  void filterAnswersIdsAndRejectsUnknownColumnsAndWrongShapes() {
    JsonObject byMetric = ExploreJson.filter(DS, "user", null, new JsonObject()
        .put("name", "recall@10").put("min", 0.5), PER_USER, true);
    assertEquals(new JsonObject("""
        {"entity": "user", "ids": [3], "n": 1, "n_total": 3}"""),
        new JsonObject(byMetric.encode()));
    JsonObject byGender = ExploreJson.filter(DS, "user", new JsonObject()
        .put("gender", new JsonArray().add("F")), null, null, false);
    assertEquals(new JsonArray().add("1"), byGender.getJsonArray("ids"));
    assertError("'shoe_size' is not a user side column; columns: [gender, age]",
        new JsonObject().put("shoe_size", new JsonArray().add(3)));
    assertError("column 'gender' takes a list of values",
        new JsonObject().put("gender", new JsonObject().put("min", 1)));
    assertError("numeric column 'age' takes a range {\"min\": .., \"max\": ..}",
        new JsonObject().put("age", new JsonArray().add("x")));
    assertError("age.min must be a number",
        new JsonObject().put("age", new JsonObject().put("min", "a")));
  }

  static void assertError(String message, JsonObject where) {
    InvalidInput bad = assertThrows(InvalidInput.class,
        () -> ExploreJson.filter(DS, "user", where, null, null, true));
    assertEquals(message, bad.getMessage());
    assertEquals(Filters.EXAMPLE, bad.example());
  }

  @Test
  void attributeValuesAreStoredValuesOrNullWhereAMetricIsMissing() {
    JsonObject metric = ExploreJson.attribute(DS, "user", "recall@10", PER_USER, true);
    assertEquals(new JsonObject("""
        {"entity": "user", "name": "recall@10", "kind": "numeric", "ids": [1, 2, 3],
         "values": [null, 0.2, 0.9]}"""), new JsonObject(metric.encode()));
    JsonObject genres = ExploreJson.attribute(DS, "item", "genres", null, false);
    assertEquals(new JsonObject("""
        {"entity": "item", "name": "genres", "kind": "multi", "ids": ["10", "11", "12"],
         "values": [["Comedy"], ["Drama", "Comedy"], null]}"""), new JsonObject(genres.encode()));
    assertEquals(new JsonObject("""
        {"entity": "item", "side": [{"name": "genres", "kind": "multi"}],
         "metrics": ["popularity"]}"""), ExploreJson.attributes(DS, "item", null));
    InvalidInput bad = assertThrows(InvalidInput.class,
        () -> ExploreJson.attribute(DS, "item", "year", null, true));
    assertEquals("?entity=item&name=popularity", bad.example());
  }

  @Test
  void selectionPanelsInTheDocumentedShape() {
    JsonObject users = ExploreJson.selectUsers(DS, LISTS, 10, new int[] {0, 1},
        List.of(new Named<>("A", PER_USER)), true);
    assertEquals(new JsonObject("""
        {"column": "gender", "kind": "categorical", "values": ["F", "M"],
         "selected": [1, 1], "all": [1, 1]}"""), users.getJsonArray("side").getJsonObject(0));
    assertEquals(List.of("column", "kind", "edges", "selected", "all"),
        List.copyOf(users.getJsonArray("side").getJsonObject(1).fieldNames()));
    assertEquals(new JsonObject("""
        {"experiment": "A", "metric": "recall@10", "selected": 0.2, "all": 0.55}"""),
        users.getJsonArray("metrics").getJsonObject(0));
    assertEquals(new JsonObject("""
        {"item": 10, "count": 1, "share": 0.5, "side": {"genres": ["Comedy"]}}"""),
        new JsonObject(users.getJsonArray("top_items").getJsonObject(0).encode()));
    // train items 10, 11, 12 and top-k items 11, 12, 10: Comedy ×2, Drama ×1 each (12 has none)
    assertEquals(new JsonObject("""
        {"column": "genres", "values": ["Comedy", "Drama"],
         "train": [0.6666666666666666, 0.3333333333333333],
         "recommended": [0.6666666666666666, 0.3333333333333333],
         "train_counts": [2, 1], "recommended_counts": [2, 1]}"""),
        users.getJsonArray("genres").getJsonObject(0));
    JsonObject items = ExploreJson.selectItems(DS, LISTS, 1, new int[] {1});
    assertEquals(new JsonObject("""
        {"selected_share": 0.5, "selected_slots": 1, "slots": 2}"""),
        new JsonObject(items.getJsonObject("recommended").encode()));
    assertEquals(1.0, items.getJsonObject("popularity").getJsonObject("selected")
        .getDouble("median"));
    JsonObject audience = ExploreJson.audience(DS, LISTS, 10, new int[] {0});
    assertEquals(new JsonObject("""
        {"group": "interacted", "column": "gender", "value": "F", "count": 1}"""),
        audience.getJsonArray("rows").getJsonObject(0));
  }
}
