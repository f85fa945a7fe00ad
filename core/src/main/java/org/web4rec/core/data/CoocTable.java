package org.web4rec.core.data;

import java.util.Arrays;

/**
 * Co-occurrence counts n_ab = |U_a ∩ U_b| (U_a the train users of item a) for every pair of a set
 * of items, in a triangular table. The {@code cooc} similarity of METRICS.md is
 * n_ab / sqrt(n_a n_b); the re-ranker's pair lookups and the metrics' similarity sums both read
 * it, so one table per dataset version serves every experiment and every re-rank on it (see
 * {@code org.web4rec.platform.data.CoocTables}).
 *
 * <p>Items get labels 0..n-1, most popular first (ties by item index); items outside the set (or
 * without a train user when the set is "all") have label -1. Built row by row: every train
 * history is re-expressed as its ascending labels, and row a (one task) walks each train user v
 * of a from a's own label onwards, incrementing n_ab for the later labels b of H_v. Each pair is
 * counted once, Σ_v |H_v ∩ S|² / 2 increments in all, with no set intersection. The loop is bound
 * by streaming the relabelled histories, so they take 16 bits a label when n ≤ 65,536
 * ({@link Labels}). The table takes 4 · n(n-1)/2 bytes: 27 MB for the 3,706 items of ml-1m,
 * 1.4 GB for the 26,744 of ml-20m.
 */
public final class CoocTable {

  private final int[] label;
  private final int[] itemAt;
  private final int[] pop;
  private final int[][] rows; // rows[a][b - a - 1] = n_ab for labels a < b
  private final Labels hist;
  private final int[] histOff;
  private final boolean full;

  private CoocTable(int[] label, int[] itemAt, int[] pop, int[][] rows, Labels hist,
      int[] histOff, boolean full) {
    this.full = full;
    this.label = label;
    this.itemAt = itemAt;
    this.pop = pop;
    this.rows = rows;
    this.hist = hist;
    this.histOff = histOff;
  }

  /**
   * Counter increments a build over {@code items} takes: Σ_v c_v(c_v-1)/2, c_v = |H_v ∩ items|.
   *
   * @param items the items covered, or null for all
   */
  public static long buildIncrements(Csr train, boolean[] items) {
    long sum = 0;
    int[] values = train.values();
    for (int v = 0; v < train.rows(); v++) {
      long c = 0;
      for (int x = train.start(v); x < train.end(v); x++) {
        c += items == null || items[values[x]] ? 1 : 0;
      }
      sum += c * (c - 1) / 2;
    }
    return sum;
  }

  /**
   * Counter increments of the metrics' counting kernel for the recommended items: Σ_v (c_v|H_v| -
   * c_v(c_v-1)/2), c_v = |H_v ∩ recommended| (half rows over whole histories).
   */
  public static long rowIncrements(Csr train, boolean[] recommended) {
    long sum = 0;
    int[] values = train.values();
    for (int v = 0; v < train.rows(); v++) {
      long c = 0;
      for (int x = train.start(v); x < train.end(v); x++) {
        c += recommended[values[x]] ? 1 : 0;
      }
      sum += c * train.size(v) - c * (c - 1) / 2;
    }
    return sum;
  }

  /** @return bytes the table over the items with a train user would take */
  public static long bytesForAll(Csr train, int nItems) {
    boolean[] seen = new boolean[nItems];
    int n = 0;
    for (int v : train.values()) {
      if (!seen[v]) {
        seen[v] = true;
        n++;
      }
    }
    return bytes(n, train.values().length);
  }

  /** @return bytes of a table over n items, with the relabelled histories (at most nnz labels) */
  public static long bytes(int n, long nnz) {
    return 4L * n * (n - 1) / 2 + 16L * n + (n <= Labels.CHAR_LIMIT ? 2 : 4) * nnz;
  }

  /**
   * @param train train items per user
   * @param nItems catalogue size
   * @param include items to cover, or null for every item with a train user
   * @param threads threads to use, >= 1
   */
  public static CoocTable build(Csr train, int nItems, boolean[] include, int threads) {
    Csr itemUsers = train.transpose(nItems);
    long[] keys = new long[nItems];
    int n = 0;
    for (int i = 0; i < nItems; i++) {
      boolean in = include == null ? itemUsers.size(i) > 0 : include[i];
      if (in) {
        keys[n++] = ((long) (Integer.MAX_VALUE - itemUsers.size(i)) << 32) | i;
      }
    }
    Arrays.sort(keys, 0, n);
    int[] label = new int[nItems];
    Arrays.fill(label, -1);
    int[] itemAt = new int[n];
    int[] pop = new int[n];
    for (int r = 0; r < n; r++) {
      itemAt[r] = (int) keys[r];
      label[itemAt[r]] = r;
      pop[r] = itemUsers.size(itemAt[r]);
    }
    int trainRows = train.rows();
    // Histories as ascending labels: appending labels in order sorts every row.
    int[] users = itemUsers.values();
    int[] off = new int[trainRows + 1];
    for (int r = 0; r < n; r++) {
      int i = itemAt[r];
      for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
        off[users[k] + 1]++;
      }
    }
    for (int v = 0; v < trainRows; v++) {
      off[v + 1] += off[v];
    }
    Labels hist = Labels.of(off[trainRows], n);
    int[] fill = Arrays.copyOf(off, trainRows);
    for (int r = 0; r < n; r++) {
      int i = itemAt[r];
      for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
        hist.set(fill[users[k]]++, r);
      }
    }
    int[][] rows = new int[n][];
    final int nn = n;
    // Most popular (largest) rows first, one row per task, so the threads finish together.
    Parallel.forRanges(n, 1, threads, () -> null, (none, from, to) -> {
      for (int a = from; a < to; a++) {
        int[] row = new int[nn - 1 - a];
        int i = itemAt[a];
        for (int k = itemUsers.start(i); k < itemUsers.end(i); k++) {
          int v = users[k];
          int end = off[v + 1];
          int x = hist.find(off[v], end, a) + 1; // a ∈ H_v: found
          hist.countShifted(x, end, row, a + 1);
        }
        rows[a] = row;
      }
    });
    return new CoocTable(label, itemAt, pop, rows, hist, off, include == null);
  }

  /** @return number of labelled items */
  public int size() {
    return itemAt.length;
  }

  /** @return the label of an item, -1 when the table does not cover it */
  public int label(int item) {
    return label[item];
  }

  /** @return item index of a label */
  public int item(int label) {
    return itemAt[label];
  }

  /** @return n_a, the train users of the item with label a */
  public int pop(int a) {
    return pop[a];
  }

  /** @return n_ab for labels a, b (n_aa = n_a) */
  public int count(int a, int b) {
    if (a < b) {
      return rows[a][b - a - 1];
    }
    if (a > b) {
      return rows[b][a - b - 1];
    }
    return pop[a];
  }

  /** @return row a: n_ab at index b - a - 1 for labels b > a (shared, do not write) */
  public int[] row(int a) {
    return rows[a];
  }

  /** @return whether the table covers every item with a train user (built with include = null) */
  public boolean full() {
    return full;
  }

  /** @return catalogue size the table was built for */
  public int nItems() {
    return label.length;
  }

  /** Train histories as ascending labels (items outside the table dropped), by user. */
  public Labels histories() {
    return hist;
  }

  /** @return offsets of {@link #histories()}: user v's labels are [off[v], off[v+1]) */
  public int[] historyOffsets() {
    return histOff;
  }
}
