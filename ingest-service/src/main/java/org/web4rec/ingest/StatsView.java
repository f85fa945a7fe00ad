package org.web4rec.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.web4rec.core.data.DatasetStats;

/** The JSON answer of {@code GET /datasets/:dataset/stats}. */
final class StatsView {

  private StatsView() {}

  static JsonObject of(DatasetStats s) {
    return new JsonObject()
        .put("n_items", s.nItems())
        .put("popularity", new JsonObject().put("rank", ints(s.popularityRank()))
            .put("count", ints(s.popularityCount())))
        .put("head_share", s.headShare())
        .put("user_columns", columns(s.userColumns()))
        .put("item_columns", columns(s.itemColumns()));
  }

  private static JsonArray columns(List<DatasetStats.ColumnStats> columns) {
    JsonArray out = new JsonArray();
    for (DatasetStats.ColumnStats c : columns) {
      if (c instanceof DatasetStats.Histogram h) {
        JsonArray edges = new JsonArray();
        for (double e : h.binEdges()) {
          edges.add(e);
        }
        out.add(new JsonObject().put("name", h.name()).put("kind", "numeric")
            .put("bin_edges", edges).put("counts", ints(h.counts())));
      } else if (c instanceof DatasetStats.ValueCounts v) {
        out.add(new JsonObject().put("name", v.name())
            .put("kind", v.multi() ? "multi" : "categorical")
            .put("values", new JsonArray(v.values())).put("counts", ints(v.counts())));
      }
    }
    return out;
  }

  private static JsonArray ints(int[] values) {
    JsonArray out = new JsonArray();
    for (int v : values) {
      out.add(v);
    }
    return out;
  }
}
