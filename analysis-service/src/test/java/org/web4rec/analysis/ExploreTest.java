package org.web4rec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.platform.http.ApiException;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/** Every aggregate against a direct count over the raw fixture values. */
class ExploreTest {

  static final Fixtures F = new Fixtures(400, 120, 15, 30, 11);
  static final int K = 10;

  static int[] selection() {
    int[] sel = new int[100];
    for (int k = 0; k < sel.length; k++) {
      sel[k] = k * 4; // includes user 0 (no list)
    }
    return sel;
  }

  static JsonObject side(JsonArray side, String column) {
    for (int x = 0; x < side.size(); x++) {
      if (side.getJsonObject(x).getString("column").equals(column)) {
        return side.getJsonObject(x);
      }
    }
    throw new AssertionError("no column " + column);
  }

  static Map<String, Integer> asMap(JsonObject o, String which) {
    Map<String, Integer> m = new HashMap<>();
    for (int x = 0; x < o.getJsonArray("values").size(); x++) {
      m.put(o.getJsonArray("values").getString(x), o.getJsonArray(which).getInteger(x));
    }
    return m;
  }

  @Test
  void userSelectionSideCountsEqualDirectCounts() {
    int[] sel = selection();
    JsonObject out = Explore.selectUsers(F.ds, F.lists, K, sel, List.of(), true);
    assertEquals(100, out.getInteger("n_selected"));
    assertEquals(400, out.getInteger("n_total"));
    JsonObject gender = side(out.getJsonArray("side"), "gender");
    Map<String, Integer> selected = asMap(gender, "selected");
    Map<String, Integer> all = asMap(gender, "all");
    for (String g : Fixtures.GENDERS) {
      int s = 0;
      int a = 0;
      for (int u = 0; u < 400; u++) {
        if (g.equals(F.gender[u])) {
          a++;
          s += u % 4 == 0 ? 1 : 0;
        }
      }
      assertEquals(s, selected.get(g), g);
      assertEquals(a, all.get(g), g);
    }
    JsonObject age = side(out.getJsonArray("side"), "age");
    JsonArray edges = age.getJsonArray("edges");
    int lastBin = edges.size() - 2;
    for (int b = 0; b <= lastBin; b++) {
      double lo = edges.getDouble(b);
      double hi = edges.getDouble(b + 1);
      int s = 0;
      int a = 0;
      for (int u = 0; u < 400; u++) {
        boolean in = F.age[u] >= lo && (b == lastBin ? F.age[u] <= hi : F.age[u] < hi);
        if (in) {
          a++;
          s += u % 4 == 0 ? 1 : 0;
        }
      }
      assertEquals(s, age.getJsonArray("selected").getInteger(b));
      assertEquals(a, age.getJsonArray("all").getInteger(b));
    }
  }

  @Test
  void topItemsAndGenresCountOnlyTheTopK() {
    int[] sel = selection();
    JsonObject out = Explore.selectUsers(F.ds, F.lists, K, sel, List.of(), true);
    Map<Long, Integer> count = new HashMap<>();
    Map<String, Integer> recGenres = new HashMap<>();
    Map<String, Integer> trainGenres = new HashMap<>();
    for (int u : sel) {
      int shown = 0;
      for (int x = F.lists.start(u); x < F.lists.end(u) && shown < K; x++, shown++) {
        int i = F.lists.items()[x];
        count.merge(100L + i, 1, Integer::sum);
        if (F.genres[i] != null) {
          for (String g : F.genres[i]) {
            recGenres.merge(g, 1, Integer::sum);
          }
        }
      }
      for (int i : F.ds.train().row(u)) {
        if (F.genres[i] != null) {
          for (String g : F.genres[i]) {
            trainGenres.merge(g, 1, Integer::sum);
          }
        }
      }
    }
    JsonArray top = out.getJsonArray("top_items");
    assertEquals(Explore.TOP_ITEMS, top.size());
    int previous = Integer.MAX_VALUE;
    for (int x = 0; x < top.size(); x++) {
      JsonObject t = top.getJsonObject(x);
      int c = t.getInteger("count");
      assertEquals(count.get(t.getLong("item")), c);
      assertEquals((double) c / sel.length, t.getDouble("share"), 1e-12);
      assertTrue(c <= previous);
      previous = c;
    }
    int maxCount = count.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertEquals(maxCount, top.getJsonObject(0).getInteger("count"));
    JsonObject genres = out.getJsonArray("genres").getJsonObject(0);
    assertEquals("genres", genres.getString("column"));
    int totalRec = recGenres.values().stream().mapToInt(Integer::intValue).sum();
    for (int x = 0; x < genres.getJsonArray("values").size(); x++) {
      String g = genres.getJsonArray("values").getString(x);
      assertEquals(recGenres.getOrDefault(g, 0),
          genres.getJsonArray("recommended_counts").getInteger(x));
      assertEquals(trainGenres.getOrDefault(g, 0),
          genres.getJsonArray("train_counts").getInteger(x));
      assertEquals((double) recGenres.getOrDefault(g, 0) / totalRec,
          genres.getJsonArray("recommended").getDouble(x), 1e-12);
    }
  }

