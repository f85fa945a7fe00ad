package org.web4rec.ingest;

import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Table;

/**
 * Kept only so benchmarks not yet switched keep compiling: the preparation functions live in
 * {@link org.web4rec.core.prepare.Preparation}.
 *
 * @deprecated call {@link org.web4rec.core.prepare.Preparation}; delete this class once no bench
 *     imports it
 */
@Deprecated
public final class Preparation {

  private Preparation() {}

  public static Dataset dataset(Table train, Table groundTruth, Table userSide,
      Table itemSide) {
    return org.web4rec.core.prepare.Preparation.dataset(train, groundTruth, userSide, itemSide);
  }

  public static CandidateLists candidates(Table recommendations, Dataset ds, int nCandidates) {
    return org.web4rec.core.prepare.Preparation.candidates(recommendations, ds, nCandidates);
  }

  public static Table itemEmbeddings(Table embeddings, Dataset ds) {
    return org.web4rec.core.prepare.Preparation.itemEmbeddings(embeddings, ds);
  }
}
