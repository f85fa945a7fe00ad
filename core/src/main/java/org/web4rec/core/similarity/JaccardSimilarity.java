package org.web4rec.core.similarity;

import org.web4rec.core.data.Parallel;
import java.util.Arrays;
import java.util.HashMap;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

/**
 * {@code genre.<col>}: Jaccard |A ∩ B| / |A ∪ B| of the items' value sets, 0 when both are empty.
 *
 * <p>Items are grouped by distinct value set (a genre column has a few hundred at most) and the
 * Jaccard of every pair of sets is tabulated once when there are at most {@link #TABLE_LIMIT}
 * sets (else merged from the sorted codes on demand), so a column entry is one lookup. History
 * sums turn H_u into a histogram over set ids, so Σ_{j ∈ H_u} sim(i,j) costs one multiply-add
 * per distinct set in H_u instead of one Jaccard per history item: O(|H_u| + |C_u| · distinct
 * sets in H_u) per user, plus O(|L_u|²) for the pairs of the metrics' list sums.
 */
public final class JaccardSimilarity extends SimilaritySource {

  /** Largest number of distinct value sets for which the Jaccard table is precomputed. */
  public static final int TABLE_LIMIT = 2048;

  private final int[] setOf; // item → set id; 0 is the empty set
  private final int[][] sets;
  private final int d;
  private final double[] table; // d × d, or null

  /**
   * @param values per item its sorted distinct non-negative value codes, or null for none
   */
  public JaccardSimilarity(int[][] values) {
    int nItems = values.length;
    HashMap<IntsKey, Integer> ids = new HashMap<>();
    int[][] found = new int[nItems + 1][];
    found[0] = new int[0];
    ids.put(new IntsKey(found[0]), 0);
    setOf = new int[nItems];
    for (int i = 0; i < nItems; i++) {
      int[] s = values[i] == null ? found[0] : values[i];
      Integer id = ids.get(new IntsKey(s));
      if (id == null) {
        id = ids.size();
        found[id] = s;
        ids.put(new IntsKey(s), id);
      }
      setOf[i] = id;
    }
    d = ids.size();
    sets = Arrays.copyOf(found, d);
    if (d <= TABLE_LIMIT) {
      table = new double[d * d];
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          double j = jaccard(sets[a], sets[b]);
          table[a * d + b] = j;
          table[b * d + a] = j;
        }
      }
    } else {
      table = null;
    }
  }

  private double sim(int a, int b) {
    return table != null ? table[a * d + b] : jaccard(sets[a], sets[b]);
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

  @Override
  public View view() {
    return new View() {
      int[] set = new int[16];
      int n;

      @Override
      public void bind(int[] items, int from, int n) {
        this.n = n;
        if (set.length < n) {
          set = new int[n];
        }
        for (int i = 0; i < n; i++) {
          set[i] = setOf[items[from + i]];
        }
      }

      @Override
      public double self(int i) {
        return set[i] == 0 ? 0.0 : 1.0;
      }

      @Override
      public void column(int s, double[] out) {
        int b = set[s];
        for (int i = 0; i < n; i++) {
          out[i] = sim(set[i], b);
        }
      }
    };
  }

  /**
   * Counts H_u's items per non-empty set id into {@code scratch[0..d)} and lists the ids touched
   * in {@code scratch[d..)}; {@link #clear} undoes it.
   *
   * @return the number of distinct non-empty sets in H_u
   */
  private int histogram(Csr train, int u, int[] scratch) {
    int touched = 0;
    if (u < train.rows()) {
      int[] hist = train.values();
      for (int x = train.start(u); x < train.end(u); x++) {
        int s = setOf[hist[x]];
        if (s != 0 && scratch[s]++ == 0) {
          scratch[d + touched++] = s;
        }
      }
    }
    return touched;
  }

  private void clear(int[] scratch, int touched) {
    for (int k = 0; k < touched; k++) {
      scratch[scratch[d + k]] = 0;
    }
  }

  @Override
  public void historySums(CandidateLists c, Csr train, int[] users, double[] out, int threads) {
    int[] items = c.items();
    Parallel.forRanges(users.length, 256, threads, () -> new int[2 * d], (scratch, lo, hi) -> {
      for (int r = lo; r < hi; r++) {
        int u = users[r];
        int touched = histogram(train, u, scratch);
        for (int p = c.start(u); p < c.end(u); p++) {
          int si = setOf[items[p]];
          double sum = 0;
          if (si != 0) {
            for (int k = 0; k < touched; k++) {
              int sj = scratch[d + k];
              sum += scratch[sj] * sim(si, sj);
            }
          }
          out[p] = sum;
        }
        clear(scratch, touched);
      }
    });
  }

  @Override
  public ListSums listSums(Csr train, ListCut cut, int threads) {
    int[] items = cut.items();
    final double[] jt = table;
    return byRow(cut, threads, () -> new int[2 * d], (scratch, u, from, to, toHistory,
        toEarlier) -> {
      int touched = histogram(train, u, scratch);
      for (int p = from; p < to; p++) {
        int si = setOf[items[p]];
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
          for (int q = from; q < p; q++) {
            t += jt[base + setOf[items[q]]];
          }
        } else {
          for (int k = 0; k < touched; k++) {
            int sj = scratch[d + k];
            s += scratch[sj] * jaccard(sets[si], sets[sj]);
          }
          for (int q = from; q < p; q++) {
            t += jaccard(sets[si], sets[setOf[items[q]]]);
          }
        }
        toHistory[p] = s;
        toEarlier[p] = t;
      }
      clear(scratch, touched);
    });
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
