package org.web4rec.core.stats;

/**
 * Paired two-sided t-test on per-user differences: t = mean(d) / (sd(d) / √n), sd with n - 1 in
 * the denominator, p = P(|T| ≥ |t|) for Student's t with n - 1 degrees of freedom ({@link
 * Distributions#studentTTwoSidedP}). Equals scipy.stats.ttest_rel(b, a) for d = b - a.
 *
 * <p>Degenerate cases, where scipy answers NaN: every difference exactly 0 gives t = 0 and p = 1
 * (the experiments agree on every user, so there is no evidence of a difference); all differences
 * equal to the same non-zero value give t = ±infinity and p = 0. Fewer than two differences give
 * NaN, since there is no variance to test against.
 */
public final class PairedTTest {

  /**
   * @param n number of differences
   * @param meanDiff mean of the differences
   * @param t t statistic (sign of the mean difference)
   * @param df degrees of freedom, n - 1 (0 when n is 0)
   * @param p two-sided p-value
   */
  public record Result(int n, double meanDiff, double t, int df, double p) {}

  private PairedTTest() {}

  /**
   * @param diffs per-user differences, finite
   * @return the test; t and p are NaN when there are fewer than 2 differences
   * @throws IllegalArgumentException if {@code diffs} is null or holds a NaN or infinite value
   */
  public static Result test(double[] diffs) {
    Checks.finite(diffs, "diffs");
    int n = diffs.length;
    if (n == 0) {
      return new Result(0, Double.NaN, Double.NaN, 0, Double.NaN);
    }
    double mean = Checks.mean(diffs);
    if (n < 2) {
      return new Result(n, mean, Double.NaN, 0, Double.NaN);
    }
    double ss = 0;
    for (double d : diffs) {
      double e = d - mean;
      ss += e * e;
    }
    int df = n - 1;
    double sd = Math.sqrt(ss / df);
    if (sd == 0) {
      // All differences identical (sum of squared deviations is exactly zero).
      return mean == 0
          ? new Result(n, 0, 0, df, 1)
          : new Result(n, mean, Math.copySign(Double.POSITIVE_INFINITY, mean), df, 0);
    }
    double t = mean / (sd / Math.sqrt(n));
    return new Result(n, mean, t, df, Distributions.studentTTwoSidedP(t, df));
  }
}
