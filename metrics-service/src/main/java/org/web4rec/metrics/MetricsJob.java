package org.web4rec.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.AccuracyMetrics;
import org.web4rec.core.metrics.BeyondAccuracyMetrics;
import org.web4rec.core.metrics.BeyondInput;
import org.web4rec.core.metrics.MetricSuite;
import org.web4rec.core.metrics.MetricTable;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.platform.table.Column;
import org.web4rec.platform.table.Table;

/**
 * One experiment's metric computation, free of I/O: from the dataset, the prepared candidate lists
 * and the optional item embeddings to the full METRICS.md suite — per-user values (a table keyed
 * by external user id), their means plus the global metrics, and per-item exposure counts.
 * Similarity sources: {@code cooc} always, {@code genre.<col>} for every multi-valued item column,
 * {@code emb} when item embeddings were uploaded.
 */
public final class MetricsJob {

  public record Result(byte[] perUserArrow, byte[] exposureArrow, Map<String, Double> means,
      int evaluatedUsers, List<String> similaritySources, List<String> calibrationColumns,
      Map<String, Double> seconds) {}

  private MetricsJob() {}

  public static Result run(StoredDataset ds, CandidateLists lists, List<Integer> ks, Table embeddings) {
    int[] kArray = ks.stream().mapToInt(Integer::intValue).toArray();
    Map<String, Double> seconds = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    MetricTable accuracy = AccuracyMetrics.compute(lists, ds.groundTruth(), kArray);
    long t1 = System.nanoTime();
    seconds.put("accuracy", (t1 - t0) / 1e9);

    Map<String, int[][]> multi = multiValuedColumns(ds.items());
    float[][] vectors = embeddings == null ? null : itemVectors(embeddings, ds.nItems());
    int[] tieOrder = CandidateLists.tieOrder(ds.itemIds());
    MetricSuite suite = BeyondAccuracyMetrics.compute(new BeyondInput(ds.nItems(), ds.train(),
        ds.groundTruth(), lists, tieOrder, multi, vectors), kArray);
    long t2 = System.nanoTime();
    seconds.put("beyond", (t2 - t1) / 1e9);

    MetricTable perUser = MetricTable.merge(accuracy, suite.perUser());
    String[] userIds = new String[perUser.rows()];
    for (int r = 0; r < userIds.length; r++) {
      userIds[r] = ds.userIds()[perUser.users()[r]];
    }
    List<Column> columns = new ArrayList<>();
    columns.add(new Column.Strings("user_id", userIds));
    perUser.columns().forEach((name, values) -> columns.add(
        new Column.Doubles(name, Arrays.copyOf(values, values.length), null)));
    byte[] perUserArrow = ArrowCodec.toBytes(new Table(columns, userIds.length));

    Map<String, Double> means = new LinkedHashMap<>(perUser.means());
    means.putAll(suite.global());

    List<Column> exposure = new ArrayList<>();
    exposure.add(new Column.Strings("item_id", ds.itemIds()));
    exposure.add(new Column.Ints("pop", suite.popularity().pop()));
    for (int k : kArray) {
      exposure.add(new Column.Ints("exposure@" + k, suite.exposure().get(k)));
    }
    byte[] exposureArrow = ArrowCodec.toBytes(new Table(exposure, ds.nItems()));
    seconds.put("encode", (System.nanoTime() - t2) / 1e9);

    List<String> sources = new ArrayList<>();
    sources.add(BeyondAccuracyMetrics.COOC);
    multi.keySet().forEach(c -> sources.add(BeyondAccuracyMetrics.GENRE_PREFIX + c));
    if (vectors != null) {
      sources.add(BeyondAccuracyMetrics.EMB);
    }
    return new Result(perUserArrow, exposureArrow, means, perUser.rows(), sources,
        new ArrayList<>(multi.keySet()), seconds);
  }

  /** Every multi-valued item side column as sorted distinct value codes per dense item. */
  static Map<String, int[][]> multiValuedColumns(Table items) {
    Map<String, int[][]> out = new LinkedHashMap<>();
    for (Column c : items.columns()) {
      if (!(c instanceof Column.StringLists lists)) {
        continue;
      }
      Map<String, Integer> codes = new HashMap<>();
      int[][] perItem = new int[lists.size()][];
      for (int i = 0; i < perItem.length; i++) {
        String[] values = lists.values()[i];
        if (values == null) {
          continue;
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (String v : values) {
          set.add(codes.computeIfAbsent(v, x -> codes.size()));
        }
        perItem[i] = set.stream().mapToInt(Integer::intValue).toArray();
      }
      out.put(c.name(), perItem);
    }
    return out;
  }

  /** The stored embedding table (i, e0..eD) as one vector per dense item, null where absent. */
  static float[][] itemVectors(Table t, int nItems) {
    int[] ids = StoredDataset.ints(t, t.columns().get(0).name());
    int dims = t.columns().size() - 1;
    float[][] out = new float[nItems][];
    for (int r = 0; r < ids.length; r++) {
      float[] v = new float[dims];
      for (int d = 0; d < dims; d++) {
        v[d] = ((Column.Floats) t.columns().get(d + 1)).values()[r];
      }
      out[ids[r]] = v;
    }
    return out;
  }
}
