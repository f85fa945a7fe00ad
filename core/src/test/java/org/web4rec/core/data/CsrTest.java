package org.web4rec.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CsrTest {

  @Test
  void fromPairsSortsRowsAndRemovesDuplicates() {
    Csr m = Csr.fromPairs(4, new int[] {2, 0, 2, 0, 2, 0}, new int[] {7, 5, 3, 1, 7, 5});
    assertEquals(4, m.rows());
    assertEquals(4, m.nnz());
    assertArrayEquals(new int[] {1, 5}, m.row(0));
    assertArrayEquals(new int[] {}, m.row(1));
    assertArrayEquals(new int[] {3, 7}, m.row(2));
    assertEquals(0, m.size(3));
    assertEquals(2, m.start(2));
    assertEquals(4, m.end(2));
    assertTrue(m.contains(2, 7));
    assertFalse(m.contains(2, 5));
    assertFalse(m.contains(1, 1));
  }

  @Test
  void containsMatchesASetOnRandomPairs() {
    SplittableRandom rng = new SplittableRandom(42);
    int nRows = 50;
    int n = 2_000;
    int[] rows = new int[n];
    int[] cols = new int[n];
    @SuppressWarnings("unchecked")
    TreeSet<Integer>[] sets = new TreeSet[nRows];
    for (int r = 0; r < nRows; r++) {
      sets[r] = new TreeSet<>();
    }
    for (int k = 0; k < n; k++) {
      rows[k] = rng.nextInt(nRows);
      cols[k] = rng.nextInt(100);
      sets[rows[k]].add(cols[k]);
    }
    Csr m = Csr.fromPairs(nRows, rows, cols);
    long nnz = 0;
    for (int r = 0; r < nRows; r++) {
      assertArrayEquals(sets[r].stream().mapToInt(Integer::intValue).toArray(), m.row(r));
      for (int c = 0; c < 100; c++) {
        assertEquals(sets[r].contains(c), m.contains(r, c));
      }
      nnz += sets[r].size();
    }
    assertEquals(nnz, m.nnz());
  }

  @Test
  void transposeTwiceIsIdentity() {
    Csr m = Csr.fromPairs(3, new int[] {0, 0, 1, 2, 2}, new int[] {4, 1, 1, 0, 4});
    Csr t = m.transpose(5);
    assertEquals(5, t.rows());
    assertArrayEquals(new int[] {0, 1}, t.row(1));
    assertArrayEquals(new int[] {0, 2}, t.row(4));
    Csr back = t.transpose(3);
    assertArrayEquals(m.offsets(), back.offsets());
    assertArrayEquals(m.values(), back.values());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> new Csr(new int[] {0, 2}, new int[] {3, 1}));
    assertThrows(IllegalArgumentException.class, () -> new Csr(new int[] {0, 1}, new int[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> new Csr(new int[] {1, 2}, new int[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> new Csr(new int[] {}, new int[] {}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Csr.fromPairs(2, new int[] {0, 2}, new int[] {1, 1}));
    assertTrue(e.getMessage().contains("rows[1]=2"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Csr.fromPairs(2, new int[] {0}, new int[] {1, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> Csr.fromPairs(2, new int[] {0}, new int[] {-1}));
    assertEquals(0, Csr.empty(3).nnz());
    assertEquals(3, Csr.empty(3).rows());
  }
}
