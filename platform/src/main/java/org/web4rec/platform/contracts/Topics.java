package org.web4rec.platform.contracts;

/** Event topic names, spelled once. Final once chosen (DESIGN.md "Events"). */
public final class Topics {
  public static final String DATASET_REGISTERED = "dataset.registered";
  public static final String EXPERIMENT_UPLOADED = "experiment.uploaded";
  public static final String METRICS_COMPUTED = "metrics.computed";
  public static final String RERANK_REQUESTED = "rerank.requested";
  public static final String RERANK_COMPLETED = "rerank.completed";
  public static final String PROJECTION_REQUESTED = "projection.requested";
  public static final String PROJECTION_COMPLETED = "projection.completed";

  /** Consumer group of the metrics workers. */
  public static final String METRICS_GROUP = "metrics";
  /** Consumer group of the re-rank workers. */
  public static final String RERANK_GROUP = "rerank";

  private Topics() {}
}
