package org.web4rec.core.rerank;

import java.util.ArrayList;
import org.web4rec.core.data.CoocTable;
import java.util.Arrays;
import java.util.List;

/**
 * Re-ranking of METRICS.md ("Re-ranking"): from each selected user's candidates C_u (N items,
 * the parent's order), choose K by a beyond-accuracy objective weighted by λ.
 *
 * <p>rel(i) is the score min-max scaled within C_u (1 for all when the scores are equal). The
 * MMR-style objectives ({@code diversity}, {@code novelty}, {@code unexpectedness}, {@code
 * calibration}) run the greedy S = ∅; K times add argmax over C_u \ S of (1-λ)·rel(i) + λ·gain(i |
 * S), ties by the parent's rank. {@code dpp} runs fast greedy MAP inference (see {@link
 * FastGreedyDpp}). λ = 0 returns the parent's top-K for every objective (the greedy gives the
 * same whenever the parent's scores do not increase down its list, i.e. always for lists ordered
 * by score).
 *
 * <p>Cost per user (N candidates, K picks): O(N·K) for diversity, novelty and unexpectedness,
 * plus one similarity column per pick for diversity; O(N·K²) plus K columns for the DPP; O(K·(G_u
 * + N·g)) for calibration. What does not depend on λ (the cooc pair table, unexpectedness's
 * history sums) is computed by {@link #prepare}, once per sweep; see {@link
 * org.web4rec.core.similarity.CoocSimilarity} for the co-occurrence algorithm and its memory.
 *
 * <p>Measured (bench: RerankKernelBench, synthetic data, N = 100, K = 10, a 2-core machine
 * shared with other jobs, so CPU-seconds are the stable figure). ml-1m scale (6,040 users), a sweep of 11 λ with
 * diversity:cooc, warm JVM: pair table 0.27-0.42 CPU-s, all 11 re-ranks 0.44-0.89 CPU-s (0.03-0.09
 * s each), metrics (accuracy + beyond-accuracy with cooc) 2.4-3.9 s; 3.1 s wall in all with
 * most-popular or item-kNN candidates, 5.3 s when every item is a candidate. ml-20m scale (138,493
 * users, 20M train): the pair table takes 6.7 CPU-s with most-popular candidates (|R| = 4,328),
 * 16-24 CPU-s when every item is a candidate (|R| = 26,744, a 1.4 GB table; about 1-1.3 ns per
 * counted pair); a diversity:cooc re-rank then takes 0.6-3.9 CPU-s and dpp:cooc 1.4-4.1 CPU-s.
 * In the service the pair table is the dataset's {@link org.web4rec.core.data.CoocTable}, built
 * once per dataset version (usually by the parent's metrics) and shared with the metrics of the
 * derived experiments: a whole ml-20m re-rank with its metrics then takes about 10 s
 * (bench/README.md, "Re-ranking with the dataset's co-occurrence table").
 */
public final class Reranker {

  private Reranker() {}

  /**
   * Re-ranks the selected users' candidates.
   *
   * @param in candidates, train data and item side data
   * @param objective the objective and its similarity source or column
   * @param lambda weight of the objective, in [0,1]
   * @param k list length, >= 1
   * @param users users to re-rank (any order, no repeats), or null for every user
   * @param threads threads to use, >= 1
   * @return lists for the selected users (other users' rows empty) and their parent positions
   * @throws IllegalArgumentException on a bad argument, a missing column or missing embeddings
   */
  public static RerankResult rerank(RerankInput in, Objective objective, double lambda, int k,
      int[] users, int threads) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must lie in [0,1], got " + lambda);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    return prepare(in, objective, users, threads).rerank(lambda, k);
  }

  /**
   * Does the work that does not depend on λ or K, for a sweep.
   *
   * @param in candidates, train data and item side data
   * @param objective the objective and its similarity source or column
   * @param users users to re-rank (any order, no repeats), or null for every user
   * @param threads threads to use, >= 1
   * @return the prepared re-rank
   * @throws IllegalArgumentException on a bad argument, a missing column or missing embeddings
   */
  public static PreparedRerank prepare(
      RerankInput in, Objective objective, int[] users, int threads) {
    return prepare(in, objective, users, threads, null);
  }

  /**
   * As {@link #prepare(RerankInput, Objective, int[], int)}, reading cooc pairs from the
   * dataset's table when given (no pair table is built then).
   *
   * @param sharedCooc a co-occurrence table over every train item of {@code in}'s dataset, or
   *     null
   */
  public static PreparedRerank prepare(
      RerankInput in, Objective objective, int[] users, int threads, CoocTable sharedCooc) {
    if (in == null || objective == null) {
      throw new IllegalArgumentException("input and objective must not be null");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return new PreparedRerank(in, objective, selectUsers(users, in.candidates().users()),
        threads, sharedCooc);
  }

  /**
   * Re-ranks at every λ, sharing the λ-independent work.
   *
   * @param in candidates, train data and item side data
   * @param objective the objective and its similarity source or column
   * @param lambdas the λ values, each in [0,1]
   * @param k list length, >= 1
   * @param users users to re-rank, or null for every user
   * @param threads threads to use, >= 1
   * @return one result per λ, in order
   */
  public static List<RerankResult> sweep(RerankInput in, Objective objective, double[] lambdas,
      int k, int[] users, int threads) {
    return sweep(in, objective, lambdas, k, users, threads, null);
  }

  /**
   * As {@link #sweep(RerankInput, Objective, double[], int, int[], int)} with the dataset's
   * co-occurrence table (or null).
   */
  public static List<RerankResult> sweep(RerankInput in, Objective objective, double[] lambdas,
      int k, int[] users, int threads, CoocTable sharedCooc) {
    if (lambdas == null) {
      throw new IllegalArgumentException("lambdas must not be null");
    }
    for (double l : lambdas) {
      if (!(l >= 0 && l <= 1)) {
        throw new IllegalArgumentException("lambda must lie in [0,1], got " + l);
      }
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    PreparedRerank prepared = prepare(in, objective, users, threads, sharedCooc);
    List<RerankResult> out = new ArrayList<>(lambdas.length);
    for (double l : lambdas) {
      out.add(prepared.rerank(l, k));
    }
    return out;
  }

  /** @return METRICS.md's sweep values 0, 0.1, ..., 1 (each exactly i/10) */
  public static double[] sweepLambdas() {
    double[] l = new double[11];
    for (int i = 0; i <= 10; i++) {
      l[i] = i / 10.0;
    }
    return l;
  }

  private static int[] selectUsers(int[] users, int nUsers) {
    if (users == null) {
      int[] all = new int[nUsers];
      for (int u = 0; u < nUsers; u++) {
        all[u] = u;
      }
      return all;
    }
    int[] sorted = users.clone();
    Arrays.sort(sorted);
    for (int x = 0; x < sorted.length; x++) {
      if (sorted[x] < 0 || sorted[x] >= nUsers) {
        throw new IllegalArgumentException(
            "user " + sorted[x] + " is outside [0, " + nUsers + ")");
      }
      if (x > 0 && sorted[x] == sorted[x - 1]) {
        throw new IllegalArgumentException("user " + sorted[x] + " is listed twice");
      }
    }
    return sorted;
  }
}
