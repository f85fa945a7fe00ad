package org.web4rec.core.rerank;

import org.web4rec.core.data.Parallel;
import java.util.Arrays;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.lists.CandidateLists;

/**
 * {@code cooc}: sim(i,j) = n_ij / sqrt(n_i n_j), the cosine of binary train item vectors (0 when
 * either item has no train user).
 *
 * <p><b>Pairs within the candidates (MMR, DPP).</b> Every pair a re-rank can ask for lies in R ×
 * R, R the union of the selected users' candidates, and is read from a {@link CoocTable}: the
 * dataset's table over every train item when the caller has one (built once per dataset version
 * and shared with the metrics, see {@code org.web4rec.platform.data.CoocTables}), else a table over R built
 * for this re-rank in Σ_v |H_v ∩ R|² / 2 increments (see {@link CoocTable} for the algorithm and
 * its memory: 27 MB for |R| = 3,706, 1.4 GB for |R| = 26,744). A user's column lookup is then
 * O(1) per entry. A table per λ sweep is shared by every λ.
 *
 * <p>Why not per user: the alternatives cost far more at ml-20m scale. Intersecting the users
 * lists of 100 candidates pairwise costs Σ pop over 4,950 pairs per user; per-user N × N blocks
 * for 138,493 users take 2.7 GB even as triangular floats; a user-major count of candidate pairs
 * over co-raters touches Σ_{v} |H_v ∩ C_u|² per user u. The table is built once, is smaller than
 * the blocks whenever |R| < N·sqrt(users), and is read in cache-friendly rows.
 *
 * <p>When the table would take more than the memory budget (by default half the free heap) the
 * view falls back to counting n_is per chosen item s: mark s's train users, then count the marks
 * on each candidate's users, O(pop(s) + Σ_i pop(i)) per column. Results are identical (exact
 * integer counts either way); only speed differs.
 *
 * <p><b>History sums (unexpectedness).</b> Item-major over the candidate items: a dense counter
 * row n_i· over all items (Σ_{v ∋ i} |H_v| increments), then Σ_{j ∈ H_u} n_ij w_j for every
 * position of i, w_j = 1/sqrt(n_j). O(Σ_v |H_v ∩ R| · |H_v| + Σ_u |C_u| · |H_u|).
 */
final class CoocSimilarity extends SimilaritySource {

  private final Csr itemUsers;
  private final int trainRows;
  private final int nItems;
  private final double[] w;
  private final CoocTable table; // null: per-column fallback (or no columns needed)

  /** Builds the source with the default table budget, half the heap still free. */
  CoocSimilarity(Csr train, int nItems, CandidateLists c, int[] users, boolean columns,
      int threads) {
    this(train, nItems, c, users, columns, threads, defaultBudget(), null);
  }

  /**
   * @param tableBudgetBytes largest pair table to build; a larger one falls back to per-column
   *     counting
   * @param shared a table over every train item (the dataset's, already built), or null to build
   *     one over the selected users' candidates
   */
  CoocSimilarity(Csr train, int nItems, CandidateLists c, int[] users, boolean columns,
      int threads, long tableBudgetBytes, CoocTable shared) {
    this.itemUsers = train.transpose(nItems);
    this.trainRows = train.rows();
    this.nItems = nItems;
    this.w = new double[nItems];
    for (int i = 0; i < nItems; i++) {
      int n = itemUsers.size(i);
      w[i] = n > 0 ? 1.0 / Math.sqrt(n) : 0.0;
    }
    if (!columns) {
      this.table = null;
      return;
    }
    if (shared != null && shared.full() && shared.nItems() == nItems) {
      this.table = shared;
      return;
    }
    boolean[] inR = new boolean[nItems];
    int[] items = c.items();
    int nR = 0;
    for (int u : users) {
      for (int p = c.start(u); p < c.end(u); p++) {
        if (!inR[items[p]]) {
          inR[items[p]] = true;
          nR++;
        }
      }
    }
    long nnz = 0;
    for (int i = 0; i < nItems; i++) {
      nnz += inR[i] ? itemUsers.size(i) : 0;
    }
    this.table = CoocTable.bytes(nR, nnz) > tableBudgetBytes ? null
        : CoocTable.build(train, nItems, inR, threads);
  }

