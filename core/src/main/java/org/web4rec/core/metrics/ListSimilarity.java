package org.web4rec.core.metrics;

import org.web4rec.core.data.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Labels;

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

  /** Fixed-point scale of the cooc partial sums (2^32: rounding error below 1.2e-10 a term). */
  private static final double FIXED = 4294967296.0;

  /**
   * {@code cooc}: sim(i,j) = n_ij / sqrt(n_i n_j), binary train vectors.
   *
   * <p>Item-major over the recommended items R, using the symmetry n_ij = n_ji to halve the work.
   * Items are relabelled so R comes first (most popular first), and every history is re-sorted
   * by label. The task of item i ∈ R (label r) builds the half row acc[l] = n_il for labels l ≥ r
   * only, by walking the suffix from r of each of i's train users' histories. It then:
   *
   * <ol>
   *   <li>for each list position holding i (user u) adds Σ_{j ∈ H_u, label ≥ r} n_ij w_j;
   *   <li>for each train user v of i with a list, pushes n_il w_i to every position of v's list
   *       whose item has label l > r: the part j = i of that item's sum over H_v, which its own
   *       task (a half row from l on) cannot see. Every j below an R item's label is itself in R,
   *       so the two parts together cover all of H_u;
   *   <li>for each list position holding i, adds sim(i, i') to the later position of every pair
   *       (i, i') of the same list with label(i') > r.
   * </ol>
   *
   * <p>No per-pair set intersection and no item × item table. Cost O(Σ_v (|H_v ∩ R| |H_v| -
   * |H_v ∩ R|(|H_v ∩ R|-1)/2)) increments (Σ_v |H_v|^2 / 2 when every item is recommended), plus
   * O(Σ_u |L_u| |H_u| + Σ_{i ∈ R} pop(i) (|L| + log |H|) + Σ_u |L_u|^2). Rows are handed out one
   * at a time, most popular first. Because contributions to a position arrive from several tasks,
   * they are summed in 64-bit fixed point (scale 2^32) in per-thread arrays: integer addition is
   * associative, so the result is bit-identical for any thread count and schedule.
   */
  static ListSimilarity cooc(Csr train, int nItems, ListCut cut, int threads) {
    int positions = cut.items.length;
    ListSimilarity out = new ListSimilarity(positions);
    Csr itemUsers = train.transpose(nItems);
    int[] users = itemUsers.values();
    int trainRows = train.rows();
    int[] trainOff = train.offsets();

    // Positions of each item in the cut lists.
    int[] invOff = new int[nItems + 1];
    for (int i : cut.items) {
      invOff[i + 1]++;
    }
    for (int i = 0; i < nItems; i++) {
      invOff[i + 1] += invOff[i];
    }
    int[] invPos = new int[positions];
    int[] cursor = Arrays.copyOf(invOff, nItems);
    for (int p = 0; p < positions; p++) {
      invPos[cursor[cut.items[p]]++] = p;
    }

    // Labels: recommended items first, each group by popularity descending, then item index.
    long[] keys = new long[nItems];
    int nR = 0;
    for (int j = 0; j < nItems; j++) {
      boolean recommended = invOff[j + 1] > invOff[j];
      nR += recommended ? 1 : 0;
      keys[j] = ((recommended ? 0L : 1L) << 62)
          | ((long) (Integer.MAX_VALUE - itemUsers.size(j)) << 31) | j;
    }
    Arrays.sort(keys);
    int[] itemAt = new int[nItems];
    int[] label = new int[nItems];
    for (int r = 0; r < nItems; r++) {
      itemAt[r] = (int) (keys[r] & 0x7fffffffL);
      label[itemAt[r]] = r;
    }
    // Histories as labels, each ascending: appending items in label order to their users' rows
    // sorts every row in O(nnz) without a comparison sort.
    Labels hist = Labels.of(train.values().length, nItems);
    int[] fill = Arrays.copyOf(trainOff, trainRows);
    for (int r = 0; r < nItems; r++) {
      int j = itemAt[r];
      for (int k = itemUsers.start(j); k < itemUsers.end(j); k++) {
        hist.set(fill[users[k]]++, r);
      }
    }
    double[] w = new double[nItems]; // by label
    for (int j = 0; j < nItems; j++) {
      int n = itemUsers.size(j);
      w[label[j]] = n > 0 ? 1.0 / Math.sqrt(n) : 0.0;
    }
    int[] cutLabels = new int[positions];
    for (int p = 0; p < positions; p++) {
      cutLabels[p] = label[cut.items[p]];
    }
    int[] rowOfUser = new int[trainRows];
    Arrays.fill(rowOfUser, -1);
    for (int row = 0; row < cut.rows(); row++) {
      if (cut.users[row] < trainRows) {
        rowOfUser[cut.users[row]] = row;
      }
    }

    final int recommended = nR;
    List<long[][]> partials = Collections.synchronizedList(new ArrayList<>());
    Parallel.forRanges(recommended, 1, threads, () -> {
      long[][] sums = {new long[positions], new long[positions]}; // toHistory, toEarlier
      partials.add(sums);
      return new CoocScratch(new int[nItems], sums[0], sums[1]);
    }, (sc, from, to) -> {
      int[] acc = sc.acc;
      for (int r = from; r < to; r++) {
        int i = itemAt[r];
        if (itemUsers.size(i) == 0) {
          continue; // no train user: similarity 0 to everything
        }
        long built = 0;
        for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
          int v = users[k];
          int end = trainOff[v + 1];
          int x = hist.find(trainOff[v], end, r); // i ∈ H_v: found
          built += end - x;
          hist.count(x, end, acc);
        }
        double wi = w[r];
        for (int q = invOff[i]; q < invOff[i + 1]; q++) {
          int p = invPos[q];
          int row = cut.rowOf[p];
          int u = cut.users[row];
          if (u < trainRows) { // (1) labels ≥ r of H_u
            int end = trainOff[u + 1];
            double s = hist.dot(hist.lowerBound(trainOff[u], end, r), end, acc, w);
            sc.history[p] += toFixed(s);
          }
          for (int x = cut.offsets[row]; x < cut.offsets[row + 1]; x++) { // (3) pairs
            int l = cutLabels[x];
            if (l > r && acc[l] > 0) {
              sc.earlier[Math.max(p, x)] += toFixed(acc[l] * w[l] * wi);
            }
          }
        }
        for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) { // (2) push to v's list
          int v = users[k];
          int row = rowOfUser[v];
          if (row < 0) {
            continue;
          }
          for (int x = cut.offsets[row]; x < cut.offsets[row + 1]; x++) {
            int l = cutLabels[x];
            if (l > r && acc[l] > 0) {
              sc.history[x] += toFixed(acc[l] * wi);
            }
          }
        }
        if (built < nItems / 4) {
          for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
            int v = users[k];
            int end = trainOff[v + 1];
            hist.clear(hist.lowerBound(trainOff[v], end, r), end, acc);
          }
        } else {
          Arrays.fill(acc, 0);
        }
      }
    });
    for (int p = 0; p < positions; p++) {
      long h = 0;
      long e = 0;
      for (long[][] part : partials) {
        h += part[0][p];
        e += part[1][p];
      }
      out.toHistory[p] = h / FIXED * w[cutLabels[p]];
      out.toEarlier[p] = e / FIXED;
    }
    return out;
  }

  /**
   * {@code cooc} from the dataset's {@link CoocTable} (every train item covered): the same two
   * parts as {@link #cooc(Csr, int, ListCut, int)} with the counted half row replaced by the
   * table's row, so nothing is counted. Item-major over the table's labels (most popular first),
   * so each task reads one row, which stays in cache:
   *
   * <ol>
   *   <li>for each list position holding item a (user u): Σ_{j ∈ H_u, label ≥ a} n_aj w_j, and
   *       sim(a, i') pushed to the later position of every pair (a, i') of the list with label(i')
   *       > a;
   *   <li>for each train user v of a with a list, n_al w_a pushed to every position of v's list
   *       whose item has label l > a: the part j = a of that item's sum over H_v.
   * </ol>
   *
   * <p>Cost O(Σ_u |L_u| |H_u| + Σ_v |H_v| |L_v|) table reads, no increments: at ml-20m about 2·10^8
   * reads against the kernel's ~10^10 increments. Sums in the same 64-bit fixed point, so the
   * result does not depend on threads or schedule.
   */
  static ListSimilarity cooc(CoocTable table, Csr train, ListCut cut, int threads) {
    int positions = cut.items.length;
    ListSimilarity out = new ListSimilarity(positions);
    int n = table.size();
    int nItems = table.nItems();
    Csr itemUsers = train.transpose(nItems);
    int[] byItem = itemUsers.values();
    int trainRows = train.rows();
    Labels hist = table.histories();
    int[] off = table.historyOffsets();
    double[] w = new double[n]; // by label
    for (int a = 0; a < n; a++) {
      w[a] = 1.0 / Math.sqrt(table.pop(a));
    }
    int[] cutLabels = new int[positions];
    int[] invOff = new int[n + 1];
    for (int p = 0; p < positions; p++) {
      cutLabels[p] = table.label(cut.items[p]);
      if (cutLabels[p] >= 0) {
        invOff[cutLabels[p] + 1]++;
      }
    }
    for (int a = 0; a < n; a++) {
      invOff[a + 1] += invOff[a];
    }
    int[] invPos = new int[invOff[n]];
    int[] cursor = Arrays.copyOf(invOff, n);
    for (int p = 0; p < positions; p++) {
      if (cutLabels[p] >= 0) {
        invPos[cursor[cutLabels[p]]++] = p;
      }
    }
    int[] rowOfUser = new int[trainRows];
    Arrays.fill(rowOfUser, -1);
    for (int r = 0; r < cut.rows(); r++) {
      if (cut.users[r] < trainRows) {
        rowOfUser[cut.users[r]] = r;
      }
    }
    List<long[][]> partials = Collections.synchronizedList(new ArrayList<>());
    Parallel.forRanges(n, 16, threads, () -> {
      long[][] sums = {new long[positions], new long[positions]}; // toHistory, toEarlier
      partials.add(sums);
      return sums;
    }, (sums, from, to) -> {
      long[] history = sums[0];
      long[] earlier = sums[1];
      for (int a = from; a < to; a++) {
        int[] row = table.row(a);
        double wa = w[a];
        int self = table.pop(a);
        for (int q = invOff[a]; q < invOff[a + 1]; q++) { // (1)
          int p = invPos[q];
          int r = cut.rowOf[p];
          int u = cut.users[r];
          if (u < trainRows) {
            int end = off[u + 1];
            double s = 0;
            for (int x = hist.lowerBound(off[u], end, a); x < end; x++) {
              int l = hist.get(x);
              s += (l == a ? self : row[l - a - 1]) * w[l];
            }
            history[p] += toFixed(s);
          }
          for (int x = cut.offsets[r]; x < cut.offsets[r + 1]; x++) {
            int l = cutLabels[x];
            if (l > a) {
              int c = row[l - a - 1];
              if (c > 0) {
                earlier[Math.max(p, x)] += toFixed(c * w[l] * wa);
              }
            }
          }
        }
        int item = table.item(a);
        for (int k = itemUsers.start(item); k < itemUsers.end(item); k++) { // (2)
          int r = rowOfUser[byItem[k]];
          if (r < 0) {
            continue;
          }
          for (int x = cut.offsets[r]; x < cut.offsets[r + 1]; x++) {
            int l = cutLabels[x];
            if (l > a) {
              int c = row[l - a - 1];
              if (c > 0) {
                history[x] += toFixed(c * wa);
              }
            }
          }
        }
      }
    });
    for (int p = 0; p < positions; p++) {
      if (cutLabels[p] < 0) {
        continue; // no train user: similarity 0 to everything
      }
      long h = 0;
      long e = 0;
      for (long[][] part : partials) {
        h += part[0][p];
        e += part[1][p];
      }
      out.toHistory[p] = h / FIXED * w[cutLabels[p]];
      out.toEarlier[p] = e / FIXED;
    }
    return out;
  }

  private record CoocScratch(int[] acc, long[] history, long[] earlier) {}

  /** Math.round(v · FIXED) for the non-negative v of the kernel, without its slower general path. */
  private static long toFixed(double v) {
    return (long) (v * FIXED + 0.5);
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
