package org.web4rec.core.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web4rec.core.data.Csr;

class RandomizedSvdTest {

  /**
   * Block-diagonal 0/1 matrix with all-ones blocks 5×5, 3×4 and 2×2: an all-ones r × c block has
   * the single singular value √(r·c), so the spectrum is exactly 5, √12, 2 and the rank is 3.
   */
  @Test
  void blockMatrixHasTheHandComputedSingularValues() {
    int[][] blocks = {{3, 4}, {5, 5}, {2, 2}};
    List<int[]> pairs = new ArrayList<>();
    int r0 = 0;
    int c0 = 0;
    for (int[] b : blocks) {
      for (int r = 0; r < b[0]; r++) {
        for (int c = 0; c < b[1]; c++) {
          pairs.add(new int[] {r0 + r, c0 + c});
        }
      }
      r0 += b[0];
      c0 += b[1];
    }
    int[] rows = pairs.stream().mapToInt(p -> p[0]).toArray();
    int[] cols = pairs.stream().mapToInt(p -> p[1]).toArray();
    SparseMatrix a = SparseMatrix.ofBinary(Csr.fromPairs(r0, rows, cols), c0);
    RandomizedSvd.Result res = RandomizedSvd.fit(a, 64, 10, 1, 42, 2, null);
    assertArrayEquals(new double[] {5, Math.sqrt(12), 2}, res.singularValues(), 1e-6);
    // U·Σ: rows of the 5×5 block sit at ±√5 on the first axis (u = 1/√5, σ = 5), others at 0.
    for (int r = 3; r < 8; r++) {
      assertEquals(Math.sqrt(5), Math.abs(res.rowEmbedding()[r][0]), 1e-5);
    }
    assertEquals(0.0, res.rowEmbedding()[0][0], 1e-5);
    // rows of the 3×4 block: u = 1/√3, σ = √12 → ±2 on the second axis
    assertEquals(2.0, Math.abs(res.rowEmbedding()[0][1]), 1e-5);
    assertEquals(r0, res.rowEmbedding().length);
  }

  @Test
  void weightedMatrixMatchesExactSvdOfASmallCase() {
    // A = [[3, 0], [4, 0], [0, 2]]: AᵀA = diag(25, 4) → singular values 5 and 2.
    SparseMatrix a = new SparseMatrix(3, 2, new int[] {0, 1, 2, 3}, new int[] {0, 0, 1},
        new float[] {3, 4, 2});
    RandomizedSvd.Result res = RandomizedSvd.fit(a, 2, 5, 2, 1, 1, null);
    assertArrayEquals(new double[] {5, 2}, res.singularValues(), 1e-9);
    // U Σ = A V, V = I up to sign: rows (3, 0), (4, 0), (0, 2)
    assertEquals(3.0, Math.abs(res.rowEmbedding()[0][0]), 1e-6);
    assertEquals(4.0, Math.abs(res.rowEmbedding()[1][0]), 1e-6);
    assertEquals(2.0, Math.abs(res.rowEmbedding()[2][1]), 1e-6);
  }

  @Test
  void sameSeedSameResultAndProgressCountsEveryProduct() {
    int n = 300;
    int[] rows = new int[3 * n];
    int[] cols = new int[3 * n];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = k % n;
      cols[k] = (k * 7 + k / n * 13) % 120;
    }
    SparseMatrix a = SparseMatrix.ofBinary(Csr.fromPairs(n, rows, cols), 120);
    int[] steps = new int[1];
    RandomizedSvd.Result x = RandomizedSvd.fit(a, 8, 4, 2, 9, 2, s -> steps[0] = s);
    RandomizedSvd.Result y = RandomizedSvd.fit(a, 8, 4, 2, 9, 1, null);
    assertEquals(2 + 2 * 2, steps[0]);
    assertArrayEquals(x.singularValues(), y.singularValues(), 1e-9);
    for (int r = 0; r < n; r++) {
      assertArrayEquals(x.rowEmbedding()[r], y.rowEmbedding()[r], 1e-4f);
    }
  }

  @Test
  void transposeKeepsValues() {
    SparseMatrix a = new SparseMatrix(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1},
        new float[] {1, 2, 3});
    SparseMatrix t = a.transpose();
    assertArrayEquals(new int[] {0, 1, 2, 3}, t.offsets());
    assertArrayEquals(new int[] {0, 1, 0}, t.indices());
    assertArrayEquals(new float[] {1, 3, 2}, t.values());
  }
}
