package org.web4rec.core.stats;

import org.web4rec.core.data.IndexSort;

/**
 * Holm-Bonferroni step-down adjustment (Holm 1979), which controls the family-wise error rate
 * under any dependence between the tests and is uniformly more powerful than Bonferroni.
 *
 * <p>With the m p-values sorted ascending, p_(1) ≤ ... ≤ p_(m), the adjusted value of the i-th
 * is max over j ≤ i of min(1, (m - j + 1) p_(j)); the running maximum makes the adjusted values
 * monotone in the raw ones, and equal raw values get equal adjusted values. This is R's {@code
 * p.adjust(p, "holm")} and statsmodels' {@code multipletests(p, method='holm')}.
 *
 * <p>NaN entries (tests that could not be run) stay NaN and do not count in m, as in R.
 */
public final class Holm {

  private Holm() {}

  /**
   * @param p raw p-values, each in [0, 1] or NaN
   * @return adjusted p-values in the same order as {@code p}
   * @throws IllegalArgumentException if {@code p} is null or holds a value outside [0, 1]
   */
  public static double[] adjust(double[] p) {
    if (p == null) {
      throw new IllegalArgumentException("p must not be null");
    }
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        continue;
      }
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("p[" + i + "] = " + p[i] + " is not in [0, 1]");
      }
      m++;
    }
    double[] adjusted = new double[p.length];
    int[] order = new int[m];
    int k = 0;
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        adjusted[i] = Double.NaN;
      } else {
        order[k++] = i;
      }
    }
    IndexSort.sort(order, (x, y) -> {
      int c = Double.compare(p[x], p[y]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    double running = 0;
    for (int j = 0; j < m; j++) {
      int i = order[j];
      running = Math.max(running, Math.min(1, (m - j) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }
}
