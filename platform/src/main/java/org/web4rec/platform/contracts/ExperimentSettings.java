package org.web4rec.platform.contracts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What an experiment is evaluated with, decided when it is created (upload or re-rank) and read by
 * every worker: the cut-offs K, the candidates per user N, how many users have a list, the dataset
 * version, the dimensions of uploaded embeddings and, for a derived experiment, its
 * {@link RerankLineage}. The experiment row stores it as JSON and {@code experiment.uploaded}
 * carries it; {@link #toJson} / {@link #fromJson} are the only code that knows its keys (which are
 * also the keys of the experiment's API JSON, docs/api.md).
 *
 * @param ks the cut-offs, ascending, distinct
 * @param nCandidates N, candidates per user kept at upload (a re-rank: the N it re-ranked)
 * @param usersWithList users with a non-empty list
 * @param datasetVersion the dataset version the lists were prepared against
 * @param itemEmbeddingDims dimensions of the uploaded item embeddings, null when none
 * @param userEmbeddingDims dimensions of the uploaded user embeddings, null when none
 * @param rerank the lineage of a derived experiment, null for an uploaded one
 */
public record ExperimentSettings(List<Integer> ks, int nCandidates, int usersWithList,
    int datasetVersion, Integer itemEmbeddingDims, Integer userEmbeddingDims,
    RerankLineage rerank) {

  private static final String KS = "ks";
  private static final String N_CANDIDATES = "n_candidates";
  private static final String USERS_WITH_LIST = "n_users_with_list";
  private static final String DATASET_VERSION = "dataset_version";
  private static final String ITEM_EMBEDDING_DIMS = "item_embedding_dims";
  private static final String USER_EMBEDDING_DIMS = "user_embedding_dims";
  private static final String RERANK = "rerank";

  public ExperimentSettings {
    ks = List.copyOf(ks);
  }

  /** True for a re-rank of another experiment. */
  public boolean isDerived() {
    return rerank != null;
  }

  public boolean hasItemEmbeddings() {
    return itemEmbeddingDims != null;
  }

  /** The cut-offs as a primitive array. */
  public int[] ksArray() {
    return ks.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The experiment whose uploaded embeddings this one uses: a derived experiment reads its
   * parent's, an uploaded one its own.
   */
  public String embeddingOwner(String experimentId) {
    return rerank == null ? experimentId : rerank.parentId();
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject()
        .put(KS, new JsonArray(new ArrayList<>(ks)))
        .put(N_CANDIDATES, nCandidates)
        .put(USERS_WITH_LIST, usersWithList)
        .put(DATASET_VERSION, datasetVersion)
        .put(ITEM_EMBEDDING_DIMS, itemEmbeddingDims)
        .put(USER_EMBEDDING_DIMS, userEmbeddingDims);
    if (rerank != null) {
      j.put(RERANK, rerank.toJson());
    }
    return j;
  }

  public static ExperimentSettings fromJson(JsonObject j) {
    if (j == null || j.getJsonArray(KS) == null || j.getInteger(N_CANDIDATES) == null) {
      throw new IllegalArgumentException("experiment settings without ks/n_candidates: " + j);
    }
    List<Integer> ks = new ArrayList<>();
    for (Object k : j.getJsonArray(KS)) {
      ks.add(((Number) k).intValue());
    }
    return new ExperimentSettings(ks, j.getInteger(N_CANDIDATES),
        j.getInteger(USERS_WITH_LIST, 0), j.getInteger(DATASET_VERSION, 1),
        j.getInteger(ITEM_EMBEDDING_DIMS), j.getInteger(USER_EMBEDDING_DIMS),
        RerankLineage.fromJson(j.getJsonObject(RERANK)));
  }
}
