package org.web4rec.core.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web4rec.core.explore.Fixtures;
import org.web4rec.core.projection.Projector.Map2d;
import org.web4rec.core.projection.Projector.Method;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

class ProjectorTest {

  static final Projector.Progress NONE = (stage, f) -> { };

  static void onePointPerEntity(Map2d map, int n) {
    assertEquals(n, map.nTotal());
    assertEquals(n, map.nPoints());
    assertEquals(n, map.x().length);
    assertEquals(n, map.y().length);
    Set<Integer> seen = new HashSet<>();
    for (int k = 0; k < n; k++) {
      assertEquals(k, map.row(k));
      assertTrue(seen.add(map.row(k)));
    }
  }

  @Test
  void everyUserAndItemGetsExactlyOnePoint() {
    Fixtures f = new Fixtures(150, 90, 12, 20, 5);
    for (Method method : Method.values()) {
      Map2d users = Projector.compute(f.ds, f.lists, null, true, method, 15, 2, NONE);
      onePointPerEntity(users, f.ds.nUsers());
      assertEquals(Projector.CANDIDATES, users.source());
      Map2d items = Projector.compute(f.ds, f.lists, null, false, method, 5, 2, NONE);
      onePointPerEntity(items, f.ds.nItems());
      assertEquals(Projector.TRAIN, items.source());
      assertEquals(false, items.sampled());
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
    Map2d map = Projector.compute(f.ds, f.lists, emb, false, Method.PCA, 0, 1, NONE);
    assertEquals(Projector.MODEL, map.source());
    assertEquals(3, map.sourceDims());
    assertEquals(1.0, map.explainedVariance()[0], 1e-6);
    onePointPerEntity(map, n);
    // coordinates are t minus the mean, up to sign: consecutive items are 1 apart
    assertEquals(1.0, Math.abs(map.x()[1] - map.x()[0]), 1e-4);
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
    Map2d umap = Projector.compute(f.ds, f.lists, null, true, Method.UMAP, 10, 2, NONE, 100);
    assertEquals(true, umap.sampled());
    assertEquals(150, umap.nTotal());
    assertEquals(100, umap.nPoints());
    assertEquals(100, umap.rows().length);
    assertEquals(100, umap.x().length);
    assertEquals("uniform random 100 of 150, seed 42", umap.sampleNote());
    int[] expected = Projector.sample(150, 100, Projector.SEED);
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], umap.row(k));
    }
    Map2d pca = Projector.compute(f.ds, f.lists, null, true, Method.PCA, 0, 2, NONE, 100);
    assertEquals(false, pca.sampled());
    onePointPerEntity(pca, f.ds.nUsers());
  }
}
