package org.web4rec.core.prepare;

import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Table;

/**
 * The ingest service's validation and preparation as plain functions, for tools that run the same
 * code path without a server (benchmarks): decoded tables in, the dataset and prepared lists out.
 * Failures are the {@link org.web4rec.core.InvalidInput}s the API answers 400 with.
 */
public final class Preparation {

  private Preparation() {}

  /** Validates a dataset and gives it as the workers see it after storing and loading it. */
  public static Dataset dataset(Table train, Table groundTruth, Table userSide,
      Table itemSide) {
    return DatasetBuilder.build(train, groundTruth, userSide, itemSide).dataset();
  }

  /** Validates an upload's recommendations and prepares C_u (METRICS.md "Preparing lists"). */
  public static CandidateLists candidates(Table recommendations, Dataset ds, int nCandidates) {
    return ExperimentBuilder.build(recommendations, ds, nCandidates);
  }

  /** Validates an embedding table and re-encodes it as stored (dense id column, e0..eD). */
  public static Table itemEmbeddings(Table embeddings, Dataset ds) {
    return Embeddings.encode(embeddings, "item_embeddings", "item_id", "i", ds.itemIds());
  }
}
