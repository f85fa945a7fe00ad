package org.web4rec.core.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast greedy DPP against the naive greedy: at each step the argmax of det(L_{S ∪ {i}}),
 * recomputed from scratch with a small Cholesky, stopping when det(L_{S∪{j}}) / det(L_S) (the
 * squared pivot) falls below 1e-10; determinants within the same relative tolerance count as
 * tied (lowest index wins).
 */
class FastGreedyDppTest {

  /** Naive greedy picks on the explicit kernel {@code l}. */
  static int[] naive(double[][] l, int k) {
    int n = l.length;
    List<Integer> s = new ArrayList<>();
    double detS = 1;
    while (s.size() < Math.min(k, n)) {
      int best = -1;
      double bestDet = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (s.contains(i)) {
          continue;
        }
        List<Integer> t = new ArrayList<>(s);
        t.add(i);
        double det = det(l, t);
        if (best < 0 || det > bestDet * (1 + FastGreedyDpp.TIE)) {
          best = i;
          bestDet = det;
        }
      }
      if (!(bestDet / detS >= FastGreedyDpp.MIN_GAIN)) {
        break;
      }
      s.add(best);
      detS = bestDet;
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  /** det(L_T) by Cholesky; 0 once a pivot is not positive. */
  static double det(double[][] l, List<Integer> t) {
    int m = t.size();
    double[][] c = new double[m][m];
    double det = 1;
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double v = l[t.get(a)][t.get(b)];
        for (int x = 0; x < b; x++) {
          v -= c[a][x] * c[b][x];
        }
        if (a == b) {
          if (v <= 0) {
            return 0;
          }
          c[a][a] = Math.sqrt(v);
          det *= v;
        } else {
          c[a][b] = v / c[b][b];
        }
      }
    }
    return det;
  }

  /** A random PSD kernel B Bᵀ of the given rank. */
  static double[][] randomKernel(int n, int rank, SplittableRandom rng) {
    double[][] b = new double[n][rank];
    for (double[] row : b) {
      for (int x = 0; x < rank; x++) {
        row[x] = rng.nextDouble(-1, 1);
      }
    }
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = 0;
        for (int x = 0; x < rank; x++) {
          v += b[i][x] * b[j][x];
        }
        l[i][j] = v;
      }
    }
    return l;
  }

  private static int[] fast(double[][] s, double[] logWeight, int k) {
    int n = s.length;
    double[] diag = new double[n];
    for (int i = 0; i < n; i++) {
      diag[i] = s[i][i];
    }
    int[] out = new int[k];
    int m = FastGreedyDpp.select(n, k, logWeight, diag,
        (j, col) -> {
          for (int i = 0; i < n; i++) {
            col[i] = s[i][j];
          }
        }, out, new FastGreedyDpp.Scratch());
    return Arrays.copyOf(out, m);
  }

  @Test
  void samePicksAsNaiveLogDetGreedy() {
    SplittableRandom rng = new SplittableRandom(20180601L);
    for (int trial = 0; trial < 300; trial++) {
      int n = 2 + rng.nextInt(14);
      int rank = 1 + rng.nextInt(n + 2); // full rank or deficient (then the greedy stops early)
      int k = 1 + rng.nextInt(n + 1);
      double[][] l = randomKernel(n, rank, rng);
      int[] expected = naive(l, k);
      assertArrayEquals(expected, fast(l, new double[n], k), "trial " + trial);
      if (rank < n) {
        assertEquals(Math.min(k, rank), expected.length, "trial " + trial);
      }
    }
  }

  @Test
  void weightedKernelMatchesNaiveOnDiagRSDiagR() {
    SplittableRandom rng = new SplittableRandom(7L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + rng.nextInt(12);
      int k = 1 + rng.nextInt(n);
      double[][] s = randomKernel(n, 1 + rng.nextInt(n + 1), rng);
      double[] logWeight = new double[n];
      double[][] l = new double[n][n];
      for (int i = 0; i < n; i++) {
        logWeight[i] = rng.nextDouble(0, 4); // ln r_i²
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          l[i][j] = Math.exp(logWeight[i] / 2) * s[i][j] * Math.exp(logWeight[j] / 2);
        }
      }
      assertArrayEquals(naive(l, k), fast(s, logWeight, k), "trial " + trial);
    }
  }

  @Test
  void hugeWeightsDoNotOverflow() {
    // θ/(1-θ) = 1e6 (λ = 1e-6): r² = e^(1e6 rel) overflows a double; the picks follow rel.
    SplittableRandom rng = new SplittableRandom(3L);
    double[][] s = randomKernel(10, 10, rng);
    double[] logWeight = new double[10];
    for (int i = 0; i < 10; i++) {
      logWeight[i] = 1e6 * (1 - i / 10.0);
    }
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, fast(s, logWeight, 5));
  }
}
