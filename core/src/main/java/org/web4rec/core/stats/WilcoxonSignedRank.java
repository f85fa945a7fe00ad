package org.web4rec.core.stats;

import java.util.Arrays;

/**
 * Two-sided Wilcoxon signed-rank test on per-user differences d.
 *
 * <ul>
 *   <li><b>Zeros</b> are dropped before ranking (Wilcoxon's original method), so n below is the
 *       number of non-zero differences. Pratt's method would keep them in the ranking; we follow
 *       scipy's default.
 *   <li><b>Ties</b> among |d| get the average of the ranks they span.
 *   <li><b>Statistic</b> W+ = sum of the ranks of the positive differences; W- = n(n+1)/2 - W+.
 *   <li><b>Exact</b> when n ≤ {@value #EXACT_MAX_N} and no |d| ties: the null distribution of W+
 *       (each rank's sign a fair coin) by dynamic programming over rank sums, counts c_k(s) =
 *       c_{k-1}(s) + c_{k-1}(s - k), about n³/6 (2,600 at n = 25) additions; p = min(1, 2
 *       min(P(W+ ≤ w), P(W+ ≥ w))).
 *   <li><b>Normal approximation</b> otherwise: z = (W+ - μ - ½ sign(W+ - μ)) / σ with μ =
 *       n(n+1)/4, σ² = n(n+1)(2n+1)/24 - Σ(t³ - t)/48 over tie groups of size t (tie
 *       correction), and the ½ continuity correction; p = 2 Φ(-|z|).
 * </ul>
 *
 * <p>Comparison with scipy.stats.wilcoxon (1.17): the exact p-value equals {@code wilcoxon(d,
 * zero_method='wilcox', method='exact')} when there are no ties among the non-zero |d| (zeros
 * allowed, since both drop them first); the approximate p-value equals {@code wilcoxon(d,
 * zero_method='wilcox', correction=True, method='asymptotic')}. scipy's defaults differ in two
 * ways: {@code correction=False} (no continuity correction; we keep it, as R's wilcox.test does,
 * because it brings the normal tail closer to the discrete distribution), and {@code
 * method='auto'}, which is exact up to n = 50 without ties and zeros and runs a full permutation
 * test for up to 13 values with ties or zeros. We use the exact distribution up to n = 25 as
 * specified; between 26 and 50 untied values our p-value is therefore scipy's {@code
 * method='asymptotic', correction=True} one, not its default exact one (for the 30-user case in
 * the tests: 0.0152 against exact 0.0137; the corrected normal tail errs on the conservative
 * side there).
 *
 * <p>Floating-point noise: per-user metrics are ratios such as 2/10, and b - a in floating point
 * can give 0.19999999999999998 for one user and 0.2 for another, or 5.6e-17 instead of 0. That
 * would silently break the ties and zeros this test depends on (scipy's documentation warns about
 * the same), so differences are first rounded to the nearest multiple of 2^-40 (about 9.1e-13),
 * far below any difference a metric can meaningfully show.
 */
public final class WilcoxonSignedRank {

  /** Largest number of non-zero differences for which the exact distribution is used. */
  public static final int EXACT_MAX_N = 25;

  /** Grid to which differences are rounded before the zero and tie checks: 2^-40. */
  public static final double DIFFERENCE_GRID = 0x1p-40;

  /** How the p-value was obtained. */
  public enum Method {
    /** Exact null distribution of W+. */
    EXACT,
    /** Normal approximation with tie and continuity corrections. */
    NORMAL,
    /** No test: fewer than two differences (p is NaN) or all differences zero (p is 1). */
    NONE
  }

  /**
   * @param nNonZero number of non-zero differences, the n of the test
   * @param nZero number of zero differences dropped
   * @param wPlus sum of ranks of positive differences
   * @param wMinus sum of ranks of negative differences
   * @param ties whether any non-zero |d| were tied
   * @param method how p was obtained
   * @param z the continuity-corrected z statistic for {@link Method#NORMAL}, else NaN
   * @param p two-sided p-value
   */
  public record Result(
      int nNonZero,
      int nZero,
      double wPlus,
      double wMinus,
      boolean ties,
      Method method,
      double z,
      double p) {}

