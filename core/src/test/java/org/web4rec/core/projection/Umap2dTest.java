package org.web4rec.core.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Umap2dTest {

  static float[][] blobs(int n, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] x = new float[n][d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        x[r][j] = (float) ((r % 3) * 5 + rng.nextDouble());
      }
    }
    return x;
  }

  @Test
  void sameSeedGivesTheSameMap() {
    float[][] x = blobs(300, 8, 1);
    double[] last = {-1};
    float[][] a = Umap2d.fit(x, 15, 42, f -> last[0] = Math.max(last[0], f));
    assertEquals(true, last[0] > 0.5 && last[0] <= 1.0, "progress reported: " + last[0]);
    float[][] b = Umap2d.fit(x, 15, 42);
    assertEquals(300, a.length);
    for (int r = 0; r < a.length; r++) {
      assertEquals(2, a[r].length);
      assertArrayEquals(a[r], b[r], 0f);
    }
    float[][] c = Umap2d.fit(x, 15, 7);
    boolean differs = false;
    for (int r = 0; r < a.length && !differs; r++) {
      differs = !Arrays.equals(a[r], c[r]);
    }
    assertFalse(!differs, "another seed should move the points");
  }

  @Test
  void separatesWellSeparatedClusters() {
    float[][] x = blobs(300, 8, 2);
    float[][] y = Umap2d.fit(x, 15, 42);
    // mean distance within a cluster is well below the distance between cluster centres
    double[][] centre = new double[3][2];
    for (int r = 0; r < y.length; r++) {
      centre[r % 3][0] += y[r][0] / 100.0;
      centre[r % 3][1] += y[r][1] / 100.0;
    }
    double within = 0;
    for (int r = 0; r < y.length; r++) {
      within += Math.hypot(y[r][0] - centre[r % 3][0], y[r][1] - centre[r % 3][1]) / y.length;
    }
    double between = Math.min(Math.hypot(centre[0][0] - centre[1][0], centre[0][1] - centre[1][1]),
        Math.min(Math.hypot(centre[0][0] - centre[2][0], centre[0][1] - centre[2][1]),
            Math.hypot(centre[1][0] - centre[2][0], centre[1][1] - centre[2][1])));
    assertEquals(true, between > 2 * within, "between " + between + " within " + within);
  }
}
