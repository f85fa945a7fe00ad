package org.web4rec.core.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.table.Table;

/**
 * The points whose side values (and, for users, one per-user metric) meet every condition.
 * Conditions arrive as the request wrote them, so a condition of the wrong shape for its column
 * fails with the column's name only once the column is known.
 */
public final class Filters {

  public static final String EXAMPLE = "{\"entity\": \"user\", \"where\": {\"gender\": [\"F\"],"
      + " \"age\": {\"min\": 18, \"max\": 35}}, \"metric\": {\"name\": \"recall@10\", \"min\": 0.5}}";

  /** A condition on one side column. */
  public sealed interface Condition permits Range, Labels, Other {}

  /**
   * An inclusive range for a numeric column; each bound as the request gave it: a Number, null
   * (open) or anything else (rejected).
   */
  public record Range(Object min, Object max) implements Condition {}

  /** Label values for a categorical or multi-valued column (any of them matches). */
  public record Labels(List<String> values) implements Condition {}

  /** Neither a range nor a list: rejected with the column's expected shape. */
  public record Other() implements Condition {}

  /** A per-user metric range; {@code name} null when the request gave no string. */
  public record MetricRange(String name, Range range) {}

  /** The matching points in dense order, out of {@code nTotal}. */
  public record Result(Entity entity, int[] rows, int nTotal) {}

  private Filters() {}

  /**
   * @param where side column name → condition, in request order (null = none)
   * @param metric the metric condition (users only), or null
   * @param perUser the experiment's per-user metric table, or null
   * @throws InvalidInput on an unknown column or metric or a condition of the wrong shape
   */
  public static Result filter(Dataset ds, Entity entity, Map<String, Condition> where,
      MetricRange metric, Table perUser) {
    boolean users = entity == Entity.USER;
    int n = entity.count(ds);
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    List<SideColumn> cols = DatasetViews.of(ds).columns(entity);
    if (where != null) {
      for (Map.Entry<String, Condition> cond : where.entrySet()) {
        SideColumn c = SideColumn.find(cols, cond.getKey());
        if (c == null) {
          throw new InvalidInput("'" + cond.getKey() + "' is not a " + entity
              + " side column; columns: " + cols.stream().map(SideColumn::name).toList(),
              EXAMPLE);
        }
        apply(c, cond.getValue(), keep);
      }
    }
    if (metric != null) {
      if (!users) {
        throw new InvalidInput("a metric filter applies to users only",
            "{\"entity\": \"item\", \"where\": {\"genres\": [\"Comedy\"]}}");
      }
      double[] v = metric.name() == null ? null : Counting.metric(ds, perUser, metric.name());
      if (v == null) {
        throw new InvalidInput("metric.name must be a per-user metric of the experiment, e.g. "
            + (perUser == null ? "recall@10" : perUser.names().subList(1,
                Math.min(4, perUser.names().size()))), EXAMPLE);
      }
      double[] range = bounds(metric.range(), "metric");
      for (int r = 0; r < n; r++) {
        keep[r] &= !Double.isNaN(v[r]) && v[r] >= range[0] && v[r] <= range[1];
      }
    }
    int[] rows = new int[n];
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (keep[r]) {
        rows[m++] = r;
      }
    }
    return new Result(entity, Arrays.copyOf(rows, m), n);
  }

  private static void apply(SideColumn c, Condition cond, boolean[] keep) {
    if (c.numeric()) {
      if (!(cond instanceof Range range)) {
        throw new InvalidInput("numeric column '" + c.name()
            + "' takes a range {\"min\": .., \"max\": ..}", EXAMPLE);
      }
      double[] b = bounds(range, c.name());
      for (int r = 0; r < keep.length; r++) {
        double v = c.numbers()[r];
        keep[r] &= !Double.isNaN(v) && v >= b[0] && v <= b[1];
      }
      return;
    }
    if (!(cond instanceof Labels list)) {
      throw new InvalidInput("column '" + c.name() + "' takes a list of values", EXAMPLE);
    }
    boolean[] wanted = new boolean[c.nLabels()];
    for (String v : list.values()) {
      for (int k = 0; k < c.nLabels(); k++) {
        if (c.labels()[k].equals(v)) {
          wanted[k] = true;
        }
      }
    }
    for (int r = 0; r < keep.length; r++) {
      if (!keep[r]) {
        continue;
      }
      boolean any = false;
      if (c.codes() != null) {
        any = c.codes()[r] >= 0 && wanted[c.codes()[r]];
      } else if (c.multi()[r] != null) {
        for (int code : c.multi()[r]) {
          any |= wanted[code];
        }
      }
      keep[r] = any;
    }
  }

  /** {min, max}: inclusive, either optional. */
  private static double[] bounds(Range range, String what) {
    double[] out = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    Object[] given = {range.min(), range.max()};
    String[] keys = {"min", "max"};
    for (int k = 0; k < 2; k++) {
      Object v = given[k];
      if (v == null) {
        continue;
      }
      if (!(v instanceof Number num)) {
        throw new InvalidInput(what + "." + keys[k] + " must be a number", EXAMPLE);
      }
      out[k] = num.doubleValue();
    }
    return out;
  }
}
