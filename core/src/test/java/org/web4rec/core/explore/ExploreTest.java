package org.web4rec.core.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.lists.CandidateLists;
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

  static SideCounts side(List<SideCounts> side, String column) {
    for (SideCounts s : side) {
      if (s.column().name().equals(column)) {
        return s;
      }
    }
    throw new AssertionError("no column " + column);
  }

  static Map<String, Integer> asMap(String[] values, int[] counts) {
    Map<String, Integer> m = new HashMap<>();
    for (int x = 0; x < values.length; x++) {
      m.put(values[x], counts[x]);
    }
    return m;
  }

  @Test
  void userSelectionSideCountsEqualDirectCounts() {
    int[] sel = selection();
    Selections.Users out = Selections.users(F.ds, F.lists, K, sel, List.of());
    assertEquals(100, out.nSelected());
    assertEquals(400, out.nTotal());
    SideCounts gender = side(out.side(), "gender");
    Map<String, Integer> selected = asMap(gender.values(), gender.selected());
    Map<String, Integer> all = asMap(gender.values(), gender.all());
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
    SideCounts age = side(out.side(), "age");
    double[] edges = age.edges();
    int lastBin = edges.length - 2;
    for (int b = 0; b <= lastBin; b++) {
      double lo = edges[b];
      double hi = edges[b + 1];
      int s = 0;
      int a = 0;
      for (int u = 0; u < 400; u++) {
        boolean in = F.age[u] >= lo && (b == lastBin ? F.age[u] <= hi : F.age[u] < hi);
        if (in) {
          a++;
          s += u % 4 == 0 ? 1 : 0;
        }
      }
      assertEquals(s, age.selected()[b]);
      assertEquals(a, age.all()[b]);
    }
  }

  @Test
  void topItemsAndGenresCountOnlyTheTopK() {
    int[] sel = selection();
    Selections.Users out = Selections.users(F.ds, F.lists, K, sel, List.of());
    Map<Integer, Integer> count = new HashMap<>();
    Map<String, Integer> recGenres = new HashMap<>();
    Map<String, Integer> trainGenres = new HashMap<>();
    for (int u : sel) {
      int shown = 0;
      for (int x = F.lists.start(u); x < F.lists.end(u) && shown < K; x++, shown++) {
        int i = F.lists.items()[x];
        count.merge(i, 1, Integer::sum);
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
    List<Selections.TopItem> top = out.topItems();
    assertEquals(Selections.TOP_ITEMS, top.size());
    int previous = Integer.MAX_VALUE;
    for (Selections.TopItem t : top) {
      int c = t.count();
      assertEquals(count.get(t.item()), c);
      assertEquals((double) c / sel.length, t.share(), 1e-12);
      assertTrue(c <= previous);
      previous = c;
    }
    int maxCount = count.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertEquals(maxCount, top.get(0).count());
    Selections.LabelMix genres = out.genres().get(0);
    assertEquals("genres", genres.column());
    int totalRec = recGenres.values().stream().mapToInt(Integer::intValue).sum();
    for (int x = 0; x < genres.values().length; x++) {
      String g = genres.values()[x];
      assertEquals(recGenres.getOrDefault(g, 0), genres.recommended()[x]);
      assertEquals(trainGenres.getOrDefault(g, 0), genres.train()[x]);
      assertEquals((double) recGenres.getOrDefault(g, 0) / totalRec,
          genres.recommendedShares()[x], 1e-12);
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
    Selections.Users out = Selections.users(F.ds, F.lists, K, new int[] {1, 3, 300},
        List.of(new Named<>("A", t)));
    List<Selections.MetricMeans> metrics = out.metrics();
    assertEquals(1, metrics.size());
    Selections.MetricMeans m = metrics.get(0);
    assertEquals("A", m.experiment());
    assertEquals("recall@10", m.metric());
    assertEquals((0.1 + 0.3) / 2, m.selected(), 1e-12);
    assertEquals(0.3, m.all(), 1e-12);
  }

  @Test
  void itemSelectionPopularityAndShareOfSlots() {
    int[] sel = {0, 1, 2, 50, 119};
    Selections.Items out = Selections.items(F.ds, F.lists, K, sel);
    int[] pop = new int[120];
    for (int u = 0; u < 400; u++) {
      for (int i : F.ds.train().row(u)) {
        pop[i]++;
      }
    }
    double mean = (pop[0] + pop[1] + pop[2] + pop[50] + pop[119]) / 5.0;
    assertEquals(mean, out.popularity().selectedMean(), 1e-12);
    int[] sorted = {pop[0], pop[1], pop[2], pop[50], pop[119]};
    java.util.Arrays.sort(sorted);
    assertEquals(sorted[2], out.popularity().selectedMedian(), 1e-12);
    long slots = 0;
    long hits = 0;
    Set<Integer> s = Set.of(0, 1, 2, 50, 119);
    for (int u = 0; u < 400; u++) {
      for (int x = F.lists.start(u); x < Math.min(F.lists.end(u), F.lists.start(u) + K); x++) {
        slots++;
        hits += s.contains(F.lists.items()[x]) ? 1 : 0;
      }
    }
    assertEquals((double) hits / slots, out.selectedShare(), 1e-12);
    SideCounts genres = side(out.side(), "genres");
    int comedy = 0;
    for (int i : sel) {
      comedy += F.genres[i] != null && List.of(F.genres[i]).contains("Comedy") ? 1 : 0;
    }
    assertEquals(comedy, asMap(genres.values(), genres.selected()).getOrDefault("Comedy", 0));
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

  static Map<String, Integer> rows(Audiences.Audience out, String group, String column) {
    Map<String, Integer> m = new HashMap<>();
    for (Audiences.Row r : out.rows()) {
      if (r.group().equals(group) && r.column().equals(column) && r.count() > 0) {
        m.put(r.value(), r.count());
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
    Audiences.Audience out = Audiences.of(F.ds, F.lists, K, sel);
    assertEquals(K, out.k());
    assertEquals(interacted.size(), out.nInteracted());
    assertEquals(topK.size(), out.nRecommended());
    assertEquals(genderOf(interacted), rows(out, "interacted", "gender"));
    assertEquals(genderOf(topK), rows(out, "recommended", "gender"));
    // numeric columns arrive binned with labels, totals equal the group sizes
    int ageTotal = rows(out, "recommended", "age").values().stream().mapToInt(i -> i).sum();
    assertEquals(topK.size(), ageTotal);
    assertTrue(rows(out, "recommended", "age").keySet().iterator().next().startsWith("["));
  }

  static Map<String, Filters.Condition> where(Object... pairs) {
    Map<String, Filters.Condition> m = new LinkedHashMap<>();
    for (int x = 0; x < pairs.length; x += 2) {
      m.put((String) pairs[x], (Filters.Condition) pairs[x + 1]);
    }
    return m;
  }

  @Test
  void filtersByCategoricalNumericMultiAndMetric() {
    Filters.Result out = Filters.filter(F.ds, Entity.USER, where(
        "gender", new Filters.Labels(List.of("F")), "age", new Filters.Range(20, 30)), null, null);
    int expected = 0;
    for (int u = 0; u < 400; u++) {
      expected += "F".equals(F.gender[u]) && F.age[u] >= 20 && F.age[u] <= 30 ? 1 : 0;
    }
    assertEquals(expected, out.rows().length);
    assertEquals(400, out.nTotal());
    Filters.Result items = Filters.filter(F.ds, Entity.ITEM, where(
        "genres", new Filters.Labels(List.of("Horror", "Drama"))), null, null);
    int horrorOrDrama = 0;
    for (String[] g : F.genres) {
      horrorOrDrama += g != null && (List.of(g).contains("Horror") || List.of(g).contains("Drama"))
          ? 1 : 0;
    }
    assertEquals(horrorOrDrama, items.rows().length);
    Table t = Table.of(new Column.Strings("user_id", new String[] {"1", "2", "3"}),
        new Column.Doubles("recall@10", new double[] {0.2, 0.5, 0.9}, null));
    Filters.Result byMetric = Filters.filter(F.ds, Entity.USER, null,
        new Filters.MetricRange("recall@10", new Filters.Range(0.5, null)), t);
    // dense users 1 and 2 are the ids "2" and "3"
    assertArrayEquals(new int[] {1, 2}, byMetric.rows());
    InvalidInput bad = assertThrows(InvalidInput.class, () -> Filters.filter(F.ds, Entity.USER,
        where("shoe_size", new Filters.Labels(List.of("3"))), null, null));
    assertTrue(bad.example() != null);
  }

  @Test
  void drilldownMarksHitsInTheTopK() {
    int u = 5;
    Drilldowns.Drilldown out = Drilldowns.of(F.ds, u, List.of(new Named<>("A", F.lists)), 3);
    assertEquals(u, out.user());
    assertEquals(F.ds.train().size(u), out.train().length);
    List<Drilldowns.Listed> items = out.experiments().get(0).items();
    assertEquals(3, items.size());
    for (int x = 0; x < 3; x++) {
      int i = F.lists.items()[F.lists.start(u) + x];
      Drilldowns.Listed it = items.get(x);
      assertEquals(i, it.item());
      assertEquals(x + 1, it.rank());
      assertEquals(F.ds.groundTruth().contains(u, i), it.hit());
    }
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
    Drilldowns.TopK e = Drilldowns.of(F.ds, u, List.of(new Named<>("A", l)), 10)
        .experiments().get(0);
    assertEquals(true, e.items().get(0).hit());
    assertEquals(false, e.items().get(1).hit());
    assertEquals(1, e.hits());
  }
}
