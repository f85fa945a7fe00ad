package org.web4rec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

class ProjectorTest {

  static final Projector.Progress NONE = (stage, f) -> { };

  static void onePointPerEntity(JsonObject map, String[] ids) {
    assertEquals(ids.length, map.getInteger("n_total"));
    assertEquals(ids.length, map.getInteger("n_points"));
    JsonArray got = map.getJsonArray("ids");
    assertEquals(ids.length, got.size());
    assertEquals(ids.length, map.getJsonArray("x").size());
    assertEquals(ids.length, map.getJsonArray("y").size());
    Set<Object> seen = new HashSet<>();
    for (int r = 0; r < ids.length; r++) {
      assertEquals(Long.parseLong(ids[r]), ((Number) got.getValue(r)).longValue());
      assertTrue(seen.add(got.getValue(r)));
    }
  }

  @Test
  void everyUserAndItemGetsExactlyOnePoint() {
    Fixtures f = new Fixtures(150, 90, 12, 20, 5);
    for (String method : new String[] {"pca", "umap"}) {
      JsonObject users = Projector.compute(f.ds, f.lists, null,
          ProjectionRequest.parse("user", method, null), true, 2, NONE);
      onePointPerEntity(users, f.ds.userIds());
      assertEquals(Projector.CANDIDATES, users.getString("source"));
      JsonObject items = Projector.compute(f.ds, f.lists, null,
          ProjectionRequest.parse("item", method, "5"), true, 2, NONE);
      onePointPerEntity(items, f.ds.itemIds());
      assertEquals(Projector.TRAIN, items.getString("source"));
      assertEquals(false, items.getBoolean("sampled"));
    }
  }

  @Test
  void uploadedEmbeddingsAreTheSourceAndPcaExplainsThem() {
    Fixtures f = new Fixtures(40, 30, 5, 10, 6);
    // items on a line in 3-D (e = t·(1, 2, 2)/3): one axis explains everything
    int n = f.ds.nItems();
    int[] id = new int[n];
    float[][] e = new float[3][n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
      e[0][i] = i / 3f;
      e[1][i] = 2 * i / 3f;
      e[2][i] = 2 * i / 3f;
    }
    Table emb = Table.of(new Column.Ints("i", id), new Column.Floats("e0", e[0]),
        new Column.Floats("e1", e[1]), new Column.Floats("e2", e[2]));
    JsonObject map = Projector.compute(f.ds, f.lists, emb,
        ProjectionRequest.parse("item", "pca", null), true, 1, NONE);
    assertEquals(Projector.MODEL, map.getString("source"));
    assertEquals(3, map.getInteger("source_dims"));
    assertEquals(1.0, map.getJsonArray("explained_variance").getDouble(0), 1e-6);
    onePointPerEntity(map, f.ds.itemIds());
    // coordinates are t minus the mean, up to sign: consecutive items are 1 apart
    JsonArray x = map.getJsonArray("x");
    assertEquals(1.0, Math.abs(x.getDouble(1) - x.getDouble(0)), 1e-4);
  }

  @Test
  void sampleIsSortedDistinctAndSeeded() {
    int[] s = Projector.sample(1_000, 100, 42);
    assertEquals(100, s.length);
    for (int k = 1; k < s.length; k++) {
      assertTrue(s[k] > s[k - 1]);
    }
    assertEquals(java.util.Arrays.toString(s),
        java.util.Arrays.toString(Projector.sample(1_000, 100, 42)));
  }

  @Test
  void umapAboveTheLimitRunsOnADocumentedSampleAndPcaStaysComplete() {
    Fixtures f = new Fixtures(150, 90, 12, 20, 8);
    JsonObject umap = Projector.compute(f.ds, f.lists, null,
        ProjectionRequest.parse("user", "umap", "10"), true, 2, NONE, 100);
    assertEquals(true, umap.getBoolean("sampled"));
    assertEquals(150, umap.getInteger("n_total"));
    assertEquals(100, umap.getInteger("n_points"));
    assertEquals(100, umap.getJsonArray("ids").size());
    assertEquals(100, umap.getJsonArray("x").size());
    assertEquals("uniform random 100 of 150, seed 42", umap.getString("sample_note"));
    int[] expected = Projector.sample(150, 100, Projector.SEED);
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k] + 1L, umap.getJsonArray("ids").getLong(k));
    }
    JsonObject pca = Projector.compute(f.ds, f.lists, null,
        ProjectionRequest.parse("user", "pca", null), true, 2, NONE, 100);
    assertEquals(false, pca.getBoolean("sampled"));
    onePointPerEntity(pca, f.ds.userIds());
  }
}
