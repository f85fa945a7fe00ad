package org.web4rec.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

class BeyondAccuracyMetricsTest {

  // The worked catalogue: 7 items; G is never trained on nor recommended.
  private static final int A = 0, B = 1, C = 2, D = 3, E = 4, F = 5, G = 6;
  private static final double S3 = Math.sqrt(3);
  private static final double S2 = Math.sqrt(2);

  static Csr rows(int[]... perUser) {
    List<int[]> pairs = new ArrayList<>();
    for (int u = 0; u < perUser.length; u++) {
      for (int i : perUser[u]) {
        pairs.add(new int[] {u, i});
      }
    }
    return Csr.fromPairs(perUser.length,
        pairs.stream().mapToInt(p -> p[0]).toArray(), pairs.stream().mapToInt(p -> p[1]).toArray());
  }

  static CandidateLists lists(int[]... perUser) {
    int[] offsets = new int[perUser.length + 1];
    List<Integer> items = new ArrayList<>();
    for (int u = 0; u < perUser.length; u++) {
      for (int i : perUser[u]) {
        items.add(i);
      }
      offsets[u + 1] = items.size();
    }
    float[] scores = new float[items.size()];
    for (int k = 0; k < scores.length; k++) {
      scores[k] = scores.length - k;
    }
    return CandidateLists.ofSorted(
        offsets, items.stream().mapToInt(Integer::intValue).toArray(), scores);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Train: u0 {A,B}, u1 {A,C}, u2 {A}; u3 and u4 have no train row. |U_train| = 3, pop A=3, B=1,
   * C=1, D=E=F=G=0, 5 interactions. Tie order puts C before B, so the head (80% of 5 = 4) is A (3)
   * then C (3+1 = 4 >= 4): Head {A,C}, Tail {B,D,E,F,G}.
   *
   * <p>cooc: n_AB = 1 (u0), n_AC = 1 (u1), n_BC = 0: sim(A,B) = sim(A,C) = 1/sqrt(3·1) = 1/√3,
   * everything else 0 (D..G have no train user).
   *
   * <p>genres: A {0}, B {0,1}, C {1}, D {2}, E none, F {0,2}, G none. Jaccard: AB 1/2, AC 0, AF
   * 1/2, BC 1/2, BF 1/3, CF 0, DF 1/2, BD = CD = AD = 0, anything with E or G 0.
   *
   * <p>emb: A (1,0), B (0,1), C (1,1), D (-1,0), E none, F (0,2), G none. cos: AB 0, AC 1/√2, AD
   * -1, AF 0, BC 1/√2, BD 0, BF 1, CD -1/√2, CF 1/√2, DF 0, anything with E or G 0.
   *
   * <p>Lists: u0 [C,D,E], u1 [B,D], u2 [B,C,F], u3 [A,B,C], u4 none. GT: u0 {C}, u1 {E}, u3 {A}.
   */
  private static BeyondInput worked() {
    Csr train = rows(new int[] {A, B}, new int[] {A, C}, new int[] {A});
    Csr gt = rows(new int[] {C}, new int[] {E}, new int[] {}, new int[] {A});
    CandidateLists l = lists(
        new int[] {C, D, E}, new int[] {B, D}, new int[] {B, C, F}, new int[] {A, B, C},
        new int[] {});
    int[][] genres = {{0}, {0, 1}, {1}, {2}, null, {0, 2}, null};
    float[][] emb = {{1, 0}, {0, 1}, {1, 1}, {-1, 0}, null, {0, 2}, null};
    int[] tie = {0, 2, 1, 3, 4, 5, 6};
    return new BeyondInput(7, train, gt, l, tie, Map.of("genres", genres), emb);
  }

  private static double v(MetricSuite s, String column, int row) {
    return s.perUser().column(column)[row];
  }

  @Test
  void workedCaseRowsAndColumnNames() {
    MetricSuite s = BeyondAccuracyMetrics.compute(worked(), new int[] {3, 2});
    assertArrayEquals(new int[] {0, 1, 2, 3}, s.perUser().users()); // u4 has no list
    List<String> expected = new ArrayList<>();
    for (int k : new int[] {3, 2}) {
      expected.addAll(List.of("novelty@" + k, "novelty_norm@" + k, "avg_popularity@" + k,
          "tail_share@" + k));
      for (String src : List.of("cooc", "genre.genres", "emb")) {
        expected.addAll(List.of("diversity@" + k + ":" + src, "unexpectedness@" + k + ":" + src,
            "serendipity@" + k + ":" + src));
      }
      expected.add("miscalibration@" + k + ":genres");
    }
    assertEquals(expected, new ArrayList<>(s.perUser().columns().keySet()));
    assertEquals(List.of("coverage@3", "gini@3", "entropy@3", "personalization@3",
        "coverage@2", "gini@2", "entropy@2", "personalization@2"),
        new ArrayList<>(s.global().keySet()));
  }

  @Test
  void workedCasePopularityMetrics() {
    MetricSuite s = BeyondAccuracyMetrics.compute(worked(), new int[] {3});
    // Head {A, C} by the tie order (C before B).
    assertArrayEquals(new boolean[] {true, false, true, false, false, false, false},
        s.popularity().head());
    assertEquals(3, s.popularity().usersWithTrain());
    // novelty: -log2(max(pop,1)/3) = 0 for A, log2 3 for every other item.
    // u0 [C,D,E] log2 3; u3 [A,B,C] (0 + 2 log2 3)/3.
    assertEquals(log2(3), v(s, "novelty@3", 0), EPS);
    assertEquals(log2(3), v(s, "novelty@3", 1), EPS);
    assertEquals(2 * log2(3) / 3, v(s, "novelty@3", 3), EPS);
    // novelty_norm = novelty / log2 3.
    assertEquals(1.0, v(s, "novelty_norm@3", 0), EPS);
    assertEquals(2.0 / 3, v(s, "novelty_norm@3", 3), EPS);
    // avg_popularity: pop/3 averaged. u0 (1/3+0+0)/3 = 1/9; u1 [B,D] (1/3+0)/2 = 1/6;
    // u2 [B,C,F] (1/3+1/3+0)/3 = 2/9; u3 [A,B,C] (1+1/3+1/3)/3 = 5/9.
    assertEquals(1.0 / 9, v(s, "avg_popularity@3", 0), EPS);
    assertEquals(1.0 / 6, v(s, "avg_popularity@3", 1), EPS);
    assertEquals(2.0 / 9, v(s, "avg_popularity@3", 2), EPS);
    assertEquals(5.0 / 9, v(s, "avg_popularity@3", 3), EPS);
    // tail_share, Tail {B,D,E,F,G}: u0 [C,D,E] 2/3; u1 [B,D] 2/2 (short list: divides by |L_u|);
    // u2 [B,C,F] 2/3; u3 [A,B,C] 1/3.
    assertEquals(2.0 / 3, v(s, "tail_share@3", 0), EPS);
    assertEquals(1.0, v(s, "tail_share@3", 1), EPS);
    assertEquals(2.0 / 3, v(s, "tail_share@3", 2), EPS);
    assertEquals(1.0 / 3, v(s, "tail_share@3", 3), EPS);
  }

  @Test
  void workedCaseCooc() {
    MetricSuite s = BeyondAccuracyMetrics.compute(worked(), new int[] {3});
    // diversity: u0, u1, u2 have only zero-similarity pairs → 1; u3 [A,B,C]: AB 1/√3, AC 1/√3,
    // BC 0 → mean distance 1 - 2/(3√3).
    assertEquals(1.0, v(s, "diversity@3:cooc", 0), EPS);
    assertEquals(1.0, v(s, "diversity@3:cooc", 1), EPS);
    assertEquals(1.0, v(s, "diversity@3:cooc", 2), EPS);
    assertEquals(1 - 2 / (3 * S3), v(s, "diversity@3:cooc", 3), EPS);
    // unexpectedness: u0 H {A,B}: C mean sim (1/√3 + 0)/2, D 0, E 0 → (3 - 1/(2√3))/3.
    // u1 H {A,C}: B (1/√3 + 0)/2, D 0 → (2 - 1/(2√3))/2. u2 H {A}: B 1/√3, C 1/√3, F 0
    // → (3 - 2/√3)/3. u3 has no history → NaN.
    assertEquals((3 - 1 / (2 * S3)) / 3, v(s, "unexpectedness@3:cooc", 0), EPS);
    assertEquals((2 - 1 / (2 * S3)) / 2, v(s, "unexpectedness@3:cooc", 1), EPS);
    assertEquals((3 - 2 / S3) / 3, v(s, "unexpectedness@3:cooc", 2), EPS);
    assertTrue(Double.isNaN(v(s, "unexpectedness@3:cooc", 3)));
    // serendipity: u0 GT {C}: only C counts → (1 - 1/(2√3))/3. u1 GT {E} not listed → 0.
    // u2 has no GT → 0. u3 no history → NaN.
    assertEquals((1 - 1 / (2 * S3)) / 3, v(s, "serendipity@3:cooc", 0), EPS);
    assertEquals(0.0, v(s, "serendipity@3:cooc", 1), EPS);
    assertEquals(0.0, v(s, "serendipity@3:cooc", 2), EPS);
    assertTrue(Double.isNaN(v(s, "serendipity@3:cooc", 3)));
  }

  @Test
  void workedCaseGenreJaccard() {
    MetricSuite s = BeyondAccuracyMetrics.compute(worked(), new int[] {3});
    // diversity: u0 [C,D,E] all 0 → 1; u1 [B,D] 0 → 1; u2 [B,C,F]: BC 1/2, BF 1/3, CF 0 → mean
    // 5/18 → 13/18; u3 [A,B,C]: AB 1/2, AC 0, BC 1/2 → 1/3 → 2/3.
    assertEquals(1.0, v(s, "diversity@3:genre.genres", 0), EPS);
    assertEquals(1.0, v(s, "diversity@3:genre.genres", 1), EPS);
    assertEquals(13.0 / 18, v(s, "diversity@3:genre.genres", 2), EPS);
    assertEquals(2.0 / 3, v(s, "diversity@3:genre.genres", 3), EPS);
    // unexpectedness: u0 H {A,B}: C (0 + 1/2)/2 = 1/4 → 3/4, D → 1, E → 1: 11/12.
    // u1 H {A,C}: B (1/2 + 1/2)/2 → 1/2, D → 1: 3/4. u2 H {A}: B 1/2, C 1, F 1/2: 2/3.
    assertEquals(11.0 / 12, v(s, "unexpectedness@3:genre.genres", 0), EPS);
    assertEquals(3.0 / 4, v(s, "unexpectedness@3:genre.genres", 1), EPS);
    assertEquals(2.0 / 3, v(s, "unexpectedness@3:genre.genres", 2), EPS);
    // serendipity: u0 only C relevant: (3/4)/3 = 1/4.
    assertEquals(1.0 / 4, v(s, "serendipity@3:genre.genres", 0), EPS);
    assertEquals(0.0, v(s, "serendipity@3:genre.genres", 1), EPS);
  }

  @Test
  void workedCaseEmbeddings() {
    MetricSuite s = BeyondAccuracyMetrics.compute(worked(), new int[] {3});
    // diversity: u0 [C,D,E]: CD -1/√2, CE 0, DE 0 → 1 + 1/(3√2) (1 - cos reaches above 1);
    // u1 [B,D] 0 → 1; u2 [B,C,F]: 1/√2, 1, 1/√2 → 1 - (1+√2)/3; u3 [A,B,C]: 0, 1/√2, 1/√2
    // → 1 - √2/3.
    assertEquals(1 + 1 / (3 * S2), v(s, "diversity@3:emb", 0), EPS);
    assertEquals(1.0, v(s, "diversity@3:emb", 1), EPS);
    assertEquals(1 - (1 + S2) / 3, v(s, "diversity@3:emb", 2), EPS);
    assertEquals(1 - S2 / 3, v(s, "diversity@3:emb", 3), EPS);
    // unexpectedness: u0 H {A,B}: C (1/√2 + 1/√2)/2 → 1 - 1/√2; D (-1 + 0)/2 → 3/2; E → 1.
    // u1 H {A,C}: B (0 + 1/√2)/2 → 1 - 1/(2√2); D (-1 - 1/√2)/2 → 1 + (1 + 1/√2)/2.
    // u2 H {A}: B 0 → 1, C 1/√2 → 1 - 1/√2, F 0 → 1.
    assertEquals((1 - 1 / S2 + 1.5 + 1) / 3, v(s, "unexpectedness@3:emb", 0), EPS);
    assertEquals((1 - 1 / (2 * S2) + 1 + (1 + 1 / S2) / 2) / 2,
        v(s, "unexpectedness@3:emb", 1), EPS);
    assertEquals((3 - 1 / S2) / 3, v(s, "unexpectedness@3:emb", 2), EPS);
    // serendipity u0: only C: (1 - 1/√2)/3.
    assertEquals((1 - 1 / S2) / 3, v(s, "serendipity@3:emb", 0), EPS);
  }

  @Test
  void workedCaseMiscalibration() {
    MetricSuite s = BeyondAccuracyMetrics.compute(worked(), new int[] {3});
    // u0 H {A,B}: A gives g0 1, B gives g0 1/2 and g1 1/2 → p = (0.75, 0.25). L [C,D,E]: C g1 1,
    // D g2 1, E has no genre (ignored) → q = (0, 0.5, 0.5). q̃ g0 = 0.01·0.75 = 0.0075,
    // g1 = 0.99·0.5 + 0.01·0.25 = 0.4975. KL = 0.75 log2(0.75/0.0075) + 0.25 log2(0.25/0.4975).
    assertEquals(0.75 * log2(100) + 0.25 * log2(0.25 / 0.4975),
        v(s, "miscalibration@3:genres", 0), EPS);
    // u1 H {A,C}: p = (0.5, 0.5). L [B,D]: q = (0.25, 0.25, 0.5); q̃ g0 = g1 = 0.2475 + 0.005
    // = 0.2525. KL = 2 · 0.5 log2(0.5/0.2525).
    assertEquals(log2(0.5 / 0.2525), v(s, "miscalibration@3:genres", 1), EPS);
    // u2 H {A}: p = (1). L [B,C,F]: q g0 = (1/2 + 0 + 1/2)/3 = 1/3; q̃ = 0.99/3 + 0.01 = 0.34.
    assertEquals(log2(1 / 0.34), v(s, "miscalibration@3:genres", 2), EPS);
    // u3 has no genre in H (no history at all) → skipped.
    assertTrue(Double.isNaN(v(s, "miscalibration@3:genres", 3)));
  }

  @Test
  void workedCaseGlobalMetrics() {
    MetricSuite s = BeyondAccuracyMetrics.compute(worked(), new int[] {3, 2});
    // K=3 exposure: A1 B3 C3 D2 E1 F1 G0, Σ = 11.
    assertArrayEquals(new int[] {1, 3, 3, 2, 1, 1, 0}, s.exposure().get(3));
    // coverage 6 of 7.
    assertEquals(6.0 / 7, s.global().get("coverage@3"), EPS);
    // gini: ascending [0,1,1,1,2,3,3], n = 7, weights 2j-8 = -6,-4,-2,0,2,4,6:
    // (0 - 4 - 2 + 0 + 4 + 12 + 18) / (7 · 11) = 28/77.
    assertEquals(28.0 / 77, s.global().get("gini@3"), EPS);
    // entropy: p = 1/11 (×3), 2/11, 3/11 (×2).
    double h = -(3 * (1 / 11.0) * log2(1 / 11.0) + (2 / 11.0) * log2(2 / 11.0)
        + 2 * (3 / 11.0) * log2(3 / 11.0));
    assertEquals(h, s.global().get("entropy@3"), EPS);
    // personalization: 4 users with a list (u4 has none) → 6 pairs; Σ c(c-1)/2 = 3 + 3 + 1 = 7
    // (pairwise: u0u1 {D}, u0u2 {C}, u0u3 {C}, u1u2 {B}, u1u3 {B}, u2u3 {B,C}); 1 - (7/6)/3.
    assertEquals(1 - 7.0 / 18, s.global().get("personalization@3"), EPS);
    // K=2: lists [C,D], [B,D], [B,C], [A,B]: exposure A1 B3 C2 D2; Σ c(c-1)/2 = 3+1+1 = 5
    // → 1 - (5/6)/2 = 7/12. coverage 4/7.
    assertArrayEquals(new int[] {1, 3, 2, 2, 0, 0, 0}, s.exposure().get(2));
    assertEquals(7.0 / 12, s.global().get("personalization@2"), EPS);
    assertEquals(4.0 / 7, s.global().get("coverage@2"), EPS);
  }

  @Test
  void shorterCutOffUsesTheFirstKItems() {
    MetricSuite s = BeyondAccuracyMetrics.compute(worked(), new int[] {2, 3});
    // u3 at K=2: [A,B]: cooc diversity 1 - 1/√3; tail share 1/2; novelty (0 + log2 3)/2.
    assertEquals(1 - 1 / S3, v(s, "diversity@2:cooc", 3), EPS);
    assertEquals(0.5, v(s, "tail_share@2", 3), EPS);
    assertEquals(log2(3) / 2, v(s, "novelty@2", 3), EPS);
    // u0 at K=2: [C,D] with GT {C}: serendipity (1 - 1/(2√3))/2.
    assertEquals((1 - 1 / (2 * S3)) / 2, v(s, "serendipity@2:cooc", 0), EPS);
  }

  @Test
  void singleItemListHasNoDiversity() {
    BeyondInput in = new BeyondInput(3, rows(new int[] {0}), rows(new int[] {1}),
        lists(new int[] {1}), null, null, null);
    MetricSuite s = BeyondAccuracyMetrics.compute(in, new int[] {5});
    assertTrue(Double.isNaN(v(s, "diversity@5:cooc", 0)));
    // B has no train user → sim 0 → unexpectedness 1, and it is relevant → serendipity 1.
    assertEquals(1.0, v(s, "unexpectedness@5:cooc", 0), EPS);
    assertEquals(1.0, v(s, "serendipity@5:cooc", 0), EPS);
    // Without side data only cooc columns exist.
    assertFalse(s.perUser().columns().containsKey("diversity@5:emb"));
    // One user with a list: no pair for personalization.
    assertTrue(Double.isNaN(s.global().get("personalization@5")));
  }

  @Test
  void headTailTiesFollowTheTieOrder() {
    // pop: 0 → 3, 1 → 1, 2 → 1; 5 interactions, head needs 4: item 0, then the first of {1, 2}.
    Csr train = rows(new int[] {0, 1}, new int[] {0, 2}, new int[] {0});
    assertArrayEquals(new boolean[] {true, true, false},
        ItemPopularity.of(train, 3, null).head());
    assertArrayEquals(new boolean[] {true, false, true},
        ItemPopularity.of(train, 3, new int[] {0, 2, 1}).head());
    // Reaching exactly 80% stops: pop 4,1 → 4 of 5 = 80% → head {0}.
    Csr exact = rows(new int[] {0, 1}, new int[] {0}, new int[] {0}, new int[] {0});
    assertArrayEquals(new boolean[] {true, false}, ItemPopularity.of(exact, 2, null).head());
    // No train interaction: empty head, everything is tail.
    assertEquals(0, ItemPopularity.of(Csr.empty(2), 3, null).headSize());
  }

  @Test
  void giniIsZeroForEqualExposureAndGrowsWithConcentration() {
    // Every item exposed exactly once.
    BeyondInput equal = new BeyondInput(4, rows(new int[] {0}), Csr.empty(0),
        lists(new int[] {0, 1}, new int[] {2, 3}), null, null, null);
    MetricSuite s = BeyondAccuracyMetrics.compute(equal, new int[] {2});
    assertEquals(0.0, s.global().get("gini@2"), EPS);
    assertEquals(2.0, s.global().get("entropy@2"), EPS); // 4 items with p = 1/4
    assertEquals(1.0, s.global().get("personalization@2"), EPS); // no overlap
    assertEquals(1.0, s.global().get("coverage@2"), EPS);
    // Everyone gets the same single item among 4: ascending [0,0,0,3], (2·4-4-1)·3/(4·3) = 3/4.
    BeyondInput same = new BeyondInput(4, rows(new int[] {0}), Csr.empty(0),
        lists(new int[] {1}, new int[] {1}, new int[] {1}), null, null, null);
    MetricSuite t = BeyondAccuracyMetrics.compute(same, new int[] {1});
    assertEquals(0.75, t.global().get("gini@1"), EPS);
    assertEquals(0.0, t.global().get("entropy@1"), EPS);
    assertEquals(0.0, t.global().get("personalization@1"), EPS);
  }

  @Test
  void miscalibrationSkipsUsersWithoutGenresAndHandlesListsWithoutGenres() {
    int[][] genres = {{0}, null, {1}};
    // u0 H {1} (no genre) → skipped. u1 H {0}, L [1] (no genre) → q = 0, q̃ = 0.01 p
    // → KL = 1 · log2(1/0.01). u2 H {0}, L [2]: q = g1 only, q̃ g0 = 0.01 → same value.
    BeyondInput in = new BeyondInput(3, rows(new int[] {1}, new int[] {0}, new int[] {0}),
        Csr.empty(0), lists(new int[] {0}, new int[] {1}, new int[] {2}), null,
        Map.of("genres", genres), null);
    MetricSuite s = BeyondAccuracyMetrics.compute(in, new int[] {1});
    assertTrue(Double.isNaN(v(s, "miscalibration@1:genres", 0)));
    assertEquals(log2(100), v(s, "miscalibration@1:genres", 1), EPS);
    assertEquals(log2(100), v(s, "miscalibration@1:genres", 2), EPS);
    // Perfectly calibrated: H {0}, L [0] → q̃ = p → 0.
    BeyondInput calibrated = new BeyondInput(3, rows(new int[] {0}), Csr.empty(0),
        lists(new int[] {0}), null, Map.of("genres", genres), null);
    assertEquals(0.0, v(BeyondAccuracyMetrics.compute(calibrated, new int[] {1}),
        "miscalibration@1:genres", 0), EPS);
  }

  @Test
  void usersWithoutHistoryOrGroundTruthStillGetListMetrics() {
    // u0 is in train; u1 has a list but no train and no GT row at all.
    BeyondInput in = new BeyondInput(3, rows(new int[] {0}), Csr.empty(0),
        lists(new int[] {1, 2}, new int[] {0, 1}), null, null, null);
    MetricSuite s = BeyondAccuracyMetrics.compute(in, new int[] {2});
    assertArrayEquals(new int[] {0, 1}, s.perUser().users());
    // |U_train| = 1: novelty = -log2(1/1) = 0 for everything; novelty_norm undefined (log 1 = 0).
    assertEquals(0.0, v(s, "novelty@2", 1), EPS);
    assertTrue(Double.isNaN(v(s, "novelty_norm@2", 1)));
    assertTrue(Double.isNaN(v(s, "unexpectedness@2:cooc", 1)));
    assertEquals(0.0, v(s, "serendipity@2:cooc", 0), EPS); // history but no GT
    // u1 [0,1]: item 0 has one train user, item 1 none → sim 0 → diversity 1.
    assertEquals(1.0, v(s, "diversity@2:cooc", 1), EPS);
  }

  @Test
  void manyDistinctValueSetsUseTheMergePathAndAgreeWithNaive() {
    // More distinct sets than the Jaccard table holds: item i has {i, i+1, i % 7 + 5000}.
    int n = org.web4rec.core.similarity.JaccardSimilarity.TABLE_LIMIT + 200;
    int[][] tags = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] t = {i, i + 1, i % 7 + 5000};
      java.util.Arrays.sort(t);
      tags[i] = i % 11 == 0 ? null : t;
    }
    BeyondInput in = RandomInputs.random(n, 60, 40, 8, 7L, Map.of("tags", tags), false);
    CompareWithNaive.assertSame(in, new int[] {3, 8}, 2);
  }

  @Test
  void rejectsBadInput() {
    Csr train = rows(new int[] {0});
    CandidateLists l = lists(new int[] {1});
    assertThrows(IllegalArgumentException.class,
        () -> new BeyondInput(2, train, Csr.empty(0), lists(new int[] {2}), null, null, null));
    assertThrows(IllegalArgumentException.class,
        () -> new BeyondInput(2, train, Csr.empty(0), l, new int[] {0}, null, null));
    assertThrows(IllegalArgumentException.class,
        () -> new BeyondInput(2, train, Csr.empty(0), l, null,
            Map.of("g", new int[][] {{1, 0}, null}), null));
    assertThrows(IllegalArgumentException.class,
        () -> new BeyondInput(2, train, Csr.empty(0), l, null, null,
            new float[][] {{1, 2}, {1}}));
    BeyondInput ok = new BeyondInput(2, train, Csr.empty(0), l, null, null, null);
    assertThrows(IllegalArgumentException.class,
        () -> BeyondAccuracyMetrics.compute(ok, new int[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> BeyondAccuracyMetrics.compute(ok, new int[] {2}, 0));
    assertThrows(IllegalArgumentException.class,
        () -> ItemPopularity.of(train, 2, new int[] {0, 0}));
  }

  @Test
  void multiValuedColumnOrderIsKept() {
    LinkedHashMap<String, int[][]> cols = new LinkedHashMap<>();
    cols.put("zeta", new int[][] {{0}, {1}});
    cols.put("alpha", new int[][] {{0}, {0}});
    BeyondInput in = new BeyondInput(2, rows(new int[] {0}), Csr.empty(0),
        lists(new int[] {1}), null, cols, null);
    List<String> names = new ArrayList<>(
        BeyondAccuracyMetrics.compute(in, new int[] {1}).perUser().columns().keySet());
    assertTrue(names.indexOf("diversity@1:genre.zeta") < names.indexOf("diversity@1:genre.alpha"));
    assertTrue(names.indexOf("miscalibration@1:zeta") < names.indexOf("miscalibration@1:alpha"));
  }
}
