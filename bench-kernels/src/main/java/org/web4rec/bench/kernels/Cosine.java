package org.web4rec.bench.kernels;

import org.web4rec.core.data.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Cosine kernels over unit item vectors (row-major {@code items x dim}), plain Java and Vector
 * API. Lists are flattened with a fixed length {@code k}; histories are CSR.
 *
 * <ul>
 *   <li>list kernels write the mean pairwise cosine of each list (diversity = 1 - that);
 *   <li>history kernels write, per list position p of user u, ê_i · Σ_{j ∈ H_u} ê_j.
 * </ul>
 */
final class Cosine {

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  private Cosine() {}

  /** All K(K-1)/2 dot products per list, float. */
  static void listPairs(float[] unit, int dim, int[] lists, int k, double[] out, int threads) {
    int n = lists.length / k;
    Parallel.forRanges(n, 1024, threads, () -> null, (none, from, to) -> {
      for (int r = from; r < to; r++) {
        float s = 0;
        for (int p = 1; p < k; p++) {
          int a = lists[r * k + p] * dim;
          for (int q = 0; q < p; q++) {
            int b = lists[r * k + q] * dim;
            float d = 0;
            for (int x = 0; x < dim; x++) {
              d += unit[a + x] * unit[b + x];
            }
            s += d;
          }
        }
        out[r] = s / (k * (k - 1) / 2.0);
      }
    });
  }

  /**
   * Pairs by linearity, as core does it: Σ_{q<p} cos(p,q) = ê_p · Σ_{q<p} ê_q, a running prefix
   * sum (K dots + K adds per list, not K^2/2 dots). Float.
   */
  static void listPrefix(float[] unit, int dim, int[] lists, int k, double[] out, int threads) {
    int n = lists.length / k;
    Parallel.forRanges(n, 1024, threads, () -> new float[dim], (acc, from, to) -> {
      for (int r = from; r < to; r++) {
        java.util.Arrays.fill(acc, 0f);
        float s = 0;
        for (int p = 0; p < k; p++) {
          int a = lists[r * k + p] * dim;
          float d = 0;
          for (int x = 0; x < dim; x++) {
            d += unit[a + x] * acc[x];
            acc[x] += unit[a + x];
          }
          s += d;
        }
        out[r] = s / (k * (k - 1) / 2.0);
      }
    });
  }

  /**
   * Pairs from the norm of the sum: Σ_{p<q} ê_p·ê_q = (|Σ ê_p|^2 - Σ |ê_p|^2) / 2. One pass of
   * vector adds per list plus one squared norm per cut-off, with the sum held in registers
   * (Vector API, dim a multiple of the lane count and at most 4 vectors wide per block).
   */
  static void listSumNormVector(
      float[] unit, int dim, int[] lists, int k, double[] out, int threads) {
    int lanes = F.length();
    Parallel.forRanges(n(lists, k), 1024, threads, () -> null, (none, from, to) -> {
      for (int r = from; r < to; r++) {
        float sq = 0;
        float self = 0;
        for (int x0 = 0; x0 < dim; x0 += 4 * lanes) {
          FloatVector s0 = FloatVector.zero(F);
          FloatVector s1 = FloatVector.zero(F);
          FloatVector s2 = FloatVector.zero(F);
          FloatVector s3 = FloatVector.zero(F);
          FloatVector q = FloatVector.zero(F);
          int width = Math.min(4 * lanes, dim - x0);
          for (int p = 0; p < k; p++) {
            int a = lists[r * k + p] * dim + x0;
            FloatVector v0 = FloatVector.fromArray(F, unit, a);
            s0 = s0.add(v0);
            q = v0.fma(v0, q);
            if (width > lanes) {
              FloatVector v1 = FloatVector.fromArray(F, unit, a + lanes);
              s1 = s1.add(v1);
              q = v1.fma(v1, q);
            }
            if (width > 2 * lanes) {
              FloatVector v2 = FloatVector.fromArray(F, unit, a + 2 * lanes);
              s2 = s2.add(v2);
              q = v2.fma(v2, q);
            }
            if (width > 3 * lanes) {
              FloatVector v3 = FloatVector.fromArray(F, unit, a + 3 * lanes);
              s3 = s3.add(v3);
              q = v3.fma(v3, q);
            }
          }
          sq += s0.fma(s0, s1.fma(s1, s2.fma(s2, s3.mul(s3)))).reduceLanes(VectorOperators.ADD);
          self += q.reduceLanes(VectorOperators.ADD);
        }
        out[r] = (sq - self) / 2 / (k * (k - 1) / 2.0);
      }
    });
  }

  /** {@link #listPrefix} with Vector API dot products and prefix adds. */
  static void listPrefixVector(
      float[] unit, int dim, int[] lists, int k, double[] out, int threads) {
    int lanes = F.length();
    Parallel.forRanges(n(lists, k), 1024, threads, () -> new float[dim], (acc, from, to) -> {
      for (int r = from; r < to; r++) {
        java.util.Arrays.fill(acc, 0f);
        FloatVector dots = FloatVector.zero(F);
        for (int p = 0; p < k; p++) {
          int a = lists[r * k + p] * dim;
          for (int x = 0; x < dim; x += lanes) {
            FloatVector e = FloatVector.fromArray(F, unit, a + x);
            FloatVector s = FloatVector.fromArray(F, acc, x);
            dots = e.fma(s, dots);
            s.add(e).intoArray(acc, x);
          }
        }
        out[r] = dots.reduceLanes(VectorOperators.ADD) / (k * (k - 1) / 2.0);
      }
    });
  }

