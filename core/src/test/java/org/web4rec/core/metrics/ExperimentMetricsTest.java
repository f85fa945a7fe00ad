package org.web4rec.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.prepare.Preparation;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

class ExperimentMetricsTest {

  private static Table pairs(long[] users, long[] items) {
    return Table.of(new Column.Longs("user_id", users, null),
        new Column.Longs("item_id", items, null));
  }

  private final Dataset ds = Preparation.dataset(
      pairs(new long[] {1, 1, 2, 3}, new long[] {10, 11, 10, 12}),
      pairs(new long[] {1, 2, 3}, new long[] {12, 13, 11}), null,
      Table.of(new Column.Strings("item_id", new String[] {"10", "11", "12", "13"}),
          new Column.Strings("genres", new String[] {"A|B", "A", "B", "C"})));

  private final CandidateLists lists = Preparation.candidates(Table.of(
      new Column.Longs("user_id", new long[] {1, 1, 2, 2, 3}, null),
      new Column.Longs("item_id", new long[] {12, 13, 13, 11, 13}, null),
      new Column.Doubles("score", new double[] {0.9, 0.8, 0.9, 0.1, 0.5}, null)), ds, 10);

  @Test
  void perUserAndExposureTablesAsStored() {
    AtomicInteger asked = new AtomicInteger();
    ExperimentMetrics m = ExperimentMetrics.compute(ds, lists, new int[] {1, 2}, null, null,
        (own, threads) -> {
          asked.incrementAndGet();
          return null;
        });
    assertEquals(1, asked.get());
    assertEquals(3, m.evaluatedUsers());
    Table perUser = m.perUserTable();
    assertEquals("user_id", perUser.names().get(0));
    assertArrayEquals(new String[] {"1", "2", "3"},
        ((Column.Strings) perUser.columns().get(0)).values());
    // user 1's first candidate (12) is its ground truth, user 2's (13) too, user 3's (13) is not
    assertArrayEquals(new double[] {1, 1, 0},
        ((Column.Doubles) perUser.column("recall@1").orElseThrow()).values());
    assertEquals(2.0 / 3, m.means().get("recall@1"), 1e-12);
    assertTrue(m.means().containsKey("coverage@1"));
    Table exposure = m.exposureTable();
    assertEquals(List.of("item_id", "pop", "exposure@1", "exposure@2"), exposure.names());
    assertArrayEquals(new int[] {2, 1, 1, 0}, exposure.ints("pop"));
    assertArrayEquals(new int[] {0, 0, 1, 2}, exposure.ints("exposure@1"));
    assertEquals(List.of("cooc", "genre.genres"), m.similaritySources());
    assertEquals(List.of("genres"), m.calibrationColumns());
    assertEquals(List.of("accuracy", "beyond"), List.copyOf(m.seconds().keySet()));
  }

  @Test
  void aGroupLimitsAccuracyToItsUsers() {
    ExperimentMetrics m = ExperimentMetrics.compute(ds, lists, new int[] {1}, null,
        new int[] {2}, ExperimentMetrics.SharedCooc.NONE);
    double[] recall = m.perUser().column("recall@1");
    int[] users = m.perUser().users();
    for (int r = 0; r < users.length; r++) {
      assertEquals(users[r] == 2 ? 0.0 : Double.NaN, recall[r], users[r] + "");
    }
  }
}
