package org.web4rec.core.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Labels;
import org.web4rec.core.data.Parallel;
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
 *
 * <p><b>List sums (metrics).</b> Item-major and two-part, from the dataset's table when there is
 * one, else from counted half rows: see {@link #listSums}.
 */
public final class CoocSimilarity extends SimilaritySource {

  /** Fixed-point scale of the list sums' partial sums (2^32: rounding error below 1.2e-10 a term). */
  private static final double FIXED = 4294967296.0;


  private final Csr itemUsers;
  private final int trainRows;
  private final int nItems;
  private final double[] w;
  private CoocTable table; // null: per-column fallback (or no columns needed); set once

  /**
   * The source for list sums and history sums, with columns from {@code full} when given (else
   * counted per column); builds no pair table of its own.
   *
   * @param train train items per user
   * @param nItems catalogue size
   * @param full the dataset's co-occurrence table over every train item, or null
   * @throws IllegalArgumentException when {@code full} does not cover every train item
   */
  public CoocSimilarity(Csr train, int nItems, CoocTable full) {
    this(train, nItems);
    if (full != null && (!full.full() || full.nItems() != nItems)) {
      throw new IllegalArgumentException("the co-occurrence table must cover every train item of"
          + " the " + nItems + "-item catalogue");
    }
    this.table = full;
  }

  /** Builds the source with the default table budget, half the heap still free. */
  public CoocSimilarity(Csr train, int nItems, CandidateLists c, int[] users, boolean columns,
      int threads) {
    this(train, nItems, c, users, columns, threads, defaultBudget(), null);
  }

  /**
   * @param tableBudgetBytes largest pair table to build; a larger one falls back to per-column
   *     counting
   * @param shared a table over every train item (the dataset's, already built), or null to build
   *     one over the selected users' candidates
   */
  public CoocSimilarity(Csr train, int nItems, CandidateLists c, int[] users, boolean columns,
      int threads, long tableBudgetBytes, CoocTable shared) {
    this(train, nItems);
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

  private CoocSimilarity(Csr train, int nItems) {
    this.itemUsers = train.transpose(nItems);
    this.trainRows = train.rows();
    this.nItems = nItems;
    this.w = new double[nItems];
    for (int i = 0; i < nItems; i++) {
      int n = itemUsers.size(i);
      w[i] = n > 0 ? 1.0 / Math.sqrt(n) : 0.0;
    }
  }

  private static long defaultBudget() {
    Runtime rt = Runtime.getRuntime();
    return (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 2;
  }

  /** @return whether a pair table is used (false: per-column fallback or no columns) */
  public boolean hasTable() {
    return table != null;
  }

  @Override
  public View view() {
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
    public void bind(int[] items, int from, int n) {
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
    public double self(int i) {
      return wi[i] > 0 ? 1.0 : 0.0;
    }
  }

  private final class TableView extends BaseView {
    @Override
    public void column(int s, double[] out) {
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
    public void column(int s, double[] out) {
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
  public void historySums(CandidateLists c, Csr train, int[] users, double[] out, int threads) {
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

  /**
   * {@inheritDoc}
   *
   * <p>With the dataset's table, {@link #tableListSums}; else {@link #countedListSums}. Both sum
   * in 64-bit fixed point, so the result does not depend on threads or schedule, and the two
   * agree up to that rounding (below 1e-9).
   */
  @Override
  public ListSums listSums(Csr train, ListCut cut, int threads) {
    return table != null && table.full() ? tableListSums(train, cut, threads)
        : countedListSums(train, cut, threads);
  }

  /**
   * Item-major over the recommended items R, using the symmetry n_ij = n_ji to halve the work.
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
  private ListSums countedListSums(Csr train, ListCut cut, int threads) {
    int positions = cut.items().length;
    int[] cutItems = cut.items();
    int[] cutUsers = cut.users();
    int[] cutOff = cut.offsets();
    int[] rowOf = cut.rowOf();
    int[] users = itemUsers.values();
    int trainRows = train.rows();
    int[] trainOff = train.offsets();

    // Positions of each item in the cut lists.
    int[] invOff = new int[nItems + 1];
    for (int i : cutItems) {
      invOff[i + 1]++;
    }
    for (int i = 0; i < nItems; i++) {
      invOff[i + 1] += invOff[i];
    }
    int[] invPos = new int[positions];
    int[] cursor = Arrays.copyOf(invOff, nItems);
    for (int p = 0; p < positions; p++) {
      invPos[cursor[cutItems[p]]++] = p;
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
      cutLabels[p] = label[cutItems[p]];
    }
    int[] rowOfUser = new int[trainRows];
    Arrays.fill(rowOfUser, -1);
    for (int row = 0; row < cut.rows(); row++) {
      if (cutUsers[row] < trainRows) {
        rowOfUser[cutUsers[row]] = row;
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
          int row = rowOf[p];
          int u = cutUsers[row];
          if (u < trainRows) { // (1) labels ≥ r of H_u
            int end = trainOff[u + 1];
            double s = hist.dot(hist.lowerBound(trainOff[u], end, r), end, acc, w);
            sc.history[p] += toFixed(s);
          }
          for (int x = cutOff[row]; x < cutOff[row + 1]; x++) { // (3) pairs
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
          for (int x = cutOff[row]; x < cutOff[row + 1]; x++) {
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
    return collect(partials, w, cutLabels);
  }

  /**
   * From the dataset's {@link CoocTable} (every train item covered): the same two parts as
   * {@link #countedListSums} with the counted half row replaced by the
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
  private ListSums tableListSums(Csr train, ListCut cut, int threads) {
    int positions = cut.items().length;
    int[] cutItems = cut.items();
    int[] cutUsers = cut.users();
    int[] cutOff = cut.offsets();
    int[] rowOf = cut.rowOf();
    CoocTable table = this.table;
    int n = table.size();
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
      cutLabels[p] = table.label(cutItems[p]);
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
      if (cutUsers[r] < trainRows) {
        rowOfUser[cutUsers[r]] = r;
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
          int r = rowOf[p];
          int u = cutUsers[r];
          if (u < trainRows) {
            int end = off[u + 1];
            double s = 0;
            for (int x = hist.lowerBound(off[u], end, a); x < end; x++) {
              int l = hist.get(x);
              s += (l == a ? self : row[l - a - 1]) * w[l];
            }
            history[p] += toFixed(s);
          }
          for (int x = cutOff[r]; x < cutOff[r + 1]; x++) {
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
          for (int x = cutOff[r]; x < cutOff[r + 1]; x++) {
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
    return collect(partials, w, cutLabels);
  }

  /**
   * Adds up the per-thread fixed-point partial sums (integer addition: the same for any thread
   * count and schedule) and scales them by the position's weight.
   *
   * @param w weights by label
   * @param cutLabels the label of each position, negative for an item without a train user
   *     (similarity 0 to everything)
   */
  private static ListSums collect(List<long[][]> partials, double[] w, int[] cutLabels) {
    ListSums out = ListSums.zeros(cutLabels.length);
    for (int p = 0; p < cutLabels.length; p++) {
      if (cutLabels[p] < 0) {
        continue;
      }
      long h = 0;
      long e = 0;
      for (long[][] part : partials) {
        h += part[0][p];
        e += part[1][p];
      }
      out.toHistory()[p] = h / FIXED * w[cutLabels[p]];
      out.toEarlier()[p] = e / FIXED;
    }
    return out;
  }

  private record CoocScratch(int[] acc, long[] history, long[] earlier) {}

  /** Math.round(v · FIXED) for the non-negative v of the kernel, without its slower general path. */
  private static long toFixed(double v) {
    return (long) (v * FIXED + 0.5);
  }

}
