package org.web4rec.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * One user or item side column in the shape the aggregates want: categorical and multi-valued
 * columns as integer codes into {@code labels} (−1 / null = missing), numeric columns as doubles
 * (NaN = missing). Built once per request from the stored side table; the kind names match the
 * dataset's {@code user_columns}/{@code item_columns} ("categorical", "numeric", "multi").
 */
record SideColumn(String name, String kind, String[] labels, int[] codes, int[][] multi,
    double[] numbers, Column source) {

  static final String CATEGORICAL = "categorical";
  static final String NUMERIC = "numeric";
  static final String MULTI = "multi";

  /** Every side column of a stored users/items table (its first column is the id). */
  static List<SideColumn> all(Table t) {
    List<SideColumn> out = new ArrayList<>();
    for (Column c : t.columns().subList(1, t.columns().size())) {
      out.add(of(c));
    }
    return out;
  }

  static SideColumn of(Column c) {
    int n = c.size();
    if (c instanceof Column.StringLists lists) {
      Map<String, Integer> index = new HashMap<>();
      List<String> labels = new ArrayList<>();
      int[][] multi = new int[n][];
      for (int r = 0; r < n; r++) {
        String[] vs = lists.values()[r];
        if (vs == null) {
          continue;
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (String v : vs) {
          set.add(index.computeIfAbsent(v, x -> {
            labels.add(x);
            return labels.size() - 1;
          }));
        }
        multi[r] = set.stream().mapToInt(Integer::intValue).toArray();
      }
      return new SideColumn(c.name(), MULTI, labels.toArray(new String[0]), null, multi, null, c);
    }
    if (c instanceof Column.Strings strings) {
      Map<String, Integer> index = new HashMap<>();
      List<String> labels = new ArrayList<>();
      int[] codes = new int[n];
      for (int r = 0; r < n; r++) {
        String v = strings.values()[r];
        codes[r] = v == null ? -1 : index.computeIfAbsent(v, x -> {
          labels.add(x);
          return labels.size() - 1;
        });
      }
      return new SideColumn(c.name(), CATEGORICAL, labels.toArray(new String[0]), codes, null,
          null, c);
    }
    double[] numbers = new double[n];
    for (int r = 0; r < n; r++) {
      numbers[r] = c.isNull(r) ? Double.NaN : Double.parseDouble(c.asString(r));
    }
    return new SideColumn(c.name(), NUMERIC, null, null, null, numbers, c);
  }

  int nLabels() {
    return labels == null ? 0 : labels.length;
  }

  /** The row's value as JSON: a string, a number (integers stay integers), a list, or null. */
  Object json(int row) {
    if (source.isNull(row)) {
      return null;
    }
    if (source instanceof Column.StringLists l) {
      return new JsonArray(List.of((Object[]) l.values()[row]));
    }
    if (source instanceof Column.Longs l) {
      return l.values()[row];
    }
    if (source instanceof Column.Ints l) {
      return l.values()[row];
    }
    if (source instanceof Column.Doubles d) {
      return d.values()[row];
    }
    if (source instanceof Column.Floats f) {
      return (double) f.values()[row];
    }
    return source.asString(row);
  }

  /** Every side column's value of one row, by column name. */
  static JsonObject row(List<SideColumn> columns, int row) {
    JsonObject o = new JsonObject();
    for (SideColumn c : columns) {
      o.put(c.name(), c.json(row));
    }
    return o;
  }
}
