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

  public record ExperimentUploaded(String teamId, String datasetId, String experimentId) {
    public JsonObject toJson() {
      return new JsonObject().put("team_id", teamId).put("dataset_id", datasetId)
          .put("experiment_id", experimentId);
    }

    public static ExperimentUploaded fromJson(JsonObject j) {
      if (j == null || j.getString("experiment_id") == null) {
        throw new IllegalArgumentException("experiment.uploaded without experiment_id: " + j);
      }
      return new ExperimentUploaded(j.getString("team_id"), j.getString("dataset_id"),
          j.getString("experiment_id"));
    }
  }

  /** One re-rank job: the parent's lists re-ranked at one or more λ, one derived experiment each. */
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
