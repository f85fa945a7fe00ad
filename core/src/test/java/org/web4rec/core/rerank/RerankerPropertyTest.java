package org.web4rec.core.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web4rec.core.Tolerance;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.BeyondAccuracyMetrics;
import org.web4rec.core.metrics.BeyondInput;
import org.web4rec.core.metrics.MetricTable;

/** Invariants of the re-rankers on random inputs with fixed seeds. */
class RerankerPropertyTest {

  private static final List<Objective> ALL = List.of(
      Objective.diversity("cooc"), Objective.diversity("genre.genres"),
      Objective.diversity("emb"), Objective.novelty(), Objective.unexpectedness("cooc"),
      Objective.unexpectedness("genre.genres"), Objective.unexpectedness("emb"),
      Objective.calibration("genres"), Objective.dpp("cooc"), Objective.dpp("genre.genres"),
      Objective.dpp("emb"));

  private static final double TIE = PreparedRerank.TIE;

  @Test
  void lambdaZeroReproducesTheParentsTopK() {
    RerankInput in = RerankFixtures.random(60, 50, 12, 25, 5L);
    for (Objective o : ALL) {
      for (int k : new int[] {1, 5, 10, 30}) {
        RerankResult r = Reranker.rerank(in, o, 0.0, k, null, 2);
        for (int u = 0; u < in.candidates().users(); u++) {
          int[] c = RerankFixtures.candidatesOf(in, u);
          assertArrayEquals(Arrays.copyOf(c, Math.min(k, c.length)), RerankFixtures.listOf(r, u),
              o + " k=" + k + " user " + u);
        }
      }
    }
  }

  @Test
  void outputsAreDistinctCandidatesWithTheirParentPositions() {
    RerankInput in = RerankFixtures.random(50, 45, 12, 25, 6L);
    for (Objective o : ALL) {
      for (double lambda : new double[] {0.3, 1.0}) {
        RerankResult r = Reranker.rerank(in, o, lambda, 10, null, 2);
        CandidateLists out = r.lists();
        for (int u = 0; u < out.users(); u++) {
          int[] c = RerankFixtures.candidatesOf(in, u);
          assertEquals(Math.min(10, c.length), out.size(u), o + " user " + u);
          for (int p = out.start(u); p < out.end(u); p++) {
            assertEquals(c[r.parentPositions()[p]], out.items()[p]);
            assertEquals(10 - (p - out.start(u)), out.scores()[p]);
          }
          assertEquals(out.size(u),
              Arrays.stream(RerankFixtures.listOf(r, u)).distinct().count());
        }
      }
    }
  }

  @Test
  void aSubsetOfUsersTouchesOnlyThoseUsers() {
    RerankInput in = RerankFixtures.random(50, 45, 12, 25, 7L);
    int[] subset = {31, 3, 17, 40};
    for (Objective o : ALL) {
      RerankResult all = Reranker.rerank(in, o, 0.6, 8, null, 2);
      RerankResult some = Reranker.rerank(in, o, 0.6, 8, subset, 2);
      assertArrayEquals(new int[] {3, 17, 31, 40}, some.users());
      for (int u = 0; u < in.candidates().users(); u++) {
        int user = u;
        boolean selected = Arrays.stream(subset).anyMatch(x -> x == user);
        if (selected) {
          assertArrayEquals(RerankFixtures.listOf(all, u), RerankFixtures.listOf(some, u),
              o + " user " + u);
        } else {
          assertEquals(0, some.lists().size(u), o + " user " + u);
        }
      }
    }
  }

  @Test
  void threadCountDoesNotChangeTheResult() {
    RerankInput in = RerankFixtures.random(200, 60, 15, 30, 8L);
    for (Objective o : ALL) {
      RerankResult one = Reranker.rerank(in, o, 0.5, 10, null, 1);
      RerankResult three = Reranker.rerank(in, o, 0.5, 10, null, 3);
      assertArrayEquals(one.lists().items(), three.lists().items(), o.toString());
    }
  }

