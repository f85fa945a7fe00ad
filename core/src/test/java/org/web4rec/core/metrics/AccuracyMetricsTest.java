package org.web4rec.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.web4rec.core.Tolerance.EPS;
import static org.web4rec.core.Tolerance.QUOTED;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

class AccuracyMetricsTest {

  // Item names of the worked example.
  private static final int A = 0, B = 1, C = 2, X = 3, Y = 4, Z = 5;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** One list per user, given in order. */
  private static CandidateLists lists(int[]... perUser) {
    int[] offsets = new int[perUser.length + 1];
    List<Integer> items = new ArrayList<>();
    for (int u = 0; u < perUser.length; u++) {
      for (int i : perUser[u]) {
        items.add(i);
      }
      offsets[u + 1] = items.size();
    }
    float[] scores = new float[items.size()];
    for (int k = 0; k < scores.length; k++) {
      scores[k] = scores.length - k;
    }
    return CandidateLists.ofSorted(
        offsets, items.stream().mapToInt(Integer::intValue).toArray(), scores);
  }

  /** Ground truth with one row per user. */
  private static Csr gt(int[]... perUser) {
    List<int[]> pairs = new ArrayList<>();
    for (int u = 0; u < perUser.length; u++) {
      for (int i : perUser[u]) {
        pairs.add(new int[] {u, i});
      }
    }
    return Csr.fromPairs(perUser.length,
        pairs.stream().mapToInt(p -> p[0]).toArray(), pairs.stream().mapToInt(p -> p[1]).toArray());
  }

  private static double value(MetricTable t, String column, int row) {
    return t.column(column)[row];
  }

  @Test
  void workedExampleOfMetricsMd() {
    MetricTable t = AccuracyMetrics.compute(
        lists(new int[] {A, X, Y, B, Z}), gt(new int[] {A, B, C}), new int[] {5});
    assertArrayEquals(new int[] {0}, t.users());
    assertEquals(0.4, value(t, "precision@5", 0), EPS);
    assertEquals(2.0 / 3, value(t, "recall@5", 0), EPS);
    assertEquals(1.0, value(t, "hit_rate@5", 0), EPS);
    assertEquals(0.6714, value(t, "ndcg@5", 0), QUOTED);
    assertEquals((1 + 1 / log2(5)) / (1 + 1 / log2(3) + 1 / log2(4)), value(t, "ndcg@5", 0), EPS);
    assertEquals(0.5, value(t, "map@5", 0), EPS);
    assertEquals(1.0, value(t, "mrr@5", 0), EPS);
  }

  @Test
  void columnsAreGroupedByKInTheGivenOrder() {
    MetricTable t = AccuracyMetrics.compute(
        lists(new int[] {A, X, Y, B, Z}), gt(new int[] {A, B, C}), new int[] {5, 1});
    assertEquals(List.of(
        "precision@5", "recall@5", "hit_rate@5", "ndcg@5", "map@5", "mrr@5",
        "precision@1", "recall@1", "hit_rate@1", "ndcg@1", "map@1", "mrr@1"),
        new ArrayList<>(t.columns().keySet()));
    // K = 1: L = [a] hits; |GT| = 3 > K.
    assertEquals(1.0, value(t, "precision@1", 0), EPS);
    assertEquals(1.0 / 3, value(t, "recall@1", 0), EPS);
    assertEquals(1.0, value(t, "ndcg@1", 0), EPS);
    assertEquals(1.0, value(t, "map@1", 0), EPS);
  }

  @Test
  void groundTruthLargerThanK() {
    // GT = {0..5}, K = 2, L = [x=9, 1]: one hit at rank 2.
    MetricTable t = AccuracyMetrics.compute(
        lists(new int[] {9, 1, 2}), gt(new int[] {0, 1, 2, 3, 4, 5}), new int[] {2});
    assertEquals(0.5, value(t, "precision@2", 0), EPS);
    assertEquals(1.0 / 6, value(t, "recall@2", 0), EPS);
    // IDCG over min(K, |GT|) = 2 positions.
    assertEquals((1 / log2(3)) / (1 + 1 / log2(3)), value(t, "ndcg@2", 0), EPS);
    assertEquals((1.0 / 2) / 2, value(t, "map@2", 0), EPS);
    assertEquals(0.5, value(t, "mrr@2", 0), EPS);
  }

  @Test
  void usersWithEmptyGroundTruthAreNotEvaluated() {
    MetricTable t = AccuracyMetrics.compute(
        lists(new int[] {1}, new int[] {2}, new int[] {3}),
        gt(new int[] {1}, new int[] {}, new int[] {3}), new int[] {1});
    assertArrayEquals(new int[] {0, 2}, t.users());
    assertArrayEquals(new double[] {1, 1}, t.column("precision@1"), EPS);
  }

