package org.web4rec.core.rerank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

/** Inputs for the re-rank tests: one hand-sized case and random ones with fixed seeds. */
final class RerankFixtures {

  private RerankFixtures() {}

  /**
   * Six items, six train users; user 4 (H = {3}) is the one re-ranked by hand.
   *
   * <pre>
   * train: u0 {0,1}  u1 {0,2}  u2 {1,2,3}  u3 {4}  u4 {3}  u5 {0,1}     |U_train| = 6
   * pop:   item0 3 (u0,u1,u5)  item1 3 (u0,u2,u5)  item2 2 (u1,u2)  item3 2 (u2,u4)  item4 1  item5 0
   * cooc:  s01 = 2/sqrt(3·3) = 2/3    s02 = 1/sqrt(3·2) = 0.408248   s12 = 0.408248 (u2)
   *        s13 = 1/sqrt(6) = 0.408248  s23 = 1/sqrt(2·2) = 0.5   s03 = 0   item 4 and 5: 0
   * genres: item0 {0}  item1 {0,1}  item2 {1}  item3 {1,2}  item4 {}  item5 {2}
   * C_u4 = [0, 1, 2, 4] with scores [4, 3.5, 2, 0], so rel = [1, 0.875, 0.5, 0]
   * </pre>
   *
   * Every other user has an empty candidate list.
   */
  static RerankInput hand() {
    int[][] train = {{0, 1}, {0, 2}, {1, 2, 3}, {4}, {3}, {0, 1}};
    int[] offsets = {0, 0, 0, 0, 0, 4, 4};
    int[] items = {0, 1, 2, 4};
    float[] scores = {4f, 3.5f, 2f, 0f};
    int[][] genres = {{0}, {0, 1}, {1}, {1, 2}, null, {2}};
    return RerankInput.of(CandidateLists.ofSorted(offsets, items, scores), csr(train), 6,
        Map.of("genres", genres), null);
  }

  /** @return rows as a Csr */
  static Csr csr(int[][] rows) {
    List<Integer> us = new ArrayList<>();
    List<Integer> is = new ArrayList<>();
    for (int u = 0; u < rows.length; u++) {
      for (int i : rows[u]) {
        us.add(u);
        is.add(i);
      }
    }
    return Csr.fromPairs(rows.length, us.stream().mapToInt(Integer::intValue).toArray(),
        is.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Random input: skewed histories (some users without), candidates disjoint from the history
   * with non-increasing scores (some repeated), a genre column (some items without a value) and
   * 4-dimensional embeddings (some items without, item 1 a zero vector). The last user has no
   * train row.
   */
  static RerankInput random(int nUsers, int nItems, int maxHistory, int maxList, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int trainRows = nUsers - 1;
    List<int[]> pairs = new ArrayList<>();
    int[] offsets = new int[nUsers + 1];
    List<Integer> items = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    for (int u = 0; u < nUsers; u++) {
      Set<Integer> h = new LinkedHashSet<>();
      if (u < trainRows && rng.nextInt(8) != 0) {
        int n = 1 + rng.nextInt(maxHistory);
        for (int k = 0; k < n; k++) {
          h.add((int) (nItems * Math.pow(rng.nextDouble(), 2)));
        }
      }
      for (int i : h) {
        pairs.add(new int[] {u, i});
      }
      Set<Integer> l = new LinkedHashSet<>();
      if (rng.nextInt(10) != 0) {
        int n = 1 + rng.nextInt(maxList);
        for (int tries = 0; l.size() < n && tries < 20 * n; tries++) {
          int i = rng.nextInt(nItems);
          if (!h.contains(i)) {
            l.add(i);
          }
        }
      }
      float s = 10f;
      for (int i : l) {
        items.add(i);
        scores.add(s);
        if (rng.nextInt(4) != 0) {
          s -= (float) rng.nextInt(1, 8) / 4f; // exact in float; a quarter of neighbours tie
        }
      }
      offsets[u + 1] = items.size();
    }
    Csr train = Csr.fromPairs(trainRows, pairs.stream().mapToInt(p -> p[0]).toArray(),
        pairs.stream().mapToInt(p -> p[1]).toArray());
    float[] sc = new float[scores.size()];
    for (int k = 0; k < sc.length; k++) {
      sc[k] = scores.get(k);
    }
    CandidateLists lists = CandidateLists.ofSorted(
        offsets, items.stream().mapToInt(Integer::intValue).toArray(), sc);
    int[][] genres = new int[nItems][];
    for (int i = 0; i < nItems; i++) {
      if (rng.nextInt(7) == 0) {
        continue;
      }
      int mask = rng.nextInt(1, 1 << 5);
      genres[i] = java.util.stream.IntStream.range(0, 5)
          .filter(g -> (mask & (1 << g)) != 0).toArray();
    }
    float[][] emb = new float[nItems][];
    for (int i = 0; i < nItems; i++) {
      if (rng.nextInt(9) == 0) {
        continue;
      }
      emb[i] = new float[4];
      if (i == 1) {
        continue;
      }
      for (int k = 0; k < 4; k++) {
        emb[i][k] = (float) (rng.nextDouble() * 2 - 1);
      }
    }
    return RerankInput.of(lists, train, nItems, Map.of("genres", genres), emb);
  }

  /** sim(i,j) straight from METRICS.md, for checking the fast paths. */
  static double naiveSim(RerankInput in, String source, int i, int j) {
    switch (source) {
      case "cooc" -> {
        Csr byItem = in.train().transpose(in.nItems());
        int[] a = byItem.row(i);
        int[] b = byItem.row(j);
        if (a.length == 0 || b.length == 0) {
          return 0;
        }
        long inter = Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).count();
        return inter / Math.sqrt((double) a.length * b.length);
      }
      case "emb" -> {
        float[] a = in.itemEmbeddings()[i];
        float[] b = in.itemEmbeddings()[j];
        if (a == null || b == null) {
          return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
          dot += (double) a[k] * b[k];
          na += (double) a[k] * a[k];
          nb += (double) b[k] * b[k];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
      }
      default -> {
        int[][] col = in.multiValued().get(source.substring("genre.".length()));
        int[] a = col[i] == null ? new int[0] : col[i];
        int[] b = col[j] == null ? new int[0] : col[j];
        Set<Integer> union = new LinkedHashSet<>();
        Arrays.stream(a).forEach(union::add);
        Arrays.stream(b).forEach(union::add);
        if (union.isEmpty()) {
          return 0;
        }
        long inter = Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).count();
        return (double) inter / union.size();
      }
    }
  }

  /** @return user u's re-ranked items */
  static int[] listOf(RerankResult r, int u) {
    return Arrays.copyOfRange(r.lists().items(), r.lists().start(u), r.lists().end(u));
  }

  /** @return user u's parent candidates */
  static int[] candidatesOf(RerankInput in, int u) {
    CandidateLists c = in.candidates();
    return Arrays.copyOfRange(c.items(), c.start(u), c.end(u));
  }
}
