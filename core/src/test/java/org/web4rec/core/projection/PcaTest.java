package org.web4rec.core.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {

  static final double TOL = 1e-9;

  /**
   * Rows x = 5 + t1·u + t2·v in 6 dimensions with orthonormal u, v and (t1, t2) cycling through
   * (−3,−1), (−3,1), (3,−1), (3,1): t1 and t2 are uncorrelated with variances 9·c and 1·c, so the
   * axes explain exactly 0.9 and 0.1 and the coordinates are (t1, t2) up to sign.
   */
  @Test
  void recoversTheTwoDimensionalStructureOfARankTwoMatrix() {
    double s = 1 / Math.sqrt(2);
    double[] u = {s, s, 0, 0, 0, 0};
    double[] v = {0, 0, 0.6, 0.8, 0, 0};
    double[][] t = {{-3, -1}, {-3, 1}, {3, -1}, {3, 1}};
    int n = 400;
    float[][] rows = new float[n][6];
    for (int r = 0; r < n; r++) {
      double[] tr = t[r % 4];
      for (int j = 0; j < 6; j++) {
        rows[r][j] = (float) (5 + tr[0] * u[j] + tr[1] * v[j]);
      }
    }
    PcaModel m = Pca.fit(rows, 2, 2);
    assertEquals(0.9, m.explainedVarianceRatio()[0], 1e-6);
    assertEquals(0.1, m.explainedVarianceRatio()[1], 1e-6);
    // sample variance with divisor n − 1: 9 · n / (n − 1)
    assertEquals(9.0 * n / (n - 1), m.variance()[0], 1e-4);
    // the same sign flip for every row of an axis
    double s0 = Math.signum(m.coordinates()[0][0] / t[0][0]);
    double s1 = Math.signum(m.coordinates()[1][0] / t[0][1]);
    for (int r = 0; r < n; r++) {
      double[] tr = t[r % 4];
      assertEquals(s0 * tr[0], m.coordinates()[0][r], 1e-5);
      assertEquals(s1 * tr[1], m.coordinates()[1][r], 1e-5);
    }
    assertEquals(1.0, Math.abs(dot(m.axes()[0], u)), 1e-6);
    assertEquals(1.0, Math.abs(dot(m.axes()[1], v)), 1e-6);
    assertEquals(5.0, m.mean()[0], 1e-6);
  }

  @Test
  void handComputedTwoPointCase() {
    // (0,0) and (2,0): mean (1,0), variance 2 on x, 0 on y; coordinates ∓1
    PcaModel m = Pca.fit(new float[][] {{0, 0}, {2, 0}}, 2, 1);
    assertArrayEquals(new double[] {1, 0}, m.mean(), TOL);
    assertEquals(2.0, m.variance()[0], TOL);
    assertEquals(1.0, m.explainedVarianceRatio()[0], TOL);
    assertEquals(0.0, m.explainedVarianceRatio()[1], TOL);
    assertEquals(-1.0, m.coordinates()[0][0], TOL);
    assertEquals(1.0, m.coordinates()[0][1], TOL);
  }

  @Test
  void threadsDoNotChangeTheResult() {
    SplittableRandom rng = new SplittableRandom(7);
    float[][] rows = new float[9_000][16];
    for (float[] r : rows) {
      for (int j = 0; j < r.length; j++) {
        r[j] = (float) (rng.nextDouble() * (j + 1));
      }
    }
    PcaModel one = Pca.fit(rows, 2, 1);
    PcaModel two = Pca.fit(rows, 2, 2);
    assertArrayEquals(one.explainedVarianceRatio(), two.explainedVarianceRatio(), 1e-9);
    assertArrayEquals(one.coordinates()[0], two.coordinates()[0], 1e-6);
    // the last dimension has the largest spread (uniform on [0, 16)): it dominates axis 1
    assertEquals(15, argmaxAbs(one.axes()[0]));
    double sum = 0;
    for (double x : Pca.fit(rows, 16, 2).explainedVarianceRatio()) {
      sum += x;
    }
    assertEquals(1.0, sum, 1e-9);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[0][], 2, 1));
    assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[][] {{1, 2}}, 3, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Pca.fit(new float[][] {{1, 2}, {1}}, 1, 1));
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static int argmaxAbs(double[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) {
      if (Math.abs(a[i]) > Math.abs(a[best])) {
        best = i;
      }
    }
    return best;
  }
}
