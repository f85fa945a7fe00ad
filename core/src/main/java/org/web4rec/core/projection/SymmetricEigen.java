package org.web4rec.core.projection;

/**
 * Eigendecomposition of a small dense symmetric matrix by cyclic Jacobi rotations. Chosen over
 * tridiagonalisation + QR because the matrices here are at most ~100 × 100 (a covariance of 64
 * source dimensions, a Gram matrix of 64 + oversampling columns), where Jacobi costs microseconds
 * to milliseconds, is short enough to check by eye and gives orthonormal eigenvectors to working
 * precision.
 *
 * @param values eigenvalues, descending
 * @param vectors {@code vectors[j]} is the unit eigenvector of {@code values[j]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

  private static final int MAX_SWEEPS = 100;

  /**
   * @param a a symmetric d × d matrix (only read, never modified)
   * @return eigenvalues in descending order with their eigenvectors
   * @throws IllegalArgumentException when a is not square or not symmetric
   */
  public static SymmetricEigen of(double[][] a) {
    int d = a.length;
    double[][] m = new double[d][];
    double scale = 0;
    for (int i = 0; i < d; i++) {
      if (a[i].length != d) {
        throw new IllegalArgumentException("matrix must be square, row " + i + " has "
            + a[i].length + " columns, expected " + d);
      }
      m[i] = a[i].clone();
      for (int j = 0; j < d; j++) {
        scale = Math.max(scale, Math.abs(a[i][j]));
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        if (Math.abs(a[i][j] - a[j][i]) > 1e-9 * Math.max(1, scale)) {
          throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + ")");
        }
      }
    }
    double[][] v = new double[d][d];
    for (int i = 0; i < d; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < d; p++) {
        for (int q = p + 1; q < d; q++) {
          off += m[p][q] * m[p][q];
        }
      }
      if (off <= 1e-30 * Math.max(1, scale * scale)) {
        break;
      }
      for (int p = 0; p < d; p++) {
        for (int q = p + 1; q < d; q++) {
          if (m[p][q] != 0) {
            rotate(m, v, p, q);
          }
        }
      }
    }
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(m[y][y], m[x][x]));
    double[] values = new double[d];
    double[][] vectors = new double[d][d];
    for (int j = 0; j < d; j++) {
      values[j] = m[order[j]][order[j]];
      for (int i = 0; i < d; i++) {
        vectors[j][i] = v[i][order[j]];
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  /** One Jacobi rotation zeroing m[p][q]; v accumulates the rotations as columns. */
  private static void rotate(double[][] m, double[][] v, int p, int q) {
    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int d = m.length;
    for (int k = 0; k < d; k++) {
      double mkp = m[k][p];
      double mkq = m[k][q];
      m[k][p] = c * mkp - s * mkq;
      m[k][q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < d; k++) {
      double mpk = m[p][k];
      double mqk = m[q][k];
      m[p][k] = c * mpk - s * mqk;
      m[q][k] = s * mpk + c * mqk;
    }
    for (int k = 0; k < d; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}
