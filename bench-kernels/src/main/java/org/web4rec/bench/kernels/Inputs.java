package org.web4rec.bench.kernels;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic inputs at MovieLens shapes (fixed seeds, so every fork and every
 * variant sees the same data): a dense ml-1m score matrix with many exact ties, ml-20m item
 * embeddings, top-K lists, and power-law user histories totalling 20M entries.
 */
final class Inputs {

  static final int ML1M_USERS = 6_040;
  static final int ML1M_ITEMS = 3_706;
  static final int ML20M_USERS = 138_493;
  static final int ML20M_ITEMS = 26_744;
  static final int DIM = 64;
  static final long HISTORY_TOTAL = 20_000_000L;
  static final int HISTORY_MIN = 20;
  static final int HISTORY_MAX = 8_000;

  private Inputs() {}

  /**
   * Row-major {@code users x items} scores, Gaussian rounded to 1/256 so that exact ties are
   * common around the top-100 boundary (about one tie per row there).
   */
  static float[] scoreMatrix(int users, int items, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] m = new float[users * items];
    for (int k = 0; k < m.length; k++) {
      m[k] = Math.round(gaussian(rnd) * 256.0) / 256.0f;
    }
    return m;
  }

  /** Row-major {@code items x dim} Gaussian embeddings with a shared offset (cosines mostly > 0). */
  static float[] embeddings(int items, int dim, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] shared = new float[dim];
    for (int k = 0; k < dim; k++) {
      shared[k] = (float) gaussian(rnd) * 0.5f;
    }
    float[] e = new float[items * dim];
    for (int i = 0; i < items; i++) {
      for (int k = 0; k < dim; k++) {
        e[i * dim + k] = shared[k] + (float) gaussian(rnd);
      }
    }
    return e;
  }

  /**
   * Cumulative Zipf(exponent) weights over items 0..n-1 (item 0 most popular), for sampling by
   * binary search.
   */
  static double[] zipfCdf(int n, double exponent) {
    double[] cdf = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += 1.0 / Math.pow(i + 1, exponent);
      cdf[i] = s;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= s;
    }
    return cdf;
  }

  /** One item: Zipf with probability 0.8, uniform otherwise (so rejection sampling progresses). */
  static int drawItem(SplittableRandom rnd, double[] cdf) {
    if (rnd.nextDouble() < 0.2) {
      return rnd.nextInt(cdf.length);
    }
    int x = Arrays.binarySearch(cdf, rnd.nextDouble());
    return Math.min(cdf.length - 1, x >= 0 ? x : -x - 1);
  }

  /** {@code users} lists of {@code k} distinct items each, popularity-skewed, flattened. */
  static int[] lists(int users, int items, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] cdf = zipfCdf(items, 0.8);
    int[] out = new int[users * k];
    int[] seen = new int[items];
    for (int u = 0; u < users; u++) {
      int stamp = u + 1;
      for (int p = 0; p < k; ) {
        int i = drawItem(rnd, cdf);
        if (seen[i] != stamp) {
          seen[i] = stamp;
          out[u * k + p++] = i;
        }
      }
    }
    return out;
  }

  /** User histories in CSR form: {@code offsets} (users+1) and {@code items}, rows ascending. */
  record Histories(int[] offsets, int[] items) {
    int users() {
      return offsets.length - 1;
    }

    long sumSquares() {
      long s = 0;
      for (int u = 0; u < users(); u++) {
        long n = offsets[u + 1] - offsets[u];
        s += n * n;
      }
      return s;
    }
  }

  /**
   * Histories with Pareto(1.16) sizes from {@value #HISTORY_MIN} to {@value #HISTORY_MAX},
   * rescaled to about {@value #HISTORY_TOTAL} entries (ml-20m: mean 144, Σ|H|^2 ~ 3e10); items
   * distinct per user, Zipf(0.9)-skewed popularity.
   */
  static Histories histories(int users, int items, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] raw = new double[users];
    double total = 0;
    for (int u = 0; u < users; u++) {
      raw[u] = Math.min(HISTORY_MAX, HISTORY_MIN * Math.pow(1 - rnd.nextDouble(), -1 / 1.16));
      total += raw[u];
    }
    // Scale the part above the minimum so the total lands on HISTORY_TOTAL.
    double above = total - (double) users * HISTORY_MIN;
    double scale = (HISTORY_TOTAL - (double) users * HISTORY_MIN) / above;
    int[] offsets = new int[users + 1];
    for (int u = 0; u < users; u++) {
      int n = (int) Math.round(HISTORY_MIN + (raw[u] - HISTORY_MIN) * scale);
      n = Math.max(HISTORY_MIN, Math.min(HISTORY_MAX, n));
      offsets[u + 1] = offsets[u] + n;
    }
    double[] cdf = zipfCdf(items, 0.9);
    int[] out = new int[offsets[users]];
    int[] seen = new int[items];
    for (int u = 0; u < users; u++) {
      int stamp = u + 1;
      for (int x = offsets[u]; x < offsets[u + 1]; ) {
        int i = drawItem(rnd, cdf);
        if (seen[i] != stamp) {
          seen[i] = stamp;
          out[x++] = i;
        }
      }
      Arrays.sort(out, offsets[u], offsets[u + 1]); // core's Csr wants ascending rows
    }
    return new Histories(offsets, out);
  }

  static double gaussian(SplittableRandom rnd) {
    // Box-Muller; one value per call keeps the stream simple and deterministic.
    double u1 = 1.0 - rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Unit rows of a row-major float matrix (zero rows stay zero), in float. */
  static float[] unitRows(float[] e, int dim) {
    float[] u = new float[e.length];
    for (int base = 0; base < e.length; base += dim) {
      double norm = 0;
      for (int k = 0; k < dim; k++) {
        norm += (double) e[base + k] * e[base + k];
      }
      if (norm > 0) {
        float inv = (float) (1.0 / Math.sqrt(norm));
        for (int k = 0; k < dim; k++) {
          u[base + k] = e[base + k] * inv;
        }
      }
    }
    return u;
  }
}
