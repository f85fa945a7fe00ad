package org.web4rec.core.metrics;

import java.util.Arrays;
import java.util.HashMap;
import org.web4rec.core.data.Csr;

/**
 * The two similarity sums every sim-based metric needs, per list position p of a {@link ListCut}
 * (item i = L_u[p] of user u):
 *
 * <ul>
 *   <li>{@code toHistory[p]} = Σ_{j ∈ H_u} sim(i, j) (unexpectedness, serendipity);
 *   <li>{@code toEarlier[p]} = Σ_{q < p} sim(i, L_u[q]) (diversity: summing it over p < K gives
 *       the sum over all unordered pairs of the first K, for every K at once).
 * </ul>
 *
 * <p>One kernel per similarity source; each picks the cheapest exact algorithm for its source,
 * explained at the method.
 */
final class ListSimilarity {

  final double[] toHistory;
  final double[] toEarlier;

  private ListSimilarity(int positions) {
    toHistory = new double[positions];
    toEarlier = new double[positions];
  }

  /** Largest number of distinct value sets for which the Jaccard table is precomputed. */
  static final int JACCARD_TABLE_LIMIT = 2048;

  /**
   * {@code cooc}: sim(i,j) = n_ij / sqrt(n_i n_j), binary train vectors.
   *
   * <p>Item-major: for each recommended item i (in any list cut) with n_i > 0, one dense int
   * accumulator row acc[j] = n_ij is built by walking the histories of i's train users (Σ_{v ∋ i}
   * |H_v| increments into an array that stays in L2), then every position holding i reads it:
   * Σ_{j ∈ H_u} acc[j]/sqrt(n_j) and Σ_{q<p} acc[L_u[q]]/sqrt(n_{L_u[q]}), both times
   * 1/sqrt(n_i). No per-pair set intersection and no item × item table: memory is one accumulator
   * per thread. Cost O(Σ_v |H_v ∩ R| · |H_v| + Σ_u |L_u| · |H_u| + Σ_u |L_u|^2), R = recommended
   * items, plus O(|R| · nItems) to clear accumulators. Items are processed most expensive first
   * and handed out one at a time to the threads.
   */
  static ListSimilarity cooc(Csr train, int nItems, ListCut cut, int threads) {
    ListSimilarity out = new ListSimilarity(cut.items.length);
    Csr itemUsers = train.transpose(nItems);
    int[] users = itemUsers.values();
    int[] hist = train.values();
    int trainRows = train.rows();
    double[] w = new double[nItems];
    for (int j = 0; j < nItems; j++) {
      int n = itemUsers.size(j);
      w[j] = n > 0 ? 1.0 / Math.sqrt(n) : 0.0;
    }
    // Positions of each item in the cut lists.
    int[] invOff = new int[nItems + 1];
    for (int i : cut.items) {
      invOff[i + 1]++;
    }
    for (int i = 0; i < nItems; i++) {
      invOff[i + 1] += invOff[i];
    }
    int[] invPos = new int[cut.items.length];
    int[] cursor = Arrays.copyOf(invOff, nItems);
    for (int p = 0; p < cut.items.length; p++) {
      invPos[cursor[cut.items[p]]++] = p;
    }
    // Work list: recommended items with a train user, most expensive first.
    int nWork = 0;
    long[] work = new long[nItems];
    for (int i = 0; i < nItems; i++) {
      if (invOff[i + 1] > invOff[i] && itemUsers.size(i) > 0) {
        long cost = 0;
        for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
          cost += train.size(users[k]);
        }
        work[nWork++] = (Math.min(cost, Integer.MAX_VALUE) << 32) | i;
      }
    }
    Arrays.sort(work, 0, nWork);
    final int[] order = new int[nWork];
    for (int k = 0; k < nWork; k++) {
      order[k] = (int) work[nWork - 1 - k];
    }
    int[] trainOff = train.offsets();
    int[] cutItems = cut.items;
    Parallel.forRanges(nWork, 1, threads, () -> new int[nItems], (acc, from, to) -> {
      for (int o = from; o < to; o++) {
        int i = order[o];
        long built = 0;
        for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
          int v = users[k];
          int end = trainOff[v + 1];
          for (int x = trainOff[v]; x < end; x++) {
            acc[hist[x]]++;
          }
          built += end - trainOff[v];
        }
        double wi = w[i];
        for (int q = invOff[i]; q < invOff[i + 1]; q++) {
          int p = invPos[q];
          int u = cut.users[cut.rowOf[p]];
          double s = 0;
          if (u < trainRows) {
            for (int x = trainOff[u]; x < trainOff[u + 1]; x++) {
              int j = hist[x];
              s += acc[j] * w[j];
            }
          }
          out.toHistory[p] = s * wi;
          double t = 0;
          for (int x = cut.offsets[cut.rowOf[p]]; x < p; x++) {
            int j = cutItems[x];
            t += acc[j] * w[j];
          }
          out.toEarlier[p] = t * wi;
        }
        // Clear: re-walk when that touches less memory than a full fill.
        if (built < nItems / 4) {
          for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
            int v = users[k];
            for (int x = trainOff[v]; x < trainOff[v + 1]; x++) {
              acc[hist[x]] = 0;
            }
          }
        } else {
          Arrays.fill(acc, 0);
        }
      }
    });
    return out;
  }

  /**
   * {@code genre.<col>}: Jaccard |A ∩ B| / |A ∪ B| of the items' value sets, 0 when both are
   * empty.
   *
   * <p>Items are grouped by distinct value set (a genre column has at most a few hundred), and
   * each user's history becomes a histogram over set ids, so Σ_{j ∈ H_u} sim(i,j) costs one
   * multiply-add per distinct set in H_u instead of one Jaccard per history item. Jaccard between
   * sets comes from a precomputed table when there are at most {@link #JACCARD_TABLE_LIMIT} sets,
   * else from a merge of the two sorted code arrays. Cost O(Σ_u (|H_u| + |L_u| · distinct sets of
   * H_u + |L_u|^2)).
   */
  static ListSimilarity jaccard(int[][] values, Csr train, ListCut cut, int threads) {
    int nItems = values.length;
    ListSimilarity out = new ListSimilarity(cut.items.length);
    // Set id 0 is the empty set.
    HashMap<IntsKey, Integer> ids = new HashMap<>();
    int[][] sets = new int[Math.max(1, nItems) + 1][];
    sets[0] = new int[0];
    ids.put(new IntsKey(sets[0]), 0);
    int[] setOf = new int[nItems];
    for (int i = 0; i < nItems; i++) {
      int[] s = values[i] == null ? sets[0] : values[i];
      Integer id = ids.get(new IntsKey(s));
      if (id == null) {
        id = ids.size();
        sets[id] = s;
        ids.put(new IntsKey(s), id);
      }
      setOf[i] = id;
    }
    int d = ids.size();
    double[] table = null;
    if (d <= JACCARD_TABLE_LIMIT) {
      table = new double[d * d];
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          double jab = jaccard(sets[a], sets[b]);
          table[a * d + b] = jab;
          table[b * d + a] = jab;
        }
      }
    }
    final double[] jt = table;
    int[] trainOff = train.offsets();
    int[] hist = train.values();
    int trainRows = train.rows();
    Parallel.forRanges(cut.rows(), 256, threads, () -> new int[2 * d], (scratch, from, to) -> {
      // scratch[0..d) counts per set id, scratch[d..2d) the touched ids.
      for (int r = from; r < to; r++) {
        int u = cut.users[r];
        int touched = 0;
        if (u < trainRows) {
          for (int x = trainOff[u]; x < trainOff[u + 1]; x++) {
            int s = setOf[hist[x]];
            if (s != 0 && scratch[s]++ == 0) {
              scratch[d + touched++] = s;
            }
          }
        }
        for (int p = cut.start(r); p < cut.end(r); p++) {
          int si = setOf[cut.items[p]];
          if (si == 0) {
            continue; // Jaccard with the empty set is 0
          }
          double s = 0;
          double t = 0;
          if (jt != null) {
            int base = si * d;
            for (int k = 0; k < touched; k++) {
              int sj = scratch[d + k];
              s += scratch[sj] * jt[base + sj];
            }
            for (int q = cut.start(r); q < p; q++) {
              t += jt[base + setOf[cut.items[q]]];
            }
          } else {
            for (int k = 0; k < touched; k++) {
              int sj = scratch[d + k];
              s += scratch[sj] * jaccard(sets[si], sets[sj]);
            }
            for (int q = cut.start(r); q < p; q++) {
              t += jaccard(sets[si], sets[setOf[cut.items[q]]]);
            }
          }
          out.toHistory[p] = s;
          out.toEarlier[p] = t;
        }
        for (int k = 0; k < touched; k++) {
          scratch[scratch[d + k]] = 0;
        }
      }
    });
    return out;
  }

  /** Jaccard of two strictly ascending arrays; 0 when both are empty. */
  static double jaccard(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 0.0;
    }
    int x = 0;
    int y = 0;
    int inter = 0;
    while (x < a.length && y < b.length) {
      if (a[x] == b[y]) {
        inter++;
        x++;
        y++;
      } else if (a[x] < b[y]) {
        x++;
      } else {
        y++;
      }
    }
    return (double) inter / (a.length + b.length - inter);
  }

  /**
   * {@code emb}: cosine of item embeddings. An item without an embedding (null) or with a zero
   * vector has similarity 0 to everything (cosine is undefined for it; 0 means "no evidence of
   * similarity", so its distance 1 - sim is 1).
   *
   * <p>Cosine is linear in each unit vector, so Σ_{j ∈ H_u} cos(i,j) = ê_i · Σ_{j ∈ H_u} ê_j: one
   * history sum per user (O(|H_u| d)) and one dot product per list item; the pairs within a list
   * use a running prefix sum of unit vectors in the same way. Cost O(Σ_u (|H_u| + |L_u|) d).
   */
  static ListSimilarity embedding(float[][] emb, int dim, Csr train, ListCut cut, int threads) {
    int nItems = emb.length;
    ListSimilarity out = new ListSimilarity(cut.items.length);
    if ((long) nItems * dim > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          nItems + " embeddings of dimension " + dim + " do not fit one array");
    }
    double[] unit = new double[nItems * dim];
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
    int[] trainOff = train.offsets();
    int[] hist = train.values();
    int trainRows = train.rows();
    Parallel.forRanges(cut.rows(), 256, threads, () -> new double[2 * dim], (acc, from, to) -> {
      // acc[0..dim) history sum, acc[dim..2dim) prefix sum of the list.
      for (int r = from; r < to; r++) {
        int u = cut.users[r];
        Arrays.fill(acc, 0.0);
        if (u < trainRows) {
          for (int x = trainOff[u]; x < trainOff[u + 1]; x++) {
            int base = hist[x] * dim;
            for (int k = 0; k < dim; k++) {
              acc[k] += unit[base + k];
            }
          }
        }
        for (int p = cut.start(r); p < cut.end(r); p++) {
          int base = cut.items[p] * dim;
          double s = 0;
          double t = 0;
          for (int k = 0; k < dim; k++) {
            double e = unit[base + k];
            s += e * acc[k];
            t += e * acc[dim + k];
          }
          out.toHistory[p] = s;
          out.toEarlier[p] = t;
          for (int k = 0; k < dim; k++) {
            acc[dim + k] += unit[base + k];
          }
        }
      }
    });
    return out;
  }

  /** An int[] as a hash key by content. */
  private record IntsKey(int[] a) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IntsKey k && Arrays.equals(a, k.a);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(a);
    }
  }
}
