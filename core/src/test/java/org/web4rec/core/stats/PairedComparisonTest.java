package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web4rec.core.stats.WilcoxonSignedRank.Method;

class PairedComparisonTest {

  @Test
  void bMinusAWithScipyPValues() {
    PairedComparison.Result r =
        PairedComparison.compare(ScipyReference.Ties.A, ScipyReference.Ties.B, 1);
    assertEquals(40, r.n());
    assertEquals(0, r.droppedNaN());
    assertEquals(ScipyReference.Ties.MEAN_DIFF, r.meanDiff(), EPS);
    assertEquals(r.meanB() - r.meanA(), r.meanDiff(), EPS);
    assertEquals(ScipyReference.Ties.T_P, r.tTestP(), 1e-12);
    assertEquals(ScipyReference.Ties.WILCOXON_P, r.wilcoxonP(), 1e-12);
    assertTrue(r.tTest().t() > 0, "B is higher, so t is positive");
    assertTrue(r.ci().low() < r.meanDiff() && r.meanDiff() < r.ci().high());
    assertEquals(PairedComparison.LEVEL, r.ci().level());

    PairedComparison.Result exact =
        PairedComparison.compare(ScipyReference.Exact.A, ScipyReference.Exact.B, 1);
    assertEquals(ScipyReference.Exact.MEAN_DIFF, exact.meanDiff(), EPS);
    assertEquals(ScipyReference.Exact.T_P, exact.tTestP(), 1e-12);
    assertEquals(Method.EXACT, exact.wilcoxon().method());
    assertEquals(ScipyReference.Exact.WILCOXON_EXACT_P, exact.wilcoxonP(), EPS);
  }

  @Test
  void nanPairsAreDroppedAndCounted() {
    double[] a = Arrays.copyOf(ScipyReference.Exact.A, 13);
    double[] b = Arrays.copyOf(ScipyReference.Exact.B, 13);
    a[10] = Double.NaN; // missing in A
    b[10] = 0.3;
    a[11] = 0.2;
    b[11] = Double.NaN; // missing in B
    a[12] = Double.NaN;
    b[12] = Double.NaN;
    PairedComparison.Result withNaN = PairedComparison.compare(a, b, 9);
    PairedComparison.Result clean =
        PairedComparison.compare(ScipyReference.Exact.A, ScipyReference.Exact.B, 9);
    assertEquals(10, withNaN.n());
    assertEquals(3, withNaN.droppedNaN());
    assertEquals(clean, new PairedComparison.Result(
        withNaN.n(), 0, withNaN.meanA(), withNaN.meanB(), withNaN.meanDiff(), withNaN.ci(),
        withNaN.tTest(), withNaN.wilcoxon()));
  }

  @Test
  void deterministicForASeed() {
    PairedComparison.Result first =
        PairedComparison.compare(ScipyReference.Normal30.A, ScipyReference.Normal30.B, 2024);
    PairedComparison.Result second =
        PairedComparison.compare(ScipyReference.Normal30.A, ScipyReference.Normal30.B, 2024);
    assertEquals(first, second);
  }

  @Test
  void swappingAAndBMirrorsEverything() {
    PairedComparison.Result ab =
        PairedComparison.compare(ScipyReference.Normal30.A, ScipyReference.Normal30.B, 3);
    PairedComparison.Result ba =
        PairedComparison.compare(ScipyReference.Normal30.B, ScipyReference.Normal30.A, 3);
    assertEquals(-ab.meanDiff(), ba.meanDiff(), EPS);
    assertEquals(ab.tTestP(), ba.tTestP(), EPS);
    assertEquals(ab.wilcoxonP(), ba.wilcoxonP(), EPS);
    // Same resampled users, negated: the interval mirrors exactly.
    assertEquals(-ab.ci().high(), ba.ci().low(), EPS);
    assertEquals(-ab.ci().low(), ba.ci().high(), EPS);
  }

  @Test
  void identicalExperimentsShowNoDifference() {
    double[] a = {0.1, 0.5, 0.3, 0.0, 1.0};
    PairedComparison.Result r = PairedComparison.compare(a, a.clone(), 1);
    assertEquals(0.0, r.meanDiff());
    assertEquals(1.0, r.tTestP());
    assertEquals(1.0, r.wilcoxonP());
    assertEquals(0.0, r.ci().low());
    assertEquals(0.0, r.ci().high());
  }

  @Test
  void tooFewUsersGiveNaN() {
    PairedComparison.Result one =
        PairedComparison.compare(new double[] {0.2, Double.NaN}, new double[] {0.4, 0.1}, 1);
    assertEquals(1, one.n());
    assertEquals(0.2, one.meanDiff(), EPS);
    assertTrue(Double.isNaN(one.tTestP()));
    assertTrue(Double.isNaN(one.wilcoxonP()));
    assertTrue(Double.isNaN(one.ci().low()));
    PairedComparison.Result none = PairedComparison.compare(new double[0], new double[0], 1);
    assertEquals(0, none.n());
    assertTrue(Double.isNaN(none.meanA()));
  }

  @Test
  void rejectsMisalignedOrInfiniteInput() {
    assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.compare(new double[2], new double[3], 1));
    assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.compare(new double[] {Double.POSITIVE_INFINITY}, new double[1], 1));
    assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.compare(null, new double[1], 1));
  }
}
