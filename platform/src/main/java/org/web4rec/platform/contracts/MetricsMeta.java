package org.web4rec.platform.contracts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an experiment's stored metrics were computed with (METRICS.md: every stored result records
 * the definitions' version, K, N and the dataset version), shown as {@code metrics_meta}. Only
 * {@link #toJson} knows its keys.
 *
 * @param definitionsVersion the version of the metric definitions
 * @param ks the cut-offs
 * @param nCandidates N, the experiment's candidates per user
 * @param datasetVersion the dataset version the lists were evaluated on
 * @param similaritySources the similarity sources the similarity metrics used
 * @param calibrationColumns the item columns miscalibration was computed for
 * @param evaluatedUsers the users with a per-user row
 * @param phaseSeconds seconds per computation phase
 * @param seconds seconds of the whole job
 */
public record MetricsMeta(String definitionsVersion, List<Integer> ks, int nCandidates,
    int datasetVersion, List<String> similaritySources, List<String> calibrationColumns,
    int evaluatedUsers, Map<String, Double> phaseSeconds, double seconds) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("definitions_version", definitionsVersion)
        .put("ks", new JsonArray(new ArrayList<>(ks)))
        .put("n_candidates", nCandidates)
        .put("dataset_version", datasetVersion)
        .put("similarity_sources", new JsonArray(new ArrayList<>(similaritySources)))
        .put("calibration_columns", new JsonArray(new ArrayList<>(calibrationColumns)))
        .put("evaluated_users", evaluatedUsers)
        .put("phases_s", new JsonObject(new LinkedHashMap<>(phaseSeconds)))
        .put("seconds", seconds);
  }
}
