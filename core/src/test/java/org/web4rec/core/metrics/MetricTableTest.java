package org.web4rec.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTableTest {

  private static MetricTable table(int[] users, Object... nameThenValues) {
    LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
    for (int k = 0; k < nameThenValues.length; k += 2) {
      columns.put((String) nameThenValues[k], (double[]) nameThenValues[k + 1]);
    }
    return new MetricTable(users, columns);
  }

  @Test
  void meansIgnoreNaNAndAreNaNWithoutValues() {
    MetricTable t = table(new int[] {1, 4, 7},
        "a@1", new double[] {1, Double.NaN, 0},
        "b@1", new double[] {Double.NaN, Double.NaN, Double.NaN});
    assertEquals(3, t.rows());
    assertEquals(0.5, t.means().get("a@1"), EPS);
    assertTrue(Double.isNaN(t.means().get("b@1")));
    assertEquals(List.of("a@1", "b@1"), List.copyOf(t.means().keySet()));
    assertTrue(Double.isNaN(table(new int[] {}, "c@1", new double[] {}).means().get("c@1")));
  }

  @Test
  void mergeOuterJoinsByUser() {
    MetricTable a = table(new int[] {1, 3, 5}, "x@1", new double[] {10, 30, 50});
    MetricTable b = table(new int[] {0, 3, 6}, "y@1", new double[] {0.0, 0.3, 0.6});
    MetricTable m = MetricTable.merge(a, b);
    assertArrayEquals(new int[] {0, 1, 3, 5, 6}, m.users());
    assertArrayEquals(new double[] {Double.NaN, 10, 30, 50, Double.NaN}, m.column("x@1"));
    assertArrayEquals(new double[] {0.0, Double.NaN, 0.3, Double.NaN, 0.6}, m.column("y@1"));
    assertEquals(List.of("x@1", "y@1"), List.copyOf(m.columns().keySet()));
    assertEquals(30, m.means().get("x@1"), EPS);
  }

  @Test
  void rejectsInconsistentTables() {
    assertThrows(IllegalArgumentException.class,
        () -> table(new int[] {2, 1}, "a@1", new double[] {0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> table(new int[] {1, 2}, "a@1", new double[] {0}));
    MetricTable a = table(new int[] {1}, "a@1", new double[] {0});
    assertThrows(IllegalArgumentException.class, () -> MetricTable.merge(a, a));
    assertThrows(IllegalArgumentException.class, () -> a.column("missing@1"));
  }

  @Test
  void definitionsVersionIsRecorded() {
    assertEquals("1", Definitions.DEFINITIONS_VERSION);
    assertEquals("ndcg@10", Definitions.column("ndcg", 10));
  }
}
