package org.web4rec.core.explore;

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
 * (NaN = missing). Built once per dataset from the stored side table; the kind names match the
 * dataset's {@code user_columns}/{@code item_columns} ("categorical", "numeric", "multi").
 */
public record SideColumn(String name, String kind, String[] labels, int[] codes, int[][] multi,
    double[] numbers, Column source) {

  public static final String CATEGORICAL = "categorical";
  public static final String NUMERIC = "numeric";
  public static final String MULTI = "multi";

  /** Every side column of a stored users/items table (its first column is the id). */
  public static List<SideColumn> all(Table t) {
    List<SideColumn> out = new ArrayList<>();
    for (Column c : t.columns().subList(1, t.columns().size())) {
      out.add(of(c));
    }
    return out;
  }

  public static SideColumn of(Column c) {
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

  public int nLabels() {
    return labels == null ? 0 : labels.length;
  }

  public boolean numeric() {
    return kind.equals(NUMERIC);
  }

  /** Count of each label over the rows (null = all rows); categorical and multi columns only. */
  public int[] count(int[] rows) {
    return codes != null ? Aggregates.countCodes(codes, nLabels(), rows)
        : Aggregates.countMulti(multi, nLabels(), rows);
  }

  /**
   * The row's stored value: a String, a Long or Integer (integers stay integers), a Double, a
   * list of strings, or null.
   */
  public Object value(int row) {
    if (source.isNull(row)) {
      return null;
    }
    if (source instanceof Column.StringLists l) {
      return List.of((Object[]) l.values()[row]);
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

  /** The column of that name, or null. */
  public static SideColumn find(List<SideColumn> cols, String name) {
    for (SideColumn c : cols) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
