package org.web4rec.core.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  @Test
  void twoByTwoByHand() {
    // [[2, 1], [1, 2]]: eigenvalues 3 (1,1)/√2 and 1 (1,−1)/√2
    SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
    assertArrayEquals(new double[] {3, 1}, e.values(), 1e-12);
    double s = 1 / Math.sqrt(2);
    assertEquals(s, Math.abs(e.vectors()[0][0]), 1e-12);
    assertEquals(e.vectors()[0][0], e.vectors()[0][1], 1e-12);
    assertEquals(-e.vectors()[1][0], e.vectors()[1][1], 1e-12);
  }

  @Test
  void reconstructsARandomSymmetricMatrix() {
    SplittableRandom rng = new SplittableRandom(3);
    int d = 40;
    double[][] a = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = a[j][i] = rng.nextDouble() - 0.5;
      }
    }
    SymmetricEigen e = SymmetricEigen.of(a);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        for (int c = 0; c < d; c++) {
          sum += e.vectors()[c][i] * e.values()[c] * e.vectors()[c][j];
        }
        assertEquals(a[i][j], sum, 1e-9);
      }
    }
    for (int c = 1; c < d; c++) {
      assertEquals(true, e.values()[c - 1] >= e.values()[c]);
    }
  }

  @Test
  void rejectsNonSymmetric() {
    assertThrows(IllegalArgumentException.class,
        () -> SymmetricEigen.of(new double[][] {{1, 2}, {0, 1}}));
  }
}
