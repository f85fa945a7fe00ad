package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import org.junit.jupiter.api.Test;

class PairedTTestTest {

  @Test
  void handComputedStatistic() {
    // d = 1, 2, 0, 1, 2: mean 1.2, Σ(d - mean)² = 2.8, s² = 0.7, t = 1.2 / sqrt(0.7 / 5).
    PairedTTest.Result r = PairedTTest.test(new double[] {1, 2, 0, 1, 2});
    assertEquals(5, r.n());
    assertEquals(4, r.df());
    assertEquals(1.2, r.meanDiff(), EPS);
    assertEquals(1.2 / Math.sqrt(0.14), r.t(), EPS);
    assertEquals(Distributions.studentTTwoSidedP(1.2 / Math.sqrt(0.14), 4), r.p(), EPS);
  }

  @Test
  void matchesScipyTtestRel() {
    check(ScipyReference.Exact.A, ScipyReference.Exact.B,
        ScipyReference.Exact.T, ScipyReference.Exact.T_P);
    check(ScipyReference.Ties.A, ScipyReference.Ties.B,
        ScipyReference.Ties.T, ScipyReference.Ties.T_P);
    check(ScipyReference.Normal30.A, ScipyReference.Normal30.B,
        ScipyReference.Normal30.T, ScipyReference.Normal30.T_P);
  }

  private static void check(double[] a, double[] b, double t, double p) {
    PairedTTest.Result r = PairedTTest.test(ScipyReference.diff(a, b));
    assertEquals(t, r.t(), 1e-12 * Math.abs(t));
    assertEquals(p, r.p(), 1e-12 * p);
  }

  @Test
  void degenerateCases() {
    PairedTTest.Result zeros = PairedTTest.test(new double[] {0, 0, 0});
    assertEquals(1.0, zeros.p());
    assertEquals(0.0, zeros.t());

    PairedTTest.Result constant = PairedTTest.test(new double[] {0.25, 0.25, 0.25});
    assertEquals(0.0, constant.p());
    assertEquals(Double.POSITIVE_INFINITY, constant.t());

    assertTrue(Double.isNaN(PairedTTest.test(new double[] {0.3}).p()));
    assertEquals(0.3, PairedTTest.test(new double[] {0.3}).meanDiff());
    assertTrue(Double.isNaN(PairedTTest.test(new double[0]).p()));
    assertThrows(IllegalArgumentException.class,
        () -> PairedTTest.test(new double[] {1, Double.NaN}));
  }

  @Test
  void swappingTheExperimentsFlipsTOnly() {
    double[] d = ScipyReference.diff(ScipyReference.Normal30.A, ScipyReference.Normal30.B);
    double[] minus = ScipyReference.diff(ScipyReference.Normal30.B, ScipyReference.Normal30.A);
    assertEquals(-PairedTTest.test(d).t(), PairedTTest.test(minus).t(), EPS);
    assertEquals(PairedTTest.test(d).p(), PairedTTest.test(minus).p(), EPS);
  }
}
