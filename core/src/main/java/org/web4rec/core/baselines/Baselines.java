package org.web4rec.core.baselines;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.ScoreKeys;

/**
 * Baseline recommenders over binary train data. Each returns the top {@code n} items for every
 * user row {@code 0..train.rows()-1}, never one of the user's train items; a list is shorter than
 * {@code n} only when too few items qualify.
 *
 * <ul>
 *   <li>{@link #mostPopular}: items by pop(i), the number of distinct train users, ties by item
 *       index. Same ranking for everyone, so the global order is computed once and each user
 *       walks it skipping train items: O(nItems log nItems + Σ_u (n + |H_u|) log |H_u|).
 *   <li>{@link #random}: n distinct non-train items uniformly at random per user, scored n, n-1,
 *       ..., 1. Rejection against a stamp array when the free items are plentiful, a partial
 *       Fisher–Yates shuffle over the free items otherwise, so it never stalls.
 *   <li>{@link #itemKnn}: item-based kNN (Sarwar et al. 2001; Deshpande and Karypis 2004) with
 *       cosine similarity of binary train vectors, sim(i,j) = n_ij / sqrt(n_i n_j) — the same
 *       {@code cooc} similarity METRICS.md uses. score(u,i) = Σ_{j ∈ H_u, j ∈ N_k(i)} sim(i,j),
 *       N_k(i) being i's k most similar items (ties by index). Items with score 0 are not
 *       recommended.
 * </ul>
 *
 * <p>itemKnn complexity: co-occurrence counting costs O(Σ_u |H_u|^2) time with one dense
 * O(nItems) accumulator reused for every item, neighbour selection O(nItems · d log d) for d
 * co-occurring items, O(nItems · k) memory for the neighbour lists, and scoring
 * O(Σ_u Σ_{j∈H_u} |{i : j ∈ N_k(i)}|). That suits the demo scale (a few thousand
 * items, ~100k interactions) in well under a second; it is not meant for MovieLens-20M sized
 * catalogues with heavy users.
 */
public final class Baselines {

  private Baselines() {}

  /**
   * Most-popular recommender.
   *
   * @param train train items per user
   * @param nItems catalogue size; every train item must be below it
   * @param n list length, >= 1
   * @return top-n per user, scored by pop(i)
   */
  public static Recommendations mostPopular(Csr train, int nItems, int n) {
    validate(train, nItems, n);
    int[] pop = popularity(train, nItems);
    long[] order = new long[nItems];
    for (int i = 0; i < nItems; i++) {
      order[i] = ScoreKeys.descending(pop[i], i);
    }
    Arrays.sort(order);
    Builder out = new Builder(train.rows(), n);
    for (int u = 0; u < train.rows(); u++) {
      int taken = 0;
      for (int q = 0; q < nItems && taken < n; q++) {
        int item = ScoreKeys.tie(order[q]);
        if (!train.contains(u, item)) {
          out.add(u, item, ScoreKeys.score(order[q]));
          taken++;
        }
      }
    }
    return out.build();
  }

  /**
   * Random recommender.
   *
   * @param train train items per user
   * @param nItems catalogue size; every train item must be below it
   * @param n list length, >= 1
   * @param seed random seed; equal inputs give equal output
   * @return n distinct random non-train items per user, scored n down to 1
   */
  public static Recommendations random(Csr train, int nItems, int n, long seed) {
    validate(train, nItems, n);
    SplittableRandom rng = new SplittableRandom(seed);
    int[] mark = new int[nItems];
    int[] free = new int[nItems];
    Builder out = new Builder(train.rows(), n);
    for (int u = 0; u < train.rows(); u++) {
      int stamp = u + 1;
      for (int k = train.start(u); k < train.end(u); k++) {
        mark[train.values()[k]] = stamp;
      }
      int available = nItems - train.size(u);
      int take = Math.min(n, available);
      if (take <= available / 2) {
        // At least half of the draws succeed, so rejection is fast.
        for (int r = 0; r < take; ) {
          int item = rng.nextInt(nItems);
          if (mark[item] != stamp) {
            mark[item] = stamp;
            out.add(u, item, take - r);
            r++;
          }
        }
      } else {
        int nFree = 0;
        for (int i = 0; i < nItems; i++) {
          if (mark[i] != stamp) {
            free[nFree++] = i;
          }
        }
        for (int r = 0; r < take; r++) {
          int j = r + rng.nextInt(nFree - r);
          int item = free[j];
          free[j] = free[r];
          free[r] = item;
          out.add(u, item, take - r);
        }
      }
    }
    return out.build();
  }

  /**
   * Item-based cosine kNN recommender (see the class comment for the model and complexity).
   *
   * @param train train items per user
   * @param nItems catalogue size; every train item must be below it
   * @param n list length, >= 1
   * @param neighbours number of most similar items kept per item, >= 1
   * @return top-n per user by summed similarity, ties by item index
   */
  public static Recommendations itemKnn(Csr train, int nItems, int n, int neighbours) {
    validate(train, nItems, n);
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
    }
    Csr byItem = train.transpose(nItems);
    int[] pop = new int[nItems];
    for (int i = 0; i < nItems; i++) {
      pop[i] = byItem.size(i);
    }

