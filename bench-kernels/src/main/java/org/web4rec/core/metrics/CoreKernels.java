package org.web4rec.core.metrics;

import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

/**
 * Bench-only bridge into core's package-private {@link ListSimilarity}, so the kernel benchmarks
 * time exactly what core runs today. Lives in the bench-kernels module (same package name on the
 * class path); core itself is unchanged.
 */
public final class CoreKernels {

  private final ListCut cut;

  /** Prepared once (not timed): fixed-length lists as a core ListCut. */
  public CoreKernels(int[] lists, int k) {
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
   * core's {@code emb} kernel: per position, Σ_{j ∈ H_u} cos and Σ_{q<p} cos.
   *
   * @return {toHistory, toEarlier}
   */
  public double[][] embedding(float[][] emb, int dim, Csr train, int threads) {
    ListSimilarity s = ListSimilarity.embedding(emb, dim, train, cut, threads);
    return new double[][] {s.toHistory, s.toEarlier};
  }

  /** core's {@code cooc} kernel. @return {toHistory, toEarlier} */
  public double[][] cooc(Csr train, int nItems, int threads) {
    ListSimilarity s = ListSimilarity.cooc(train, nItems, cut, threads);
    return new double[][] {s.toHistory, s.toEarlier};
  }
}
