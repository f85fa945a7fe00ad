package org.web4rec.core.similarity;

import java.util.function.Supplier;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Parallel;
import org.web4rec.core.lists.CandidateLists;

/**
 * One similarity source of METRICS.md ({@code cooc}, {@code genre.<col>}, {@code emb}), in the
 * three shapes its consumers need:
 *
 * <ul>
 *   <li>{@link #listSums}: per position of cut lists, the sums to the history and to the earlier
 *       positions (the beyond-accuracy metrics);
 *   <li>{@link View#column}: sim(c_i, c_s) for every candidate c_i of one user and one chosen
 *       c_s. MMR and the DPP ask for one column per chosen item, so a user costs O(N·K)
 *       similarity entries, never the whole N × N block and never a column twice;
 *   <li>{@link #historySums}: Σ_{j ∈ H_u} sim(c, j) for every candidate c of the selected users
 *       (re-ranking for unexpectedness), computed once, since it does not depend on λ.
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
public abstract class SimilaritySource {

  /** Name of the co-occurrence source. */
  public static final String COOC = "cooc";

  /** Name of the embedding source. */
  public static final String EMB = "emb";

  /** Prefix of the Jaccard sources, followed by the multi-valued column's name. */
  public static final String GENRE_PREFIX = "genre.";

  SimilaritySource() {}

  /**
   * @param s a name
   * @return whether {@code s} names a source: {@code cooc}, {@code emb} or {@code genre.<col>}
   */
  public static boolean isSource(String s) {
    return s.equals(COOC) || s.equals(EMB)
        || (s.startsWith(GENRE_PREFIX) && s.length() > GENRE_PREFIX.length());
  }

  /**
   * A per-thread cursor over one user's candidates at a time; not thread-safe.
   */
  public abstract static class View {

    View() {}

    /** Binds the candidates {@code items[from .. from+n)}. */
    public abstract void bind(int[] items, int from, int n);

    /** @return sim(c_i, c_i), 1 or 0 (see the class comment) */
    public abstract double self(int i);

    /** Fills {@code out[0..n)} with sim(c_i, c_s); {@code out[s]} is {@link #self}(s). */
    public abstract void column(int s, double[] out);
  }

  /** @return a new view for one worker thread */
  public abstract View view();

  /**
   * @param c the candidate lists
   * @param train train items per user
   * @param users the users whose positions to fill, ascending
   * @param out aligned with {@code c.items()}: receives Σ_{j ∈ H_u} sim(c, j) at each position of
   *     the given users; other positions are left alone
   * @param threads threads to use
   */
  public abstract void historySums(
      CandidateLists c, Csr train, int[] users, double[] out, int threads);

  /**
   * @param train train items per user (the same the source was built from)
   * @param cut the lists
   * @param threads threads to use
   * @return per position, the similarity sums to the user's history and to the earlier positions
   */
  public abstract ListSums listSums(Csr train, ListCut cut, int threads);

  /** The list sums of one row of a cut: user {@code user}, positions {@code [from, to)}. */
  interface RowSums<S> {
    void fill(S scratch, int user, int from, int to, double[] toHistory, double[] toEarlier);
  }

  /** Runs a user-major list-sums kernel: rows are independent, so 256 rows make a task. */
  static <S> ListSums byRow(ListCut cut, int threads, Supplier<S> scratch, RowSums<S> body) {
    ListSums out = ListSums.zeros(cut.items().length);
    int[] users = cut.users();
    Parallel.forRanges(cut.rows(), 256, threads, scratch, (s, from, to) -> {
      for (int r = from; r < to; r++) {
        body.fill(s, users[r], cut.start(r), cut.end(r), out.toHistory(), out.toEarlier());
      }
    });
    return out;
  }
}
