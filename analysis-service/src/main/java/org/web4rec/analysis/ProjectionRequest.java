package org.web4rec.analysis;

import java.util.List;
import org.web4rec.platform.http.ApiException;

/**
 * What map is asked for: entity (user | item), method (pca | umap) and, for UMAP, the number of
 * neighbours. Validation lives here so the route fails with 400 before any work starts.
 */
public record ProjectionRequest(String entity, String method, Integer neighbors) {

  static final int DEFAULT_NEIGHBORS = 15;
  /**
   * The UMAP neighbour counts offered. Each value is its own stored map and its own job, so a
   * finite set bounds the maps (and the work) one experiment can cause.
   */
  static final List<Integer> NEIGHBORS = List.of(5, 10, 15, 30, 50);
  static final String EXAMPLE = "?entity=user&method=umap&neighbors=15";

  /** Validates the query parameters (400 with an example when wrong). */
  public static ProjectionRequest parse(String entity, String method, String neighbors) {
    if (entity == null || !(entity.equals("user") || entity.equals("item"))) {
      throw ApiException.badRequest("entity must be 'user' or 'item', got " + entity, EXAMPLE);
    }
    if (method == null || !(method.equals("pca") || method.equals("umap"))) {
      throw ApiException.badRequest("method must be 'pca' or 'umap', got " + method, EXAMPLE);
    }
    Integer n = null;
    if (method.equals("umap")) {
      n = DEFAULT_NEIGHBORS;
      if (neighbors != null && !neighbors.isBlank()) {
        try {
          n = Integer.parseInt(neighbors.trim());
        } catch (NumberFormatException e) {
          n = -1;
        }
        if (!NEIGHBORS.contains(n)) {
          throw ApiException.badRequest("neighbors must be one of " + NEIGHBORS + ", got "
              + neighbors, EXAMPLE);
        }
      }
    }
    return new ProjectionRequest(entity, method, n);
  }

  boolean users() {
    return entity.equals("user");
  }

  /** Blob name under the experiment's prefix; also the job key within an experiment. */
  String blobName() {
    return "projection-" + entity + "-" + method + (neighbors == null ? "" : "-n" + neighbors)
        + ".json";
  }
}
