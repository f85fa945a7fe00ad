package org.web4rec.core.rerank;

import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.BeyondAccuracyMetrics;

/**
 * One similarity source of METRICS.md ({@code cooc}, {@code genre.<col>}, {@code emb}) as the
 * re-rankers need it:
 *
 * <ul>
 *   <li>{@link View#column}: sim(c_i, c_s) for every candidate c_i of one user and one chosen
 *       c_s. MMR and the DPP ask for one column per chosen item, so a user costs O(N·K)
 *       similarity entries, never the whole N × N block and never a column twice.
 *   <li>{@link #historySums}: Σ_{j ∈ H_u} sim(c, j) for every candidate c of the selected users
 *       (unexpectedness), computed once, since it does not depend on λ.
 * </ul>
 *
 * <p>sim(i,i) is the source's formula applied to the pair (i,i): 1, except 0 for an item
 * without a representation (no train user for cooc, an empty value set for Jaccard, no or a
 * zero embedding for emb), which has similarity 0 to everything. With that convention every
 * source's matrix is positive semi-definite, which the DPP needs: cooc and emb are Gram
 * matrices of unit (or zero) vectors; Jaccard is PSD because J(A,B) = Pr[min-hash(A) =
 * min-hash(B)] under a random permutation = E[Σ_v 1{m(A)=v} 1{m(B)=v}], an expectation of Gram
 * matrices of indicator vectors (the empty set's vector being zero).
 */
abstract class SimilaritySource {

  /**
   * A per-thread cursor over one user's candidates at a time; not thread-safe.
   */
  abstract static class View {

    /** Binds the candidates {@code items[from .. from+n)}. */
    abstract void bind(int[] items, int from, int n);

    /** @return sim(c_i, c_i), 1 or 0 (see the class comment) */
    abstract double self(int i);

    /** Fills {@code out[0..n)} with sim(c_i, c_s); {@code out[s]} is {@link #self}(s). */
    abstract void column(int s, double[] out);
  }

  /** @return a new view for one worker thread */
  abstract View view();

  /**
   * @param c the candidate lists
   * @param train train items per user
   * @param users the users whose positions to fill, ascending
   * @param out aligned with {@code c.items()}: receives Σ_{j ∈ H_u} sim(c, j) at each position of
   *     the given users; other positions are left alone
   * @param threads threads to use
   */
  abstract void historySums(CandidateLists c, Csr train, int[] users, double[] out, int threads);

  /**
   * @param source {@code cooc}, {@code genre.<col>} or {@code emb}
   * @param in the input
   * @param users the selected users, ascending (their candidates are the only ones asked for)
   * @param columns whether {@link #view()} will be used (cooc then builds its pair table)
   * @param threads threads for any precomputation
   * @param sharedCooc the dataset's co-occurrence table over every train item, or null
   * @return the source
   * @throws IllegalArgumentException when the column or the embeddings are missing
   */
  static SimilaritySource of(
      String source, RerankInput in, int[] users, boolean columns, int threads,
      CoocTable sharedCooc) {
    if (source.equals(BeyondAccuracyMetrics.COOC)) {
      return sharedCooc == null
          ? new CoocSimilarity(in.train(), in.nItems(), in.candidates(), users, columns, threads)
          : new CoocSimilarity(in.train(), in.nItems(), in.candidates(), users, columns, threads,
              Long.MAX_VALUE, sharedCooc);
    }
    if (source.equals(BeyondAccuracyMetrics.EMB)) {
      if (in.itemEmbeddings() == null) {
        throw new IllegalArgumentException("similarity source emb needs item embeddings");
      }
      return new EmbeddingSimilarity(in.itemEmbeddings(), in.embeddingDimension());
    }
    String col = source.substring(BeyondAccuracyMetrics.GENRE_PREFIX.length());
    int[][] values = in.multiValued().get(col);
    if (values == null) {
      throw new IllegalArgumentException("similarity source " + source + " needs the column '"
          + col + "', but the input has " + in.multiValued().keySet());
    }
    return new JaccardSimilarity(values);
  }
}
