package org.web4rec.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CoocTableTest {

  /**
   * Users: u0 {0,1,2}, u1 {1,2}, u2 {2,3}, u3 {} ; item 4 has no train user.
   * pop: 0→1, 1→2, 2→3, 3→1. Labels by popularity desc, ties by index: 2→0, 1→1, 0→2, 3→3.
   * n_12 = 2 (u0,u1), n_02 = 1, n_01 = 1, n_23 = 1, n_03 = n_13 = 0.
   */
  @Test
  void handComputedCounts() {
    Csr train = csr(new int[][] {{0, 1, 2}, {1, 2}, {2, 3}, {}});
    CoocTable t = CoocTable.build(train, 5, null, 2);
    assertTrue(t.full());
    assertEquals(4, t.size());
    assertEquals(0, t.label(2));
    assertEquals(1, t.label(1));
    assertEquals(2, t.label(0));
    assertEquals(3, t.label(3));
    assertEquals(-1, t.label(4));
    assertEquals(3, t.pop(t.label(2)));
    assertEquals(2, t.count(t.label(1), t.label(2)));
    assertEquals(2, t.count(t.label(2), t.label(1)));
    assertEquals(1, t.count(t.label(0), t.label(2)));
    assertEquals(1, t.count(t.label(0), t.label(1)));
    assertEquals(1, t.count(t.label(2), t.label(3)));
    assertEquals(0, t.count(t.label(0), t.label(3)));
    assertEquals(0, t.count(t.label(1), t.label(3)));
    assertEquals(2, t.count(t.label(1), t.label(1)));
  }

  @Test
  void restrictedTableCoversOnlyItsItemsAndCountsAllTheirUsers() {
    Csr train = csr(new int[][] {{0, 1, 2}, {1, 2}, {2, 3}, {}});
    CoocTable t = CoocTable.build(train, 5, new boolean[] {false, true, true, false, false}, 1);
    assertFalse(t.full());
    assertEquals(2, t.size());
    assertEquals(-1, t.label(0));
    assertEquals(2, t.count(t.label(1), t.label(2)));
  }

  @Test
  void countsEqualSetIntersectionsOnRandomData() {
    Random rnd = new Random(3);
    int nItems = 60;
    int[][] rows = new int[200][];
    for (int u = 0; u < rows.length; u++) {
      rows[u] = rnd.ints(rnd.nextInt(15), 0, nItems).distinct().sorted().toArray();
    }
    Csr train = csr(rows);
    CoocTable t = CoocTable.build(train, nItems, null, 2);
    for (int i = 0; i < nItems; i++) {
      for (int j = 0; j < nItems; j++) {
        int n = 0;
        for (int[] h : rows) {
          boolean a = false;
          boolean b = false;
          for (int x : h) {
            a |= x == i;
            b |= x == j;
          }
          n += a && b ? 1 : 0;
        }
        if (t.label(i) < 0 || t.label(j) < 0) {
          assertEquals(0, n, "an item without a label has no train user");
        } else {
          assertEquals(n, t.count(t.label(i), t.label(j)), i + "," + j);
        }
      }
    }
  }

  private static Csr csr(int[][] rows) {
    int n = 0;
    for (int[] r : rows) {
      n += r.length;
    }
    int[] us = new int[n];
    int[] is = new int[n];
    int k = 0;
    for (int u = 0; u < rows.length; u++) {
      for (int i : rows[u]) {
        us[k] = u;
        is[k++] = i;
      }
    }
    return Csr.fromPairs(rows.length, us, is);
  }
}