  private WilcoxonSignedRank() {}

  /**
   * @param diffs per-user differences, finite
   * @return the test; p is NaN with fewer than 2 differences, 1 when all are zero
   * @throws IllegalArgumentException if {@code diffs} is null or holds a NaN or infinite value
   */
  public static Result test(double[] diffs) {
    Checks.finite(diffs, "diffs");
    int nZero = 0;
    int nPositive = 0;
    for (double d : diffs) {
      double s = snap(d);
      if (s == 0) {
        nZero++;
      } else if (s > 0) {
        nPositive++;
      }
    }
    int n = diffs.length - nZero;
    if (diffs.length < 2) {
      return new Result(n, nZero, Double.NaN, Double.NaN, false, Method.NONE, Double.NaN,
          Double.NaN);
    }
    if (n == 0) {
      return new Result(0, nZero, 0, 0, false, Method.NONE, Double.NaN, 1);
    }

    // |d| of all non-zero differences, and of the positive ones, each sorted ascending.
    double[] abs = new double[n];
    double[] positive = new double[nPositive];
    int k = 0;
    int kp = 0;
    for (double d : diffs) {
      double s = snap(d);
      if (s != 0) {
        abs[k++] = Math.abs(s);
        if (s > 0) {
          positive[kp++] = s;
        }
      }
    }
    Arrays.sort(abs);
    Arrays.sort(positive);

    // Walk the tie blocks of abs; each block [i, j) has average rank (i + 1 + j) / 2, and the
    // positives with that |d| are the next run of the sorted positives.
    double wPlus = 0;
    double tieSum = 0; // Σ (t³ - t)
    int p = 0;
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && abs[j] == abs[i]) {
        j++;
      }
      double t = j - i;
      tieSum += t * t * t - t;
      double rank = 0.5 * (i + 1 + j);
      while (p < nPositive && positive[p] == abs[i]) {
        wPlus += rank;
        p++;
      }
      i = j;
    }
    double total = 0.5 * n * (n + 1.0);
    double wMinus = total - wPlus;
    boolean ties = tieSum > 0;

    if (!ties && n <= EXACT_MAX_N) {
      return new Result(n, nZero, wPlus, wMinus, false, Method.EXACT, Double.NaN,
          exactTwoSidedP(n, (int) wPlus));
    }
    double mu = 0.5 * total;
    double sigma = Math.sqrt(n * (n + 1.0) * (2.0 * n + 1) / 24 - tieSum / 48);
    double z = (wPlus - mu - 0.5 * Math.signum(wPlus - mu)) / sigma;
    double pValue = Math.min(1, Distributions.normalTwoSidedP(z));
    return new Result(n, nZero, wPlus, wMinus, ties, Method.NORMAL, z, pValue);
  }

  /** d rounded to the nearest multiple of {@link #DIFFERENCE_GRID}. */
  static double snap(double d) {
    if (Math.abs(d) >= 0x1p12) {
      return d; // ulp(d) >= 2^-40 already, and d / 2^-40 could overflow
    }
    return Math.rint(d / DIFFERENCE_GRID) * DIFFERENCE_GRID;
  }

  /** Exact two-sided p of W+ = w for n untied non-zero differences. */
  static double exactTwoSidedP(int n, int w) {
    int max = n * (n + 1) / 2;
    // counts[s] = number of subsets of {1..k} whose sum is s; 2^25 fits easily in a long.
    long[] counts = new long[max + 1];
    counts[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int s = rank * (rank + 1) / 2; s >= rank; s--) {
        counts[s] += counts[s - rank];
      }
    }
    long atMost = 0;
    for (int s = 0; s <= w; s++) {
      atMost += counts[s];
    }
    long atLeast = 0;
    for (int s = w; s <= max; s++) {
      atLeast += counts[s];
    }
    double all = Math.scalb(1.0, n);
    return Math.min(1, 2 * Math.min(atMost, atLeast) / all);
  }
}
