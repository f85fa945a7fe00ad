package org.web4rec.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web4rec.core.baselines.Baselines;
import org.web4rec.core.baselines.Recommendations;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.AccuracyMetrics;

class SyntheticDataTest {

  private static final SyntheticSpec SPEC = new SyntheticSpec(300, 500, 20_000, 2, 10, 1.0, 11L);

  @Test
  void sameSpecGivesTheSameDataset() {
    SyntheticDataset a = SyntheticData.generate(SPEC);
    SyntheticDataset b = SyntheticData.generate(SPEC);
    assertArrayEquals(a.trainUsers(), b.trainUsers());
    assertArrayEquals(a.trainItems(), b.trainItems());
    assertArrayEquals(a.trainRatings(), b.trainRatings());
    assertArrayEquals(a.trainTimestamps(), b.trainTimestamps());
    assertArrayEquals(a.gtUsers(), b.gtUsers());
    assertArrayEquals(a.gtItems(), b.gtItems());
    assertArrayEquals(a.age(), b.age());
    assertArrayEquals(a.gender(), b.gender());
    assertArrayEquals(a.occupation(), b.occupation());
    assertTrue(Arrays.deepEquals(a.genres(), b.genres()));
    assertArrayEquals(a.year(), b.year());

    SyntheticDataset c = SyntheticData.generate(
        new SyntheticSpec(300, 500, 20_000, 2, 10, 1.0, 12L));
    assertFalse(Arrays.equals(a.trainItems(), c.trainItems()));
  }

  @Test
  void trainPairsAreUniqueAndGroundTruthIsDisjointFromTrain() {
    SyntheticDataset d = SyntheticData.generate(SPEC);
    Set<Long> train = new HashSet<>();
    for (int k = 0; k < d.trainUsers().length; k++) {
      assertTrue(train.add((long) d.trainUsers()[k] << 32 | d.trainItems()[k]), "duplicate pair");
      if (k > 0) {
        assertTrue(d.trainUsers()[k] >= d.trainUsers()[k - 1], "train rows grouped by user");
        if (d.trainUsers()[k] == d.trainUsers()[k - 1]) {
          assertTrue(d.trainTimestamps()[k] > d.trainTimestamps()[k - 1]);
        }
      }
    }
    Set<Long> gt = new HashSet<>();
    for (int k = 0; k < d.gtUsers().length; k++) {
      long pair = (long) d.gtUsers()[k] << 32 | d.gtItems()[k];
      assertFalse(train.contains(pair), "ground truth overlaps train");
      assertTrue(gt.add(pair), "duplicate ground-truth pair");
    }
  }

  @Test
  void sizesAndRangesFollowTheSpec() {
    SyntheticDataset d = SyntheticData.generate(SPEC);
    assertEquals(300, d.nUsers());
    assertEquals(500, d.nItems());
    int n = d.trainUsers().length;
    assertTrue(Math.abs(n - 20_000) <= 20_000 * 0.02, "train size " + n);
    Csr train = d.train();
    Csr gt = d.groundTruth();
    for (int u = 0; u < d.nUsers(); u++) {
      assertTrue(train.size(u) >= 1 && train.size(u) <= 500 - 10);
      assertTrue(gt.size(u) >= 2 && gt.size(u) <= 10, "gt size " + gt.size(u));
      assertTrue(d.age()[u] >= 18 && d.age()[u] <= 70);
      assertTrue(d.gender()[u].equals("F") || d.gender()[u].equals("M"));
      assertTrue(SyntheticData.OCCUPATIONS.contains(d.occupation()[u]));
    }
    for (float r : d.trainRatings()) {
      assertTrue(r >= 1 && r <= 5 && r == Math.rint(r));
    }
    for (int i = 0; i < d.nItems(); i++) {
      String[] g = d.genres()[i];
      assertTrue(g.length >= 1 && g.length <= 3);
      assertEquals(g.length, new HashSet<>(Arrays.asList(g)).size());
      assertTrue(SyntheticData.GENRES.containsAll(Arrays.asList(g)));
      assertTrue(d.year()[i] >= 1950 && d.year()[i] <= 2025);
    }
    assertEquals(18, SyntheticData.GENRES.size());
    assertEquals("1", SyntheticDataset.userId(0));
    assertEquals("500", d.itemIds()[499]);
  }

  @Test
  void heavyUsersNeedingMostOfTheCatalogueStillFinish() {
    // 20 users x 45 of 50 items: rejection sampling alone would stall on a steep law.
    SyntheticDataset d = SyntheticData.generate(new SyntheticSpec(20, 50, 900, 5, 5, 3.0, 1L));
    Csr train = d.train();
    for (int u = 0; u < 20; u++) {
      assertEquals(45, train.size(u));
      assertEquals(5, d.groundTruth().size(u));
    }
  }

  @Test
  void popularityIsSkewedSoMostPopularBeatsRandom() {
    SyntheticDataset d = SyntheticData.generate(SPEC);
    Csr train = d.train();
    Csr gt = d.groundTruth();
    double pop = ndcg(Baselines.mostPopular(train, d.nItems(), 10), d, gt);
    double rnd = ndcg(Baselines.random(train, d.nItems(), 10, 5L), d, gt);
    assertTrue(pop > 2 * rnd, "most popular " + pop + " vs random " + rnd);
  }

  @Test
  void tasteMakesAHistoryBasedModelBeatPopularity() {
    // The demo's point: item-kNN, which reads each user's history, beats most-popular.
    SyntheticDataset d = SyntheticData.generate(SyntheticSpec.demo(42));
    Csr train = d.train();
    Csr gt = d.groundTruth();
    double pop = ndcg(Baselines.mostPopular(train, d.nItems(), 10), d, gt);
    double knn = ndcg(Baselines.itemKnn(train, d.nItems(), 10, 50), d, gt);
    assertTrue(knn > pop, "item-kNN " + knn + " vs most popular " + pop);
  }

  private static double ndcg(Recommendations recs, SyntheticDataset d, Csr gt) {
    CandidateLists lists = CandidateLists.prepare(d.nUsers(), recs.users(), recs.items(),
        recs.scores(), null, null, null, 10);
    return AccuracyMetrics.compute(lists, gt, new int[] {10}).means().get("ndcg@10");
  }

  @Test
  void rejectsImpossibleSpecs() {
    assertThrows(IllegalArgumentException.class, () -> new SyntheticSpec(0, 10, 5, 0, 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticSpec(1, 10, 5, 3, 2, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticSpec(1, 10, 5, 0, 10, 1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new SyntheticSpec(1, 10, 5, 0, 1, Double.NaN, 0));
    assertNotEquals(SyntheticSpec.demo(1), SyntheticSpec.demo(2));
  }
}