  /** {@link #listPairs} with Vector API dot products. */
  static void listPairsVector(float[] unit, int dim, int[] lists, int k, double[] out, int threads) {
    int lanes = F.length();
    Parallel.forRanges(n(lists, k), 1024, threads, () -> null, (none, from, to) -> {
      for (int r = from; r < to; r++) {
        FloatVector dots = FloatVector.zero(F);
        for (int p = 1; p < k; p++) {
          int a = lists[r * k + p] * dim;
          for (int q = 0; q < p; q++) {
            int b = lists[r * k + q] * dim;
            for (int x = 0; x < dim; x += lanes) {
              dots = FloatVector.fromArray(F, unit, a + x)
                  .fma(FloatVector.fromArray(F, unit, b + x), dots);
            }
          }
        }
        out[r] = dots.reduceLanes(VectorOperators.ADD) / (k * (k - 1) / 2.0);
      }
    });
  }

  /** History sum per user in float (scalar loops, which C2 auto-vectorises), then K dots. */
  static void history(
      float[] unit, int dim, int[] hOff, int[] hItems, int[] lists, int k, float[] out,
      int threads) {
    int users = hOff.length - 1;
    Parallel.forRanges(users, 256, threads, () -> new float[dim], (acc, from, to) -> {
      for (int u = from; u < to; u++) {
        java.util.Arrays.fill(acc, 0f);
        for (int x = hOff[u]; x < hOff[u + 1]; x++) {
          int b = hItems[x] * dim;
          for (int c = 0; c < dim; c++) {
            acc[c] += unit[b + c];
          }
        }
        for (int p = 0; p < k; p++) {
          int a = lists[u * k + p] * dim;
          float s = 0;
          for (int c = 0; c < dim; c++) {
            s += unit[a + c] * acc[c];
          }
          out[u * k + p] = s;
        }
      }
    });
  }

  /**
   * History sum per user with the accumulator in registers (up to 4 vectors per dimension block,
   * so dim 64 is one pass over the history on 512-bit or two on 256-bit lanes), then K dots.
   */
  static void historyVector(
      float[] unit, int dim, int[] hOff, int[] hItems, int[] lists, int k, float[] out,
      int threads) {
    int lanes = F.length();
    int users = hOff.length - 1;
    Parallel.forRanges(users, 256, threads, () -> new float[dim], (acc, from, to) -> {
      for (int u = from; u < to; u++) {
        int h0 = hOff[u];
        int h1 = hOff[u + 1];
        for (int x0 = 0; x0 < dim; x0 += 4 * lanes) {
          FloatVector s0 = FloatVector.zero(F);
          FloatVector s1 = FloatVector.zero(F);
          FloatVector s2 = FloatVector.zero(F);
          FloatVector s3 = FloatVector.zero(F);
          int width = Math.min(4 * lanes, dim - x0);
          if (width == 4 * lanes) {
            for (int x = h0; x < h1; x++) {
              int b = hItems[x] * dim + x0;
              s0 = s0.add(FloatVector.fromArray(F, unit, b));
              s1 = s1.add(FloatVector.fromArray(F, unit, b + lanes));
              s2 = s2.add(FloatVector.fromArray(F, unit, b + 2 * lanes));
              s3 = s3.add(FloatVector.fromArray(F, unit, b + 3 * lanes));
            }
          } else {
            for (int x = h0; x < h1; x++) {
              int b = hItems[x] * dim + x0;
              s0 = s0.add(FloatVector.fromArray(F, unit, b));
              if (width > lanes) {
                s1 = s1.add(FloatVector.fromArray(F, unit, b + lanes));
              }
              if (width > 2 * lanes) {
                s2 = s2.add(FloatVector.fromArray(F, unit, b + 2 * lanes));
              }
            }
          }
          s0.intoArray(acc, x0);
          if (width > lanes) {
            s1.intoArray(acc, x0 + lanes);
          }
          if (width > 2 * lanes) {
            s2.intoArray(acc, x0 + 2 * lanes);
          }
          if (width > 3 * lanes) {
            s3.intoArray(acc, x0 + 3 * lanes);
          }
        }
        for (int p = 0; p < k; p++) {
          int a = lists[u * k + p] * dim;
          FloatVector d = FloatVector.zero(F);
          for (int c = 0; c < dim; c += lanes) {
            d = FloatVector.fromArray(F, unit, a + c).fma(FloatVector.fromArray(F, acc, c), d);
          }
          out[u * k + p] = d.reduceLanes(VectorOperators.ADD);
        }
      }
    });
  }

  private static int n(int[] lists, int k) {
    return lists.length / k;
  }
}
