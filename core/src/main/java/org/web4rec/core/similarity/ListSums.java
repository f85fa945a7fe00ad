package org.web4rec.core.similarity;

/**
 * The two similarity sums every sim-based metric needs, per position p of a {@link ListCut}
 * (item i = L_u[p] of user u).
 *
 * @param toHistory Σ_{j ∈ H_u} sim(i, j) (unexpectedness, serendipity)
 * @param toEarlier Σ_{q < p} sim(i, L_u[q]) (diversity: summing it over p < K gives the sum over
 *     all unordered pairs of the first K, for every K at once)
 */
public record ListSums(double[] toHistory, double[] toEarlier) {

  static ListSums zeros(int positions) {
    return new ListSums(new double[positions], new double[positions]);
  }
}
