package org.web4rec.metrics;

import org.web4rec.core.data.Dataset;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.web4rec.core.stats.Binning;
import org.web4rec.core.stats.Breakdown;
import org.web4rec.core.stats.PairedComparison;
import org.web4rec.core.stats.Segments;
import org.web4rec.platform.http.ApiException;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Breakdowns of a per-user metric by user segment, and significance tests between experiments,
 * over the stored per-user tables (METRICS.md "Breakdowns and significance"). Pure computation.
 */
final class Comparisons {

  /** Fixed bootstrap seed: the same request always gives the same intervals. */
  static final long SEED = 20_181_127L;

  private Comparisons() {}

  /** Per-user values of one metric, keyed by external user id. */
  static Map<String, Double> column(Table perUser, String metric) {
    Column c = perUser.column(metric).orElseThrow(() -> ApiException.badRequest("no per-user"
        + " metric '" + metric + "'; per-user metrics are " + perUser.names().subList(1,
        perUser.names().size()), "metric=ndcg@10"));
    String[] users = ((Column.Strings) perUser.columns().get(0)).values();
    double[] v = ((Column.Doubles) c).values();
    Map<String, Double> out = new HashMap<>(users.length * 2);
    for (int r = 0; r < users.length; r++) {
      out.put(users[r], v[r]);
    }
    return out;
  }

