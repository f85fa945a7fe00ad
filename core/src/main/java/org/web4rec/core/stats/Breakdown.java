package org.web4rec.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-group summaries of a per-row metric (METRICS.md, "Breakdowns and significance"): count,
 * mean, standard deviation and a 95% confidence interval of the mean for each user segment or
 * item bin.
 *
 * <p>NaN values (a user the metric is undefined for) are skipped and not counted; a row whose
 * group is negative belongs to no group (e.g. a missing categorical side value). The standard
 * deviation is the sample one (n - 1 denominator). The interval is mean ± t_{0.975, n-1} s / √n
 * with Student's t quantile ({@link Distributions#studentTQuantile}): exact for normal data, and
 * indistinguishable from the normal interval (z = 1.96) for the group sizes typical here, while
 * staying honest (wider) for small segments. Groups with fewer than two values have a NaN
 * standard deviation and an undefined interval; an empty group has a NaN mean.
 */
public final class Breakdown {

  /** Coverage of the confidence intervals. */
  public static final double LEVEL = 0.95;

  /**
   * @param group group index
   * @param count non-NaN values in the group
   * @param mean mean of those values (NaN if none)
   * @param std sample standard deviation (NaN with fewer than 2 values)
   * @param ci t interval of the mean (undefined with fewer than 2 values)
   */
  public record GroupStats(int group, int count, double mean, double std, ConfidenceInterval ci) {}

  private Breakdown() {}

  /**
   * @param values per-row metric values; NaN is skipped
   * @param binning groups of the rows, e.g. from {@link Segments}
   * @return one entry per bin, in bin order
   * @throws IllegalArgumentException as {@link #byGroup(double[], int[], int)}
   */
  public static List<GroupStats> byGroup(double[] values, Binning binning) {
    if (binning == null) {
      throw new IllegalArgumentException("binning must not be null");
    }
    return byGroup(values, binning.binOfRow(), binning.nBins());
  }

  /**
   * @param values per-row metric values; NaN is skipped
   * @param groupOfRow group of each row in [0, nGroups), or negative for none
   * @param nGroups number of groups, ≥ 0
   * @return one entry per group 0..nGroups-1, in order
   * @throws IllegalArgumentException on null or different-length arrays, an infinite value, or a
   *     group ≥ nGroups
   */
  public static List<GroupStats> byGroup(double[] values, int[] groupOfRow, int nGroups) {
    if (values == null || groupOfRow == null) {
      throw new IllegalArgumentException("values and groupOfRow must not be null");
    }
    if (values.length != groupOfRow.length) {
      throw new IllegalArgumentException("values has " + values.length + " rows but groupOfRow has "
          + groupOfRow.length);
    }
    if (nGroups < 0) {
      throw new IllegalArgumentException("nGroups must be >= 0, got " + nGroups);
    }
    int[] count = new int[nGroups];
    double[] sum = new double[nGroups];
    for (int r = 0; r < values.length; r++) {
      int g = groupOfRow[r];
      if (g >= nGroups) {
        throw new IllegalArgumentException(
            "groupOfRow[" + r + "] = " + g + " is not below nGroups = " + nGroups);
      }
      double v = values[r];
      if (Double.isInfinite(v)) {
        throw new IllegalArgumentException("values[" + r + "] is " + v);
      }
      if (g < 0 || Double.isNaN(v)) {
        continue;
      }
      count[g]++;
      sum[g] += v;
    }
    // Second pass about the first-pass means: the residual refines the mean, the squares give
    // the variance without the cancellation of Σv² - n·mean².
    double[] firstMean = new double[nGroups];
    for (int g = 0; g < nGroups; g++) {
      firstMean[g] = sum[g] / count[g];
    }
    double[] residual = new double[nGroups];
    double[] squares = new double[nGroups];
    for (int r = 0; r < values.length; r++) {
      int g = groupOfRow[r];
      double v = values[r];
      if (g < 0 || Double.isNaN(v)) {
        continue;
      }
      double e = v - firstMean[g];
      residual[g] += e;
      squares[g] += e * e;
    }
    List<GroupStats> out = new ArrayList<>(nGroups);
    for (int g = 0; g < nGroups; g++) {
      int n = count[g];
      if (n == 0) {
        out.add(new GroupStats(g, 0, Double.NaN, Double.NaN, ConfidenceInterval.undefined(LEVEL)));
        continue;
      }
      double mean = firstMean[g] + residual[g] / n;
      if (n == 1) {
        out.add(new GroupStats(g, 1, mean, Double.NaN, ConfidenceInterval.undefined(LEVEL)));
        continue;
      }
      // Σ(v - m)² = Σ(v - m₁)² - n (m - m₁)², m₁ the first-pass mean.
      double ss = Math.max(0, squares[g] - residual[g] * residual[g] / n);
      double std = Math.sqrt(ss / (n - 1));
      double halfWidth =
          Distributions.studentTQuantile(0.5 + LEVEL / 2, n - 1) * std / Math.sqrt(n);
      out.add(new GroupStats(
          g, n, mean, std, new ConfidenceInterval(mean - halfWidth, mean + halfWidth, LEVEL)));
    }
    return List.copyOf(out);
  }
}
