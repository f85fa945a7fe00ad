package org.web4rec.core.prepare;

import org.web4rec.core.InvalidInput;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/** Column checks shared by dataset, experiment and embedding validation. */
final class IdColumns {

  private IdColumns() {}

  static Column require(Table t, String part, String column, String example) {
    return t.column(column).orElseThrow(() -> new InvalidInput("part '" + part
        + "' lacks column '" + column + "'; it has " + t.names(), example));
  }

  static void requireRows(Table t, String part, String example) {
    if (t.rows() == 0) {
      throw new InvalidInput("part '" + part + "' is an empty table", example);
    }
  }

  static boolean isIntegerTyped(Column c) {
    return c instanceof Column.Longs || c instanceof Column.Ints;
  }

  /** Finds one duplicate among packed (user, item) pairs, or -1; sorts {@code packed}. */
  static int firstDuplicate(long[] packed) {
    long[] sorted = packed.clone();
    java.util.Arrays.sort(sorted);
    for (int k = 1; k < sorted.length; k++) {
      if (sorted[k] == sorted[k - 1]) {
        long dup = sorted[k];
        for (int r = 0; r < packed.length; r++) {
          if (packed[r] == dup) {
            return r;
          }
        }
      }
    }
    return -1;
  }

  static long pack(int u, int i) {
    return ((long) u << 32) | (i & 0xffffffffL);
  }
}