  /**
   * Groups the experiment's users by {@code by}: {@code activity} (quintile of |H_u| over the
   * dataset's users), {@code cold} (|H_u| ≤ 5 vs the rest), or a user side column (categorical:
   * one group per value; numeric: quintiles).
   */
  static JsonObject breakdown(Dataset ds, Table perUser, String metric, String by) {
    Map<String, Double> values = column(perUser, metric);
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
      default -> {
        Column c = ds.users().column(by).filter(col -> !col.name().equals("user_id"))
            .orElseThrow(() -> ApiException.badRequest("cannot break down by '" + by
                + "'; use activity, cold or a user side column: " + ds.users().names()
                .subList(1, ds.users().names().size()), "by=activity"));
        groupOfUser = new int[n];
        if (c instanceof Column.StringLists) {
          throw ApiException.badRequest("'" + by + "' is multi-valued; break down by a"
              + " categorical or numeric user column", "by=gender");
        } else if (c instanceof Column.Longs || c instanceof Column.Doubles) {
          int[] ranks = numericRanks(c);
          Binning b = Segments.quantiles(ranks, 5);
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
            groupOfUser[u] = index.computeIfAbsent(v == null ? "(missing)" : v,
                k -> index.size());
          }
          labels.addAll(index.keySet());
        }
      }
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
    List<Breakdown.GroupStats> stats = Breakdown.byGroup(rowValues, rowGroup, labels.size());
    JsonArray groups = new JsonArray();
    for (Breakdown.GroupStats g : stats) {
      groups.add(new JsonObject().put("group", labels.get(g.group())).put("n", g.count())
          .put("mean", finite(g.mean())).put("std", finite(g.std()))
          .put("ci_low", finite(g.ci().low())).put("ci_high", finite(g.ci().high())));
    }
    return new JsonObject().put("metric", metric).put("by", by).put("groups", groups);
  }

  /**
   * Exposure by item popularity decile (D1 = most popular tenth of I_cat by pop, ties by item
   * tie order): per decile the items, their pop range, the share of all recommendations (exposure)
   * that falls in it ({@code mean}) and the fraction of its items recommended at least once
   * ({@code coverage}). {@code metric} is {@code exposure@K} or {@code coverage@K}.
   */
  static JsonObject exposureByPopularity(Dataset ds, Table exposure, String metric) {
    int at = metric.indexOf('@');
    String k = at < 0 ? "" : metric.substring(at + 1);
    if (!(metric.startsWith("exposure@") || metric.startsWith("coverage@"))
        || exposure.column("exposure@" + k).isEmpty()) {
      throw ApiException.badRequest("by=item_popularity breaks down exposure: metric must be"
          + " exposure@K or coverage@K for a computed K", "metric=exposure@10&by=item_popularity");
    }
    int[] pop = exposure.ints("pop");
    int[] c = exposure.ints("exposure@" + k);
    Binning deciles = Segments.popularityDeciles(pop,
        org.web4rec.core.lists.CandidateLists.tieOrder(ds.itemIds()));
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
    JsonArray groups = new JsonArray();
    for (int d = 0; d < deciles.nBins(); d++) {
      int n = deciles.count()[d];
      groups.add(new JsonObject().put("group", "D" + (d + 1) + (d == 0 ? " (most popular)" : "")
              + " pop " + deciles.min()[d] + "-" + deciles.max()[d])
          .put("n", n).put("mean", total == 0 ? null : (double) sum[d] / total)
          .put("coverage", n == 0 ? null : (double) covered[d] / n)
          .put("pop_min", deciles.min()[d]).put("pop_max", deciles.max()[d]));
    }
    return new JsonObject().put("metric", "exposure@" + k).put("by", "item_popularity")
        .put("groups", groups);
  }

  /** Integer ranks of a numeric column's values (nulls rank lowest), for quantile binning. */
  private static int[] numericRanks(Column c) {
    int n = c.size();
    double[] v = new double[n];
    for (int u = 0; u < n; u++) {
      v[u] = c.isNull(u) ? Double.NEGATIVE_INFINITY : Double.parseDouble(c.asString(u));
    }
    double[] sorted = v.clone();
    java.util.Arrays.sort(sorted);
    int[] ranks = new int[n];
    for (int u = 0; u < n; u++) {
      ranks[u] = java.util.Arrays.binarySearch(sorted, v[u]);
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
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
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

  /**
   * Every unordered pair of experiments on every metric: users present in both, mean difference
   * (B − A) with a 95% bootstrap CI, paired t-test and Wilcoxon p-values, Holm-adjusted across
   * the pairs of a metric when more than two experiments are compared.
   */
  static JsonObject compare(List<String> names, List<Table> perUser, List<String> metrics) {
    Set<String> users = new LinkedHashSet<>();
    for (Table t : perUser) {
      users.addAll(List.of(((Column.Strings) t.columns().get(0)).values()));
    }
    List<String> userList = new ArrayList<>(users);
    JsonArray out = new JsonArray();
    for (String metric : metrics) {
      List<double[]> aligned = new ArrayList<>();
      for (Table t : perUser) {
        Map<String, Double> col = column(t, metric);
        double[] v = new double[userList.size()];
        for (int k = 0; k < v.length; k++) {
          Double x = col.get(userList.get(k));
          v[k] = x == null ? Double.NaN : x;
        }
        aligned.add(v);
      }
      for (org.web4rec.core.stats.Comparisons.PairResult p
          : org.web4rec.core.stats.Comparisons.compareAll(names, aligned, SEED)) {
        PairedComparison.Result c = p.comparison();
        out.add(new JsonObject().put("metric", metric).put("a", p.nameA()).put("b", p.nameB())
            .put("n", c.n()).put("mean_a", finite(c.meanA())).put("mean_b", finite(c.meanB()))
            .put("mean_diff", finite(c.meanDiff())).put("ci_low", finite(c.ci().low()))
            .put("ci_high", finite(c.ci().high())).put("p_t", finite(c.tTestP()))
            .put("p_wilcoxon", finite(c.wilcoxonP()))
            .put("p_t_adj", finite(p.tTestPAdjusted()))
            .put("p_wilcoxon_adj", finite(p.wilcoxonPAdjusted())));
      }
    }
    return new JsonObject().put("experiments", new JsonArray(names)).put("metrics",
        new JsonArray(metrics)).put("bootstrap", new JsonObject()
        .put("resamples", PairedComparison.RESAMPLES).put("seed", SEED))
        .put("comparisons", out);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
