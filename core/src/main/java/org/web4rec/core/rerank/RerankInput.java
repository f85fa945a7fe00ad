package org.web4rec.core.rerank;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.BeyondInput;
import org.web4rec.core.metrics.ItemPopularity;

/**
 * Everything a re-rank reads, in dense indices (users {@code 0..candidates.users()-1}, items
 * {@code 0..nItems-1}). Arrays are shared, not copied; do not mutate them.
 *
 * @param candidates the parent's prepared candidate lists C_u, best first (N per user)
 * @param train train items H_u per user; users at or beyond {@code train.rows()} have none
 * @param nItems catalogue size
 * @param pop pop(i), the number of distinct train users of each item
 * @param usersWithTrain |U_train|
 * @param multiValued multi-valued item columns by name (each item's sorted distinct non-negative
 *     codes, null = no value), for {@code genre.<col>} similarity and calibration; never null
 *     after construction (empty when none)
 * @param itemEmbeddings per item an embedding (all of one dimension) or null, for {@code emb};
 *     null when there are none
 */
public record RerankInput(
    CandidateLists candidates,
    Csr train,
    int nItems,
    int[] pop,
    int usersWithTrain,
    Map<String, int[][]> multiValued,
    float[][] itemEmbeddings) {

  /** Validates shapes and index ranges. */
  public RerankInput {
    if (candidates == null || train == null || pop == null) {
      throw new IllegalArgumentException("candidates, train and pop must not be null");
    }
    if (nItems < 0) {
      throw new IllegalArgumentException("nItems must be >= 0, got " + nItems);
    }
    if (pop.length != nItems) {
      throw new IllegalArgumentException(
          "pop has " + pop.length + " entries for " + nItems + " items");
    }
    if (usersWithTrain < 0) {
      throw new IllegalArgumentException("usersWithTrain must be >= 0, got " + usersWithTrain);
    }
    for (int v : train.values()) {
      if (v >= nItems) {
        throw new IllegalArgumentException("train item " + v + " is outside [0, " + nItems + ")");
      }
    }
    int[] items = candidates.items();
    for (int v : items) {
      if (v < 0 || v >= nItems) {
        throw new IllegalArgumentException(
            "candidate item " + v + " is outside [0, " + nItems + ")");
      }
    }
    LinkedHashMap<String, int[][]> columns = new LinkedHashMap<>();
    if (multiValued != null) {
      for (Map.Entry<String, int[][]> e : multiValued.entrySet()) {
        String name = e.getKey();
        int[][] sets = e.getValue();
        if (name == null || name.isEmpty() || sets == null) {
          throw new IllegalArgumentException("multi-valued columns need a name and values");
        }
        if (sets.length != nItems) {
          throw new IllegalArgumentException(
              "column " + name + " has " + sets.length + " rows for " + nItems + " items");
        }
        for (int i = 0; i < nItems; i++) {
          int[] s = sets[i];
          for (int k = 0; s != null && k < s.length; k++) {
            if (s[k] < 0 || (k > 0 && s[k] <= s[k - 1])) {
              throw new IllegalArgumentException("column " + name + ", item " + i
                  + ": value codes must be non-negative and strictly ascending");
            }
          }
        }
        columns.put(name, sets);
      }
    }
    multiValued = Collections.unmodifiableMap(columns);
    if (itemEmbeddings != null) {
      if (itemEmbeddings.length != nItems) {
        throw new IllegalArgumentException(
            "itemEmbeddings has " + itemEmbeddings.length + " rows for " + nItems + " items");
      }
      int dim = -1;
      for (int i = 0; i < nItems; i++) {
        float[] e = itemEmbeddings[i];
        if (e == null) {
          continue;
        }
        if (dim < 0) {
          dim = e.length;
        } else if (e.length != dim) {
          throw new IllegalArgumentException(
              "embedding of item " + i + " has dimension " + e.length + ", expected " + dim);
        }
      }
    }
  }

  /**
   * Builds the input, computing pop(i) and |U_train| from {@code train}.
   *
   * @param candidates the parent's prepared candidate lists
   * @param train train items per user
   * @param nItems catalogue size
   * @param multiValued multi-valued item columns, or null
   * @param itemEmbeddings item embeddings, or null
   * @return the input
   */
  public static RerankInput of(CandidateLists candidates, Csr train, int nItems,
      Map<String, int[][]> multiValued, float[][] itemEmbeddings) {
    if (train == null) {
      throw new IllegalArgumentException("train must not be null");
    }
    ItemPopularity p = ItemPopularity.of(train, nItems, null);
    return new RerankInput(
        candidates, train, nItems, p.pop(), p.usersWithTrain(), multiValued, itemEmbeddings);
  }

  /**
   * The same data the beyond-accuracy metrics read, with its lists as candidates.
   *
   * @param in the metrics input
   * @return the re-rank input
   */
  public static RerankInput of(BeyondInput in) {
    return of(in.lists(), in.train(), in.nItems(), in.multiValued(), in.itemEmbeddings());
  }

  /**
   * Keeps only the first {@code n} candidates of every user (METRICS.md's N).
   *
   * @param n candidates kept per user, at least 1
   * @return this input with cut candidate lists (this very input when nothing is cut)
   */
  public RerankInput cut(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    int users = candidates.users();
    int[] offsets = new int[users + 1];
    boolean same = true;
    for (int u = 0; u < users; u++) {
      int size = Math.min(n, candidates.size(u));
      same &= size == candidates.size(u);
      offsets[u + 1] = offsets[u] + size;
    }
    if (same) {
      return this;
    }
    int[] items = new int[offsets[users]];
    float[] scores = new float[offsets[users]];
    for (int u = 0; u < users; u++) {
      int len = offsets[u + 1] - offsets[u];
      System.arraycopy(candidates.items(), candidates.start(u), items, offsets[u], len);
      System.arraycopy(candidates.scores(), candidates.start(u), scores, offsets[u], len);
    }
    return new RerankInput(CandidateLists.ofSorted(offsets, items, scores), train, nItems, pop,
        usersWithTrain, multiValued, itemEmbeddings);
  }

  /** @return the embedding dimension, or 0 without any embedding */
  public int embeddingDimension() {
    if (itemEmbeddings != null) {
      for (float[] e : itemEmbeddings) {
        if (e != null) {
          return e.length;
        }
      }
    }
    return 0;
  }
}
