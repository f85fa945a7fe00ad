package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HolmTest {

  @Test
  void handExample() {
    // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 -> running max 0.06.
    double[] p = {0.01, 0.04, 0.03, 0.005};
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(p), EPS);
  }

  @Test
  void capsAtOneAndKeepsTiesEqual() {
    assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.5}), EPS);
    assertArrayEquals(
        new double[] {0.06, 0.06, 0.06}, Holm.adjust(new double[] {0.02, 0.02, 0.02}), EPS);
  }

  @Test
  void singleTestIsUnchangedAndNaNIsNotCounted() {
    assertArrayEquals(new double[] {0.2}, Holm.adjust(new double[] {0.2}), EPS);
    double[] adjusted = Holm.adjust(new double[] {0.01, Double.NaN, 0.04});
    assertTrue(Double.isNaN(adjusted[1]));
    assertArrayEquals(new double[] {0.02, 0.04}, new double[] {adjusted[0], adjusted[2]}, EPS);
    assertArrayEquals(new double[0], Holm.adjust(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {1.5}));
  }

  @Test
  void monotoneBetweenRawAndBonferroni() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 100; trial++) {
      int m = 1 + random.nextInt(12);
      double[] p = new double[m];
      for (int i = 0; i < m; i++) {
        p[i] = Math.pow(random.nextDouble(), 3);
      }
      double[] adjusted = Holm.adjust(p);
      for (int i = 0; i < m; i++) {
        assertTrue(adjusted[i] >= p[i] && adjusted[i] <= Math.min(1, m * p[i]) + EPS);
        for (int j = 0; j < m; j++) {
          if (p[i] <= p[j]) {
            assertTrue(adjusted[i] <= adjusted[j]);
          }
        }
      }
    }
  }
}
