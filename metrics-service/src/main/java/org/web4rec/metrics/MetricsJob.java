package org.web4rec.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.AccuracyMetrics;
import org.web4rec.core.metrics.MetricTable;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.platform.table.Column;
import org.web4rec.platform.table.Table;

/**
 * One experiment's metric computation, free of I/O: from the dataset and the prepared candidate
 * lists to per-user values (a table with external user ids) and their means.
 */
final class MetricsJob {

  record Result(byte[] perUserArrow, Map<String, Double> means, int evaluatedUsers) {}

  private MetricsJob() {}

  static Result run(StoredDataset ds, CandidateLists lists, List<Integer> ks) {
    int[] kArray = ks.stream().mapToInt(Integer::intValue).toArray();
    MetricTable table = AccuracyMetrics.compute(lists, ds.groundTruth(), kArray);
    String[] userIds = new String[table.rows()];
    for (int r = 0; r < userIds.length; r++) {
      userIds[r] = ds.userIds()[table.users()[r]];
    }
    List<Column> columns = new java.util.ArrayList<>();
    columns.add(new Column.Strings("user_id", userIds));
    table.columns().forEach((name, values) -> columns.add(
        new Column.Doubles(name, Arrays.copyOf(values, values.length), null)));
    byte[] arrow = ArrowCodec.toBytes(new Table(columns, userIds.length));
    return new Result(arrow, new LinkedHashMap<>(table.means()), table.rows());
  }
}
