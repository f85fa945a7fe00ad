package org.web4rec.core.rerank;

import java.util.Arrays;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

/**
 * {@code emb}: cosine of item embeddings; an item without an embedding, or with a zero vector,
 * has similarity 0 to everything (as in the beyond-accuracy metrics). Note 1 - cos lies in [0,2].
 *
 * <p>Vectors are normalised once. A view copies the bound user's unit vectors contiguously, so a
 * column is N dot products over one small block (O(N·d)). Cosine is linear in each unit vector,
 * so Σ_{j ∈ H_u} cos(c, j) = ê_c · Σ_{j ∈ H_u} ê_j: one history sum per user, O((|H_u| + |C_u|)
 * d).
 */
final class EmbeddingSimilarity extends SimilaritySource {

  private final int dim;
  private final double[] unit;

  EmbeddingSimilarity(float[][] emb, int dim) {
    int nItems = emb.length;
    if ((long) nItems * dim > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          nItems + " embeddings of dimension " + dim + " do not fit one array");
    }
    this.dim = dim;
    this.unit = new double[nItems * dim];
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
        double inv = 1.0 / Math.sqrt(norm);
        for (int k = 0; k < dim; k++) {
          unit[i * dim + k] = e[k] * inv;
        }
      }
    }
  }

  @Override
  View view() {
    return new View() {
      double[] block = new double[16 * Math.max(1, dim)];
      boolean[] present = new boolean[16];
      int n;

      @Override
      void bind(int[] items, int from, int n) {
        this.n = n;
        if (present.length < n) {
          present = new boolean[n];
          block = new double[n * Math.max(1, dim)];
        }
        for (int i = 0; i < n; i++) {
          int base = items[from + i] * dim;
          System.arraycopy(unit, base, block, i * dim, dim);
          double sq = 0;
          for (int k = 0; k < dim; k++) {
            sq += unit[base + k] * unit[base + k];
          }
          present[i] = sq > 0;
        }
      }

      @Override
      double self(int i) {
        return present[i] ? 1.0 : 0.0;
      }

      @Override
      void column(int s, double[] out) {
        int bs = s * dim;
        for (int i = 0; i < n; i++) {
          if (i == s) {
            out[i] = self(i);
            continue;
          }
          int bi = i * dim;
          double dot = 0;
          for (int k = 0; k < dim; k++) {
            dot += block[bi + k] * block[bs + k];
          }
          out[i] = dot;
        }
      }
    };
  }

  @Override
  void historySums(CandidateLists c, Csr train, int[] users, double[] out, int threads) {
    int[] trainOff = train.offsets();
    int[] hist = train.values();
    int trainRows = train.rows();
    int[] items = c.items();
    Workers.forRanges(users.length, 256, threads, () -> new double[dim], (acc, lo, hi) -> {
      for (int r = lo; r < hi; r++) {
        int u = users[r];
        Arrays.fill(acc, 0.0);
        if (u < trainRows) {
          for (int x = trainOff[u]; x < trainOff[u + 1]; x++) {
            int base = hist[x] * dim;
            for (int k = 0; k < dim; k++) {
              acc[k] += unit[base + k];
            }
          }
        }
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
}
