package org.web4rec.core.rerank;

import org.web4rec.core.lists.CandidateLists;

/**
 * A re-ranked list set.
 *
 * @param objective the objective used
 * @param lambda the weight λ of the objective
 * @param k the list length asked for
 * @param lists one row per user of the input; a selected user's row holds its re-ranked list
 *     (min(K, |C_u|) items, in re-ranked order), every other user's row is empty. Scores are the
 *     re-ranked positions turned into descending values, {@code K - position} (K, K-1, ...), so
 *     ordering by score reproduces the re-ranked order; the parent's scores stay in the parent.
 * @param parentPositions aligned with {@code lists.items()}: each item's 0-based position in the
 *     parent's C_u (its original rank minus 1)
 * @param users the re-ranked users, ascending
 */
public record RerankResult(
    Objective objective,
    double lambda,
    int k,
    CandidateLists lists,
    int[] parentPositions,
    int[] users) {

  /** Validates alignment. */
  public RerankResult {
    if (objective == null || lists == null || parentPositions == null || users == null) {
      throw new IllegalArgumentException("all parts of a re-rank result must be present");
    }
    if (parentPositions.length != lists.total()) {
      throw new IllegalArgumentException("parentPositions must align with the lists' items");
    }
  }
}
