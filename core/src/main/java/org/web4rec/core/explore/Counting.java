package org.web4rec.core.explore;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/** Small counting steps the panels share. */
final class Counting {

  /** Bins of a numeric side column in every panel. */
  static final int NUMERIC_BINS = 10;

  private Counting() {}

  /** Train interactions per dense item. */
  static double[] popularity(Dataset ds) {
    double[] pop = new double[ds.nItems()];
    Csr t = ds.train();
    for (int x = t.offsets()[0]; x < t.offsets()[t.rows()]; x++) {
      pop[t.values()[x]]++;
    }
    return pop;
  }

  /** A per-user metric column aligned with the dataset's users (NaN where absent), or null. */
  static double[] metric(Dataset ds, Table perUser, String name) {
    if (perUser == null || name == null || name.equals(perUser.names().get(0))) {
      return null;
    }
    Column c = perUser.column(name).orElse(null);
    if (!(c instanceof Column.Doubles d)) {
      return null;
    }
    double[] out = new double[ds.nUsers()];
    Arrays.fill(out, Double.NaN);
    int[] dense = DatasetViews.of(ds).denseUsers(perUser);
    for (int r = 0; r < perUser.rows(); r++) {
      if (dense[r] >= 0 && !d.isNull(r)) {
        out[dense[r]] = d.values()[r];
      }
    }
    return out;
  }

  /** Rows of a per-user table that belong to the selected dense users. */
  static int[] tableRows(Dataset ds, Table perUser, int[] selected) {
    boolean[] chosen = mask(ds.nUsers(), selected);
    int[] dense = DatasetViews.of(ds).denseUsers(perUser);
    int[] out = new int[perUser.rows()];
    int n = 0;
    for (int r = 0; r < dense.length; r++) {
      if (dense[r] >= 0 && chosen[dense[r]]) {
        out[n++] = r;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** End of user u's top-k in the lists (the first k of the prepared list, or fewer). */
  static int topKEnd(CandidateLists lists, int u, int k) {
    return Math.min(lists.end(u), lists.start(u) + k);
  }

  static boolean[] mask(int n, int[] rows) {
    boolean[] m = new boolean[n];
    for (int r : rows) {
      m[r] = true;
    }
    return m;
  }

  static void add(int[] counts, int[] codes) {
    if (codes != null) {
      for (int c : codes) {
        counts[c]++;
      }
    }
  }

  static int[] sum(int[] a, int[] b) {
    int[] s = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      s[i] = a[i] + b[i];
    }
    return s;
  }

  /** Every index, by count descending then index (so zero counts keep their place at the end). */
  static int[] order(int[] counts) {
    return IntStream.range(0, counts.length).boxed()
        .sorted((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
            : Integer.compare(a, b)).mapToInt(Integer::intValue).toArray();
  }

  static int[] identity(int n) {
    return IntStream.range(0, n).toArray();
  }

  static int[] permute(int[] values, int[] order) {
    int[] out = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = values[order[k]];
    }
    return out;
  }

  static String[] permute(String[] values, int[] order) {
    String[] out = new String[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = values[order[k]];
    }
    return out;
  }

  /** "[lo, hi)" per bin, the last one closed; integers without a decimal point. */
  static String[] binLabels(double[] edges) {
    String[] out = new String[Math.max(0, edges.length - 1)];
    for (int b = 0; b < out.length; b++) {
      out[b] = "[" + num(edges[b]) + ", " + num(edges[b + 1]) + (b == out.length - 1 ? "]" : ")");
    }
    return out;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.4g", v);
  }
}