  @Test
  void metricsAreMeansOverTheSelectedUsersPresent() {
    // per-user table for users 1..5 (ids "2".."6"): recall@10 = 0.1, 0.2, ... and a metric at K 5
    String[] ids = {"2", "3", "4", "5", "6"};
    Table t = Table.of(new Column.Strings("user_id", ids),
        new Column.Doubles("recall@10", new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, null),
        new Column.Doubles("recall@5", new double[] {1, 1, 1, 1, 1}, null));
    // dense users 1 and 3 ("2", "4") are selected, plus user 300 without a row
    JsonObject out = Explore.selectUsers(F.ds, F.lists, K, new int[] {1, 3, 300},
        List.of(new Explore.Named<>("A", t)), true);
    JsonArray metrics = out.getJsonArray("metrics");
    assertEquals(1, metrics.size());
    JsonObject m = metrics.getJsonObject(0);
    assertEquals("A", m.getString("experiment"));
    assertEquals("recall@10", m.getString("metric"));
    assertEquals((0.1 + 0.3) / 2, m.getDouble("selected"), 1e-12);
    assertEquals(0.3, m.getDouble("all"), 1e-12);
  }

  @Test
  void itemSelectionPopularityAndShareOfSlots() {
    int[] sel = {0, 1, 2, 50, 119};
    JsonObject out = Explore.selectItems(F.ds, F.lists, K, sel);
    int[] pop = new int[120];
    for (int u = 0; u < 400; u++) {
      for (int i : F.ds.train().row(u)) {
        pop[i]++;
      }
    }
    double mean = (pop[0] + pop[1] + pop[2] + pop[50] + pop[119]) / 5.0;
    assertEquals(mean, out.getJsonObject("popularity").getJsonObject("selected")
        .getDouble("mean"), 1e-12);
    int[] sorted = {pop[0], pop[1], pop[2], pop[50], pop[119]};
    java.util.Arrays.sort(sorted);
    assertEquals(sorted[2], out.getJsonObject("popularity").getJsonObject("selected")
        .getDouble("median"), 1e-12);
    long slots = 0;
    long hits = 0;
    Set<Integer> s = Set.of(0, 1, 2, 50, 119);
    for (int u = 0; u < 400; u++) {
      for (int x = F.lists.start(u); x < Math.min(F.lists.end(u), F.lists.start(u) + K); x++) {
        slots++;
        hits += s.contains(F.lists.items()[x]) ? 1 : 0;
      }
    }
    assertEquals((double) hits / slots, out.getJsonObject("recommended")
        .getDouble("selected_share"), 1e-12);
    JsonObject genres = side(out.getJsonArray("side"), "genres");
    int comedy = 0;
    for (int i : sel) {
      comedy += F.genres[i] != null && List.of(F.genres[i]).contains("Comedy") ? 1 : 0;
    }
    assertEquals(comedy, asMap(genres, "selected").getOrDefault("Comedy", 0));
  }

  /** Distinct users of a group per gender, counted directly. */
  static Map<String, Integer> genderOf(Set<Integer> users) {
    Map<String, Integer> m = new HashMap<>();
    for (int u : users) {
      if (F.gender[u] != null) {
        m.merge(F.gender[u], 1, Integer::sum);
      }
    }
    return m;
  }

  static Map<String, Integer> rows(JsonObject out, String group, String column) {
    Map<String, Integer> m = new HashMap<>();
    JsonArray rows = out.getJsonArray("rows");
    for (int x = 0; x < rows.size(); x++) {
      JsonObject r = rows.getJsonObject(x);
      if (r.getString("group").equals(group) && r.getString("column").equals(column)
          && r.getInteger("count") > 0) {
        m.put(r.getString("value"), r.getInteger("count"));
      }
    }
    return m;
  }

