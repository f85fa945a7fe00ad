package org.web4rec.core.stats;

/**
 * Paired samples and the p-values scipy 1.17.1 gives for them, shared by the significance tests.
 *
 * <p>Produced by this script (python3 -m venv /tmp/statsref; /tmp/statsref/bin/pip install scipy
 * numpy). It rounds d = b - a to 10 decimals before the Wilcoxon test so that floating-point noise
 * (0.19999999999999998 vs 0.2) cannot split ties, which is what our 2^-40 grid does:
 *
 * <pre>
 * import numpy as np
 * from scipy import stats
 *
 * def show(name, a, b):
 *     d = np.round(np.asarray(b) - np.asarray(a), 10)
 *     t = stats.ttest_rel(b, a)
 *     print(name, list(a), list(b), float(t.statistic), float(t.pvalue))
 *     for method in ["exact", "asymptotic"]:
 *         for corr in [True, False]:
 *             if method == "exact" and not corr: continue
 *             r = stats.wilcoxon(d, zero_method="wilcox", correction=corr, method=method)
 *             print(method, corr, float(r.statistic), float(r.pvalue),
 *                   float(getattr(r, "zstatistic", float("nan"))))
 *
 * a1 = [0.5, 0.25, 0.75, 0.0, 1.0, 0.5, 0.25, 0.5, 1.0, 0.75]
 * d1 = [0.5, -0.125, 0.0625, 0.375, -0.1875, 0.25, 0.0, 0.4375, 0.3125, -0.5625]
 * show("exact", a1, [x + y for x, y in zip(a1, d1)])
 *
 * rng = np.random.default_rng(7)
 * a2 = rng.integers(0, 6, 40) / 10
 * b2 = np.clip(a2 + rng.integers(-2, 4, 40) / 10, 0, 1)
 * show("ties", a2.tolist(), b2.tolist())
 *
 * rng = np.random.default_rng(11)
 * a3 = np.round(rng.uniform(0, 1, 30), 6)
 * b3 = np.round(a3 + rng.normal(0.08, 0.2, 30), 6)
 * show("normal30", a3.tolist(), b3.tolist())
 * </pre>
 *
 * <p>scipy's wilcoxon reports min(W+, W-) as its statistic and a z of negative sign; we report
 * W+ and a z whose sign is that of W+ - n(n+1)/4, so the tests compare |z|.
 */
final class ScipyReference {

  private ScipyReference() {}

  /** 10 users, one zero difference, no ties among |d|: the exact Wilcoxon branch. */
  static final class Exact {
    static final double[] A = {0.5, 0.25, 0.75, 0.0, 1.0, 0.5, 0.25, 0.5, 1.0, 0.75};
    static final double[] B = {
      1.0, 0.125, 0.8125, 0.375, 0.8125, 0.75, 0.25, 0.9375, 1.3125, 0.1875
    };
    static final double T = 1.007779191523436;
    static final double T_P = 0.3398853511302459;
    /** W- by hand: the negative |d| 0.125, 0.1875, 0.5625 have ranks 2, 3 and 9. */
    static final double W_MINUS = 14.0;
    /** method='exact' (= 2 P(W <= 14) for n = 9 = 184/512). */
    static final double WILCOXON_EXACT_P = 0.359375;
    static final double MEAN_DIFF = 0.10625;
  }

  /** 40 precision@10-like users with ties, zeros and floating-point noise in b. */
  static final class Ties {
    static final double[] A = {
      0.5, 0.3, 0.4, 0.5, 0.3, 0.4, 0.5, 0.1, 0.0, 0.1, 0.1, 0.5, 0.5, 0.0, 0.2, 0.4, 0.0, 0.4,
      0.0, 0.2, 0.4, 0.1, 0.2, 0.1, 0.4, 0.1, 0.5, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3, 0.5, 0.4, 0.4,
      0.4, 0.3, 0.2, 0.5
    };
    static final double[] B = {
      0.5, 0.19999999999999998, 0.7, 0.3, 0.6, 0.5, 0.3, 0.0, 0.0, 0.0, 0.0, 0.6, 0.8, 0.0, 0.4,
      0.7, 0.2, 0.5, 0.0, 0.30000000000000004, 0.30000000000000004, 0.1, 0.2, 0.0, 0.7, 0.0, 0.3,
      0.1, 0.5, 0.5, 0.6, 0.19999999999999998, 0.5, 0.5, 0.4, 0.2, 0.5, 0.5, 0.30000000000000004,
      0.3
    };
    static final double T = 1.6954147873552636;
    static final double T_P = 0.09796763310352823;
    static final int N_NON_ZERO = 32;
    static final double W_MINUS = 174.5;
    /** correction=True, method='asymptotic'. */
    static final double WILCOXON_P = 0.0903874144806466;
    static final double WILCOXON_ABS_Z = 1.693357630882011;
    /** correction=False, method='asymptotic' (scipy's default correction), for contrast. */
    static final double WILCOXON_P_NO_CORRECTION = 0.08859223538491091;
    static final double MEAN_DIFF = 0.045;
  }

  /** 30 users without ties: beyond the exact limit of 25, so the normal branch. */
  static final class Normal30 {
    static final double[] A = {
      0.12857, 0.499278, 0.601498, 0.028689, 0.147926, 0.928211, 0.070421, 0.129774, 0.948328,
      0.621884, 0.368993, 0.51139, 0.662843, 0.275309, 0.137968, 0.78804, 0.670361, 0.512382,
      0.816736, 0.549075, 0.980914, 0.204509, 0.55373, 0.483625, 0.353275, 0.591595, 0.235301,
      0.802203, 0.867334, 0.12876
    };
    static final double[] B = {
      0.38802, 0.532652, 0.532779, 0.185688, 0.371373, 0.948209, 0.259355, 0.418349, 0.986937,
      0.539181, 0.518523, 0.640899, 0.962606, 0.098393, 0.085645, 0.700407, 0.403558, 0.617669,
      1.002297, 0.481317, 1.338043, 0.448894, 0.759205, 0.643966, 0.624409, 0.405199, 0.438087,
      1.002758, 0.59379, 0.278166
    };
    static final double T = 2.728579890996358;
    static final double T_P = 0.010692136906953632;
    static final double W_MINUS = 114.0;
    /** correction=True, method='asymptotic'. */
    static final double WILCOXON_P = 0.015221568560248748;
    static final double WILCOXON_ABS_Z = 2.4270640438775044;
    /** method='exact', which scipy's default would use here; we do not (n > 25). */
    static final double WILCOXON_EXACT_P = 0.013663241639733315;
  }

  static double[] diff(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = b[i] - a[i];
    }
    return d;
  }
}
