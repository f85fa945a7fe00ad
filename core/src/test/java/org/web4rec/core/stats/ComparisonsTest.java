package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.web4rec.core.Tolerance.EPS;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

  private static final double[] A = ScipyReference.Normal30.A;
  private static final double[] B = ScipyReference.Normal30.B;

  @Test
  void twoExperimentsAreOnePairWithRawPValues() {
    List<Comparisons.PairResult> pairs =
        Comparisons.compareAll(List.of("a", "b"), List.of(A, B), 5);
    assertEquals(1, pairs.size());
    Comparisons.PairResult pair = pairs.get(0);
    assertEquals("a", pair.nameA());
    assertEquals("b", pair.nameB());
    assertEquals(PairedComparison.compare(A, B, 5), pair.comparison());
    assertEquals(pair.comparison().tTestP(), pair.tTestPAdjusted());
    assertEquals(pair.comparison().wilcoxonP(), pair.wilcoxonPAdjusted());
  }

  @Test
  void everyUnorderedPairInOrderWithHolmAcrossPairs() {
    double[] c = new double[A.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = A[i] + 0.01 * ((i % 3) - 1); // close to A
    }
    List<Comparisons.PairResult> pairs =
        Comparisons.compareAll(List.of("a", "b", "c"), List.of(A, B, c), 5);
    assertEquals(3, pairs.size());
    String[][] expectedNames = {{"a", "b"}, {"a", "c"}, {"b", "c"}};
    double[][][] values = {{A, B}, {A, c}, {B, c}};
    double[] rawT = new double[3];
    double[] rawW = new double[3];
    for (int q = 0; q < 3; q++) {
      Comparisons.PairResult pair = pairs.get(q);
      assertEquals(expectedNames[q][0], pair.nameA());
      assertEquals(expectedNames[q][1], pair.nameB());
      assertEquals(PairedComparison.compare(values[q][0], values[q][1], 5), pair.comparison());
      rawT[q] = pair.comparison().tTestP();
      rawW[q] = pair.comparison().wilcoxonP();
    }
    double[] holmT = Holm.adjust(rawT);
    double[] holmW = Holm.adjust(rawW);
    for (int q = 0; q < 3; q++) {
      assertEquals(holmT[q], pairs.get(q).tTestPAdjusted(), EPS);
      assertEquals(holmW[q], pairs.get(q).wilcoxonPAdjusted(), EPS);
    }
    // The a-b pair has the smallest t-test p, so Holm multiplies it by m = 3.
    assertEquals(Math.min(1, 3 * rawT[0]), pairs.get(0).tTestPAdjusted(), EPS);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> Comparisons.compareAll(List.of("a"), List.of(A), 1));
    assertThrows(IllegalArgumentException.class,
        () -> Comparisons.compareAll(List.of("a", "a"), List.of(A, B), 1));
    assertThrows(IllegalArgumentException.class,
        () -> Comparisons.compareAll(List.of("a", "b"), List.of(A), 1));
    assertThrows(IllegalArgumentException.class,
        () -> Comparisons.compareAll(List.of("a", "b"), List.of(A, new double[3]), 1));
  }
}
