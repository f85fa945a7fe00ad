package org.web4rec.platform.contracts;

import io.vertx.core.json.JsonObject;

/**
 * Where a derived (re-ranked) experiment comes from: its parent, the objective and its similarity
 * source or column, λ, the list length K it was cut to and the N candidates per user it re-ranked,
 * and the size of its user group (null = every user). Stored under {@code rerank} in the derived
 * experiment's settings; {@link #toJson} / {@link #fromJson} are the only code that knows its keys.
 *
 * @param parent the parent experiment's name
 * @param parentId the parent experiment's id
 * @param objective the objective's label (METRICS.md "Re-ranking")
 * @param sim the similarity source ({@code cooc}, {@code genre.<col>}, {@code emb}) or the
 *     calibration column; null for objectives without one
 * @param lambda λ in [0, 1]
 * @param k the length of the re-ranked lists
 * @param nCandidates N, the parent's candidates per user that were re-ranked
 * @param users the number of users in the group, null for every user
 */
public record RerankLineage(String parent, String parentId, String objective, String sim,
    double lambda, int k, int nCandidates, Integer users) {

  private static final String PARENT = "parent";
  private static final String PARENT_ID = "parent_id";
  private static final String OBJECTIVE = "objective";
  private static final String SIM = "sim";
  private static final String LAMBDA = "lambda";
  private static final String K = "k";
  private static final String N_CANDIDATES = "n_candidates";
  /** How rows written before the one spelling named N; read, never written. */
  private static final String LEGACY_N = "n";
  private static final String USERS = "users";

  /** True when the re-rank covers a user group rather than every user. */
  public boolean isGroup() {
    return users != null;
  }

  /** The same lineage at another λ (one derived experiment per λ of a sweep). */
  public RerankLineage withLambda(double other) {
    return new RerankLineage(parent, parentId, objective, sim, other, k, nCandidates, users);
  }

  public JsonObject toJson() {
    return new JsonObject().put(PARENT, parent).put(PARENT_ID, parentId)
        .put(OBJECTIVE, objective).put(SIM, sim).put(LAMBDA, lambda).put(K, k)
        .put(N_CANDIDATES, nCandidates).put(USERS, users);
  }

  /** Null for null (an uploaded experiment has no lineage). */
  public static RerankLineage fromJson(JsonObject j) {
    if (j == null) {
      return null;
    }
    Integer n = j.getInteger(N_CANDIDATES, j.getInteger(LEGACY_N));
    return new RerankLineage(j.getString(PARENT), j.getString(PARENT_ID), j.getString(OBJECTIVE),
        j.getString(SIM), j.getDouble(LAMBDA), j.getInteger(K), n == null ? j.getInteger(K) : n,
        j.getInteger(USERS));
  }
}
