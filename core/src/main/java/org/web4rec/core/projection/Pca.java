package org.web4rec.core.projection;

import java.util.ArrayList;
import java.util.List;
import org.web4rec.core.data.Parallel;

/**
 * Principal component analysis of dense row vectors through the d × d covariance matrix: one
 * parallel pass accumulates the column sums and the cross products, {@link SymmetricEigen} gives
 * the axes, a second parallel pass projects the rows. With d ≤ 64 the covariance route costs
 * O(n·d²) and never materialises anything of size n × d beyond the input, which is why it beats an
 * SVD of the centred data here.
 */
public final class Pca {

  private static final int CHUNK = 2_048;

  private Pca() {}

  /**
   * @param rows n row vectors of the same dimension d ≥ 1 (n ≥ 1)
   * @param k number of components, 1 ≤ k ≤ d
   * @param threads threads to use including the caller, ≥ 1
   * @return the model with the rows' coordinates on the first k axes
   */
  public static PcaModel fit(float[][] rows, int k, int threads) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("PCA needs at least one row");
    }
    int d = rows[0].length;
    if (k < 1 || k > d) {
      throw new IllegalArgumentException("k must be in [1, " + d + "], got " + k);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    int n = rows.length;
    for (int r = 0; r < n; r++) {
      if (rows[r].length != d) {
        throw new IllegalArgumentException("row " + r + " has " + rows[r].length
            + " values, expected " + d);
      }
    }
    // Centre with the mean first (two passes), so large offsets cannot cancel catastrophically.
    double[] mean = new double[d];
    List<double[]> sums = new ArrayList<>();
    Parallel.forRanges(n, CHUNK, threads, () -> register(sums, new double[d]), (s, from, to) -> {
      for (int r = from; r < to; r++) {
        float[] x = rows[r];
        for (int j = 0; j < d; j++) {
          s[j] += x[j];
        }
      }
    });
    for (double[] s : sums) {
      for (int j = 0; j < d; j++) {
        mean[j] += s[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    List<double[]> products = new ArrayList<>();
    Parallel.forRanges(n, CHUNK, threads, () -> register(products, new double[d * d + d]),
        (s, from, to) -> {
          double[] c = new double[d];
          for (int r = from; r < to; r++) {
            float[] x = rows[r];
            for (int j = 0; j < d; j++) {
              c[j] = x[j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
              double ci = c[i];
              int base = i * d;
              for (int j = i; j < d; j++) {
                s[base + j] += ci * c[j];
              }
            }
          }
        });
    double[][] cov = new double[d][d];
    for (double[] s : products) {
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          cov[i][j] += s[i * d + j];
        }
      }
    }
    double divisor = Math.max(1, n - 1);
    double total = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        cov[i][j] /= divisor;
        cov[j][i] = cov[i][j];
      }
      total += cov[i][i];
    }
    SymmetricEigen eig = SymmetricEigen.of(cov);
    double[][] axes = new double[k][];
    double[] variance = new double[k];
    double[] ratio = new double[k];
    for (int c = 0; c < k; c++) {
      axes[c] = eig.vectors()[c].clone();
      signConvention(axes[c]);
      variance[c] = Math.max(0, eig.values()[c]);
      ratio[c] = total > 0 ? variance[c] / total : 0;
    }
    double[][] coords = new double[k][n];
    Parallel.forRanges(n, CHUNK, threads, () -> null, (s, from, to) -> {
      for (int r = from; r < to; r++) {
        float[] x = rows[r];
        for (int c = 0; c < k; c++) {
          double[] a = axes[c];
          double dot = 0;
          for (int j = 0; j < d; j++) {
            dot += (x[j] - mean[j]) * a[j];
          }
          coords[c][r] = dot;
        }
      }
    });
    return new PcaModel(mean, axes, variance, ratio, coords);
  }

  private static <T> T register(List<T> all, T scratch) {
    synchronized (all) {
      all.add(scratch);
    }
    return scratch;
  }

  /** Eigenvectors are defined up to sign: make the largest-magnitude entry positive, so maps are stable. */
  private static void signConvention(double[] axis) {
    int best = 0;
    for (int j = 1; j < axis.length; j++) {
      if (Math.abs(axis[j]) > Math.abs(axis[best])) {
        best = j;
      }
    }
    if (axis[best] < 0) {
      for (int j = 0; j < axis.length; j++) {
        axis[j] = -axis[j];
      }
    }
  }
}
