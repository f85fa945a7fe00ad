package org.web4rec.core.rerank;

import java.util.Map;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.ItemSide;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.BeyondInput;
import org.web4rec.core.metrics.ItemPopularity;
import org.web4rec.core.similarity.CoocSimilarity;
import org.web4rec.core.similarity.EmbeddingSimilarity;
import org.web4rec.core.similarity.JaccardSimilarity;
import org.web4rec.core.similarity.SimilaritySource;

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
    multiValued =
        ItemSide.validate(nItems, train, candidates.items(), multiValued, itemEmbeddings);
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
    return ItemSide.embeddingDimension(itemEmbeddings);
  }

  /**
   * Resolves a similarity source against this input's item side.
   *
   * @param source {@code cooc}, {@code genre.<col>} or {@code emb}
   * @param users the selected users, ascending (their candidates are the only ones asked for)
   * @param columns whether {@link SimilaritySource#view()} will be used (cooc then builds its
   *     pair table)
   * @param threads threads for any precomputation
   * @param sharedCooc the dataset's co-occurrence table over every train item, or null
   * @return the source
   * @throws IllegalArgumentException when the column or the embeddings are missing
   */
  SimilaritySource similarity(
      String source, int[] users, boolean columns, int threads, CoocTable sharedCooc) {
    if (source.equals(SimilaritySource.COOC)) {
      return sharedCooc == null
          ? new CoocSimilarity(train, nItems, candidates, users, columns, threads)
          : new CoocSimilarity(train, nItems, candidates, users, columns, threads,
              Long.MAX_VALUE, sharedCooc);
    }
    if (source.equals(SimilaritySource.EMB)) {
      if (itemEmbeddings == null) {
        throw new IllegalArgumentException("similarity source emb needs item embeddings");
      }
      return new EmbeddingSimilarity(itemEmbeddings, embeddingDimension());
    }
    String col = source.substring(SimilaritySource.GENRE_PREFIX.length());
    int[][] values = multiValued.get(col);
    if (values == null) {
      throw new IllegalArgumentException("similarity source " + source + " needs the column '"
          + col + "', but the input has " + multiValued.keySet());
    }
    return new JaccardSimilarity(values);
  }
}
