package org.web4rec.ingest;

import org.web4rec.core.data.Dataset;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * What a dataset page shows: the item-popularity long tail (pop = distinct train users, sorted
 * descending, sampled at up to 500 log-spaced ranks so the curve keeps its shape at any size),
 * the head share, and the distribution of every side column (categorical and multi-valued:
 * value counts, the 30 most frequent and "(other)"; numeric: a 20-bin histogram).
 */
final class DatasetStats {

  static final int MAX_POINTS = 500;
  static final int MAX_VALUES = 30;
  static final int BINS = 20;

  private DatasetStats() {}

  static JsonObject of(Dataset ds) {
    int[] pop = new int[ds.nItems()];
    int[] values = ds.train().values();
    for (int v : values) {
      pop[v]++;
    }
    int[] sorted = pop.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    JsonArray rank = new JsonArray();
    JsonArray count = new JsonArray();
    int last = -1;
    for (int k = 0; k < MAX_POINTS && n > 0; k++) {
      // log-spaced ranks 1..n
      int r = (int) Math.round(Math.exp(Math.log(n) * k / Math.max(1, MAX_POINTS - 1)));
      r = Math.max(1, Math.min(n, r));
      if (r == last) {
        continue;
      }
      last = r;
      rank.add(r);
      count.add(sorted[n - r]);
    }
    long total = values.length;
    long acc = 0;
    int head = 0;
    for (int k = n - 1; k >= 0 && acc < 0.8 * total; k--) {
      acc += sorted[k];
      head++;
    }
    return new JsonObject()
        .put("n_items", n)
        .put("popularity", new JsonObject().put("rank", rank).put("count", count))
        .put("head_share", n == 0 ? 0.0 : (double) head / n)
        .put("user_columns", columns(ds.users()))
        .put("item_columns", columns(ds.items()));
  }

  private static JsonArray columns(Table t) {
    JsonArray out = new JsonArray();
    for (Column c : t.columns().subList(1, t.columns().size())) {
      if (c instanceof Column.Longs || c instanceof Column.Doubles) {
        out.add(histogram(c));
      } else {
        out.add(counts(c));
      }
    }
    return out;
  }

  private static JsonObject counts(Column c) {
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
    JsonArray values = new JsonArray();
    JsonArray n = new JsonArray();
    int other = 0;
    for (int k = 0; k < entries.size(); k++) {
      if (k < MAX_VALUES) {
        values.add(entries.get(k).getKey());
        n.add(entries.get(k).getValue());
      } else {
        other += entries.get(k).getValue();
      }
    }
    if (other > 0) {
      values.add("(other)");
      n.add(other);
    }
    return new JsonObject().put("name", c.name())
        .put("kind", c instanceof Column.StringLists ? "multi" : "categorical")
        .put("values", values).put("counts", n);
  }

  private static JsonObject histogram(Column c) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    List<Double> xs = new ArrayList<>();
    for (int r = 0; r < c.size(); r++) {
      if (!c.isNull(r)) {
        double v = Double.parseDouble(c.asString(r));
        if (!Double.isNaN(v)) {
          xs.add(v);
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    JsonArray edges = new JsonArray();
    JsonArray counts = new JsonArray();
    if (!xs.isEmpty()) {
      double width = max > min ? (max - min) / BINS : 1;
      int[] bins = new int[max > min ? BINS : 1];
      for (double v : xs) {
        bins[Math.min(bins.length - 1, (int) ((v - min) / width))]++;
      }
      for (int b = 0; b <= bins.length; b++) {
        edges.add(min + b * width);
      }
      for (int b : bins) {
        counts.add(b);
      }
    }
    return new JsonObject().put("name", c.name()).put("kind", "numeric")
        .put("bin_edges", edges).put("counts", counts);
  }
}
