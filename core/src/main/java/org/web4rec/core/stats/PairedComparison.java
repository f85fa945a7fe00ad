package org.web4rec.core.stats;

/**
 * Compares two experiments A and B on the same users (METRICS.md, "Breakdowns and
 * significance"): mean difference, its 95% bootstrap confidence interval, and the paired t-test
 * and Wilcoxon signed-rank p-values.
 *
 * <p>Direction: every difference is <b>B minus A</b>, d_u = b_u - a_u, so a positive mean
 * difference means B scores higher, and the interval and the t statistic carry the same sign.
 *
 * <p>Users: the arrays are aligned by user (row u of both is the same user), and the caller has
 * already kept only users present in both experiments. A user whose value is NaN in either array
 * is dropped here and counted in {@link Result#droppedNaN()}; everything else uses the remaining
 * n users. The pieces are {@link Bootstrap#meanInterval} ({@value #RESAMPLES} resamples,
 * percentile method), {@link PairedTTest} and {@link WilcoxonSignedRank}, whose Javadoc records
 * their conventions and how they relate to scipy.
 */
public final class PairedComparison {

  /** Bootstrap resamples for the confidence interval (METRICS.md). */
  public static final int RESAMPLES = 2000;

  /** Coverage of the confidence interval. */
  public static final double LEVEL = 0.95;

  /**
   * @param n users compared (both values non-NaN)
   * @param droppedNaN users dropped because either value was NaN
   * @param meanA mean of A over the n users
   * @param meanB mean of B over the n users
   * @param meanDiff mean of b - a over the n users (equals meanB - meanA up to rounding)
   * @param ci 95% percentile bootstrap interval of meanDiff; NaN ends with fewer than 2 users
   * @param tTest paired two-sided t-test on b - a
   * @param wilcoxon two-sided Wilcoxon signed-rank test on b - a
   */
  public record Result(
      int n,
      int droppedNaN,
      double meanA,
      double meanB,
      double meanDiff,
      ConfidenceInterval ci,
      PairedTTest.Result tTest,
      WilcoxonSignedRank.Result wilcoxon) {

    /** @return the t-test's two-sided p-value (NaN with fewer than 2 users) */
    public double tTestP() {
      return tTest.p();
    }

    /** @return the Wilcoxon test's two-sided p-value (NaN with fewer than 2 users) */
    public double wilcoxonP() {
      return wilcoxon.p();
    }
  }

  private PairedComparison() {}

  /**
   * @param a per-user values of experiment A; NaN marks a missing value
   * @param b per-user values of experiment B, aligned with {@code a}
   * @param seed bootstrap seed; the same inputs and seed give the same result
   * @return the comparison of B against A
   * @throws IllegalArgumentException if an array is null, the lengths differ, or a value is
   *     infinite
   */
  public static Result compare(double[] a, double[] b, long seed) {
    if (a == null || b == null) {
      throw new IllegalArgumentException("a and b must not be null");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "a and b must be aligned by user, but have lengths " + a.length + " and " + b.length);
    }
    int kept = 0;
    for (int u = 0; u < a.length; u++) {
      if (Double.isInfinite(a[u]) || Double.isInfinite(b[u])) {
        throw new IllegalArgumentException(
            "values of user row " + u + " are " + a[u] + " and " + b[u] + "; infinity is not a"
                + " metric value");
      }
      if (!Double.isNaN(a[u]) && !Double.isNaN(b[u])) {
        kept++;
      }
    }
    double[] keptA = new double[kept];
    double[] keptB = new double[kept];
    double[] diffs = new double[kept];
    int k = 0;
    for (int u = 0; u < a.length; u++) {
      if (!Double.isNaN(a[u]) && !Double.isNaN(b[u])) {
        keptA[k] = a[u];
        keptB[k] = b[u];
        diffs[k] = b[u] - a[u];
        k++;
      }
    }
    double meanA = kept == 0 ? Double.NaN : Checks.mean(keptA);
    double meanB = kept == 0 ? Double.NaN : Checks.mean(keptB);
    return new Result(
        kept,
        a.length - kept,
        meanA,
        meanB,
        kept == 0 ? Double.NaN : Checks.mean(diffs),
        Bootstrap.meanInterval(diffs, RESAMPLES, LEVEL, seed),
        PairedTTest.test(diffs),
        WilcoxonSignedRank.test(diffs));
  }
}
