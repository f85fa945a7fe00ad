package org.web4rec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.web4rec.core.projection.Projector;

/** The projection route's body: ids in the user's type for the mapped rows, floats, the notes. */
class ProjectionJsonTest {

  static final String[] IDS = {"7", "8", "9"};

  @Test
  void pcaMapsEveryIdInOrder() {
    Projector.Map2d map = new Projector.Map2d(Projector.MODEL, 3, 3, null,
        new double[] {0.5, -1, Double.NaN}, new double[] {1.0 / 3, 2, 0},
        new double[] {0.75, 0.25}, null);
    JsonObject out = ProjectionJson.of(ProjectionRequest.parse("item", "pca", null), map, IDS,
        true);
    assertEquals(new JsonObject("""
        {"entity": "item", "method": "pca", "neighbors": null, "source": "model_embeddings",
         "source_dims": 3, "explained_variance": [0.75, 0.25], "sampled": false,
         "sample_note": null, "n_total": 3, "n_points": 3, "ids": [7, 8, 9],
         "x": [0.5, -1.0, 0.0], "y": [0.33333334, 2.0, 0.0]}"""), new JsonObject(out.encode()));
  }

  @Test
  void aSampledUmapNamesOnlyTheSampledRows() {
    Projector.Map2d map = new Projector.Map2d(Projector.CANDIDATES, 64, 3, new int[] {0, 2},
        new double[] {1, 2}, new double[] {3, 4}, null, "uniform random 2 of 3, seed 42");
    JsonObject out = ProjectionJson.of(ProjectionRequest.parse("user", "umap", "5"), map, IDS,
        false);
    assertEquals(new JsonObject("""
        {"entity": "user", "method": "umap", "neighbors": 5, "source": "candidate_scores",
         "source_dims": 64, "explained_variance": null, "sampled": true,
         "sample_note": "uniform random 2 of 3, seed 42", "n_total": 3, "n_points": 2,
         "ids": ["7", "9"], "x": [1.0, 2.0], "y": [3.0, 4.0]}"""), new JsonObject(out.encode()));
  }
}
