package org.web4rec.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SortingTest {

  @Test
  void indexSortAgreesWithArraysSortOnRandomKeys() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = rng.nextInt(500);
      int[] keys = new int[n];
      int[] idx = new int[n];
      long[] expected = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = rng.nextInt(20); // many ties
        idx[i] = i;
        expected[i] = ((long) keys[i] << 32) | i;
      }
      IndexSort.sort(idx, (a, b) -> keys[a] != keys[b]
          ? Integer.compare(keys[a], keys[b]) : Integer.compare(a, b));
      Arrays.sort(expected);
      int[] want = new int[n];
      for (int i = 0; i < n; i++) {
        want[i] = (int) expected[i];
      }
      assertArrayEquals(want, idx);
    }
  }

  @Test
  void scoreKeysOrderByScoreDescendingThenTieAscending() {
    float[] scores = {Float.NEGATIVE_INFINITY, -3.5f, -0.0f, 0.0f, 1e-30f, 2f, 2f, Float.MAX_VALUE,
        Float.POSITIVE_INFINITY};
    int[] ties = {0, 1, 9, 3, 4, 6, 5, 7, 8};
    long[] keys = new long[scores.length];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = ScoreKeys.descending(scores[k], ties[k]);
      assertEquals(scores[k] + 0.0f, ScoreKeys.score(keys[k]));
      assertEquals(ties[k], ScoreKeys.tie(keys[k]));
    }
    Arrays.sort(keys);
    int[] tieOrder = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      tieOrder[k] = ScoreKeys.tie(keys[k]);
    }
    // inf, MAX, 2 (tie 5), 2 (tie 6), 1e-30, then 0.0 and -0.0 tie (3 before 9), -3.5, -inf.
    assertArrayEquals(new int[] {8, 7, 5, 6, 4, 3, 9, 1, 0}, tieOrder);
    for (int k = 1; k < keys.length; k++) {
      assertTrue(ScoreKeys.score(keys[k - 1]) >= ScoreKeys.score(keys[k]));
    }
  }
}
