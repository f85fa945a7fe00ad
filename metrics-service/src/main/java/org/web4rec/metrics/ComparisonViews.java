package org.web4rec.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.stats.MetricBreakdowns;
import org.web4rec.core.stats.MetricComparisons;
import org.web4rec.core.stats.PairedComparison;
import org.web4rec.core.table.Table;

/**
 * JSON answers of the breakdown and comparison endpoints, over the computations of {@link
 * MetricBreakdowns} and {@link MetricComparisons}; non-finite numbers answer null.
 */
final class ComparisonViews {

  private ComparisonViews() {}

  static JsonObject breakdown(Dataset ds, Table perUser, String metric, String by) {
    JsonArray groups = new JsonArray();
    for (MetricBreakdowns.Segment s : MetricBreakdowns.byUsers(ds, perUser, metric, by)) {
      groups.add(new JsonObject().put("group", s.label()).put("n", s.stats().count())
          .put("mean", finite(s.stats().mean())).put("std", finite(s.stats().std()))
          .put("ci_low", finite(s.stats().ci().low()))
          .put("ci_high", finite(s.stats().ci().high())));
    }
    return new JsonObject().put("metric", metric).put("by", by).put("groups", groups);
  }

  static JsonObject exposureByPopularity(Dataset ds, Table exposure, String metric) {
    List<MetricBreakdowns.Decile> deciles =
        MetricBreakdowns.exposureByPopularity(ds, exposure, metric);
    JsonArray groups = new JsonArray();
    for (MetricBreakdowns.Decile d : deciles) {
      groups.add(new JsonObject().put("group", d.label()).put("n", d.items())
          .put("mean", finite(d.share())).put("coverage", finite(d.coverage()))
          .put("pop_min", d.popMin()).put("pop_max", d.popMax()));
    }
    return new JsonObject().put("metric", "exposure@" + MetricBreakdowns.exposureK(exposure,
        metric)).put("by", "item_popularity").put("groups", groups);
  }

  static JsonObject compare(List<String> names, List<Table> perUser, List<String> metrics) {
    JsonArray out = new JsonArray();
    for (MetricComparisons.MetricPair mp : MetricComparisons.compare(names, perUser, metrics)) {
      PairedComparison.Result c = mp.pair().comparison();
      out.add(new JsonObject().put("metric", mp.metric()).put("a", mp.pair().nameA())
          .put("b", mp.pair().nameB())
          .put("n", c.n()).put("mean_a", finite(c.meanA())).put("mean_b", finite(c.meanB()))
          .put("mean_diff", finite(c.meanDiff())).put("ci_low", finite(c.ci().low()))
          .put("ci_high", finite(c.ci().high())).put("p_t", finite(c.tTestP()))
          .put("p_wilcoxon", finite(c.wilcoxonP()))
          .put("p_t_adj", finite(mp.pair().tTestPAdjusted()))
          .put("p_wilcoxon_adj", finite(mp.pair().wilcoxonPAdjusted())));
    }
    return new JsonObject().put("experiments", new JsonArray(names)).put("metrics",
        new JsonArray(metrics)).put("bootstrap", new JsonObject()
        .put("resamples", PairedComparison.RESAMPLES).put("seed", MetricComparisons.SEED))
        .put("comparisons", out);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
