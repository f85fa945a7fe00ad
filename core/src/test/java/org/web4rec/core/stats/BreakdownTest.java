package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownTest {

  @Test
  void meansSkipNaNAndRowsWithoutGroup() {
    double[] values = {1, Double.NaN, 3, 5, Double.NaN, 2, 4};
    int[] group = {0, 0, 0, 1, 1, 1, -1};
    List<Breakdown.GroupStats> stats = Breakdown.byGroup(values, group, 3);
    assertEquals(3, stats.size());

    Breakdown.GroupStats g0 = stats.get(0); // {1, 3}
    assertEquals(2, g0.count());
    assertEquals(2.0, g0.mean(), EPS);
    assertEquals(Math.sqrt(2), g0.std(), EPS);
    // t_{0.975, 1} = 12.706204736174694 (scipy), s / √n = 1.
    assertEquals(2 - 12.706204736174694, g0.ci().low(), 1e-10);
    assertEquals(2 + 12.706204736174694, g0.ci().high(), 1e-10);

    Breakdown.GroupStats g1 = stats.get(1); // {5, 2}
    assertEquals(2, g1.count());
    assertEquals(3.5, g1.mean(), EPS);
    assertEquals(Math.sqrt(4.5), g1.std(), EPS);

    Breakdown.GroupStats g2 = stats.get(2);
    assertEquals(0, g2.count());
    assertTrue(Double.isNaN(g2.mean()));
    assertTrue(Double.isNaN(g2.ci().low()));
  }

  @Test
  void tIntervalMatchesScipy() {
    // x = [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, s² = 32/7.
    // scipy.stats.ttest_1samp(x, 0).confidence_interval(0.95)
    //   -> (3.21251208176379, 6.787487918236209)
    double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
    Breakdown.GroupStats g = Breakdown.byGroup(x, new int[8], 1).get(0);
    assertEquals(8, g.count());
    assertEquals(5.0, g.mean(), EPS);
    assertEquals(Math.sqrt(32.0 / 7), g.std(), EPS);
    assertEquals(3.21251208176379, g.ci().low(), 1e-12);
    assertEquals(6.787487918236209, g.ci().high(), 1e-12);
    assertEquals(Breakdown.LEVEL, g.ci().level());
  }

  @Test
  void singleValueHasNoSpread() {
    Breakdown.GroupStats g =
        Breakdown.byGroup(new double[] {0.7, Double.NaN}, new int[] {0, 0}, 1).get(0);
    assertEquals(1, g.count());
    assertEquals(0.7, g.mean(), EPS);
    assertTrue(Double.isNaN(g.std()));
    assertTrue(Double.isNaN(g.ci().high()));
  }

  @Test
  void worksWithSegments() {
    int[] history = {1, 2, 10, 20, 3, 40};
    double[] ndcg = {0.0, 0.5, Double.NaN, 0.25, 1.0, 0.75};
    List<Breakdown.GroupStats> stats = Breakdown.byGroup(ndcg, Segments.cold(history));
    assertEquals(3, stats.get(Segments.COLD).count());
    assertEquals(0.5, stats.get(Segments.COLD).mean(), EPS);
    assertEquals(2, stats.get(Segments.WARM).count());
    assertEquals(0.5, stats.get(Segments.WARM).mean(), EPS);
  }

  @Test
  void largeOffsetDoesNotCancel() {
    // Σv² - n·mean² would lose every digit of the spread here.
    double[] x = {1e9 + 1, 1e9 + 2, 1e9 + 3};
    Breakdown.GroupStats g = Breakdown.byGroup(x, new int[3], 1).get(0);
    assertEquals(1e9 + 2, g.mean(), EPS);
    assertEquals(1.0, g.std(), 1e-6);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> Breakdown.byGroup(new double[2], new int[3], 1));
    assertThrows(IllegalArgumentException.class,
        () -> Breakdown.byGroup(new double[1], new int[] {1}, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Breakdown.byGroup(new double[] {Double.NEGATIVE_INFINITY}, new int[1], 1));
  }
}
