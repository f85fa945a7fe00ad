package org.web4rec.core.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.FLOAT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web4rec.core.data.Csr;
import org.web4rec.core.synth.SyntheticData;
import org.web4rec.core.synth.SyntheticDataset;
import org.web4rec.core.synth.SyntheticSpec;

class BaselinesTest {

  /**
   * u0 {0,1}, u1 {0,1,2}, u2 {1,2}, u3 {0}; item 3 has no train user. pop = [3, 3, 2, 0];
   * n01 = 2, n02 = 1, n12 = 2, so sim01 = 2/3, sim02 = 1/sqrt(6), sim12 = 2/sqrt(6).
   */
  private static final Csr TRAIN = Csr.fromPairs(4,
      new int[] {0, 0, 1, 1, 1, 2, 2, 3}, new int[] {0, 1, 0, 1, 2, 1, 2, 0});

  private static int[] itemsOf(Recommendations r, int u) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < r.size(); k++) {
      if (r.users()[k] == u) {
        out.add(r.items()[k]);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static float[] scoresOf(Recommendations r, int u) {
    List<Float> out = new ArrayList<>();
    for (int k = 0; k < r.size(); k++) {
      if (r.users()[k] == u) {
        out.add(r.scores()[k]);
      }
    }
    float[] s = new float[out.size()];
    for (int k = 0; k < s.length; k++) {
      s[k] = out.get(k);
    }
    return s;
  }

  @Test
  void mostPopularRanksByDistinctTrainUsersSkippingTrainItems() {
    Recommendations r = Baselines.mostPopular(TRAIN, 4, 2);
    // Global order: 0 (3), 1 (3, tie by index), 2 (2), 3 (0).
    assertArrayEquals(new int[] {2, 3}, itemsOf(r, 0));
    assertArrayEquals(new float[] {2, 0}, scoresOf(r, 0));
    assertArrayEquals(new int[] {3}, itemsOf(r, 1)); // only one non-train item left
    assertArrayEquals(new int[] {0, 3}, itemsOf(r, 2));
    assertArrayEquals(new int[] {1, 2}, itemsOf(r, 3));
    assertArrayEquals(new float[] {3, 2}, scoresOf(r, 3));
    for (int k = 1; k < r.size(); k++) {
      assertTrue(r.users()[k] >= r.users()[k - 1]);
    }
  }

  @Test
  void itemKnnWithOneNeighbourUsesOnlyEachItemsNearestNeighbour() {
    // N_1(0) = {1} (2/3 > 0.408), N_1(1) = {2} (0.816 > 2/3), N_1(2) = {1}.
    Recommendations r = Baselines.itemKnn(TRAIN, 4, 3, 1);
    // u0 H={0,1}: score(2) = sim(2,1) since 1 ∈ N(2); item 3 has no neighbours.
    assertArrayEquals(new int[] {2}, itemsOf(r, 0));
    assertEquals(2 / Math.sqrt(6), scoresOf(r, 0)[0], FLOAT);
    // u2 H={1,2}: score(0) = sim(0,1).
    assertArrayEquals(new int[] {0}, itemsOf(r, 2));
    assertEquals(2.0 / 3, scoresOf(r, 2)[0], FLOAT);
    // u3 H={0}: 0 is nobody's nearest neighbour, so nothing to recommend.
    assertArrayEquals(new int[] {}, itemsOf(r, 3));
  }

  @Test
  void itemKnnWithTwoNeighboursSumsSimilarities() {
    Recommendations r = Baselines.itemKnn(TRAIN, 4, 3, 2);
    // u3 H={0}: score(1) = sim(1,0) = 2/3, score(2) = sim(2,0) = 1/sqrt(6).
    assertArrayEquals(new int[] {1, 2}, itemsOf(r, 3));
    assertEquals(2.0 / 3, scoresOf(r, 3)[0], FLOAT);
    assertEquals(1 / Math.sqrt(6), scoresOf(r, 3)[1], FLOAT);
    // u2 H={1,2}: score(0) = sim(0,1) + sim(0,2).
    assertArrayEquals(new int[] {0}, itemsOf(r, 2));
    assertEquals(2.0 / 3 + 1 / Math.sqrt(6), scoresOf(r, 2)[0], FLOAT);
  }

  @Test
  void randomRecommendsDistinctNonTrainItemsDeterministically() {
    SyntheticDataset d = SyntheticData.generate(new SyntheticSpec(100, 60, 2_000, 1, 3, 1.0, 3L));
    Csr train = d.train();
    Recommendations r = Baselines.random(train, d.nItems(), 10, 9L);
    for (int u = 0; u < d.nUsers(); u++) {
      int[] items = itemsOf(r, u);
      assertEquals(Math.min(10, d.nItems() - train.size(u)), items.length);
      Set<Integer> seen = new HashSet<>();
      for (int i : items) {
        assertFalse(train.contains(u, i), "train item recommended");
        assertTrue(seen.add(i), "repeated item");
      }
      float[] s = scoresOf(r, u);
      for (int k = 1; k < s.length; k++) {
        assertTrue(s[k] < s[k - 1]);
      }
    }
    assertArrayEquals(r.items(), Baselines.random(train, d.nItems(), 10, 9L).items());
    // A user with every item but two in train gets exactly those two.
    Csr full = Csr.fromPairs(1, new int[] {0, 0, 0}, new int[] {0, 2, 4});
    Recommendations rest = Baselines.random(full, 5, 10, 1L);
    assertEquals(Set.of(1, 3), Set.of(rest.items()[0], rest.items()[1]));
  }

  @Test
  void baselinesExcludeTrainItemsOnSyntheticData() {
    SyntheticDataset d = SyntheticData.generate(SyntheticSpec.demo(4L));
    Csr train = d.train();
    for (Recommendations r : List.of(
        Baselines.mostPopular(train, d.nItems(), 20),
        Baselines.itemKnn(train, d.nItems(), 20, 50))) {
      for (int k = 0; k < r.size(); k++) {
        assertFalse(train.contains(r.users()[k], r.items()[k]));
        if (k > 0 && r.users()[k] == r.users()[k - 1]) {
          assertTrue(r.scores()[k] <= r.scores()[k - 1]);
        }
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> Baselines.mostPopular(TRAIN, 2, 5));
    assertThrows(IllegalArgumentException.class, () -> Baselines.random(TRAIN, 4, 0, 1L));
    assertThrows(IllegalArgumentException.class, () -> Baselines.itemKnn(TRAIN, 4, 5, 0));
  }
}
