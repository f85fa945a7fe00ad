package org.web4rec.core.rerank;

import org.web4rec.core.data.Parallel;
import java.util.Arrays;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.similarity.SimilaritySource;

/**
 * A re-rank with everything that does not depend on λ or K computed once: the similarity
 * source's precomputation (e.g. the cooc pair table), unexpectedness's history sums, novelty's
 * per-item gains. {@link #rerank} then costs O(N·K) per user for MMR-style objectives, O(N·K²)
 * for the DPP and O(K·(G_u + N·g)) for calibration (G_u the user's distinct column values, g the
 * values per item), so a λ sweep pays the precomputation once. Immutable and safe to share;
 * obtain one from {@link Reranker#prepare}.
 */
public final class PreparedRerank {

  /**
   * Scores closer than this count as tied, so a tie goes to the parent's rank even when two
   * mathematically equal scores were summed in different orders (e.g. 0.2 + 0.6 vs 0.3 + 0.5).
   */
  static final double TIE = 1e-12;

  private final RerankInput in;
  private final Objective objective;
  private final int[] users;
  private final int threads;
  private final SimilaritySource similarity; // diversity, dpp
  private final double[] staticGain; // novelty, unexpectedness: per candidate position
  private final int[][] calibrationColumn;
  private final int calibrationCodes;
  private final int calibrationMaxValues; // most values on one item

  PreparedRerank(RerankInput in, Objective objective, int[] users, int threads,
      CoocTable shared) {
    this.in = in;
    this.objective = objective;
    this.users = users;
    this.threads = threads;
    CandidateLists c = in.candidates();
    Objective.Kind kind = objective.kind();
    SimilaritySource sim = null;
    double[] gain = null;
    int[][] column = null;
    int codes = 0;
    int maxValues = 0;
    switch (kind) {
      case DIVERSITY, DPP -> sim = in.similarity(objective.source(), users, true,
          threads, shared);
      case UNEXPECTEDNESS -> {
        SimilaritySource history =
            in.similarity(objective.source(), users, false, threads, null);
        gain = new double[c.total()];
        history.historySums(c, in.train(), users, gain, threads);
        Csr train = in.train();
        for (int u : users) {
          int h = u < train.rows() ? train.size(u) : 0;
          for (int p = c.start(u); p < c.end(u); p++) {
            // 1 - mean similarity to H_u, clipped to [0,1]; no history: no unexpectedness.
            gain[p] = h == 0 ? 0.0 : Math.min(1.0, Math.max(0.0, 1.0 - gain[p] / h));
          }
        }
      }
      case NOVELTY -> {
        gain = new double[c.total()];
        int nu = in.usersWithTrain();
        double logUsers = Math.log(nu);
        for (int u : users) {
          for (int p = c.start(u); p < c.end(u); p++) {
            int pop = Math.max(in.pop()[c.items()[p]], 1);
            // -log(max(pop,1)/|U_train|) / log|U_train|; undefined (0) with |U_train| < 2.
            gain[p] = nu >= 2 ? -Math.log((double) pop / nu) / logUsers : 0.0;
          }
        }
      }
      case CALIBRATION -> {
        column = in.multiValued().get(objective.source());
        if (column == null) {
          throw new IllegalArgumentException("calibration needs the column '"
              + objective.source() + "', but the input has " + in.multiValued().keySet());
        }
        for (int[] v : column) {
          if (v != null && v.length > 0) {
            codes = Math.max(codes, v[v.length - 1] + 1);
            maxValues = Math.max(maxValues, v.length);
          }
        }
      }
      default -> throw new IllegalStateException("unhandled objective " + kind);
    }
    this.similarity = sim;
    this.staticGain = gain;
    this.calibrationColumn = column;
    this.calibrationCodes = codes;
    this.calibrationMaxValues = maxValues;
  }

  /** @return the objective */
  public Objective objective() {
    return objective;
  }

  /** @return the re-ranked users, ascending (a copy) */
  public int[] users() {
    return users.clone();
  }

