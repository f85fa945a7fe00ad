package org.web4rec.platform.http;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.web4rec.platform.contracts.RerankLineage;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;

/** The JSON shapes of datasets and experiments (docs/api.md), built in one place. */
public final class Views {

  private Views() {}

  public static JsonObject dataset(DatasetRecord d) {
    JsonObject j = new JsonObject().put("id", d.id()).put("name", d.name())
        .put("version", d.version()).put("created_at", iso(d.createdAt()));
    j.mergeIn(d.info());
    return j;
  }

  public static JsonObject experiment(ExperimentRecord e, String datasetName,
      Map<String, Double> metrics) {
    JsonObject m = new JsonObject();
    if (metrics != null) {
      metrics.forEach((k, v) -> m.put(k, v == null || v.isNaN() ? null : v));
    }
    JsonObject j = new JsonObject()
        .put("id", e.id())
        .put("name", e.name())
        .put("dataset", datasetName)
        .put("status", e.status())
        .put("error", e.error())
        .put("hyper_parameters", e.hyperParameters())
        .put("created_at", iso(e.createdAt()))
        .put("updated_at", iso(e.updatedAt()))
        .put("metrics", m)
        .put("metrics_meta", e.metricsMeta());
    j.mergeIn(e.settings().toJson());
    return lineage(j, e.settings().rerank());
  }

  /**
   * The lineage of a derived (re-ranked) experiment, flat so tables show it beside the metrics;
   * nulls for an uploaded experiment.
   */
  public static JsonObject lineage(JsonObject j, RerankLineage rerank) {
    return j.put("parent", rerank == null ? null : rerank.parent())
        .put("objective", rerank == null ? null : rerank.objective())
        .put("sim", rerank == null ? null : rerank.sim())
        .put("lambda", rerank == null ? null : rerank.lambda());
  }

  public static String iso(long epochMillis) {
    return java.time.Instant.ofEpochMilli(epochMillis).toString();
  }
}
