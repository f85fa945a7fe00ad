package org.web4rec.core.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.web4rec.core.Tolerance;

/**
 * Each objective's first steps on the one-user case of {@link RerankFixtures#hand()}, worked by
 * hand (C_u4 = [0, 1, 2, 4], rel = [1, 0.875, 0.5, 0], H_u4 = {3}).
 */
class RerankerHandTest {

  private static final int USER = 4;

  private static int[] rerank(Objective o, double lambda, int k) {
    RerankResult r = Reranker.rerank(RerankFixtures.hand(), o, lambda, k, null, 1);
    return RerankFixtures.listOf(r, USER);
  }

  @Test
  void relevanceIsMinMaxScaled() {
    double[] rel = new double[4];
    PreparedRerank.relevance(new float[] {4f, 3.5f, 2f, 0f}, 0, 4, rel);
    assertArrayEquals(new double[] {1, 0.875, 0.5, 0}, rel, Tolerance.EPS);
  }

  @Test
  void diversityCooc() {
    // λ = 0.7, score = 0.3 rel + 0.7 gain.
    // t=0: gain 0 for all → 0.3 rel → item 0.
    // t=1: gain = 1 - sim(i,0): item1 0.3·0.875 + 0.7·(1/3) = 0.495833,
    //      item2 0.3·0.5 + 0.7·(1 - 0.408248) = 0.564226, item4 0 + 0.7·1 = 0.7 → item 4.
    // t=2: gain = 1 - (sim(i,0) + sim(i,4))/2: item1 0.2625 + 0.7·(1 - 1/3) = 0.729167,
    //      item2 0.15 + 0.7·(1 - 0.204124) = 0.707113 → item 1.
    assertArrayEquals(new int[] {0, 4, 1}, rerank(Objective.diversity("cooc"), 0.7, 3));
    // λ = 0.5: t=1 item1 0.4375 + 0.5/3 = 0.604167 beats item2 0.545876 and item4 0.5;
    // t=2 item2 0.25 + 0.5·0.591752 = 0.545876 beats item4 0.5 → the parent's order.
    assertArrayEquals(new int[] {0, 1, 2}, rerank(Objective.diversity("cooc"), 0.5, 3));
  }

  @Test
  void diversityJaccard() {
    // Jaccard: J(0,1) = 1/2, J(0,2) = 0, J(1,2) = 1/2, J(·,4) = 0 (item 4 has no genre).
    // λ = 0.5: t=0 → item 0. t=1: item1 0.4375 + 0.5·0.5 = 0.6875, item2 0.25 + 0.5·1 = 0.75,
    // item4 0 + 0.5 = 0.5 → item 2. t=2: item1 0.4375 + 0.5·(1 - (0.5+0.5)/2) = 0.6875,
    // item4 0 + 0.5·1 = 0.5 → item 1.
    assertArrayEquals(new int[] {0, 2, 1}, rerank(Objective.diversity("genre.genres"), 0.5, 3));
  }

  @Test
  void novelty() {
    // gain = -ln(max(pop,1)/6)/ln 6: pop 3 → ln2/ln6 = 0.386853, pop 2 → ln3/ln6 = 0.613147,
    // pop 1 → 1. λ = 0.8: item0 0.2 + 0.8·0.386853 = 0.509482, item1 0.175 + 0.309482 =
    // 0.484482, item2 0.1 + 0.490518 = 0.590518, item4 0 + 0.8 = 0.8 → [4, 2, 0].
    assertArrayEquals(new int[] {4, 2, 0}, rerank(Objective.novelty(), 0.8, 3));
    // λ = 0.5: 0.693426, 0.630926, 0.556574, 0.5 → the parent's order.
    assertArrayEquals(new int[] {0, 1}, rerank(Objective.novelty(), 0.5, 2));
  }

  @Test
  void unexpectednessCooc() {
    // H = {3}: gain = 1 - sim(i,3): item0 1, item1 1 - 0.408248 = 0.591752, item2 0.5, item4 1.
    // λ = 0.9: item0 0.1 + 0.9 = 1.0, item1 0.0875 + 0.532577 = 0.620077, item2 0.05 + 0.45 =
    // 0.5, item4 0 + 0.9 = 0.9 → [0, 4, 1].
    assertArrayEquals(new int[] {0, 4, 1}, rerank(Objective.unexpectedness("cooc"), 0.9, 3));
  }

  @Test
  void unexpectednessJaccard() {
    // H = {3} with genres {1,2}: J = item0 0, item1 1/3, item2 1/2, item4 0 → gains 1, 2/3,
    // 1/2, 1. λ = 0.6: item0 0.4 + 0.6 = 1.0, item1 0.35 + 0.4 = 0.75, item2 0.2 + 0.3 = 0.5,
    // item4 0 + 0.6 = 0.6 → [0, 1, 4].
    assertArrayEquals(new int[] {0, 1, 4},
        rerank(Objective.unexpectedness("genre.genres"), 0.6, 3));
  }