  /**
   * Re-ranks every prepared user.
   *
   * @param lambda weight of the objective, in [0,1]; 0 returns the parent's top-K
   * @param k list length, >= 1; a user with fewer candidates keeps them all
   * @return the re-ranked lists
   * @throws IllegalArgumentException if λ is outside [0,1] or k < 1
   */
  public RerankResult rerank(double lambda, int k) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must lie in [0,1], got " + lambda);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    CandidateLists c = in.candidates();
    int nUsers = c.users();
    int[] offsets = new int[nUsers + 1];
    int longest = 0;
    int next = 0;
    for (int u = 0; u < nUsers; u++) {
      if (next < users.length && users[next] == u) {
        offsets[u + 1] = Math.min(k, c.size(u));
        longest = Math.max(longest, c.size(u));
        next++;
      }
      offsets[u + 1] += offsets[u];
    }
    int[] outItems = new int[offsets[nUsers]];
    float[] outScores = new float[offsets[nUsers]];
    int[] outParent = new int[offsets[nUsers]];
    int maxN = longest;
    int kk = Math.min(k, maxN);
    Parallel.forRanges(users.length, 64, threads, () -> new Scratch(maxN, kk), (sc, lo, hi) -> {
      for (int r = lo; r < hi; r++) {
        int u = users[r];
        int n = c.size(u);
        int len = Math.min(k, n);
        if (len == 0) {
          continue;
        }
        if (lambda == 0) {
          for (int t = 0; t < len; t++) {
            sc.picks[t] = t;
          }
        } else {
          relevance(c.scores(), c.start(u), n, sc.rel);
          switch (objective.kind()) {
            case DIVERSITY -> mmr(u, n, len, lambda, sc);
            case DPP -> dpp(u, n, len, lambda, sc);
            case CALIBRATION -> calibration(u, n, len, lambda, sc);
            default -> staticGreedy(c.start(u), n, len, lambda, sc);
          }
        }
        int base = offsets[u];
        for (int t = 0; t < len; t++) {
          int p = sc.picks[t];
          outItems[base + t] = c.items()[c.start(u) + p];
          outScores[base + t] = k - t;
          outParent[base + t] = p;
        }
      }
    });
    return new RerankResult(objective, lambda, k,
        CandidateLists.ofSorted(offsets, outItems, outScores), outParent, users.clone());
  }

  /** Per-worker scratch. */
  private final class Scratch {
    final double[] rel;
    final double[] gain;
    final double[] sumSim;
    final double[] col;
    final double[] logWeight;
    final double[] diag;
    final boolean[] taken;
    final int[] picks;
    final SimilaritySource.View view;
    final FastGreedyDpp.Scratch dpp;
    final Calibration cal;

    Scratch(int n, int k) {
      rel = new double[n];
      gain = new double[n];
      sumSim = new double[n];
      col = new double[n];
      logWeight = new double[n];
      diag = new double[n];
      taken = new boolean[n];
      picks = new int[Math.max(k, 1)];
      view = similarity != null ? similarity.view() : null;
      dpp = objective.kind() == Objective.Kind.DPP ? new FastGreedyDpp.Scratch() : null;
      cal = calibrationColumn != null ? new Calibration(n) : null;
    }
  }

  /**
   * rel(i) = min-max scaled score within C_u, 1 for all when the scores are equal. Infinite
   * scores are treated as ±Float.MAX_VALUE so the scale stays finite.
   */
  static void relevance(float[] scores, int from, int n, double[] rel) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double s = clamp(scores[from + i]);
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    double range = max - min;
    for (int i = 0; i < n; i++) {
      rel[i] = range > 0 ? (clamp(scores[from + i]) - min) / range : 1.0;
    }
  }

  private static double clamp(float s) {
    return Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, s));
  }

  /** Greedy with a gain that does not depend on S (novelty, unexpectedness): O(N·K). */
  private void staticGreedy(int from, int n, int len, double lambda, Scratch sc) {
    System.arraycopy(staticGain, from, sc.gain, 0, n);
    greedyOnScores(n, len, lambda, sc.rel, sc.gain, sc);
  }

  /**
   * Average-distance MMR: gain(i|S) = mean_{j ∈ S} (1 - sim(i,j)) = 1 - Σ_{j ∈ S} sim(i,j) / |S|,
   * 0 when S is empty. The running sums Σ_{j ∈ S} sim(i,j) take one similarity column per pick:
   * O(N·K) per user.
   */
  private void mmr(int u, int n, int len, double lambda, Scratch sc) {
    CandidateLists c = in.candidates();
    sc.view.bind(c.items(), c.start(u), n);
    double[] sum = sc.sumSim;
    for (int i = 0; i < n; i++) {
      sum[i] = 0;
      sc.taken[i] = false;
    }
    for (int t = 0; t < len; t++) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (sc.taken[i]) {
          continue;
        }
        double gain = t == 0 ? 0.0 : 1.0 - sum[i] / t;
        double score = (1 - lambda) * sc.rel[i] + lambda * gain;
        if (best < 0 || score > bestScore + TIE) {
          best = i;
          bestScore = score;
        }
      }
      sc.taken[best] = true;
      sc.picks[t] = best;
      if (t + 1 < len) {
        sc.view.column(best, sc.col);
        for (int i = 0; i < n; i++) {
          sum[i] += sc.col[i];
        }
      }
    }
  }

  /**
   * DPP with r_i = exp(θ rel(i) / (2(1-θ))), θ = 1 - λ, so ln r_i² = θ rel(i) / (1-θ); λ = 1
   * gives r = 1. Once the gain is exhausted the rest is filled by rel, ties by parent rank.
   */
  private void dpp(int u, int n, int len, double lambda, Scratch sc) {
    CandidateLists c = in.candidates();
    sc.view.bind(c.items(), c.start(u), n);
    double theta = 1 - lambda;
    double factor = theta / (1 - theta); // finite: λ > 0 here
    for (int i = 0; i < n; i++) {
      sc.logWeight[i] = factor * sc.rel[i];
      sc.diag[i] = sc.view.self(i);
    }
    int m = FastGreedyDpp.select(n, len, sc.logWeight, sc.diag, sc.view::column, sc.picks,
        sc.dpp);
    if (m < len) {
      boolean[] taken = sc.taken;
      Arrays.fill(taken, 0, n, false);
      for (int t = 0; t < m; t++) {
        taken[sc.picks[t]] = true;
      }
      for (int t = m; t < len; t++) {
        int best = -1;
        for (int i = 0; i < n; i++) {
          if (!taken[i] && (best < 0 || sc.rel[i] > sc.rel[best])) {
            best = i;
          }
        }
        taken[best] = true;
        sc.picks[t] = best;
      }
    }
  }

  /** Per-worker state of the calibration greedy. */
  private final class Calibration {
    final double[] pw = new double[calibrationCodes]; // p weights by code
    final int[] slot = new int[calibrationCodes]; // code → support slot + 1, 0 = not in support
    int[] support = new int[16];
    double[] p = new double[16];
    double[] qw = new double[16];
    final boolean[] hasValues;
    final int[] candOff;
    int[] candSlot = new int[64];
    int[] candLen = new int[64];
    // Per step, the correction p_t ln(q̃ with / q̃ without) of slot t for an item with m values
    // depends only on (t, m): memo[t * (maxValues + 1) + m], valid when memoStep[...] == step.
    double[] memo = new double[16];
    int[] memoStep = new int[16];
    int step;

    Calibration(int n) {
      hasValues = new boolean[n];
      candOff = new int[n + 1];
    }
  }

  private static final double ALPHA = 0.01; // q̃ = (1 - α) q + α p, Steck 2018
  private static final double LN2 = Math.log(2);

  /**
   * Calibration (Steck 2018): gain(i|S) = KL(p ‖ q̃(S)) - KL(p ‖ q̃(S ∪ {i})), in bits, p from
   * H_u and q from S, each item spreading weight 1/|values| over its values (items without a
   * value ignored), q̃ = 0.99 q + 0.01 p, q = 0 while no item of S has a value, the sum over
   * values with p > 0 — the {@code miscalibration} metric's definition. An item without a value
   * leaves q̃ unchanged (gain 0); a user without a value in H_u has gain 0 everywhere.
   *
   * <p>Adding any valued item raises the count of valued items to n_q + 1, which rescales every
   * q; that common part, B = Σ_g p_g log(p_g / q̃_g) at n_q + 1 without the item's own weights,
   * is computed once per step, and each candidate only corrects the values it carries: O(G_u +
   * N·g) per step. A correction depends only on the value's slot and the item's number of
   * values, so each distinct one costs one logarithm per step.
   */
  private void calibration(int u, int n, int len, double lambda, Scratch sc) {
    Calibration cs = sc.cal;
    int[][] col = calibrationColumn;
    Csr train = in.train();
    int[] hist = train.values();
    int hs = u < train.rows() ? train.start(u) : 0;
    int he = u < train.rows() ? train.end(u) : 0;
    int np = 0;
    int g = 0;
    for (int x = hs; x < he; x++) {
      int[] v = col[hist[x]];
      if (v == null || v.length == 0) {
        continue;
      }
      np++;
      double w = 1.0 / v.length;
      for (int code : v) {
        if (cs.slot[code] == 0) {
          if (g == cs.support.length) {
            cs.support = Arrays.copyOf(cs.support, 2 * g);
            cs.p = Arrays.copyOf(cs.p, 2 * g);
            cs.qw = Arrays.copyOf(cs.qw, 2 * g);
          }
          cs.support[g] = code;
          cs.slot[code] = ++g;
        }
        cs.pw[code] += w;
      }
    }
    if (np == 0) {
      Arrays.fill(sc.gain, 0, n, 0.0);
      greedyOnScores(n, len, lambda, sc.rel, sc.gain, sc);
      return;
    }
    for (int t = 0; t < g; t++) {
      int code = cs.support[t];
      cs.p[t] = cs.pw[code] / np;
      cs.qw[t] = 0;
    }
    // Each candidate's values within the support, as (slot, weight).
    CandidateLists c = in.candidates();
    int nc = 0;
    for (int i = 0; i < n; i++) {
      int[] v = col[c.items()[c.start(u) + i]];
      cs.hasValues[i] = v != null && v.length > 0;
      cs.candOff[i] = nc;
      if (!cs.hasValues[i]) {
        continue;
      }
      if (cs.candSlot.length < nc + v.length) {
        cs.candSlot = Arrays.copyOf(cs.candSlot, 2 * (nc + v.length));
        cs.candLen = Arrays.copyOf(cs.candLen, cs.candSlot.length);
      }
      for (int code : v) {
        if (code < calibrationCodes && cs.slot[code] != 0) {
          cs.candSlot[nc] = cs.slot[code] - 1;
          cs.candLen[nc] = v.length;
          nc++;
        }
      }
    }
    cs.candOff[n] = nc;
    int stride = calibrationMaxValues + 1;
    if (cs.memo.length < g * stride) {
      cs.memo = new double[g * stride];
      cs.memoStep = new int[g * stride];
      cs.step = 0;
    }
    boolean[] taken = sc.taken;
    Arrays.fill(taken, 0, n, false);
    int nq = 0;
    for (int step = 0; step < len; step++) {
      if (++cs.step == Integer.MAX_VALUE) {
        Arrays.fill(cs.memoStep, 0);
        cs.step = 1;
      }
      double klS = 0;
      double base = 0;
      double next = nq + 1;
      for (int t = 0; t < g; t++) {
        double p = cs.p[t];
        double q = nq > 0 ? cs.qw[t] / nq : 0.0;
        klS += p * Math.log(p / ((1 - ALPHA) * q + ALPHA * p));
        base += p * Math.log(p / ((1 - ALPHA) * cs.qw[t] / next + ALPHA * p));
      }
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        double gain = 0;
        if (cs.hasValues[i]) {
          double kl = base;
          for (int x = cs.candOff[i]; x < cs.candOff[i + 1]; x++) {
            int t = cs.candSlot[x];
            int m = t * stride + cs.candLen[x];
            if (cs.memoStep[m] != cs.step) {
              double p = cs.p[t];
              double without = (1 - ALPHA) * cs.qw[t] / next + ALPHA * p;
              double with = (1 - ALPHA) * (cs.qw[t] + 1.0 / cs.candLen[x]) / next + ALPHA * p;
              cs.memo[m] = p * Math.log(with / without);
              cs.memoStep[m] = cs.step;
            }
            kl -= cs.memo[m];
          }
          gain = (klS - kl) / LN2;
        }
        double score = (1 - lambda) * sc.rel[i] + lambda * gain;
        if (best < 0 || score > bestScore + TIE) {
          best = i;
          bestScore = score;
        }
      }
      taken[best] = true;
      sc.picks[step] = best;
      if (cs.hasValues[best]) {
        nq++;
        for (int x = cs.candOff[best]; x < cs.candOff[best + 1]; x++) {
          cs.qw[cs.candSlot[x]] += 1.0 / cs.candLen[x];
        }
      }
    }
    for (int t = 0; t < g; t++) {
      int code = cs.support[t];
      cs.pw[code] = 0;
      cs.slot[code] = 0;
    }
  }

  /** Top-{@code len} of (1-λ) rel + λ gain, ties by parent rank. */
  private static void greedyOnScores(
      int n, int len, double lambda, double[] rel, double[] gain, Scratch sc) {
    for (int i = 0; i < n; i++) {
      sc.taken[i] = false;
    }
    for (int t = 0; t < len; t++) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double score = (1 - lambda) * rel[i] + lambda * gain[i];
        if (!sc.taken[i] && (best < 0 || score > bestScore + TIE)) {
          best = i;
          bestScore = score;
        }
      }
      sc.taken[best] = true;
      sc.picks[t] = best;
    }
  }
}