  private static long defaultBudget() {
    Runtime rt = Runtime.getRuntime();
    return (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 2;
  }

  /** @return whether a pair table is used (false: per-column fallback or no columns) */
  boolean hasTable() {
    return table != null;
  }

  @Override
  View view() {
    return table != null ? new TableView() : new CountingView();
  }

  /** State shared by both views: the bound candidates' labels and weights. */
  private abstract class BaseView extends View {
    int[] items;
    int from;
    int n;
    int[] lab = new int[16];
    double[] wi = new double[16];

    @Override
    void bind(int[] items, int from, int n) {
      this.items = items;
      this.from = from;
      this.n = n;
      if (lab.length < n) {
        lab = new int[n];
        wi = new double[n];
      }
      for (int i = 0; i < n; i++) {
        int item = items[from + i];
        lab[i] = table == null ? -1 : table.label(item);
        wi[i] = w[item];
      }
    }

    @Override
    double self(int i) {
      return wi[i] > 0 ? 1.0 : 0.0;
    }
  }

  private final class TableView extends BaseView {
    @Override
    void column(int s, double[] out) {
      int b = lab[s];
      double ws = wi[s];
      if (ws == 0) {
        Arrays.fill(out, 0, n, 0.0);
        return;
      }
      int[] rowB = table.row(b);
      for (int i = 0; i < n; i++) {
        int a = lab[i];
        int count;
        if (a < 0) {
          out[i] = 0.0; // no train user (a dataset-wide table labels only train items)
          continue;
        }
        if (a < b) {
          count = table.row(a)[b - a - 1];
        } else if (a > b) {
          count = rowB[a - b - 1];
        } else {
          out[i] = self(i); // s itself (or the same item listed twice)
          continue;
        }
        out[i] = count * wi[i] * ws;
      }
    }
  }

  private final class CountingView extends BaseView {
    private final int[] mark = new int[trainRows];
    private int stamp;

    @Override
    void column(int s, double[] out) {
      double ws = wi[s];
      if (ws == 0) {
        Arrays.fill(out, 0, n, 0.0);
        return;
      }
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(mark, 0);
        stamp = 1;
      }
      int[] users = itemUsers.values();
      int itemS = items[from + s];
      for (int k = itemUsers.start(itemS); k < itemUsers.end(itemS); k++) {
        mark[users[k]] = stamp;
      }
      for (int i = 0; i < n; i++) {
        int item = items[from + i];
        if (item == itemS) {
          out[i] = self(i);
          continue;
        }
        int count = 0;
        for (int k = itemUsers.start(item); k < itemUsers.end(item); k++) {
          if (mark[users[k]] == stamp) {
            count++;
          }
        }
        out[i] = count * wi[i] * ws;
      }
    }
  }

  @Override
  void historySums(CandidateLists c, Csr train, int[] users, double[] out, int threads) {
    int[] items = c.items();
    // Positions of each item among the selected users' candidates, with their user.
    int[] invOff = new int[nItems + 1];
    for (int u : users) {
      for (int p = c.start(u); p < c.end(u); p++) {
        invOff[items[p] + 1]++;
      }
    }
    for (int i = 0; i < nItems; i++) {
      invOff[i + 1] += invOff[i];
    }
    int[] invPos = new int[invOff[nItems]];
    int[] invUser = new int[invOff[nItems]];
    int[] cursor = Arrays.copyOf(invOff, nItems);
    for (int u : users) {
      for (int p = c.start(u); p < c.end(u); p++) {
        int q = cursor[items[p]]++;
        invPos[q] = p;
        invUser[q] = u;
      }
    }
    // Candidate items with a train user, most popular first (largest tasks first).
    long[] keys = new long[nItems];
    int nTasks = 0;
    for (int i = 0; i < nItems; i++) {
      if (invOff[i + 1] > invOff[i] && w[i] > 0) {
        keys[nTasks++] = ((long) (Integer.MAX_VALUE - itemUsers.size(i)) << 32) | i;
      }
    }
    Arrays.sort(keys, 0, nTasks);
    int[] trainOff = train.offsets();
    int[] hist = train.values();
    int[] byItem = itemUsers.values();
    Parallel.forRanges(nTasks, 1, threads, () -> new int[nItems], (acc, lo, hi) -> {
      for (int t = lo; t < hi; t++) {
        int i = (int) keys[t];
        long built = 0;
        for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
          int v = byItem[k];
          built += trainOff[v + 1] - trainOff[v];
          for (int x = trainOff[v]; x < trainOff[v + 1]; x++) {
            acc[hist[x]]++;
          }
        }
        for (int q = invOff[i]; q < invOff[i + 1]; q++) {
          int u = invUser[q];
          double s = 0;
          if (u < trainRows) {
            for (int x = trainOff[u]; x < trainOff[u + 1]; x++) {
              int j = hist[x];
              s += acc[j] * w[j];
            }
          }
          out[invPos[q]] = s * w[i];
        }
        if (built < nItems / 4) {
          for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
            int v = byItem[k];
            for (int x = trainOff[v]; x < trainOff[v + 1]; x++) {
              acc[hist[x]] = 0;
            }
          }
        } else {
          Arrays.fill(acc, 0);
        }
      }
    });
    // Candidates without a train user have similarity 0 to everything.
    for (int u : users) {
      for (int p = c.start(u); p < c.end(u); p++) {
        if (w[items[p]] == 0) {
          out[p] = 0;
        }
      }
    }
  }
}
