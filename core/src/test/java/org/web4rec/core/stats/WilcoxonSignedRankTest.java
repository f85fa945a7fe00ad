package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web4rec.core.stats.WilcoxonSignedRank.Method;

class WilcoxonSignedRankTest {

  @Test
  void exactByHandForTinySamples() {
    // All n differences positive: W+ = n(n+1)/2 is the single most extreme of 2^n sign patterns,
    // so p = 2 / 2^n: 0.25 for n = 3, 0.0625 for n = 5.
    WilcoxonSignedRank.Result three = WilcoxonSignedRank.test(new double[] {1, 2, 3});
    assertEquals(Method.EXACT, three.method());
    assertEquals(6.0, three.wPlus());
    assertEquals(0.25, three.p(), EPS);
    assertEquals(0.0625, WilcoxonSignedRank.test(new double[] {0.1, 0.4, 0.2, 0.5, 0.3}).p(), EPS);
    // n = 3, W+ = 3 (ranks 1 and 2 positive, rank 3 negative): sums {0,1,2,3,3,4,5,6}, so
    // P(W+ <= 3) = 5/8 and P(W+ >= 3) = 5/8; p = min(1, 2 * 5/8) = 1.
    assertEquals(1.0, WilcoxonSignedRank.test(new double[] {0.1, 0.2, -0.3}).p(), EPS);
  }

  @Test
  void exactMatchesScipyWithAZeroDropped() {
    double[] d = ScipyReference.diff(ScipyReference.Exact.A, ScipyReference.Exact.B);
    WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d);
    assertEquals(Method.EXACT, r.method());
    assertEquals(9, r.nNonZero());
    assertEquals(1, r.nZero());
    assertEquals(ScipyReference.Exact.W_MINUS, r.wMinus(), EPS);
    assertEquals(45 - ScipyReference.Exact.W_MINUS, r.wPlus(), EPS);
    assertEquals(ScipyReference.Exact.WILCOXON_EXACT_P, r.p(), EPS);
  }

  @Test
  void normalApproximationWithTiesMatchesScipyCorrectedAsymptotic() {
    double[] d = ScipyReference.diff(ScipyReference.Ties.A, ScipyReference.Ties.B);
    WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d);
    assertEquals(Method.NORMAL, r.method());
    assertTrue(r.ties());
    assertEquals(ScipyReference.Ties.N_NON_ZERO, r.nNonZero());
    assertEquals(ScipyReference.Ties.W_MINUS, r.wMinus(), EPS);
    assertEquals(ScipyReference.Ties.WILCOXON_ABS_Z, Math.abs(r.z()), 1e-12);
    assertEquals(ScipyReference.Ties.WILCOXON_P, r.p(), 1e-12);
  }

  @Test
  void floatingPointNoiseDoesNotSplitTies() {
    // 0.3 - 0.1 = 0.19999999999999998 and 0.2 - 0.0 = 0.2 are the same difference; 0.1 + 0.2 -
    // 0.3 is a zero. Without the grid they would be ranked 1 and 2, and the zero kept.
    double[] a = {0.1, 0.0, 0.3, 0.3};
    double[] b = {0.3, 0.2, 0.1 + 0.2, 0.7};
    WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(ScipyReference.diff(a, b));
    assertEquals(1, r.nZero());
    assertEquals(3, r.nNonZero());
    assertTrue(r.ties());
    assertEquals(1.5 + 1.5 + 3, r.wPlus(), EPS);
  }

  @Test
  void beyondTheExactLimitUsesTheCorrectedNormalTail() {
    double[] d = ScipyReference.diff(ScipyReference.Normal30.A, ScipyReference.Normal30.B);
    WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d);
    assertEquals(Method.NORMAL, r.method());
    assertFalse(r.ties());
    assertEquals(ScipyReference.Normal30.W_MINUS, r.wMinus(), EPS);
    assertEquals(ScipyReference.Normal30.WILCOXON_ABS_Z, Math.abs(r.z()), 1e-12);
    assertEquals(ScipyReference.Normal30.WILCOXON_P, r.p(), 1e-12);
  }

  @Test
  void exactDistributionMatchesScipyAtTheLimit() {
    // from scipy.stats._hypotests import _get_wilcoxon_distr; pm = _get_wilcoxon_distr(25)
    // p(w) = min(1, 2 * min(pm[:w + 1].sum(), pm[w:].sum()))
    double[][] ref = {
      {0, 5.960464477539063e-08},
      {40, 0.0004894733428955078},
      {60, 0.004604637622833252},
      {100, 0.09573346376419067},
      {112, 0.18172985315322876},
      {162, 1.0},
    };
    for (double[] r : ref) {
      assertEquals(r[1], WilcoxonSignedRank.exactTwoSidedP(25, (int) r[0]), 1e-15 + 1e-13 * r[1]);
    }
  }

  @Test
  void exactDistributionAgreesWithTheNormalOneAtTheLimit() {
    // Property: at n = 25 the corrected normal tail is within 0.01 of the exact one everywhere
    // (scipy gives the largest gap as 0.0066).
    int n = WilcoxonSignedRank.EXACT_MAX_N;
    double mu = n * (n + 1) / 4.0;
    double sigma = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24);
    for (int w = 0; w <= n * (n + 1) / 2; w++) {
      double z = (w - mu - 0.5 * Math.signum(w - mu)) / sigma;
      double normal = Math.min(1, Distributions.normalTwoSidedP(z));
      assertEquals(normal, WilcoxonSignedRank.exactTwoSidedP(n, w), 1e-2, "w=" + w);
    }
  }

  @Test
  void exactNullDistributionIsSymmetricAndSumsToOne() {
    for (int n = 1; n <= WilcoxonSignedRank.EXACT_MAX_N; n++) {
      int max = n * (n + 1) / 2;
      for (int w = 0; w <= max; w++) {
        assertEquals(WilcoxonSignedRank.exactTwoSidedP(n, w),
            WilcoxonSignedRank.exactTwoSidedP(n, max - w), 0.0);
      }
      assertEquals(Math.min(1, 2 / Math.scalb(1.0, n)), WilcoxonSignedRank.exactTwoSidedP(n, 0));
    }
  }

  @Test
  void signOfTheDifferencesDoesNotChangeP() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {8, 25, 60}) {
      double[] d = new double[n];
      double[] minus = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = random.nextDouble() - 0.4;
        minus[i] = -d[i];
      }
      WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d);
      WilcoxonSignedRank.Result s = WilcoxonSignedRank.test(minus);
      assertEquals(r.p(), s.p(), EPS);
      assertEquals(r.wPlus(), s.wMinus(), EPS);
    }
  }

  @Test
  void degenerateCases() {
    WilcoxonSignedRank.Result zeros = WilcoxonSignedRank.test(new double[] {0, 0, 1e-17});
    assertEquals(Method.NONE, zeros.method());
    assertEquals(1.0, zeros.p());
    assertEquals(3, zeros.nZero());
    assertTrue(Double.isNaN(WilcoxonSignedRank.test(new double[] {0.5}).p()));
    assertTrue(Double.isNaN(WilcoxonSignedRank.test(new double[0]).p()));
    // One non-zero difference among two: the exact p of n = 1 is 1.
    assertEquals(1.0, WilcoxonSignedRank.test(new double[] {0, 0.5}).p());
  }
}
