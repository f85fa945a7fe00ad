package org.web4rec.core.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.web4rec.core.data.Parallel;

/**
 * Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson and Tropp 2011,
 * algorithms 4.4 and 5.1): multiply by a seeded Gaussian test matrix with a few extra columns,
 * sharpen the range with power iterations, then solve the small problem exactly. Used to give every
 * user (candidate-score matrix) or item (train interaction matrix) a dense vector of at most 64
 * dimensions when the experiment uploaded no embeddings. Each orthonormalisation goes through the
 * l × l Gram matrix and its eigendecomposition (twice, for accuracy), which runs in parallel over
 * the rows and copes with rank-deficient inputs by dropping null directions.
 */
public final class RandomizedSvd {

  private static final int CHUNK = 1_024;

  private RandomizedSvd() {}

  /**
   * @param singularValues the leading singular values, descending (length r ≤ k)
   * @param rowEmbedding {@code rowEmbedding[i]}: row i's coordinates U·Σ, length r
   */
  public record Result(double[] singularValues, float[][] rowEmbedding) {}

  /**
   * @param a the matrix (m × n)
   * @param k rank wanted (≥ 1); fewer come back when the matrix has lower rank
   * @param oversample extra random columns (10 is customary)
   * @param powerIterations passes of A·Aᵀ that sharpen a slowly decaying spectrum (1-2)
   * @param seed seed of the Gaussian test matrix
   * @param threads threads to use including the caller
   * @param progress called with 1..(2 + 2·powerIterations) as each sparse product finishes; may be null
   */
  public static Result fit(SparseMatrix a, int k, int oversample, int powerIterations, long seed,
      int threads, IntConsumer progress) {
    if (k < 1 || oversample < 0 || powerIterations < 0 || threads < 1) {
      throw new IllegalArgumentException("need k >= 1, oversample >= 0, powerIterations >= 0,"
          + " threads >= 1; got " + k + ", " + oversample + ", " + powerIterations + ", " + threads);
    }
    int m = a.rows();
    int n = a.cols();
    int l = Math.min(k + oversample, Math.min(m, n));
    if (l == 0) {
      return new Result(new double[0], new float[m][0]);
    }
    SparseMatrix at = a.transpose();
    SplittableRandom rng = new SplittableRandom(seed);
    float[] omega = new float[n * l];
    for (int x = 0; x < omega.length; x++) {
      omega[x] = (float) gaussian(rng);
    }
    int step = 0;
    // Intermediate bases only steer the next product: one orthonormalisation pass is enough
    // there; the final Q gets two, since B = Qᵀ A assumes orthonormal columns.
    Dense q = multiply(a, new Dense(n, l, omega), threads);
    q = powerIterations == 0 ? orthonormal(q, threads) : orthonormalOnce(q, threads);
    tick(progress, ++step);
    for (int it = 0; it < powerIterations; it++) {
      Dense z = orthonormalOnce(multiply(at, q, threads), threads);
      tick(progress, ++step);
      q = multiply(a, z, threads);
      q = it == powerIterations - 1 ? orthonormal(q, threads) : orthonormalOnce(q, threads);
      tick(progress, ++step);
    }
    // B = Qᵀ A is small (l × n); keep it transposed: Bt = Aᵀ Q (n × l). B Bᵀ = Btᵀ Bt.
    Dense bt = multiply(at, q, threads);
    tick(progress, ++step);
    int lq = q.cols;
    if (lq == 0) {
      return new Result(new double[0], new float[m][0]);
    }
    SymmetricEigen eig = SymmetricEigen.of(gram(bt, threads));
    double top = Math.max(0, eig.values()[0]);
    int r = 0;
    while (r < Math.min(k, lq) && eig.values()[r] > 1e-12 * top && eig.values()[r] > 0) {
      r++;
    }
    double[] sigma = new double[r];
    for (int c = 0; c < r; c++) {
      sigma[c] = Math.sqrt(eig.values()[c]);
    }
    // U Σ = Q W Σ, with W the eigenvectors of B Bᵀ.
    float[][] emb = new float[m][r];
    Dense qq = q;
    int rr = r;
    Parallel.forRanges(m, CHUNK, threads, () -> null, (s, from, to) -> {
      for (int i = from; i < to; i++) {
        int base = i * lq;
        for (int c = 0; c < rr; c++) {
          double[] w = eig.vectors()[c];
          double dot = 0;
          for (int j = 0; j < lq; j++) {
            dot += qq.v[base + j] * w[j];
          }
          emb[i][c] = (float) (dot * sigma[c]);
        }
      }
    });
    return new Result(sigma, emb);
  }