    // Neighbour lists N_k(i), stored inverted: for each j, the (i, sim) with j in N_k(i).
    int[] cooc = new int[nItems];
    int[] touched = new int[nItems];
    long[] keys = new long[nItems];
    int[] nbOffsets = new int[nItems + 1];
    long capacity = (long) nItems * Math.min(neighbours, Math.max(nItems - 1, 0));
    if (capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "nItems x neighbours = " + capacity + " neighbour entries do not fit in an array");
    }
    int[] nbItems = new int[(int) capacity];
    float[] nbSims = new float[nbItems.length];
    int nb = 0;
    for (int i = 0; i < nItems; i++) {
      nbOffsets[i] = nb;
      int nTouched = 0;
      for (int p = byItem.start(i); p < byItem.end(i); p++) {
        int u = byItem.values()[p];
        for (int q = train.start(u); q < train.end(u); q++) {
          int j = train.values()[q];
          if (j != i && cooc[j]++ == 0) {
            touched[nTouched++] = j;
          }
        }
      }
      for (int t = 0; t < nTouched; t++) {
        int j = touched[t];
        float sim = (float) (cooc[j] / Math.sqrt((double) pop[i] * pop[j]));
        keys[t] = ScoreKeys.descending(sim, j);
        cooc[j] = 0;
      }
      Arrays.sort(keys, 0, nTouched);
      int keep = Math.min(neighbours, nTouched);
      for (int t = 0; t < keep; t++) {
        nbItems[nb] = ScoreKeys.tie(keys[t]);
        nbSims[nb] = ScoreKeys.score(keys[t]);
        nb++;
      }
    }
    nbOffsets[nItems] = nb;
    Inverted inverted = invert(nbOffsets, nbItems, nbSims, nb, nItems);

    double[] score = new double[nItems];
    Builder out = new Builder(train.rows(), n);
    for (int u = 0; u < train.rows(); u++) {
      int nTouched = 0;
      for (int q = train.start(u); q < train.end(u); q++) {
        int j = train.values()[q];
        for (int p = inverted.offsets[j]; p < inverted.offsets[j + 1]; p++) {
          int i = inverted.items[p];
          if (score[i] == 0) {
            touched[nTouched++] = i;
          }
          score[i] += inverted.sims[p];
        }
      }
      int m = 0;
      for (int t = 0; t < nTouched; t++) {
        int i = touched[t];
        if (!train.contains(u, i)) {
          keys[m++] = ScoreKeys.descending((float) score[i], i);
        }
        score[i] = 0;
      }
      Arrays.sort(keys, 0, m);
      for (int t = 0; t < Math.min(n, m); t++) {
        out.add(u, ScoreKeys.tie(keys[t]), ScoreKeys.score(keys[t]));
      }
    }
    return out.build();
  }

  /** Number of distinct train users of each item. */
  static int[] popularity(Csr train, int nItems) {
    int[] pop = new int[nItems];
    for (int v : train.values()) {
      pop[v]++;
    }
    return pop;
  }

  private record Inverted(int[] offsets, int[] items, float[] sims) {}

  /** Turns "i → its neighbours j" into "j → the items i having j as a neighbour". */
  private static Inverted invert(int[] offsets, int[] items, float[] sims, int nnz, int nItems) {
    int[] counts = new int[nItems + 1];
    for (int p = 0; p < nnz; p++) {
      counts[items[p] + 1]++;
    }
    for (int j = 0; j < nItems; j++) {
      counts[j + 1] += counts[j];
    }
    int[] cursor = Arrays.copyOf(counts, nItems);
    int[] outItems = new int[nnz];
    float[] outSims = new float[nnz];
    for (int i = 0; i < nItems; i++) {
      for (int p = offsets[i]; p < offsets[i + 1]; p++) {
        int c = cursor[items[p]]++;
        outItems[c] = i;
        outSims[c] = sims[p];
      }
    }
    return new Inverted(counts, outItems, outSims);
  }

  private static void validate(Csr train, int nItems, int n) {
    if (train == null) {
      throw new IllegalArgumentException("train must not be null");
    }
    if (nItems < 0) {
      throw new IllegalArgumentException("nItems must be >= 0, got " + nItems);
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    for (int v : train.values()) {
      if (v >= nItems) {
        throw new IllegalArgumentException(
            "train holds item " + v + ", outside the catalogue [0, " + nItems + ")");
      }
    }
  }

  /** Growable long-form output. */
  private static final class Builder {
    private int[] users;
    private int[] items;
    private float[] scores;
    private int size;

    Builder(int nUsers, int n) {
      int capacity = (int) Math.min((long) nUsers * n, 1 << 20);
      users = new int[Math.max(16, capacity)];
      items = new int[users.length];
      scores = new float[users.length];
    }

    void add(int user, int item, float score) {
      if (size == users.length) {
        int grown = (int) Math.min((long) size * 2, Integer.MAX_VALUE - 8);
        users = Arrays.copyOf(users, grown);
        items = Arrays.copyOf(items, grown);
        scores = Arrays.copyOf(scores, grown);
      }
      users[size] = user;
      items[size] = item;
      scores[size] = score;
      size++;
    }

    Recommendations build() {
      return new Recommendations(
          Arrays.copyOf(users, size), Arrays.copyOf(items, size), Arrays.copyOf(scores, size));
    }
  }
}
