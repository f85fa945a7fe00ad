package org.web4rec.bench.kernels;

import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.similarity.CoocSimilarity;
import org.web4rec.core.similarity.EmbeddingSimilarity;
import org.web4rec.core.similarity.ListCut;
import org.web4rec.core.similarity.ListSums;

/**
 * Core's similarity list sums as the beyond-accuracy metrics call them (the public {@code
 * org.web4rec.core.similarity} API), so the kernel benchmarks time exactly what core runs today.
 */
final class CoreKernels {

  private final ListCut cut;

  /** Prepared once (not timed): fixed-length lists as a core ListCut. */
  CoreKernels(int[] lists, int k) {
    int users = lists.length / k;
    int[] offsets = new int[users + 1];
    float[] scores = new float[lists.length];
    for (int u = 0; u < users; u++) {
      offsets[u + 1] = offsets[u] + k;
      for (int p = 0; p < k; p++) {
        scores[u * k + p] = k - p;
      }
    }
    this.cut = ListCut.of(CandidateLists.ofSorted(offsets, lists, scores), k);
  }

  /**
   * core's {@code emb} kernel, normalisation included: per position, Σ_{j ∈ H_u} cos and Σ_{q<p}
   * cos.
   *
   * @return {toHistory, toEarlier}
   */
  double[][] embedding(float[][] emb, int dim, Csr train, int threads) {
    return pair(new EmbeddingSimilarity(emb, dim).listSums(train, cut, threads));
  }

  /** core's {@code cooc} kernel, counting (no dataset table). @return {toHistory, toEarlier} */
  double[][] cooc(Csr train, int nItems, int threads) {
    return pair(new CoocSimilarity(train, nItems, null).listSums(train, cut, threads));
  }

  private static double[][] pair(ListSums s) {
    return new double[][] {s.toHistory(), s.toEarlier()};
  }
}