  @Test
  void aListShorterThanKIsNotPadded() {
    // L = [b], GT = {b, c}, K = 4.
    MetricTable t = AccuracyMetrics.compute(
        lists(new int[] {B}), gt(new int[] {B, C}), new int[] {4});
    assertEquals(0.25, value(t, "precision@4", 0), EPS);
    assertEquals(0.5, value(t, "recall@4", 0), EPS);
    assertEquals(1 / (1 + 1 / log2(3)), value(t, "ndcg@4", 0), EPS);
    assertEquals(0.5, value(t, "map@4", 0), EPS);
    assertEquals(1.0, value(t, "mrr@4", 0), EPS);
  }

  @Test
  void usersWithoutAListScoreZero() {
    // User 1 has an empty list, user 2 is beyond lists.users().
    MetricTable t = AccuracyMetrics.compute(
        lists(new int[] {A}, new int[] {}),
        gt(new int[] {A}, new int[] {A}, new int[] {A}), new int[] {3});
    assertArrayEquals(new int[] {0, 1, 2}, t.users());
    for (String name : AccuracyMetrics.NAMES) {
      double[] col = t.column(name + "@3");
      assertEquals(0.0, col[1], 0.0, name);
      assertEquals(0.0, col[2], 0.0, name);
    }
    assertEquals(1.0 / 3, value(t, "precision@3", 0), EPS);
    Map<String, Double> means = t.means();
    assertEquals(1.0 / 9, means.get("precision@3"), EPS);
    assertEquals(1.0 / 3, means.get("hit_rate@3"), EPS);
  }

  @Test
  void rejectsBadCutOffs() {
    CandidateLists l = lists(new int[] {A});
    Csr g = gt(new int[] {A});
    assertThrows(IllegalArgumentException.class, () -> AccuracyMetrics.compute(l, g, new int[] {}));
    assertThrows(IllegalArgumentException.class, () -> AccuracyMetrics.compute(l, g, new int[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> AccuracyMetrics.compute(l, g, new int[] {5, 5}));
  }

  /** Straight from the METRICS.md table, one metric at a time. */
  private static double[] naive(int[] list, Set<Integer> truth, int k) {
    int len = Math.min(k, list.length);
    int hits = 0;
    double dcg = 0;
    double ap = 0;
    double mrr = 0;
    for (int r = 1; r <= len; r++) {
      if (truth.contains(list[r - 1])) {
        hits++;
        dcg += 1 / log2(r + 1);
        int hitsUpToR = 0;
        for (int q = 0; q < r; q++) {
          hitsUpToR += truth.contains(list[q]) ? 1 : 0;
        }
        ap += (double) hitsUpToR / r;
        if (mrr == 0) {
          mrr = 1.0 / r;
        }
      }
    }
    double idcg = 0;
    for (int r = 1; r <= Math.min(k, truth.size()); r++) {
      idcg += 1 / log2(r + 1);
    }
    return new double[] {
        (double) hits / k, (double) hits / truth.size(), hits > 0 ? 1 : 0, dcg / idcg,
        ap / Math.min(k, truth.size()), mrr};
  }

  @Test
  void agreesWithANaiveImplementationOnRandomData() {
    SplittableRandom rng = new SplittableRandom(99);
    int[] ks = {10, 1, 3, 20};
    for (int trial = 0; trial < 10; trial++) {
      int nUsers = 1 + rng.nextInt(60);
      int nItems = 5 + rng.nextInt(50);
      int[][] perUserLists = new int[nUsers][];
      int[][] perUserGt = new int[nUsers][];
      for (int u = 0; u < nUsers; u++) {
        perUserLists[u] = distinct(rng, nItems, rng.nextInt(Math.min(nItems, 25)));
        perUserGt[u] = distinct(rng, nItems, rng.nextInt(Math.min(nItems, 12)));
      }
      // Drop the last users' lists to cover "no list at all".
      int listed = rng.nextInt(nUsers + 1);
      int[][] shown = java.util.Arrays.copyOf(perUserLists, listed);
      MetricTable t = AccuracyMetrics.compute(lists(shown), gt(perUserGt), ks);
      int row = 0;
      for (int u = 0; u < nUsers; u++) {
        if (perUserGt[u].length == 0) {
          continue;
        }
        assertEquals(u, t.users()[row]);
        Set<Integer> truth = new HashSet<>();
        for (int i : perUserGt[u]) {
          truth.add(i);
        }
        int[] list = u < listed ? perUserLists[u] : new int[0];
        for (int k : ks) {
          double[] want = naive(list, truth, k);
          for (int m = 0; m < want.length; m++) {
            String col = AccuracyMetrics.NAMES.get(m) + "@" + k;
            assertEquals(want[m], t.column(col)[row], EPS, col + " user " + u);
          }
        }
        row++;
      }
      assertEquals(row, t.rows());
    }
  }

  private static int[] distinct(SplittableRandom rng, int nItems, int n) {
    Set<Integer> seen = new HashSet<>();
    int[] out = new int[n];
    for (int k = 0; k < n; ) {
      int i = rng.nextInt(nItems);
      if (seen.add(i)) {
        out[k++] = i;
      }
    }
    return out;
  }
}
