package org.web4rec.core.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AggregatesTest {

  static final double TOL = 1e-12;

  @Test
  void codesCountOverASubsetAndAll() {
    int[] codes = {0, 1, 1, -1, 2, 1};
    assertArrayEquals(new int[] {1, 3, 1}, Aggregates.countCodes(codes, 3, null));
    assertArrayEquals(new int[] {0, 2, 0}, Aggregates.countCodes(codes, 3, new int[] {1, 3, 5}));
  }

  @Test
  void multiValuedRowsCountOncePerValue() {
    int[][] codes = {{0, 2}, null, {1}, {0, 1, 2}};
    assertArrayEquals(new int[] {2, 2, 2}, Aggregates.countMulti(codes, 3, null));
    assertArrayEquals(new int[] {1, 1, 1}, Aggregates.countMulti(codes, 3, new int[] {1, 3}));
  }

  @Test
  void equalWidthHistogramClosesTheLastBin() {
    double[] v = {18, 25, 35, 56, Double.NaN, 56};
    double[] edges = Aggregates.equalWidthEdges(v, 2);
    assertArrayEquals(new double[] {18, 37, 56}, edges, TOL);
    assertArrayEquals(new int[] {3, 2}, Aggregates.histogram(v, edges, null));
    assertArrayEquals(new int[] {1, 1}, Aggregates.histogram(v, edges, new int[] {0, 3, 4}));
    assertArrayEquals(new double[] {7, 8}, Aggregates.equalWidthEdges(new double[] {7, 7}, 5),
        TOL);
    assertEquals(0, Aggregates.equalWidthEdges(new double[] {Double.NaN}, 5).length);
  }

  @Test
  void logEdgesAndBins() {
    assertArrayEquals(new double[] {0, 1, 2, 4, 8}, Aggregates.logEdges(5), TOL);
    double[] edges = Aggregates.logEdges(5);
    assertEquals(0, Aggregates.bin(edges, 0));
    assertEquals(1, Aggregates.bin(edges, 1));
    assertEquals(2, Aggregates.bin(edges, 3));
    assertEquals(3, Aggregates.bin(edges, 5));
    assertEquals(3, Aggregates.bin(edges, 8));
    assertEquals(-1, Aggregates.bin(edges, 9));
  }

  @Test
  void meanMedianAndTop() {
    double[] v = {4, 1, Double.NaN, 3, 10};
    assertEquals(4.5, Aggregates.mean(v, null), TOL);
    assertEquals(3.5, Aggregates.median(v, null), TOL);
    assertEquals(3.0, Aggregates.median(v, new int[] {0, 1, 3}), TOL);
    assertEquals(Double.NaN, Aggregates.mean(v, new int[] {2}));
    assertArrayEquals(new int[] {3, 0}, Aggregates.top(new int[] {2, 0, 1, 5, 2}, 2));
    assertArrayEquals(new int[] {3, 0, 4, 2}, Aggregates.top(new int[] {2, 0, 1, 5, 2}, 10));
  }
}
