package org.web4rec.platform.contracts;

import io.vertx.core.json.JsonObject;

/** Event payload records and their JSON mapping (the only place that reads keys). */
public final class Events {

  private Events() {}

  public record DatasetRegistered(String teamId, String datasetId, int version) {
    public JsonObject toJson() {
      return new JsonObject().put("team_id", teamId).put("dataset_id", datasetId)
          .put("version", version);
    }

    public static DatasetRegistered fromJson(JsonObject j) {
      return new DatasetRegistered(j.getString("team_id"), j.getString("dataset_id"),
          j.getInteger("version"));
    }
  }

  /**
   * An experiment (uploaded, or derived by a re-rank) waits for its metrics. Carries the settings
   * the metrics are computed with, so the worker need not read them back; team and dataset are
   * informational (the worker takes them from the experiment's row, the truth for tenancy).
   * {@code settings} is null in events published before it was carried: the worker then uses the
   * row's.
   */
  public record ExperimentUploaded(String teamId, String datasetId, String experimentId,
      ExperimentSettings settings) {
    public JsonObject toJson() {
      return new JsonObject().put("team_id", teamId).put("dataset_id", datasetId)
          .put("experiment_id", experimentId)
          .put("settings", settings == null ? null : settings.toJson());
    }

    public static ExperimentUploaded fromJson(JsonObject j) {
      if (j == null || j.getString("experiment_id") == null) {
        throw new IllegalArgumentException("experiment.uploaded without experiment_id: " + j);
      }
      JsonObject settings = j.getJsonObject("settings");
      return new ExperimentUploaded(j.getString("team_id"), j.getString("dataset_id"),
          j.getString("experiment_id"),
          settings == null ? null : ExperimentSettings.fromJson(settings));
    }
  }

  /**
   * One re-rank job: the parent's lists re-ranked at one or more λ, one derived experiment each.
   * The worker takes the parent, team, dataset and each λ from the derived experiments' rows;
   * the ids here say which rows.
   */
  public record RerankRequested(String teamId, String datasetId, String parentId,
      java.util.List<String> experimentIds) {
    public JsonObject toJson() {
      return new JsonObject().put("team_id", teamId).put("dataset_id", datasetId)
          .put("parent_id", parentId)
          .put("experiment_ids", new io.vertx.core.json.JsonArray(experimentIds));
    }

    public static RerankRequested fromJson(JsonObject j) {
      if (j == null || j.getString("parent_id") == null || j.getJsonArray("experiment_ids") == null) {
        throw new IllegalArgumentException("rerank.requested without parent_id/experiment_ids: " + j);
      }
      java.util.List<String> ids = new java.util.ArrayList<>();
      j.getJsonArray("experiment_ids").forEach(o -> ids.add((String) o));
      return new RerankRequested(j.getString("team_id"), j.getString("dataset_id"),
          j.getString("parent_id"), ids);
    }
  }

  public record MetricsComputed(String teamId, String experimentId, String status) {
    public JsonObject toJson() {
      return new JsonObject().put("team_id", teamId).put("experiment_id", experimentId)
          .put("status", status);
    }

    public static MetricsComputed fromJson(JsonObject j) {
      return new MetricsComputed(j.getString("team_id"), j.getString("experiment_id"),
          j.getString("status"));
    }
  }
}
