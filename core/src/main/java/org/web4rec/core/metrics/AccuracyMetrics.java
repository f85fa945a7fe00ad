package org.web4rec.core.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

/**
 * Accuracy metrics of METRICS.md ("Accuracy"): {@code precision}, {@code recall}, {@code
 * hit_rate}, {@code ndcg}, {@code map} and {@code mrr} at each cut-off K, per user.
 *
 * <p>Why one pass: every metric here is a function of the hit positions within the first K
 * candidates, so a single walk over the first max(K) items of a user, marking hits by binary
 * search in the user's sorted ground truth, updates running sums (hits, DCG, Σ P@r at hits, first
 * hit) and snapshots them at each K. The discount 1/log2(r+1) and the ideal DCG prefix sums are
 * tabulated once. Cost: O(Σ_u max(K) · log |GT_u|), no allocation per user.
 *
 * <p>Users evaluated are those with non-empty ground truth; a user without a list (or beyond
 * {@code lists.users()}) scores 0 on every metric. A list shorter than K is evaluated as it is,
 * and precision still divides by K.
 */
public final class AccuracyMetrics {

  /** Metric names, in the column order used for each K. */
  public static final List<String> NAMES =
      List.of("precision", "recall", "hit_rate", "ndcg", "map", "mrr");

  private AccuracyMetrics() {}

  /**
   * Computes all accuracy metrics at every cut-off.
   *
   * @param lists prepared candidate lists (no duplicate items within a user)
   * @param groundTruth ground-truth items per user; every user {@code u < groundTruth.rows()} with
   *     a non-empty row is evaluated
   * @param ks cut-offs, each >= 1, no repeats; columns are grouped by K in this order
   * @return one row per evaluated user (ascending), columns {@code precision@K, recall@K,
   *     hit_rate@K, ndcg@K, map@K, mrr@K} for each K
   * @throws IllegalArgumentException if {@code ks} is empty, repeats a K, or has a K below 1
   */
  public static MetricTable compute(CandidateLists lists, Csr groundTruth, int[] ks) {
    if (lists == null || groundTruth == null) {
      throw new IllegalArgumentException("lists and groundTruth must not be null");
    }
    int[] sortedKs = validateKs(ks);
    int maxK = sortedKs[sortedKs.length - 1];

    // discount[r] = 1/log2(r+1) and idcg[m] = Σ_{r=1..m} discount[r], for r, m in 1..maxK.
    double[] discount = new double[maxK + 1];
    double[] idcg = new double[maxK + 1];
    for (int r = 1; r <= maxK; r++) {
      discount[r] = 1.0 / log2(r + 1);
      idcg[r] = idcg[r - 1] + discount[r];
    }

    int nGt = groundTruth.rows();
    int evaluated = 0;
    for (int u = 0; u < nGt; u++) {
      if (groundTruth.size(u) > 0) {
        evaluated++;
      }
    }
    int[] users = new int[evaluated];
    int nk = sortedKs.length;
    // out[kIndex][metric][row], kIndex in sorted order.
    double[][][] out = new double[nk][NAMES.size()][evaluated];
    int[] listItems = lists.items();
    int nLists = lists.users();

    int row = 0;
    for (int u = 0; u < nGt; u++) {
      int gtSize = groundTruth.size(u);
      if (gtSize == 0) {
        continue;
      }
      users[row] = u;
      int from = u < nLists ? lists.start(u) : 0;
      int len = u < nLists ? Math.min(lists.size(u), maxK) : 0;

      int hits = 0;
      double dcg = 0;
      double apSum = 0;
      int firstHit = 0;
      int r = 0; // items walked so far
      for (int kk = 0; kk < nk; kk++) {
        int k = sortedKs[kk];
        int stop = Math.min(k, len);
        for (; r < stop; r++) {
          if (groundTruth.contains(u, listItems[from + r])) {
            hits++;
            int rank = r + 1;
            dcg += discount[rank];
            apSum += (double) hits / rank;
            if (firstHit == 0) {
              firstHit = rank;
            }
          }
        }
        double[][] m = out[kk];
        m[0][row] = (double) hits / k;
        m[1][row] = (double) hits / gtSize;
        m[2][row] = hits > 0 ? 1.0 : 0.0;
        m[3][row] = dcg / idcg[Math.min(k, gtSize)];
        m[4][row] = apSum / Math.min(k, gtSize);
        m[5][row] = firstHit > 0 ? 1.0 / firstHit : 0.0;
      }
      row++;
    }

    LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
    for (int k : ks) {
      int kk = Arrays.binarySearch(sortedKs, k);
      for (int m = 0; m < NAMES.size(); m++) {
        columns.put(Definitions.column(NAMES.get(m), k), out[kk][m]);
      }
    }
    return new MetricTable(users, columns);
  }

  /** @return {@code ks} sorted ascending; rejects empty, repeated or non-positive cut-offs */
  static int[] validateKs(int[] ks) {
    if (ks == null || ks.length == 0) {
      throw new IllegalArgumentException("ks must hold at least one cut-off");
    }
    int[] sorted = ks.clone();
    Arrays.sort(sorted);
    if (sorted[0] < 1) {
      throw new IllegalArgumentException("every K must be >= 1, got " + sorted[0]);
    }
    for (int k = 1; k < sorted.length; k++) {
      if (sorted[k] == sorted[k - 1]) {
        throw new IllegalArgumentException("K=" + sorted[k] + " is given twice in ks");
      }
    }
    return sorted;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
