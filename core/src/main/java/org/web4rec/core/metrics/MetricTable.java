package org.web4rec.core.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-user metric values: {@code columns.get(name)[row]} is the value of metric {@code name} for
 * user {@code users[row]}. Users are dense indices, strictly ascending.
 *
 * <p>Why per user rather than only means: METRICS.md requires breakdowns by user segment,
 * distributions and paired tests between experiments, which all need the per-user values. Keeping
 * users sorted makes {@link #merge} a linear merge-join. Missing values are NaN and are ignored
 * by {@link #means()}.
 *
 * <p>The constructor copies the map (keeping column order) but shares the arrays.
 *
 * @param users evaluated users, strictly ascending
 * @param columns metric name to values aligned with {@code users}, in display order
 */
public record MetricTable(int[] users, LinkedHashMap<String, double[]> columns) {

  /** Validates alignment and ordering. */
  public MetricTable {
    if (users == null || columns == null) {
      throw new IllegalArgumentException("users and columns must not be null");
    }
    for (int r = 1; r < users.length; r++) {
      if (users[r] <= users[r - 1]) {
        throw new IllegalArgumentException(
            "users must be strictly ascending, but users[" + r + "]=" + users[r]
                + " follows " + users[r - 1]);
      }
    }
    for (Map.Entry<String, double[]> e : columns.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("column names and values must not be null");
      }
      if (e.getValue().length != users.length) {
        throw new IllegalArgumentException(
            "column " + e.getKey() + " has " + e.getValue().length + " values for "
                + users.length + " users");
      }
    }
    columns = new LinkedHashMap<>(columns);
  }

  /** @return number of rows (evaluated users) */
  public int rows() {
    return users.length;
  }

  /**
   * @param name a column name such as {@code ndcg@10}
   * @return the column's values, aligned with {@link #users()}
   * @throws IllegalArgumentException if there is no such column
   */
  public double[] column(String name) {
    double[] values = columns.get(name);
    if (values == null) {
      throw new IllegalArgumentException("no column " + name + "; columns are " + columns.keySet());
    }
    return values;
  }

  /**
   * @return the mean of each column over its non-NaN values, in column order; NaN for a column
   *     without any
   */
  public Map<String, Double> means() {
    LinkedHashMap<String, Double> means = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : columns.entrySet()) {
      double sum = 0;
      int count = 0;
      for (double v : e.getValue()) {
        if (!Double.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      means.put(e.getKey(), count == 0 ? Double.NaN : sum / count);
    }
    return Collections.unmodifiableMap(means);
  }

  /**
   * Outer-joins two tables by user: the result has every user of either table (ascending), the
   * columns of {@code a} then those of {@code b}, and NaN where a table has no row for a user.
   *
   * @param a first table
   * @param b second table
   * @return the joined table
   * @throws IllegalArgumentException if both tables have a column of the same name
   */
  public static MetricTable merge(MetricTable a, MetricTable b) {
    for (String name : b.columns.keySet()) {
      if (a.columns.containsKey(name)) {
        throw new IllegalArgumentException("both tables have a column " + name);
      }
    }
    int[] ua = a.users;
    int[] ub = b.users;
    int[] users = new int[ua.length + ub.length];
    int[] rowA = new int[users.length];
    int[] rowB = new int[users.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < ua.length || j < ub.length) {
      if (j == ub.length || (i < ua.length && ua[i] < ub[j])) {
        users[n] = ua[i];
        rowA[n] = i++;
        rowB[n] = -1;
      } else if (i == ua.length || ub[j] < ua[i]) {
        users[n] = ub[j];
        rowA[n] = -1;
        rowB[n] = j++;
      } else {
        users[n] = ua[i];
        rowA[n] = i++;
        rowB[n] = j++;
      }
      n++;
    }
    users = Arrays.copyOf(users, n);
    LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : a.columns.entrySet()) {
      columns.put(e.getKey(), gather(e.getValue(), rowA, n));
    }
    for (Map.Entry<String, double[]> e : b.columns.entrySet()) {
      columns.put(e.getKey(), gather(e.getValue(), rowB, n));
    }
    return new MetricTable(users, columns);
  }

  private static double[] gather(double[] values, int[] rows, int n) {
    double[] out = new double[n];
    for (int r = 0; r < n; r++) {
      out[r] = rows[r] < 0 ? Double.NaN : values[rows[r]];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MetricTable other)) {
      return false;
    }
    if (!Arrays.equals(users, other.users) || !columns.keySet().equals(other.columns.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : columns.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.columns.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(users) + columns.keySet().hashCode();
  }

  @Override
  public String toString() {
    return "MetricTable[rows=" + users.length + ", columns=" + columns.keySet() + "]";
  }
}
