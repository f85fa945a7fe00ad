package org.web4rec.core.metrics;

import java.util.Map;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.ItemSide;
import org.web4rec.core.lists.CandidateLists;

/**
 * Everything {@link BeyondAccuracyMetrics} reads, in dense indices: users {@code 0..} as rows,
 * catalogue items {@code 0..nItems-1} (I_cat).
 *
 * <p>Rows beyond a matrix's {@code rows()} are empty: a user may have a list but no train or
 * ground-truth row. The arrays are shared, not copied.
 *
 * @param nItems catalogue size |I_cat| (every item seen in train, ground truth or the item table)
 * @param train train items H_u per user; values below {@code nItems}
 * @param groundTruth ground-truth items GT_u per user (rel(u,i) = 1 iff i ∈ GT_u)
 * @param lists prepared candidate lists C_u (train items removed, ordered, no duplicates); L_u is
 *     the first K
 * @param itemTieOrder position of each item in external-id order, breaking pop ties for the
 *     head/tail split; a permutation of {@code 0..nItems-1}, or null for dense-index order
 * @param multiValued multi-valued item columns by column name (e.g. {@code genres}), each an
 *     array over items of the item's sorted distinct non-negative value codes (null = no value);
 *     each column yields a {@code genre.<col>} similarity source and a {@code miscalibration}
 *     column. Null means none. Iteration order is kept for column order.
 * @param itemEmbeddings per item an embedding vector (all of one dimension) or null, giving the
 *     {@code emb} similarity source; null for no embeddings
 */
public record BeyondInput(
    int nItems,
    Csr train,
    Csr groundTruth,
    CandidateLists lists,
    int[] itemTieOrder,
    Map<String, int[][]> multiValued,
    float[][] itemEmbeddings) {

  /** Validates shapes and index ranges. */
  public BeyondInput {
    if (train == null || groundTruth == null || lists == null) {
      throw new IllegalArgumentException("train, groundTruth and lists must not be null");
    }
    if (itemTieOrder != null && itemTieOrder.length != nItems) {
      throw new IllegalArgumentException(
          "itemTieOrder has " + itemTieOrder.length + " entries for " + nItems + " items");
    }
    multiValued = ItemSide.validate(nItems, train, lists.items(), multiValued, itemEmbeddings);
  }

  /** @return the embedding dimension, or 0 without any embedding */
  public int embeddingDimension() {
    return ItemSide.embeddingDimension(itemEmbeddings);
  }
}
