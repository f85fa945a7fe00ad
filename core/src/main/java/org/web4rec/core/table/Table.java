package org.web4rec.core.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small immutable columnar table: what Arrow IPC streams and CSV files decode to. */
public record Table(List<Column> columns, int rows) {

  public Table {
    columns = List.copyOf(columns);
    for (Column c : columns) {
      if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
      }
    }
  }

  public static Table of(Column... columns) {
    return new Table(List.of(columns), columns.length == 0 ? 0 : columns[0].size());
  }

  public Optional<Column> column(String name) {
    for (Column c : columns) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }

  /** Columns by name, in order. */
  public Map<String, Column> byName() {
    Map<String, Column> map = new LinkedHashMap<>();
    for (Column c : columns) {
      map.put(c.name(), c);
    }
    return map;
  }

  /**
   * A dense index column ({@code u}, {@code i}) as ints; stored blobs write them as 32- or 64-bit
   * integers.
   *
   * @throws IllegalStateException when the table has no such integer column
   */
  public int[] ints(String name) {
    Column c = column(name).orElseThrow(
        () -> new IllegalStateException("table lacks column " + name));
    if (c instanceof Column.Ints ints) {
      return ints.values();
    }
    if (!(c instanceof Column.Longs longs)) {
      throw new IllegalStateException("column " + name + " is not an integer column");
    }
    int[] out = new int[longs.values().length];
    for (int k = 0; k < out.length; k++) {
      out[k] = (int) longs.values()[k];
    }
    return out;
  }
}
