package org.web4rec.core.similarity;

import org.web4rec.core.data.Parallel;
import java.util.Arrays;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

/**
 * {@code emb}: cosine of item embeddings. An item without an embedding (null) or with a zero
 * vector has similarity 0 to everything (cosine is undefined for it; 0 means "no evidence of
 * similarity", so its distance 1 - sim is 1). Note 1 - cos lies in [0,2].
 *
 * <p>Vectors are normalised once; a column is N dot products (O(N·d)), the user's N vectors
 * staying in cache across its K columns. Cosine is linear in each unit vector, so Σ_{j ∈ H_u}
 * cos(c, j) = ê_c · Σ_{j ∈ H_u} ê_j: one history sum per user and one dot product per list item,
 * O((|H_u| + |C_u|) d); the pairs within a list use a running prefix sum of unit vectors in the
 * same way, O(Σ_u (|H_u| + |L_u|) d) for the metrics' list sums.
 */
public final class EmbeddingSimilarity extends SimilaritySource {

  private final int dim;
  private final double[] unit;
  private final boolean[] present; // a non-zero embedding

  /**
   * @param emb per item an embedding of dimension {@code dim}, or null
   * @param dim the embedding dimension
   * @throws IllegalArgumentException when the vectors do not fit one array
   */
  public EmbeddingSimilarity(float[][] emb, int dim) {
    int nItems = emb.length;
    if ((long) nItems * dim > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          nItems + " embeddings of dimension " + dim + " do not fit one array");
    }
    this.dim = dim;
    this.unit = new double[nItems * dim];
    this.present = new boolean[nItems];
    for (int i = 0; i < nItems; i++) {
      float[] e = emb[i];
      if (e == null) {
        continue;
      }
      double norm = 0;
      for (float v : e) {
        norm += (double) v * v;
      }
      if (norm > 0) {
        present[i] = true;
        double inv = 1.0 / Math.sqrt(norm);
        for (int k = 0; k < dim; k++) {
          unit[i * dim + k] = e[k] * inv;
        }
      }
    }
  }

  @Override
  public View view() {
    return new View() {
      int[] items;
      int from;
      int n;

      @Override
      public void bind(int[] items, int from, int n) {
        this.items = items;
        this.from = from;
        this.n = n;
      }

      @Override
      public double self(int i) {
        return present[items[from + i]] ? 1.0 : 0.0;
      }

      @Override
      public void column(int s, double[] out) {
        int bs = items[from + s] * dim;
        for (int i = 0; i < n; i++) {
          out[i] = i == s ? self(i) : dot(items[from + i] * dim, bs);
        }
      }
    };
  }

  /**
   * Dot product of two unit vectors (by offset), with four independent partial sums so the
   * additions pipeline instead of waiting on one another: N·K·d multiply-adds per user are the
   * whole cost of {@code emb}.
   */
  private double dot(int a, int b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < dim; k += 4) {
      s0 += unit[a + k] * unit[b + k];
      s1 += unit[a + k + 1] * unit[b + k + 1];
      s2 += unit[a + k + 2] * unit[b + k + 2];
      s3 += unit[a + k + 3] * unit[b + k + 3];
    }
    for (; k < dim; k++) {
      s0 += unit[a + k] * unit[b + k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** acc[0..dim) = Σ_{j ∈ H_u} ê_j, zero for a user without a train row. */
  private void historySum(Csr train, int u, double[] acc) {
    Arrays.fill(acc, 0, dim, 0.0);
    if (u >= train.rows()) {
      return;
    }
    int[] hist = train.values();
    for (int x = train.start(u); x < train.end(u); x++) {
      int base = hist[x] * dim;
      for (int k = 0; k < dim; k++) {
        acc[k] += unit[base + k];
      }
    }
  }

  @Override
  public void historySums(CandidateLists c, Csr train, int[] users, double[] out, int threads) {
    int[] items = c.items();
    Parallel.forRanges(users.length, 256, threads, () -> new double[dim], (acc, lo, hi) -> {
      for (int r = lo; r < hi; r++) {
        int u = users[r];
        historySum(train, u, acc);
        for (int p = c.start(u); p < c.end(u); p++) {
          int base = items[p] * dim;
          double s = 0;
          for (int k = 0; k < dim; k++) {
            s += unit[base + k] * acc[k];
          }
          out[p] = s;
        }
      }
    });
  }

  @Override
  public ListSums listSums(Csr train, ListCut cut, int threads) {
    int[] items = cut.items();
    // acc[0..dim) history sum, acc[dim..2dim) prefix sum of the list.
    return byRow(cut, threads, () -> new double[2 * dim], (acc, u, from, to, toHistory,
        toEarlier) -> {
      historySum(train, u, acc);
      Arrays.fill(acc, dim, 2 * dim, 0.0);
      for (int p = from; p < to; p++) {
        int base = items[p] * dim;
        double s = 0;
        double t = 0;
        for (int k = 0; k < dim; k++) {
          double e = unit[base + k];
          s += e * acc[k];
          t += e * acc[dim + k];
        }
        toHistory[p] = s;
        toEarlier[p] = t;
        for (int k = 0; k < dim; k++) {
          acc[dim + k] += unit[base + k];
        }
      }
    });
  }
}
