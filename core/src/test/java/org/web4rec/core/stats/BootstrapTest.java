package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static double[] normalSample(int n, double mean, double sd, long seed) {
    Random random = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * random.nextGaussian();
    }
    return x;
  }

  @Test
  void sameSeedSameIntervalOtherSeedOtherInterval() {
    double[] x = normalSample(500, 0.1, 1, 1);
    ConfidenceInterval first = Bootstrap.meanInterval(x, 2000, 0.95, 42);
    ConfidenceInterval again = Bootstrap.meanInterval(x.clone(), 2000, 0.95, 42);
    assertEquals(first, again);
    assertNotEquals(first, Bootstrap.meanInterval(x, 2000, 0.95, 43));
  }

  @Test
  void largeNormalSampleCoversTheTrueMeanWithTheTextbookWidth() {
    double trueMean = 0.25;
    double sd = 2;
    int n = 20_000;
    double[] x = normalSample(n, trueMean, sd, 7);
    ConfidenceInterval ci = Bootstrap.meanInterval(x, 2000, 0.95, 11);
    assertTrue(ci.contains(trueMean), ci.toString());
    // Percentile interval ≈ mean ± 1.96 s/√n for a sample this large (within 10%).
    double halfWidth = 1.959963984540054 * sd / Math.sqrt(n);
    assertEquals(2 * halfWidth, ci.high() - ci.low(), 0.1 * 2 * halfWidth);
    double centre = Checks.mean(x);
    assertTrue(ci.contains(centre));
  }

  @Test
  void constantSampleGivesAPointInterval() {
    ConfidenceInterval ci = Bootstrap.meanInterval(new double[] {0.5, 0.5, 0.5}, 200, 0.9, 1);
    assertEquals(0.5, ci.low(), EPS);
    assertEquals(0.5, ci.high(), EPS);
    assertEquals(0.9, ci.level());
  }

  @Test
  void tooFewValuesGiveAnUndefinedInterval() {
    assertTrue(Double.isNaN(Bootstrap.meanInterval(new double[] {1}, 2000, 0.95, 1).low()));
    assertTrue(Double.isNaN(Bootstrap.meanInterval(new double[0], 2000, 0.95, 1).high()));
    assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.meanInterval(new double[] {1, 2}, 0, 0.95, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.meanInterval(new double[] {1, 2}, 10, 1.0, 1));
  }

  @Test
  void quantileInterpolatesLikeNumpy() {
    // numpy.percentile([1, 2, 4, 8, 16], [2.5, 50, 97.5]) = [1.1, 4.0, 15.2]
    double[] sorted = {1, 2, 4, 8, 16};
    assertEquals(1.1, Bootstrap.quantile(sorted, 0.025), EPS);
    assertEquals(4.0, Bootstrap.quantile(sorted, 0.5), EPS);
    assertEquals(15.2, Bootstrap.quantile(sorted, 0.975), EPS);
    assertEquals(16.0, Bootstrap.quantile(sorted, 1.0), EPS);
    assertEquals(1.0, Bootstrap.quantile(sorted, 0.0), EPS);
  }
}
