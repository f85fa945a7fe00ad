package org.web4rec.core.rerank;

/**
 * Fast greedy MAP inference for a DPP (Chen, Zhang, Zhou, "Fast Greedy MAP Inference for
 * Determinantal Point Process to Improve Recommendation Diversity", NeurIPS 2018, Algorithm 1).
 *
 * <p>The kernel is L = Diag(r) S Diag(r). Greedy MAP adds, at each step, the item j maximising
 * log det(L_{S ∪ {j}}) = log det(L_S) + log d_j², where d_j² is the squared pivot of j in an
 * incremental Cholesky factorisation of L_S. For each remaining i the algorithm keeps the row c_i
 * of that factor and d_i²; adding j updates every i in O(|S|): e_i = (L_ji - ⟨c_j, c_i⟩) / d_j,
 * c_i ← [c_i, e_i], d_i² ← d_i² - e_i². K picks over N candidates cost O(N K²) and need only the
 * K kernel columns of the picked items (O(N K) similarity entries), never a determinant.
 *
 * <p>Scaling: the factor of L is Diag(r) times the factor of S, so d_i²(L) = r_i² d_i²(S). The
 * iteration runs on S and compares r_i² d_i²(S) with r_i² rescaled by the largest r², which
 * cannot overflow however large θ / (1-θ) is; if every rescaled weight with a positive pivot
 * underflowed the step compares logarithms instead. The stopping test is on the unscaled kernel,
 * as written in METRICS.md: the greedy stops once the best d_j²(L) = r_j² d_j²(S) is below
 * {@link #MIN_GAIN}.
 *
 * <p>Ties go to the lowest index (the parent's rank); gains within a relative {@link #TIE} count
 * as tied.
 */
final class FastGreedyDpp {

  /** The greedy stops once the best squared pivot of L falls below this. */
  static final double MIN_GAIN = 1e-10;

  private static final double LOG_MIN_GAIN = Math.log(MIN_GAIN);

  /**
   * Relative difference under which two gains count as tied (then the lower index wins): equal
   * gains reached through different Cholesky paths differ in their last bits.
   */
  static final double TIE = 1e-9;

  /** A column source of the similarity matrix S. */
  interface Columns {
    /** Fills {@code out[0..n)} with S_{i,s}. */
    void column(int s, double[] out);
  }

  /** Reusable work arrays for up to {@code n} candidates and {@code k} picks. */
  static final class Scratch {
    double[] c = new double[0];
    double[] d2 = new double[0];
    double[] col = new double[0];
    double[] weight = new double[0];
    boolean[] taken = new boolean[0];

    void ensure(int n, int k) {
      if (d2.length < n) {
        d2 = new double[n];
        col = new double[n];
        weight = new double[n];
        taken = new boolean[n];
      }
      if (c.length < n * k) {
        c = new double[n * k];
      }
    }
  }

  private FastGreedyDpp() {}

  /**
   * Greedy MAP picks for L = Diag(r) S Diag(r).
   *
   * @param n number of candidates
   * @param k most picks
   * @param logWeight ln r_i² of each candidate (0 for a plain kernel L = S)
   * @param diag S_ii of each candidate
   * @param s columns of S
   * @param out receives the picks in order
   * @param sc scratch
   * @return the number of picks made before the gain fell below {@link #MIN_GAIN} (at most k)
   */
  static int select(int n, int k, double[] logWeight, double[] diag, Columns s, int[] out,
      Scratch sc) {
    k = Math.min(k, n);
    if (k <= 0) {
      return 0;
    }
    sc.ensure(n, k);
    double[] c = sc.c;
    double[] d2 = sc.d2;
    double[] col = sc.col;
    double[] weight = sc.weight;
    boolean[] taken = sc.taken;
    double maxLog = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      maxLog = Math.max(maxLog, logWeight[i]);
    }
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < n; i++) {
      weight[i] = Math.exp(logWeight[i] - maxLog);
      d2[i] = diag[i];
      taken[i] = false;
      double score = weight[i] * d2[i];
      if (d2[i] > 0 && (best < 0 || score > bestScore * (1 + TIE))) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0 && !(bestScore > 0)) {
      best = logArgmax(n, logWeight, d2, taken);
    }
    int m = 0;
    // c[i * k + t]: row i of the Cholesky factor, contiguous so ⟨c_i, c_j⟩ streams.
    while (best >= 0 && Math.log(d2[best]) + logWeight[best] >= LOG_MIN_GAIN) {
      int j = best;
      out[m] = j;
      taken[j] = true;
      int t = m;
      m++;
      if (m == k) {
        break;
      }
      s.column(j, col);
      double inv = 1.0 / Math.sqrt(d2[j]);
      int cj = j * k;
      best = -1;
      bestScore = 0;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        int ci = i * k;
        double dot = 0;
        for (int x = 0; x < t; x++) {
          dot += c[ci + x] * c[cj + x];
        }
        double e = (col[i] - dot) * inv;
        c[ci + t] = e;
        double d = d2[i] - e * e;
        d2[i] = d;
        double score = weight[i] * d;
        if (d > 0 && (best < 0 || score > bestScore * (1 + TIE))) {
          best = i;
          bestScore = score;
        }
      }
      if (best >= 0 && !(bestScore > 0)) {
        best = logArgmax(n, logWeight, d2, taken);
      }
    }
    return m;
  }

  /** Argmax of ln r_i² + ln d_i² over untaken i with d_i² > 0, lowest index on ties; -1 if none. */
  private static int logArgmax(int n, double[] logWeight, double[] d2, boolean[] taken) {
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (!taken[i] && d2[i] > 0) {
        double score = logWeight[i] + Math.log(d2[i]);
        if (best < 0 || score > bestScore + TIE) {
          best = i;
          bestScore = score;
        }
      }
    }
    return best;
  }
}
