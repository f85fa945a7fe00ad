package org.web4rec.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * What a dataset page shows: the item-popularity long tail (pop = distinct train users,
 * sorted descending, sampled at up to {@value #MAX_POINTS} log-spaced ranks so the curve keeps its
 * shape at any size), the head share, and the distribution of every side column (categorical and
 * multi-valued: value counts, the {@value #MAX_VALUES} most frequent and "(other)"; numeric: a
 * {@value #BINS}-bin histogram).
 *
 * @param nItems catalogue size
 * @param popularityRank sampled ranks, 1 = most popular, ascending
 * @param popularityCount pop of the item at each sampled rank
 * @param headShare fraction of items that make up 80% of the train interactions
 * @param userColumns distribution of each user side column, in table order
 * @param itemColumns distribution of each item side column, in table order
 */
public record DatasetStats(int nItems, int[] popularityRank, int[] popularityCount,
    double headShare, List<ColumnStats> userColumns, List<ColumnStats> itemColumns) {

  public static final int MAX_POINTS = 500;
  public static final int MAX_VALUES = 30;
  public static final int BINS = 20;

  /** The distribution of one side column. */
  public sealed interface ColumnStats permits ValueCounts, Histogram {
    String name();
  }

  /**
   * @param multi true for a multi-valued column (each value of a row counts)
   * @param values the most frequent values, most frequent first (ties by value), then
   *     "(other)" when more values exist
   * @param counts rows holding each value
   */
  public record ValueCounts(String name, boolean multi, List<String> values, int[] counts)
      implements ColumnStats {}

  /**
   * @param binEdges bin edges, one more than bins (empty when the column has no value)
   * @param counts values per bin; one bin when all values are equal
   */
  public record Histogram(String name, double[] binEdges, int[] counts) implements ColumnStats {}

  public static DatasetStats of(Dataset ds) {
    int[] pop = new int[ds.nItems()];
    int[] values = ds.train().values();
    for (int v : values) {
      pop[v]++;
    }
    int[] sorted = pop.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int[] rank = new int[Math.min(MAX_POINTS, n)];
    int[] count = new int[rank.length];
    int points = 0;
    int last = -1;
    for (int k = 0; k < MAX_POINTS && n > 0; k++) {
      int r = (int) Math.round(Math.exp(Math.log(n) * k / Math.max(1, MAX_POINTS - 1)));
      r = Math.max(1, Math.min(n, r));
      if (r == last) {
        continue;
      }
      last = r;
      rank[points] = r;
      count[points++] = sorted[n - r];
    }
    long total = values.length;
    long acc = 0;
    int head = 0;
    for (int k = n - 1; k >= 0 && acc < 0.8 * total; k--) {
      acc += sorted[k];
      head++;
    }
    return new DatasetStats(n, Arrays.copyOf(rank, points), Arrays.copyOf(count, points),
        n == 0 ? 0.0 : (double) head / n, columns(ds.users()), columns(ds.items()));
  }

  private static List<ColumnStats> columns(Table t) {
    List<ColumnStats> out = new ArrayList<>();
    for (Column c : t.columns().subList(1, t.columns().size())) {
      if (c instanceof Column.Longs || c instanceof Column.Doubles) {
        out.add(histogram(c));
      } else {
        out.add(counts(c));
      }
    }
    return List.copyOf(out);
  }

  private static ValueCounts counts(Column c) {
    Map<String, Integer> counts = new HashMap<>();
    for (int r = 0; r < c.size(); r++) {
      if (c.isNull(r)) {
        continue;
      }
      if (c instanceof Column.StringLists l) {
        for (String v : l.values()[r]) {
          counts.merge(v, 1, Integer::sum);
        }
      } else {
        counts.merge(c.asString(r), 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> values = new ArrayList<>();
    int[] n = new int[Math.min(entries.size(), MAX_VALUES + 1)];
    int other = 0;
    for (int k = 0; k < entries.size(); k++) {
      if (k < MAX_VALUES) {
        values.add(entries.get(k).getKey());
        n[k] = entries.get(k).getValue();
      } else {
        other += entries.get(k).getValue();
      }
    }
    if (other > 0) {
      values.add("(other)");
      n[MAX_VALUES] = other;
    }
    return new ValueCounts(c.name(), c instanceof Column.StringLists, List.copyOf(values), n);
  }

  private static Histogram histogram(Column c) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double[] xs = new double[c.size()];
    int m = 0;
    for (int r = 0; r < c.size(); r++) {
      if (!c.isNull(r)) {
        double v = Double.parseDouble(c.asString(r));
        if (!Double.isNaN(v)) {
          xs[m++] = v;
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (m == 0) {
      return new Histogram(c.name(), new double[0], new int[0]);
    }
    double width = max > min ? (max - min) / BINS : 1;
    int[] bins = new int[max > min ? BINS : 1];
    for (int k = 0; k < m; k++) {
      bins[Math.min(bins.length - 1, (int) ((xs[k] - min) / width))]++;
    }
    double[] edges = new double[bins.length + 1];
    for (int b = 0; b < edges.length; b++) {
      edges[b] = min + b * width;
    }
    return new Histogram(c.name(), edges, bins);
  }
}