  @Test
  void lambdaOneDiversityNeverLowersIntraListDiversityOfPairs() {
    // K = 2: both lists start with the parent's first item (at λ = 1 every gain is 0 on the
    // first step, so the tie goes to rank 1), and the greedy's second pick maximises the
    // distance to it, so ILD can only rise. Checked with the beyond-accuracy metric itself.
    for (long seed = 21; seed <= 23; seed++) {
      RerankInput in = RerankFixtures.random(80, 60, 15, 30, seed);
      for (String s : new String[] {"cooc", "genre.genres", "emb"}) {
        double[][] ild = ildBeforeAfter(in, s, 2);
        for (int x = 0; x < ild[0].length; x++) {
          if (!Double.isNaN(ild[0][x])) {
            assertTrue(ild[1][x] >= ild[0][x] - Tolerance.EPS,
                s + " seed " + seed + " row " + x + ": " + ild[1][x] + " < " + ild[0][x]);
          }
        }
      }
    }
  }

  @Test
  void lambdaOneDiversityRaisesIntraListDiversity() {
    // K = 5: greedy max-sum dispersion is not optimal, so a parent's top-K can occasionally be
    // more spread out than the greedy's picks (e.g. the greedy takes a far item b after a, then
    // is stuck with items close to b, where the parent held two items far from each other). On
    // 40 random seeds × 80 users that happened for 1 user with cooc, 3 with genre.genres and 29
    // with emb out of 2,790. So: the mean must rise, every per-user drop must be exactly what
    // the contract's greedy does (not an artefact of the fast path), and drops must stay rare
    // (at most 5% of a seed's users).
    int k = 5;
    for (long seed = 21; seed <= 23; seed++) {
      RerankInput in = RerankFixtures.random(80, 60, 15, 30, seed);
      for (String s : new String[] {"cooc", "genre.genres", "emb"}) {
        double[][] ild = ildBeforeAfter(in, s, k);
        RerankResult r = Reranker.rerank(in, Objective.diversity(s), 1.0, k, null, 2);
        double before = 0;
        double after = 0;
        int users = 0;
        int drops = 0;
        int[] rows = diversityTable(in, in.candidates(), k).users();
        for (int x = 0; x < rows.length; x++) {
          if (Double.isNaN(ild[0][x])) {
            continue;
          }
          users++;
          before += ild[0][x];
          after += ild[1][x];
          if (ild[1][x] < ild[0][x] - Tolerance.EPS) {
            drops++;
            assertArrayEquals(naiveGreedy(in, Objective.diversity(s), 1.0, k, rows[x]),
                RerankFixtures.listOf(r, rows[x]));
          }
        }
        assertTrue(after > before, s + " seed " + seed);
        assertTrue(drops <= 0.05 * users, s + " seed " + seed + ": " + drops + " drops");
      }
    }
  }

  /** @return {parent's diversity@k, re-ranked diversity@k} per metric row */
  private static double[][] ildBeforeAfter(RerankInput in, String s, int k) {
    RerankResult r = Reranker.rerank(in, Objective.diversity(s), 1.0, k, null, 2);
    MetricTable parent = diversityTable(in, in.candidates(), k);
    MetricTable reranked = diversityTable(in, r.lists(), k);
    assertArrayEquals(parent.users(), reranked.users());
    String col = "diversity@" + k + ":" + s;
    return new double[][] {parent.column(col), reranked.column(col)};
  }

  private static MetricTable diversityTable(RerankInput in, CandidateLists lists, int k) {
    BeyondInput b = new BeyondInput(in.nItems(), in.train(), Csr.empty(lists.users()), lists,
        null, in.multiValued(), in.itemEmbeddings());
    return BeyondAccuracyMetrics.compute(b, new int[] {k}, 1).perUser();
  }

  @Test
  void greedyObjectivesFollowTheContractStepByStep() {
    // A naive greedy straight from METRICS.md, gains recomputed from scratch at every step;
    // near-ties (within PreparedRerank.TIE) go to the parent's rank in the naive version.
    RerankInput in = RerankFixtures.random(60, 50, 12, 20, 9L);
    for (Objective o : ALL) {
      if (o.kind() == Objective.Kind.DPP) {
        continue;
      }
      for (double lambda : new double[] {0.2, 0.5, 0.9, 1.0}) {
        RerankResult r = Reranker.rerank(in, o, lambda, 7, null, 2);
        for (int u = 0; u < in.candidates().users(); u++) {
          assertArrayEquals(naiveGreedy(in, o, lambda, 7, u), RerankFixtures.listOf(r, u),
              o + " λ=" + lambda + " user " + u);
        }
      }
    }
  }

