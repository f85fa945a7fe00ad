package org.web4rec.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

/** Small random inputs with fixed seeds, with the awkward cases mixed in. */
final class RandomInputs {

  private RandomInputs() {}

  /**
   * @param nItems catalogue size
   * @param nUsers users with a list row
   * @param maxHistory most train items per user (some users get none; some have no train row)
   * @param maxList longest candidate list (some users get none)
   * @param seed random seed
   * @param columns multi-valued columns, or null for a random genre column
   * @param embeddings whether to add random embeddings (some items without, one zero vector)
   */
  static BeyondInput random(int nItems, int nUsers, int maxHistory, int maxList, long seed,
      Map<String, int[][]> columns, boolean embeddings) {
    return random(nItems, nUsers, maxHistory, maxList, seed, columns, embeddings, false);
  }

  /** As above; with {@code trainInLists}, lists may hold the user's own train items. */
  static BeyondInput random(int nItems, int nUsers, int maxHistory, int maxList, long seed,
      Map<String, int[][]> columns, boolean embeddings, boolean trainInLists) {
    SplittableRandom rng = new SplittableRandom(seed);
    int trainRows = nUsers - 2; // the last two users have no train row at all
    List<int[]> train = new ArrayList<>();
    List<int[]> gt = new ArrayList<>();
    int[] offsets = new int[nUsers + 1];
    List<Integer> items = new ArrayList<>();
    for (int u = 0; u < nUsers; u++) {
      Set<Integer> h = new LinkedHashSet<>();
      if (u < trainRows && rng.nextInt(6) != 0) {
        int n = 1 + rng.nextInt(maxHistory);
        for (int k = 0; k < n; k++) {
          // Skewed towards low indices so popularity varies and ties happen.
          h.add((int) (nItems * Math.pow(rng.nextDouble(), 2)));
        }
      }
      for (int i : h) {
        train.add(new int[] {u, i});
      }
      Set<Integer> l = new LinkedHashSet<>();
      if (rng.nextInt(8) != 0) {
        int n = 1 + rng.nextInt(maxList);
        for (int tries = 0; l.size() < n && tries < 10 * n; tries++) {
          int i = rng.nextInt(nItems);
          if (trainInLists || !h.contains(i)) {
            l.add(i);
          }
        }
      }
      items.addAll(l);
      offsets[u + 1] = items.size();
      for (int i : l) {
        if (rng.nextInt(3) == 0) {
          gt.add(new int[] {u, i});
        }
      }
      if (rng.nextInt(2) == 0) {
        gt.add(new int[] {u, rng.nextInt(nItems)});
      }
    }
    Csr trainCsr = Csr.fromPairs(trainRows, train.stream().mapToInt(p -> p[0]).toArray(),
        train.stream().mapToInt(p -> p[1]).toArray());
    Csr gtCsr = Csr.fromPairs(nUsers, gt.stream().mapToInt(p -> p[0]).toArray(),
        gt.stream().mapToInt(p -> p[1]).toArray());
    float[] scores = new float[items.size()];
    CandidateLists lists = CandidateLists.ofSorted(
        offsets, items.stream().mapToInt(Integer::intValue).toArray(), scores);
    // A random permutation as tie order.
    int[] tie = new int[nItems];
    for (int i = 0; i < nItems; i++) {
      tie[i] = i;
    }
    for (int i = nItems - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = tie[i];
      tie[i] = tie[j];
      tie[j] = t;
    }
    if (columns == null) {
      int[][] genres = new int[nItems][];
      for (int i = 0; i < nItems; i++) {
        int mask = rng.nextInt(1 << 5);
        if (rng.nextInt(7) == 0) {
          continue; // no genre
        }
        genres[i] = java.util.stream.IntStream.range(0, 5)
            .filter(g -> (mask & (1 << g)) != 0).toArray();
      }
      columns = Map.of("genres", genres);
    }
    float[][] emb = null;
    if (embeddings) {
      emb = new float[nItems][];
      for (int i = 0; i < nItems; i++) {
        if (rng.nextInt(9) == 0) {
          continue;
        }
        emb[i] = new float[4];
        if (i == 1) {
          continue; // a zero vector
        }
        for (int k = 0; k < 4; k++) {
          emb[i][k] = (float) (rng.nextDouble() * 2 - 1);
        }
      }
    }
    return new BeyondInput(nItems, trainCsr, gtCsr, lists, tie, columns, emb);
  }
}
