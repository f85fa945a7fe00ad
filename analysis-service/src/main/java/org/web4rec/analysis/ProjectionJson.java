package org.web4rec.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.projection.Projector;
import org.web4rec.core.table.Table;

/** The body of a 200 answer of the projection route: a map of {@link Projector} as JSON. */
final class ProjectionJson {

  private ProjectionJson() {}

  /** Computes the map and renders it (blocking; run on a worker thread). */
  static JsonObject compute(Dataset ds, CandidateLists lists, Table embeddings,
      ProjectionRequest req, boolean intIds, int threads, Projector.Progress progress) {
    return compute(ds, lists, embeddings, req, intIds, threads, progress,
        Projector.UMAP_MAX_POINTS);
  }

  /** As above with the UMAP sample size as a parameter (tests use a small one). */
  static JsonObject compute(Dataset ds, CandidateLists lists, Table embeddings,
      ProjectionRequest req, boolean intIds, int threads, Projector.Progress progress,
      int umapMaxPoints) {
    Projector.Method method = req.method().equals("pca") ? Projector.Method.PCA
        : Projector.Method.UMAP;
    Projector.Map2d map = Projector.compute(ds, lists, embeddings, req.users(), method,
        req.neighbors() == null ? 0 : req.neighbors(), threads, progress, umapMaxPoints);
    return of(req, map, req.users() ? ds.userIds() : ds.itemIds(), intIds);
  }

  static JsonObject of(ProjectionRequest req, Projector.Map2d map, String[] ids, boolean intIds) {
    double[] ev = map.explainedVariance();
    JsonObject out = new JsonObject().put("entity", req.entity()).put("method", req.method())
        .put("neighbors", req.neighbors()).put("source", map.source())
        .put("source_dims", map.sourceDims())
        .put("explained_variance", ev == null ? null : new JsonArray().add(ev[0]).add(ev[1]))
        .put("sampled", map.sampled()).put("sample_note", map.sampleNote());
    JsonArray xs = new JsonArray();
    JsonArray ys = new JsonArray();
    for (int k = 0; k < map.nPoints(); k++) {
      xs.add(round(map.x()[k]));
      ys.add(round(map.y()[k]));
    }
    return out.put("n_total", map.nTotal()).put("n_points", map.nPoints())
        .put("ids", ExternalIds.json(ids, map.rows(), intIds)).put("x", xs).put("y", ys);
  }

  /**
   * Float precision (about seven significant digits) is more than a screen can show; Jackson
   * writes a float in its shortest form, which halves the blob next to doubles.
   */
  private static float round(double v) {
    return Double.isFinite(v) ? (float) v : 0f;
  }
}
