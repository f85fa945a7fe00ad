package org.web4rec.core.stats;

import java.util.Arrays;

/**
 * User and item segments for breakdowns (METRICS.md, "Breakdowns and significance"): activity
 * quintiles and cold users by train history size |H_u|, and popularity deciles of items.
 *
 * <p>Two tie rules, on purpose. Users keep ties together: users with the same |H_u| always share
 * a quintile, because "users with 3 train items" is what a reader of a breakdown expects to be one
 * group, and splitting them by an arbitrary order would put equal users on both sides of a
 * boundary. The price is unequal (possibly empty) quintiles when one size is very common. Items
 * break ties by the dataset's item order instead, so deciles have equal sizes (within one):
 * popularity is so heavily tied in the long tail (many items share pop 0, 1 or 2) that
 * keeping ties together would leave most deciles empty, and the same order already defines Head
 * and Tail in METRICS.md.
 */
public final class Segments {

  /** Cold users have at most this many train items (METRICS.md). */
  public static final int COLD_THRESHOLD = 5;

  /** Bin of cold users in {@link #cold}. */
  public static final int COLD = 0;

  /** Bin of the other users in {@link #cold}. */
  public static final int WARM = 1;

  private Segments() {}

  /**
   * Activity quintiles, 0 = least active: {@code quantiles(historySizes, 5)}.
   *
   * @param historySizes |H_u| per user row, each ≥ 0
   * @return five bins by |H_u|, ties together
   * @throws IllegalArgumentException if the array is null or holds a negative size
   */
  public static Binning activityQuintiles(int[] historySizes) {
    return quantiles(historySizes, 5);
  }

  /**
   * Quantile bins that keep equal values together. With n rows and k bins, the cut points are
   * the lower k-quantiles c_j = the ⌈j n / k⌉-th smallest value (j = 1..k-1, e.g. 20/40/60/80%
   * for quintiles), and a row with value v goes to the number of cut points strictly below v.
   * Equivalently, bin = min(k - 1, ⌊k · (rows with a smaller value) / n⌋): a block of equal
   * values lands in the bin where it starts. Without ties, bin sizes differ by at most one; a
   * value shared by more than n/k rows can leave the bins it spans into empty.
   *
   * @param values per row, each ≥ 0
   * @param nBins number of bins, ≥ 1
   * @return the binning, bin 0 holding the smallest values
   * @throws IllegalArgumentException if the array is null, holds a negative value, or nBins is
   *     below 1
   */
  public static Binning quantiles(int[] values, int nBins) {
    checkCounts(values, "values");
    if (nBins < 1) {
      throw new IllegalArgumentException("nBins must be >= 1, got " + nBins);
    }
    int n = values.length;
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int[] bin = new int[n];
    for (int r = 0; r < n; r++) {
      long less = lowerBound(sorted, values[r]);
      bin[r] = (int) Math.min(nBins - 1, less * nBins / n);
    }
    return Binning.of(bin, nBins, values);
  }

  /**
   * Cold users, |H_u| ≤ {@value #COLD_THRESHOLD}.
   *
   * @param historySizes |H_u| per user row, each ≥ 0
   * @return two bins: {@link #COLD} (= 0) and {@link #WARM} (= 1)
   * @throws IllegalArgumentException if the array is null or holds a negative size
   */
  public static Binning cold(int[] historySizes) {
    return cold(historySizes, COLD_THRESHOLD);
  }

  /**
   * @param historySizes |H_u| per user row, each ≥ 0
   * @param threshold a user with |H_u| ≤ threshold is cold
   * @return two bins: {@link #COLD} (= 0) and {@link #WARM} (= 1)
   * @throws IllegalArgumentException if the array is null or holds a negative size
   */
  public static Binning cold(int[] historySizes, int threshold) {
    checkCounts(historySizes, "historySizes");
    int[] bin = new int[historySizes.length];
    for (int r = 0; r < bin.length; r++) {
      bin[r] = historySizes[r] <= threshold ? COLD : WARM;
    }
    return Binning.of(bin, 2, historySizes);
  }

  /**
   * Popularity deciles of items, 0 = most popular. Items are ordered by pop descending, ties by
   * {@code itemTieOrder} ascending (the order that defines Head in METRICS.md, so Head is always a
   * prefix of this order); the item at position r of n goes to decile ⌊10 r / n⌋.
   *
   * @param pop pop(i) per item (distinct train users), each ≥ 0
   * @param itemTieOrder position of each item when external ids are sorted, a permutation of
   *     0..n-1 (see {@code CandidateLists.tieOrder}); null orders ties by item index
   * @return ten bins of sizes differing by at most one (empty bins only with fewer than 10
   *     items)
   * @throws IllegalArgumentException on negative pop, or a tie order of the wrong length or not
   *     a permutation
   */
  public static Binning popularityDeciles(int[] pop, int[] itemTieOrder) {
    checkCounts(pop, "pop");
    int n = pop.length;
    if (itemTieOrder != null) {
      if (itemTieOrder.length != n) {
        throw new IllegalArgumentException("itemTieOrder has length " + itemTieOrder.length
            + " but there are " + n + " items");
      }
      boolean[] seen = new boolean[n];
      for (int i = 0; i < n; i++) {
        int t = itemTieOrder[i];
        if (t < 0 || t >= n || seen[t]) {
          throw new IllegalArgumentException("itemTieOrder is not a permutation of 0.." + (n - 1)
              + ": itemTieOrder[" + i + "] = " + t);
        }
        seen[t] = true;
      }
    }
    // Key: pop descending in the high half, tie order ascending in the low half.
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      int tie = itemTieOrder == null ? i : itemTieOrder[i];
      keys[i] = ((long) (Integer.MAX_VALUE - pop[i]) << 32) | tie;
    }
    Arrays.sort(keys);
    int[] itemAtTie = new int[n];
    for (int i = 0; i < n; i++) {
      itemAtTie[itemTieOrder == null ? i : itemTieOrder[i]] = i;
    }
    int[] bin = new int[n];
    for (int r = 0; r < n; r++) {
      int item = itemAtTie[(int) keys[r]];
      bin[item] = (int) (10L * r / n);
    }
    return Binning.of(bin, 10, pop);
  }

  /** Number of entries of sorted that are < v. */
  private static int lowerBound(int[] sorted, int v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void checkCounts(int[] values, String name) {
    if (values == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is negative");
      }
    }
  }
}
