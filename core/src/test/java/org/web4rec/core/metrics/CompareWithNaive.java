package org.web4rec.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web4rec.core.Tolerance;
import org.web4rec.core.data.CoocTable;

/** Asserts the fast suite equals {@link NaiveBeyond} on every column, row and global metric. */
final class CompareWithNaive {

  private CompareWithNaive() {}

  /** Checks both cooc paths: the counting kernel and the dataset's co-occurrence table. */
  static void assertSame(BeyondInput in, int[] ks, int threads) {
    NaiveBeyond naive = new NaiveBeyond(in, ks);
    assertSame(naive, BeyondAccuracyMetrics.compute(in, ks, threads));
    assertSame(naive, BeyondAccuracyMetrics.compute(in, ks, threads,
        CoocTable.build(in.train(), in.nItems(), null, threads)));
  }

  private static void assertSame(NaiveBeyond naive, MetricSuite fast) {
    List<Integer> users = new ArrayList<>();
    for (int u : fast.perUser().users()) {
      users.add(u);
    }
    assertEquals(naive.users, users, "rows");
    assertEquals(new ArrayList<>(naive.perUser.keySet()),
        new ArrayList<>(fast.perUser().columns().keySet()), "columns");
    for (Map.Entry<String, List<Double>> e : naive.perUser.entrySet()) {
      double[] got = fast.perUser().column(e.getKey());
      for (int r = 0; r < got.length; r++) {
        assertClose(e.getValue().get(r), got[r], e.getKey() + " user " + users.get(r));
      }
    }
    assertEquals(naive.global.keySet(), fast.global().keySet());
    for (Map.Entry<String, Double> e : naive.global.entrySet()) {
      assertClose(e.getValue(), fast.global().get(e.getKey()), e.getKey());
    }
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertEquals(expected, actual, what); // both NaN
    } else {
      assertEquals(expected, actual, Tolerance.EPS, what);
    }
  }
}