  private static void tick(IntConsumer progress, int step) {
    if (progress != null) {
      progress.accept(step);
    }
  }

  /** Row-major dense matrix; float storage halves the memory traffic of the sparse products. */
  private record Dense(int rows, int cols, float[] v) {}

  private static Dense multiply(SparseMatrix a, Dense x, int threads) {
    int l = x.cols;
    float[] out = new float[a.rows() * l];
    Parallel.forRanges(a.rows(), CHUNK, threads, () -> new double[l], (acc, from, to) -> {
      float[] xv = x.v;
      for (int i = from; i < to; i++) {
        java.util.Arrays.fill(acc, 0);
        for (int p = a.offsets()[i]; p < a.offsets()[i + 1]; p++) {
          double w = a.value(p);
          int src = a.indices()[p] * l;
          for (int j = 0; j < l; j++) {
            acc[j] += w * xv[src + j];
          }
        }
        int base = i * l;
        for (int j = 0; j < l; j++) {
          out[base + j] = (float) acc[j];
        }
      }
    });
    return new Dense(a.rows(), l, out);
  }

  private static double[][] gram(Dense y, int threads) {
    int l = y.cols;
    List<double[]> parts = new ArrayList<>();
    Parallel.forRanges(y.rows, CHUNK, threads, () -> {
      double[] g = new double[l * l];
      synchronized (parts) {
        parts.add(g);
      }
      return g;
    }, (g, from, to) -> {
      for (int i = from; i < to; i++) {
        int base = i * l;
        for (int p = 0; p < l; p++) {
          double yp = y.v[base + p];
          if (yp == 0) {
            continue;
          }
          int gp = p * l;
          for (int c = p; c < l; c++) {
            g[gp + c] += yp * y.v[base + c];
          }
        }
      }
    });
    double[][] out = new double[l][l];
    for (double[] g : parts) {
      for (int p = 0; p < l; p++) {
        for (int c = p; c < l; c++) {
          out[p][c] += g[p * l + c];
        }
      }
    }
    for (int p = 0; p < l; p++) {
      for (int c = 0; c < p; c++) {
        out[p][c] = out[c][p];
      }
    }
    return out;
  }

  /** An orthonormal basis of Y's column space (two Gram-eigen passes); null directions dropped. */
  private static Dense orthonormal(Dense y, int threads) {
    return orthonormalOnce(orthonormalOnce(y, threads), threads);
  }

  private static Dense orthonormalOnce(Dense y, int threads) {
    int l = y.cols;
    SymmetricEigen eig = SymmetricEigen.of(gram(y, threads));
    double top = Math.max(0, eig.values().length == 0 ? 0 : eig.values()[0]);
    int r = 0;
    while (r < l && eig.values()[r] > 1e-10 * top && eig.values()[r] > 0) {
      r++;
    }
    // Y V Λ^(-1/2) has orthonormal columns spanning the same space.
    double[][] t = new double[l][r];
    for (int c = 0; c < r; c++) {
      double inv = 1 / Math.sqrt(eig.values()[c]);
      for (int j = 0; j < l; j++) {
        t[j][c] = eig.vectors()[c][j] * inv;
      }
    }
    int rr = r;
    float[] out = new float[y.rows * r];
    Parallel.forRanges(y.rows, CHUNK, threads, () -> new double[rr], (acc, from, to) -> {
      for (int i = from; i < to; i++) {
        int in = i * l;
        java.util.Arrays.fill(acc, 0);
        for (int j = 0; j < l; j++) {
          double yj = y.v[in + j];
          if (yj == 0) {
            continue;
          }
          double[] tj = t[j];
          for (int c = 0; c < rr; c++) {
            acc[c] += yj * tj[c];
          }
        }
        int o = i * rr;
        for (int c = 0; c < rr; c++) {
          out[o + c] = (float) acc[c];
        }
      }
    });
    return new Dense(y.rows, r, out);
  }

  private static double gaussian(SplittableRandom rng) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