  @Test
  void audienceUsesTheTopKNotTheCandidateList() {
    int[] sel = {3, 7, 42};
    Set<Integer> chosen = Set.of(3, 7, 42);
    Set<Integer> interacted = new HashSet<>();
    Set<Integer> topK = new HashSet<>();
    Set<Integer> anywhere = new HashSet<>();
    for (int u = 0; u < 400; u++) {
      for (int i : F.ds.train().row(u)) {
        if (chosen.contains(i)) {
          interacted.add(u);
        }
      }
      for (int x = F.lists.start(u); x < F.lists.end(u); x++) {
        if (chosen.contains(F.lists.items()[x])) {
          anywhere.add(u);
          if (x - F.lists.start(u) < K) {
            topK.add(u);
          }
        }
      }
    }
    // the fixture's lists (30 long) make the difference visible
    assertNotEquals(anywhere.size(), topK.size());
    JsonObject out = Explore.audience(F.ds, F.lists, K, sel);
    assertEquals(K, out.getInteger("k"));
    assertEquals(interacted.size(), out.getInteger("n_interacted"));
    assertEquals(topK.size(), out.getInteger("n_recommended"));
    assertEquals(genderOf(interacted), rows(out, "interacted", "gender"));
    assertEquals(genderOf(topK), rows(out, "recommended", "gender"));
    // numeric columns arrive binned with labels, totals equal the group sizes
    int ageTotal = rows(out, "recommended", "age").values().stream().mapToInt(i -> i).sum();
    assertEquals(topK.size(), ageTotal);
    assertTrue(rows(out, "recommended", "age").keySet().iterator().next().startsWith("["));
  }

  @Test
  void filtersByCategoricalNumericMultiAndMetric() {
    JsonObject w = new JsonObject().put("gender", new JsonArray().add("F"))
        .put("age", new JsonObject().put("min", 20).put("max", 30));
    JsonObject out = Explore.filter(F.ds, "user", w, null, null, true);
    int expected = 0;
    for (int u = 0; u < 400; u++) {
      expected += "F".equals(F.gender[u]) && F.age[u] >= 20 && F.age[u] <= 30 ? 1 : 0;
    }
    assertEquals(expected, out.getInteger("n"));
    assertEquals(400, out.getInteger("n_total"));
    JsonObject items = Explore.filter(F.ds, "item", new JsonObject()
        .put("genres", new JsonArray().add("Horror").add("Drama")), null, null, true);
    int horrorOrDrama = 0;
    for (String[] g : F.genres) {
      horrorOrDrama += g != null && (List.of(g).contains("Horror") || List.of(g).contains("Drama"))
          ? 1 : 0;
    }
    assertEquals(horrorOrDrama, items.getInteger("n"));
    Table t = Table.of(new Column.Strings("user_id", new String[] {"1", "2", "3"}),
        new Column.Doubles("recall@10", new double[] {0.2, 0.5, 0.9}, null));
    JsonObject byMetric = Explore.filter(F.ds, "user", null, new JsonObject()
        .put("name", "recall@10").put("min", 0.5), t, true);
    assertEquals(new JsonArray().add(2L).add(3L), byMetric.getJsonArray("ids"));
    ApiException bad = assertThrows(ApiException.class, () -> Explore.filter(F.ds, "user",
        new JsonObject().put("shoe_size", new JsonArray().add(3)), null, null, true));
    assertEquals(400, bad.status());
    assertTrue(bad.example() != null);
  }

  @Test
  void drilldownMarksHitsInTheTopK() {
    int u = 5;
    JsonObject out = Explore.drilldown(F.ds, "6", List.of(new Explore.Named<>("A", F.lists)), 3,
        true);
    assertEquals(6L, out.getLong("user"));
    assertEquals(F.ds.train().size(u), out.getJsonArray("train").size());
    JsonArray items = out.getJsonArray("experiments").getJsonObject(0).getJsonArray("items");
    assertEquals(3, items.size());
    for (int x = 0; x < 3; x++) {
      int i = F.lists.items()[F.lists.start(u) + x];
      JsonObject it = items.getJsonObject(x);
      assertEquals(100L + i, it.getLong("item"));
      assertEquals(x + 1, it.getInteger("rank"));
      assertEquals(F.ds.groundTruth().contains(u, i), it.getBoolean("hit"));
    }
    assertThrows(ApiException.class, () -> Explore.drilldown(F.ds, "nobody", List.of(), 3, true));
  }

  @Test
  void hitIsMarkedWhenTheGroundTruthItemIsListed() {
    // a list whose first item is the user's ground-truth item
    int u = 2;
    int gt = F.ds.groundTruth().row(u)[0];
    int[] offsets = new int[F.ds.nUsers() + 1];
    for (int x = u + 1; x < offsets.length; x++) {
      offsets[x] = 2;
    }
    int other = gt == 0 ? 1 : 0;
    CandidateLists l = CandidateLists.ofSorted(offsets, new int[] {gt, other}, new float[] {2, 1});
    JsonObject out = Explore.drilldown(F.ds, "3", List.of(new Explore.Named<>("A", l)), 10, true);
    JsonObject e = out.getJsonArray("experiments").getJsonObject(0);
    assertEquals(true, e.getJsonArray("items").getJsonObject(0).getBoolean("hit"));
    assertEquals(false, e.getJsonArray("items").getJsonObject(1).getBoolean("hit"));
    assertEquals(1, e.getInteger("hits"));
  }
}
