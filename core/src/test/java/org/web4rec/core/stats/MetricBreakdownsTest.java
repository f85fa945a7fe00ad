package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

class MetricBreakdownsTest {

  private static final Dataset DS = new Dataset(new String[] {"a", "b", "c", "d"},
      new String[] {"1", "2"},
      Csr.fromPairs(4, new int[] {0, 1, 2, 3}, new int[] {0, 0, 1, 0}), Csr.empty(4),
      Table.of(new Column.Strings("user_id", new String[] {"a", "b", "c", "d"}),
          new Column.Strings("gender", new String[] {"F", "M", "F", null}),
          new Column.StringLists("tags", new String[][] {{"x"}, null, null, null})),
      Table.of(new Column.Strings("item_id", new String[] {"1", "2"})));

  private static Table perUser(String[] users, double[] ndcg) {
    return Table.of(new Column.Strings("user_id", users),
        new Column.Doubles("ndcg@10", ndcg, null));
  }

  @Test
  void categoricalColumnGroupsByValueWithMissingAsItsOwnGroup() {
    Table t = perUser(new String[] {"a", "b", "c", "d"}, new double[] {0.2, 0.5, 0.4, 1});
    List<MetricBreakdowns.Segment> s = MetricBreakdowns.byUsers(DS, t, "ndcg@10", "gender");
    assertEquals(List.of("F", "M", "(missing)"), s.stream().map(MetricBreakdowns.Segment::label)
        .toList());
    assertEquals(2, s.get(0).stats().count());
    assertEquals(0.3, s.get(0).stats().mean(), 1e-12);
    assertEquals(1.0, s.get(2).stats().mean());
  }

  @Test
  void badRequestsSayWhatIsAllowed() {
    Table t = perUser(new String[] {"a"}, new double[] {1});
    InvalidInput metric = assertThrows(InvalidInput.class,
        () -> MetricBreakdowns.byUsers(DS, t, "mrr@10", "activity"));
    assertEquals("no per-user metric 'mrr@10'; per-user metrics are [ndcg@10]",
        metric.getMessage());
    InvalidInput by = assertThrows(InvalidInput.class,
        () -> MetricBreakdowns.byUsers(DS, t, "ndcg@10", "age"));
    assertEquals("cannot break down by 'age'; use activity, cold or a user side column:"
        + " [gender, tags]", by.getMessage());
    InvalidInput multi = assertThrows(InvalidInput.class,
        () -> MetricBreakdowns.byUsers(DS, t, "ndcg@10", "tags"));
    assertEquals("by=gender", multi.example());
  }

  @Test
  void exposureSharesByPopularityDecile() {
    Table exposure = Table.of(new Column.Strings("item_id", DS.itemIds()),
        new Column.Ints("pop", new int[] {3, 1}), new Column.Ints("exposure@10", new int[] {1, 3}));
    List<MetricBreakdowns.Decile> d = MetricBreakdowns.exposureByPopularity(DS, exposure,
        "coverage@10");
    double share = 0;
    int items = 0;
    for (MetricBreakdowns.Decile x : d) {
      if (x.items() > 0) {
        share += x.share();
        items += x.items();
        assertEquals(1.0, x.coverage());
      }
    }
    assertEquals(1.0, share, 1e-12);
    assertEquals(2, items);
    assertEquals(0.25, d.get(0).share(), 1e-12); // D1 holds item 1 (pop 3), exposed once of 4
    assertThrows(InvalidInput.class,
        () -> MetricBreakdowns.exposureByPopularity(DS, exposure, "exposure@5"));
  }

  @Test
  void comparisonsAlignUsersByExternalId() {
    Table a = perUser(new String[] {"a", "b", "c"}, new double[] {0.1, 0.2, 0.3});
    Table b = perUser(new String[] {"c", "b", "d"}, new double[] {0.6, 0.4, 0.9});
    List<MetricComparisons.MetricPair> pairs =
        MetricComparisons.compare(List.of("A", "B"), List.of(a, b), List.of("ndcg@10"));
    assertEquals(1, pairs.size());
    PairedComparison.Result r = pairs.get(0).pair().comparison();
    assertEquals(2, r.n()); // b and c are in both
    assertEquals(0.25, r.meanDiff(), 1e-12); // ((0.4-0.2) + (0.6-0.3)) / 2
    Map<String, Double> values = MetricComparisons.values(b, "ndcg@10");
    assertEquals(0.9, values.get("d"));
    assertThrows(InvalidInput.class,
        () -> MetricComparisons.compare(List.of("A", "B"), List.of(a, b), List.of("x")));
  }
}