  @Test
  void dppFollowsTheNaiveLogDetGreedyOnRealSources() {
    RerankInput in = RerankFixtures.random(60, 50, 12, 20, 10L);
    for (String s : new String[] {"cooc", "genre.genres", "emb"}) {
      for (double lambda : new double[] {0.3, 0.7, 1.0}) {
        RerankResult r = Reranker.rerank(in, Objective.dpp(s), lambda, 6, null, 2);
        for (int u = 0; u < in.candidates().users(); u++) {
          int[] c = RerankFixtures.candidatesOf(in, u);
          int n = c.length;
          double[] rel = new double[n];
          PreparedRerank.relevance(in.candidates().scores(), in.candidates().start(u), n, rel);
          double theta = 1 - lambda;
          double[][] l = new double[n][n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              double ri = Math.exp(theta * rel[i] / (2 * (1 - theta)));
              double rj = Math.exp(theta * rel[j] / (2 * (1 - theta)));
              l[i][j] = ri * RerankFixtures.naiveSim(in, s, c[i], c[j]) * rj;
            }
          }
          int[] picks = FastGreedyDppTest.naive(l, 6);
          List<Integer> expected = new ArrayList<>();
          for (int p : picks) {
            expected.add(p);
          }
          while (expected.size() < Math.min(6, n)) { // fill by rel, ties by rank
            int best = -1;
            for (int i = 0; i < n; i++) {
              if (!expected.contains(i) && (best < 0 || rel[i] > rel[best])) {
                best = i;
              }
            }
            expected.add(best);
          }
          int[] items = expected.stream().mapToInt(p -> c[p]).toArray();
          assertArrayEquals(items, RerankFixtures.listOf(r, u), s + " λ=" + lambda + " u" + u);
        }
      }
    }
  }

  /** The greedy of METRICS.md evaluated literally. */
  private static int[] naiveGreedy(RerankInput in, Objective o, double lambda, int k, int u) {
    int[] c = RerankFixtures.candidatesOf(in, u);
    int n = c.length;
    double[] rel = new double[n];
    PreparedRerank.relevance(in.candidates().scores(), in.candidates().start(u), n, rel);
    Csr train = in.train();
    int[] h = u < train.rows() ? train.row(u) : new int[0];
    List<Integer> s = new ArrayList<>();
    while (s.size() < Math.min(k, n)) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (s.contains(i)) {
          continue;
        }
        double gain = naiveGain(in, o, c, h, s, i);
        double score = (1 - lambda) * rel[i] + lambda * gain;
        if (best < 0 || score > bestScore + TIE) {
          best = i;
          bestScore = score;
        }
      }
      s.add(best);
    }
    return s.stream().mapToInt(i -> c[i]).toArray();
  }

  private static double naiveGain(
      RerankInput in, Objective o, int[] c, int[] h, List<Integer> s, int i) {
    switch (o.kind()) {
      case DIVERSITY -> {
        if (s.isEmpty()) {
          return 0;
        }
        double d = 0;
        for (int j : s) {
          d += 1 - RerankFixtures.naiveSim(in, o.source(), c[i], c[j]);
        }
        return d / s.size();
      }
      case NOVELTY -> {
        int nu = in.usersWithTrain();
        return -Math.log(Math.max(in.pop()[c[i]], 1) / (double) nu) / Math.log(nu);
      }
      case UNEXPECTEDNESS -> {
        if (h.length == 0) {
          return 0;
        }
        double m = 0;
        for (int j : h) {
          m += RerankFixtures.naiveSim(in, o.source(), c[i], j);
        }
        return Math.min(1, Math.max(0, 1 - m / h.length));
      }
      case CALIBRATION -> {
        int[][] col = in.multiValued().get(o.source());
        List<Integer> with = new ArrayList<>(s);
        with.add(i);
        return kl(col, h, c, s) - kl(col, h, c, with);
      }
      default -> throw new IllegalStateException();
    }
  }

  /** KL(p ‖ q̃) in bits, as the miscalibration metric; 0 for a user without values in H. */
  private static double kl(int[][] col, int[] h, int[] c, List<Integer> s) {
    double[] p = new double[8];
    double[] q = new double[8];
    int np = 0;
    int nq = 0;
    for (int j : h) {
      if (col[j] != null && col[j].length > 0) {
        np++;
        for (int g : col[j]) {
          p[g] += 1.0 / col[j].length;
        }
      }
    }
    if (np == 0) {
      return 0;
    }
    for (int x : s) {
      int[] v = col[c[x]];
      if (v != null && v.length > 0) {
        nq++;
        for (int g : v) {
          q[g] += 1.0 / v.length;
        }
      }
    }
    double kl = 0;
    for (int g = 0; g < 8; g++) {
      if (p[g] > 0) {
        double pg = p[g] / np;
        double qg = nq > 0 ? q[g] / nq : 0;
        kl += pg * Math.log(pg / (0.99 * qg + 0.01 * pg)) / Math.log(2);
      }
    }
    return kl;
  }

  @Test
  void equalScoresGiveRelevanceOneForAll() {
    double[] rel = new double[3];
    PreparedRerank.relevance(new float[] {9f, 2f, 2f, 2f}, 1, 3, rel);
    assertArrayEquals(new double[] {1, 1, 1}, rel);
    PreparedRerank.relevance(
        new float[] {Float.POSITIVE_INFINITY, 0f, Float.NEGATIVE_INFINITY}, 0, 3, rel);
    assertArrayEquals(new double[] {1, 0.5, 0}, rel, Tolerance.EPS);
  }

  @Test
  void sweepSharesThePreparationAndMatchesSingleRuns() {
    RerankInput in = RerankFixtures.random(40, 40, 10, 20, 12L);
    List<RerankResult> sweep = Reranker.sweep(
        in, Objective.diversity("cooc"), Reranker.sweepLambdas(), 5, null, 2);
    assertEquals(11, sweep.size());
    for (RerankResult r : sweep) {
      RerankResult single =
          Reranker.rerank(in, Objective.diversity("cooc"), r.lambda(), 5, null, 1);
      assertArrayEquals(single.lists().items(), r.lists().items());
    }
    assertEquals(0.3, sweep.get(3).lambda());
  }

  @Test
  void cutKeepsTheFirstNCandidates() {
    RerankInput in = RerankFixtures.random(30, 40, 10, 20, 13L);
    RerankInput cut = in.cut(4);
    for (int u = 0; u < in.candidates().users(); u++) {
      int[] c = RerankFixtures.candidatesOf(in, u);
      assertArrayEquals(Arrays.copyOf(c, Math.min(4, c.length)),
          RerankFixtures.candidatesOf(cut, u));
    }
  }

  @Test
  void badArgumentsAreRejectedWithAReason() {
    RerankInput in = RerankFixtures.hand();
    Objective d = Objective.diversity("cooc");
    assertThrows(IllegalArgumentException.class, () -> Reranker.rerank(in, d, -0.1, 3, null, 1));
    assertThrows(IllegalArgumentException.class, () -> Reranker.rerank(in, d, 1.5, 3, null, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Reranker.rerank(in, d, Double.NaN, 3, null, 1));
    assertThrows(IllegalArgumentException.class, () -> Reranker.rerank(in, d, 0.5, 0, null, 1));
    assertThrows(IllegalArgumentException.class, () -> Reranker.rerank(in, d, 0.5, 3, null, 0));
    assertThrows(IllegalArgumentException.class,
        () -> Reranker.rerank(in, d, 0.5, 3, new int[] {1, 1}, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Reranker.rerank(in, d, 0.5, 3, new int[] {99}, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Reranker.rerank(in, Objective.dpp("emb"), 0.5, 3, null, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Reranker.rerank(in, Objective.diversity("genre.tags"), 0.5, 3, null, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Reranker.rerank(in, Objective.calibration("tags"), 0.5, 3, null, 1));
    assertThrows(IllegalArgumentException.class, () -> Objective.parse("diversity:jaccard"));
    assertThrows(IllegalArgumentException.class, () -> Objective.parse("serendipity:cooc"));
    assertThrows(IllegalArgumentException.class, () -> Objective.parse("dpp"));
    assertEquals(Objective.calibration("genres"), Objective.parse("calibration:genres"));
    assertEquals(Objective.novelty(), Objective.parse("novelty"));
    assertEquals("dpp:genre.genres", Objective.dpp("genre.genres").toString());
  }
}
