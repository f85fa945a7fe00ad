package org.web4rec.core.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Significance tests between experiments over their stored per-user tables (first column
 * user_id, then one double column per metric): every unordered pair on every metric, through
 * {@link Comparisons#compareAll}, on the union of the experiments' users (a pair keeps the users
 * both have).
 */
public final class MetricComparisons {

  /** Fixed bootstrap seed: the same request always gives the same intervals. */
  public static final long SEED = 20_181_127L;

  /**
   * @param metric the metric compared
   * @param pair the comparison of one pair of experiments on it
   */
  public record MetricPair(String metric, Comparisons.PairResult pair) {}

  private MetricComparisons() {}

  /**
   * Per-user values of one metric, keyed by external user id.
   *
   * @throws InvalidInput when the table has no such metric
   */
  public static Map<String, Double> values(Table perUser, String metric) {
    Column c = perUser.column(metric).orElseThrow(() -> new InvalidInput("no per-user"
        + " metric '" + metric + "'; per-user metrics are " + perUser.names().subList(1,
        perUser.names().size()), "metric=ndcg@10"));
    String[] users = ((Column.Strings) perUser.columns().get(0)).values();
    double[] v = ((Column.Doubles) c).values();
    Map<String, Double> out = new HashMap<>(users.length * 2);
    for (int r = 0; r < users.length; r++) {
      out.put(users[r], v[r]);
    }
    return out;
  }

  /**
   * @param names distinct experiment names, at least two
   * @param perUser each experiment's per-user table, in the order of {@code names}
   * @param metrics the metrics to compare on
   * @return per metric (in order) the pairs of {@link Comparisons#compareAll} with {@link #SEED}
   * @throws InvalidInput when an experiment lacks one of the metrics
   */
  public static List<MetricPair> compare(List<String> names, List<Table> perUser,
      List<String> metrics) {
    Set<String> users = new LinkedHashSet<>();
    for (Table t : perUser) {
      users.addAll(List.of(((Column.Strings) t.columns().get(0)).values()));
    }
    List<String> userList = new ArrayList<>(users);
    List<MetricPair> out = new ArrayList<>();
    for (String metric : metrics) {
      List<double[]> aligned = new ArrayList<>();
      for (Table t : perUser) {
        Map<String, Double> col = values(t, metric);
        double[] v = new double[userList.size()];
        for (int k = 0; k < v.length; k++) {
          Double x = col.get(userList.get(k));
          v[k] = x == null ? Double.NaN : x;
        }
        aligned.add(v);
      }
      for (Comparisons.PairResult p : Comparisons.compareAll(names, aligned, SEED)) {
        out.add(new MetricPair(metric, p));
      }
    }
    return List.copyOf(out);
  }
}
