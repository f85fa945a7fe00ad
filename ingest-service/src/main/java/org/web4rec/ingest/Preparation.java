package org.web4rec.ingest;

import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.core.table.Table;

/**
 * The ingest service's validation and preparation as plain functions, for tools that run the
 * same code path without a server (benchmarks): tables in, the stored dataset and prepared lists
 * out. Failures are the same {@link org.web4rec.platform.http.ApiException}s the API answers with.
 */
public final class Preparation {

  private Preparation() {}

  /** Validates and encodes a dataset, then decodes it as the workers see it. */
  public static Dataset dataset(Table train, Table groundTruth, Table userSide,
      Table itemSide) {
    DatasetBuilder.Built b = new DatasetBuilder().build(train, groundTruth, userSide, itemSide);
    return StoredDataset.decode(b.users(), b.items(), b.train(), b.groundTruth());
  }

  /** Validates an upload's recommendations and prepares C_u (METRICS.md "Preparing lists"). */
  public static CandidateLists candidates(Table recommendations, Dataset ds,
      int nCandidates) {
    return ExperimentBuilder.build(recommendations, ds, nCandidates);
  }

  /** Validates an embedding table and re-encodes it as stored (dense id column, e0..eD). */
  public static Table itemEmbeddings(Table embeddings, Dataset ds) {
    return Embeddings.encode(embeddings, "item_embeddings", "item_id", "i", ds.itemIds());
  }
}
