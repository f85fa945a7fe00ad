package org.web4rec.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fast paths against the literal per-pair definitions on random inputs (fixed seeds). */
class BeyondAccuracyPropertyTest {

  @Test
  void fastPathEqualsNaivePerPairDefinitionsOnOneThread() {
    for (long seed = 1; seed <= 12; seed++) {
      BeyondInput in = RandomInputs.random(40, 50, 12, 9, seed, null, true);
      CompareWithNaive.assertSame(in, new int[] {5, 1, 3}, 1);
    }
  }

  @Test
  void fastPathEqualsNaiveWhenListsHoldTrainItems() {
    // Lists from CandidateLists.ofSorted need not be train-filtered: sim(i,i) then enters the
    // history sums (cooc n_ii = n_i gives 1).
    for (long seed = 20; seed <= 25; seed++) {
      BeyondInput in = RandomInputs.random(30, 60, 15, 10, seed, null, true, true);
      CompareWithNaive.assertSame(in, new int[] {4, 10}, 2);
    }
  }

  @Test
  void fastPathEqualsNaiveWithACatalogueBeyond16BitLabels() {
    // More than 65,536 items: the cooc kernel keeps 32-bit history labels instead of 16-bit.
    BeyondInput in = RandomInputs.random(70_000, 60, 200, 12, 7L, null, false);
    CompareWithNaive.assertSame(in, new int[] {5, 12}, 2);
  }

  @Test
  void fastPathEqualsNaiveOnTwoThreadsWithManyUsers() {
    // Enough users for several ranges per thread in every kernel.
    BeyondInput in = RandomInputs.random(150, 1100, 30, 12, 99L, null, true);
    CompareWithNaive.assertSame(in, new int[] {10, 4}, 2);
  }

  @Test
  void threadCountDoesNotChangeAnyNumber() {
    BeyondInput in = RandomInputs.random(200, 3000, 25, 15, 5L, null, true);
    MetricSuite one = BeyondAccuracyMetrics.compute(in, new int[] {10, 5}, 1);
    MetricSuite two = BeyondAccuracyMetrics.compute(in, new int[] {10, 5}, 2);
    assertEquals(one.perUser(), two.perUser()); // bitwise equal per-user values
    assertEquals(one.global(), two.global());
    assertArrayEquals(one.exposure().get(10), two.exposure().get(10));
  }

  @Test
  void invariants() {
    BeyondInput in = RandomInputs.random(120, 400, 20, 10, 11L, null, true);
    MetricSuite s = BeyondAccuracyMetrics.compute(in, new int[] {2, 5, 10});
    Map<String, Double> means = s.perUser().means();
    for (int k : new int[] {2, 5, 10}) {
      // Exposure sums to the number of listed items; coverage grows with K.
      double gini = s.global().get("gini@" + k);
      assertTrue(gini >= 0 && gini <= 1, "gini in [0,1]");
      assertTrue(means.get("tail_share@" + k) >= 0 && means.get("tail_share@" + k) <= 1);
      assertTrue(means.get("novelty_norm@" + k) >= 0 && means.get("novelty_norm@" + k) <= 1);
      double cooc = means.get("diversity@" + k + ":cooc");
      assertTrue(cooc >= 0 && cooc <= 1 + 1e-12, "cooc distance in [0,1]");
      double emb = means.get("diversity@" + k + ":emb");
      assertTrue(emb >= 0 && emb <= 2 + 1e-12, "emb distance in [0,2]");
      assertTrue(means.get("miscalibration@" + k + ":genres") >= 0, "KL >= 0");
      assertTrue(means.get("serendipity@" + k + ":cooc")
          <= means.get("unexpectedness@" + k + ":cooc") + 1e-12);
    }
    assertTrue(s.global().get("coverage@2") <= s.global().get("coverage@5"));
    assertTrue(s.global().get("coverage@5") <= s.global().get("coverage@10"));
  }
}