  @Test
  void calibration() {
    // p from H = {3} (genres {1,2}): p1 = p2 = 0.5. S = ∅: q = 0, q̃ = 0.01 p,
    // KL = log2(100) = 6.643856.
    // Step 1 (λ = 0.5): item0 {0}: q on {1,2} stays 0 → KL 6.643856, gain 0, score 0.5.
    //   item1 {0,1}: q1 = 0.5 → q̃1 = 0.495 + 0.005 = 0.5, q̃2 = 0.005 → KL = 0.5·log2(100) =
    //   3.321928, gain 3.321928, score 0.4375 + 1.660964 = 2.098464.
    //   item2 {1}: q̃1 = 0.995 → KL = 0.5·log2(0.5/0.995) + 3.321928 = 2.825544, gain 3.818312,
    //   score 0.25 + 1.909156 = 2.159156. item4 (no genre): gain 0, score 0 → item 2.
    // Step 2, KL(S) = 2.825544: item0 → q = (0.5, 0.5 on {0,1}) → KL 3.321928, gain -0.496384,
    //   score 0.251808; item1 → q1 = 0.75, q̃1 = 0.7475 → KL 3.031855, gain -0.206311, score
    //   0.334344; item4 → 0 → item 1.
    assertArrayEquals(new int[] {2, 1}, rerank(Objective.calibration("genres"), 0.5, 2));
  }

  @Test
  void dppPureDiversity() {
    // λ = 1: θ = 0, r = 1, L = S (cooc) with S_ii = 1.
    // Step 1: d² = 1 for all → tie → item 0 (first in the parent's order).
    // Step 2: e_i = S_i0: item1 2/3, item2 0.408248, item4 0 → d² = 0.555556, 0.833333, 1
    //   → item 4.
    // Step 3: e_i = (S_i4 - c_i·c_4)/d_4 = 0 → d² unchanged → item 2.
    assertArrayEquals(new int[] {0, 4, 2}, rerank(Objective.dpp("cooc"), 1.0, 3));
  }

  @Test
  void dppWithRelevance() {
    // λ = 0.5: θ = 0.5, θ/(1-θ) = 1, so r_i² = exp(rel_i) = 2.718282, 2.398875, 1.648721, 1.
    // Step 1: r² d² = r² → item 0.
    // Step 2: item1 0.555556·2.398875 = 1.332708, item2 0.833333·1.648721 = 1.373934,
    //   item4 1·1 = 1 → item 2.
    // Step 3: d_2 = sqrt(0.833333) = 0.912871; item1 e = (0.408248 - (2/3)·0.408248)/0.912871 =
    //   0.149071, d² = 0.555556 - 0.022222 = 0.533333, ·2.398875 = 1.279400; item4 e = 0,
    //   d² = 1 → 1 → item 1.
    assertArrayEquals(new int[] {0, 2, 1}, rerank(Objective.dpp("cooc"), 0.5, 3));
  }

  @Test
  void dppStopsAndFillsByRelevance() {
    // Jaccard over C = [0 {0}, 1 {0,1}, 2 {1}, 4 {}]:
    // S = [[1, .5, 0, 0], [.5, 1, .5, 0], [0, .5, 1, 0], [0, 0, 0, 0]] (item 4: no genre, S_44 = 0).
    // λ = 1: step 1 tie → item 0; step 2: d² = item1 0.75, item2 1, item4 0 → item 2;
    // step 3: item1 e = (0.5 - 0)/1 = 0.5, d² = 0.75 - 0.25 = 0.5 → item 1; step 4: item 4 has
    // d² = 0 < 1e-10 → stop, fill by rel → item 4.
    assertArrayEquals(new int[] {0, 2, 1, 4}, rerank(Objective.dpp("genre.genres"), 1.0, 4));
  }

  @Test
  void tiesGoToTheParentsRank() {
    // All scores equal → rel = 1 for all; novelty gains of items 0 and 1 are equal (pop 3), so
    // with λ = 0.5 items 0 and 1 tie and keep their parent order; item4 (gain 1) leads.
    float[] scores = {1f, 1f, 1f, 1f};
    RerankInput hand = RerankFixtures.hand();
    RerankInput in = new RerankInput(
        org.web4rec.core.lists.CandidateLists.ofSorted(
            hand.candidates().offsets(), hand.candidates().items(), scores),
        hand.train(), hand.nItems(), hand.pop(), hand.usersWithTrain(), hand.multiValued(),
        null);
    RerankResult r = Reranker.rerank(in, Objective.novelty(), 0.5, 4, null, 1);
    assertArrayEquals(new int[] {4, 2, 0, 1}, RerankFixtures.listOf(r, USER));
    assertArrayEquals(new int[] {3, 2, 0, 1},
        java.util.Arrays.copyOfRange(r.parentPositions(), r.lists().start(USER),
            r.lists().end(USER)));
    // λ = 1 diversity: first pick has gain 0 for all and equal rel → the parent's first item.
    RerankResult d = Reranker.rerank(in, Objective.diversity("cooc"), 1.0, 1, null, 1);
    assertEquals(0, RerankFixtures.listOf(d, USER)[0]);
  }
}
