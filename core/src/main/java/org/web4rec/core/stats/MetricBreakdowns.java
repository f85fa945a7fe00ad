package org.web4rec.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Breakdowns of an experiment's stored results (METRICS.md "Breakdowns and significance"): a
 * per-user metric by user segment, and exposure by item popularity decile.
 */
public final class MetricBreakdowns {

  /**
   * @param label the segment as the page names it, e.g. "Q1 (|H| 1-12)"
   * @param stats count, mean, std and interval of the metric over the segment's users
   */
  public record Segment(String label, Breakdown.GroupStats stats) {}

  /**
   * @param label e.g. "D1 (most popular) pop 120-3428"
   * @param items items in the decile
   * @param share the decile's share of all recommendations, NaN when nothing was recommended
   * @param coverage fraction of its items recommended at least once, NaN for an empty decile
   * @param popMin smallest pop in the decile
   * @param popMax largest pop in the decile
   */
  public record Decile(String label, int items, double share, double coverage, int popMin,
      int popMax) {}

  private MetricBreakdowns() {}

  /**
   * Groups the experiment's users by {@code by}: {@code activity} (quintile of |H_u| over the
   * dataset's users), {@code cold} (|H_u| ≤ 5 vs the rest), or a user side column (categorical:
   * one group per value; numeric: quintiles).
   *
   * @param perUser the experiment's per-user table
   * @throws InvalidInput on an unknown metric, or a {@code by} that is not a segment or a
   *     categorical or numeric user column
   */
  public static List<Segment> byUsers(Dataset ds, Table perUser, String metric, String by) {
    Map<String, Double> values = MetricComparisons.values(perUser, metric);
    int n = ds.nUsers();
    int[] history = new int[n];
    for (int u = 0; u < n; u++) {
      history[u] = ds.train().size(u);
    }
    int[] groupOfUser;
    List<String> labels = new ArrayList<>();
    switch (by) {
      case "activity" -> {
        Binning b = Segments.activityQuintiles(history);
        groupOfUser = b.binOfRow();
        for (int g = 0; g < b.nBins(); g++) {
          labels.add("Q" + (g + 1) + " (|H| " + b.min()[g] + "-" + b.max()[g] + ")");
        }
      }
      case "cold" -> {
        groupOfUser = Segments.cold(history).binOfRow();
        labels.add("cold (|H| <= " + Segments.COLD_THRESHOLD + ")");
        labels.add("warm");
      }
      default -> groupOfUser = bySideColumn(ds, by, labels);
    }
    Map<String, Integer> userIndex = ds.userIndex();
    double[] rowValues = new double[values.size()];
    int[] rowGroup = new int[values.size()];
    int r = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      Integer u = userIndex.get(e.getKey());
      rowValues[r] = e.getValue();
      rowGroup[r] = u == null ? -1 : groupOfUser[u];
      r++;
    }
    List<Segment> out = new ArrayList<>();
    for (Breakdown.GroupStats g : Breakdown.byGroup(rowValues, rowGroup, labels.size())) {
      out.add(new Segment(labels.get(g.group()), g));
    }
    return List.copyOf(out);
  }

  private static int[] bySideColumn(Dataset ds, String by, List<String> labels) {
    int n = ds.nUsers();
    Column c = ds.users().column(by).filter(col -> !col.name().equals("user_id"))
        .orElseThrow(() -> new InvalidInput("cannot break down by '" + by
            + "'; use activity, cold or a user side column: " + ds.users().names()
            .subList(1, ds.users().names().size()), "by=activity"));
    int[] groupOfUser = new int[n];
    if (c instanceof Column.StringLists) {
      throw new InvalidInput("'" + by + "' is multi-valued; break down by a"
          + " categorical or numeric user column", "by=gender");
    } else if (c instanceof Column.Longs || c instanceof Column.Doubles) {
      Binning b = Segments.quantiles(numericRanks(c), 5);
      for (int u = 0; u < n; u++) {
        groupOfUser[u] = c.isNull(u) ? -1 : b.binOfRow()[u];
      }
      for (int g = 0; g < b.nBins(); g++) {
        labels.add(by + " Q" + (g + 1));
      }
      refineNumericLabels(c, groupOfUser, labels, by);
    } else {
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int u = 0; u < n; u++) {
        String v = c.asString(u);
        groupOfUser[u] = index.computeIfAbsent(v == null ? "(missing)" : v, k -> index.size());
      }
      labels.addAll(index.keySet());
    }
    return groupOfUser;
  }

  /**
   * The metric's K when it is {@code exposure@K} or {@code coverage@K} for a K the exposure table
   * holds.
   *
   * @throws InvalidInput otherwise
   */
  public static String exposureK(Table exposure, String metric) {
    int at = metric.indexOf('@');
    String k = at < 0 ? "" : metric.substring(at + 1);
    if (!(metric.startsWith("exposure@") || metric.startsWith("coverage@"))
        || exposure.column("exposure@" + k).isEmpty()) {
      throw new InvalidInput("by=item_popularity breaks down exposure: metric must be"
          + " exposure@K or coverage@K for a computed K", "metric=exposure@10&by=item_popularity");
    }
    return k;
  }

  /**
   * Exposure by item popularity decile (D1 = most popular tenth of I_cat by pop, ties by item
   * tie order): per decile the items, their pop range, the share of all recommendations (exposure)
   * that falls in it and the fraction of its items recommended at least once.
   *
   * @param exposure the experiment's exposure table (item_id, pop, exposure@K...)
   * @param metric {@code exposure@K} or {@code coverage@K}
   * @throws InvalidInput as {@link #exposureK}
   */
  public static List<Decile> exposureByPopularity(Dataset ds, Table exposure, String metric) {
    String k = exposureK(exposure, metric);
    int[] pop = exposure.ints("pop");
    int[] c = exposure.ints("exposure@" + k);
    Binning deciles = Segments.popularityDeciles(pop, CandidateLists.tieOrder(ds.itemIds()));
    long total = 0;
    for (int x : c) {
      total += x;
    }
    long[] sum = new long[deciles.nBins()];
    int[] covered = new int[deciles.nBins()];
    for (int i = 0; i < c.length; i++) {
      int d = deciles.binOfRow()[i];
      sum[d] += c[i];
      covered[d] += c[i] > 0 ? 1 : 0;
    }
    List<Decile> out = new ArrayList<>();
    for (int d = 0; d < deciles.nBins(); d++) {
      int n = deciles.count()[d];
      out.add(new Decile("D" + (d + 1) + (d == 0 ? " (most popular)" : "")
              + " pop " + deciles.min()[d] + "-" + deciles.max()[d], n,
          total == 0 ? Double.NaN : (double) sum[d] / total,
          n == 0 ? Double.NaN : (double) covered[d] / n, deciles.min()[d], deciles.max()[d]));
    }
    return List.copyOf(out);
  }

  /** Integer ranks of a numeric column's values (nulls rank lowest), for quantile binning. */
  private static int[] numericRanks(Column c) {
    int n = c.size();
    double[] v = new double[n];
    for (int u = 0; u < n; u++) {
      v[u] = c.isNull(u) ? Double.NEGATIVE_INFINITY : Double.parseDouble(c.asString(u));
    }
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    int[] ranks = new int[n];
    for (int u = 0; u < n; u++) {
      ranks[u] = Arrays.binarySearch(sorted, v[u]);
      while (ranks[u] > 0 && sorted[ranks[u] - 1] == v[u]) {
        ranks[u]--;
      }
    }
    return ranks;
  }

  private static void refineNumericLabels(Column c, int[] groupOfUser, List<String> labels,
      String by) {
    double[] lo = new double[labels.size()];
    double[] hi = new double[labels.size()];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int u = 0; u < groupOfUser.length; u++) {
      int g = groupOfUser[u];
      if (g >= 0) {
        double x = Double.parseDouble(c.asString(u));
        lo[g] = Math.min(lo[g], x);
        hi[g] = Math.max(hi[g], x);
      }
    }
    for (int g = 0; g < labels.size(); g++) {
      if (lo[g] <= hi[g]) {
        labels.set(g, by + " " + fmt(lo[g]) + "-" + fmt(hi[g]));
      }
    }
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : String.format("%.3g", x);
  }
}
