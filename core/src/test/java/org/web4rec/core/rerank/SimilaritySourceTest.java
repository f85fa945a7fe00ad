package org.web4rec.core.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.web4rec.core.Tolerance;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.similarity.CoocSimilarity;
import org.web4rec.core.similarity.SimilaritySource;

/** Every similarity fast path against METRICS.md's formulas evaluated pair by pair. */
class SimilaritySourceTest {

  private static final String[] SOURCES = {"cooc", "genre.genres", "emb"};

  private static int[] allUsers(RerankInput in) {
    int[] u = new int[in.candidates().users()];
    for (int x = 0; x < u.length; x++) {
      u[x] = x;
    }
    return u;
  }

  private static void checkColumns(RerankInput in, SimilaritySource src, String name) {
    CandidateLists c = in.candidates();
    SimilaritySource.View view = src.view();
    double[] col = new double[64];
    for (int u = 0; u < c.users(); u++) {
      int n = c.size(u);
      view.bind(c.items(), c.start(u), n);
      for (int s = 0; s < n; s++) {
        view.column(s, col);
        int is = c.items()[c.start(u) + s];
        for (int i = 0; i < n; i++) {
          int ii = c.items()[c.start(u) + i];
          double expected = RerankFixtures.naiveSim(in, name, ii, is);
          assertEquals(expected, col[i], Tolerance.EPS, name + " user " + u + " " + i + "," + s);
        }
        assertEquals(RerankFixtures.naiveSim(in, name, is, is), view.self(s), Tolerance.EPS);
      }
    }
  }

  @Test
  void columnsMatchTheDefinitions() {
    for (long seed = 1; seed <= 4; seed++) {
      RerankInput in = RerankFixtures.random(30, 40, 12, 15, seed);
      for (String s : SOURCES) {
        checkColumns(in, in.similarity(s, allUsers(in), true, 2, null), s);
      }
    }
  }

  @Test
  void coocTableAndCountingFallbackAgree() {
    RerankInput in = RerankFixtures.random(40, 50, 15, 20, 11L);
    CoocSimilarity table =
        new CoocSimilarity(in.train(), in.nItems(), in.candidates(), allUsers(in), true, 2);
    CoocSimilarity counting = new CoocSimilarity(
        in.train(), in.nItems(), in.candidates(), allUsers(in), true, 2, 0L, null);
    // The dataset's table over every train item, as the service shares it with the metrics.
    CoocSimilarity shared = new CoocSimilarity(in.train(), in.nItems(), in.candidates(),
        allUsers(in), true, 2, 0L, CoocTable.build(in.train(), in.nItems(), null, 2));
    assertTrue(table.hasTable());
    assertFalse(counting.hasTable());
    assertTrue(shared.hasTable(), "a shared table is used whatever the budget");
    checkColumns(in, table, "cooc");
    checkColumns(in, counting, "cooc");
    checkColumns(in, shared, "cooc");
  }

  @Test
  void historySumsMatchTheDefinitions() {
    for (long seed = 1; seed <= 4; seed++) {
      RerankInput in = RerankFixtures.random(30, 40, 12, 15, seed);
      CandidateLists c = in.candidates();
      Csr train = in.train();
      for (String s : SOURCES) {
        double[] out = new double[c.total()];
        in.similarity(s, allUsers(in), false, 2, null)
            .historySums(c, train, allUsers(in), out, 2);
        for (int u = 0; u < c.users(); u++) {
          for (int p = c.start(u); p < c.end(u); p++) {
            double expected = 0;
            if (u < train.rows()) {
              for (int j : train.row(u)) {
                expected += RerankFixtures.naiveSim(in, s, c.items()[p], j);
              }
            }
            assertEquals(expected, out[p], Tolerance.EPS, s + " user " + u + " position " + p);
          }
        }
      }
    }
  }
}
