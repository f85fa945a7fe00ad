package org.web4rec.metrics;

import org.web4rec.core.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.AccuracyMetrics;
import org.web4rec.core.metrics.BeyondAccuracyMetrics;
import org.web4rec.core.metrics.BeyondInput;
import org.web4rec.core.metrics.MetricSuite;
import org.web4rec.core.metrics.MetricTable;
import org.web4rec.platform.data.CoocTables;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

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

  /** Items in some user's first {@code maxK} candidates. */
  private static boolean[] recommended(CandidateLists lists, int maxK, int nItems) {
    boolean[] in = new boolean[nItems];
    int[] items = lists.items();
    for (int u = 0; u < lists.users(); u++) {
      int end = Math.min(lists.end(u), lists.start(u) + maxK);
      for (int p = lists.start(u); p < end; p++) {
        in[items[p]] = true;
      }
    }
    return in;
  }

  public static Result run(Dataset ds, CandidateLists lists, List<Integer> ks, Table embeddings) {
    return run(ds, lists, ks, embeddings, null);
  }

  /**
   * As {@link #run(Dataset, CandidateLists, List, Table)}, evaluating accuracy only on
   * {@code group} (ascending dense user indices) when given: a re-rank of a user group covers that
   * group only (METRICS.md "Accuracy").
   */
  public static Result run(Dataset ds, CandidateLists lists, List<Integer> ks,
      Table embeddings, int[] group) {
    int[] kArray = ks.stream().mapToInt(Integer::intValue).toArray();
    Map<String, Double> seconds = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    MetricTable accuracy = AccuracyMetrics.compute(lists, ds.groundTruth(), kArray);
    if (group != null) {
      accuracy = onlyUsers(accuracy, group);
    }
    long t1 = System.nanoTime();
    seconds.put("accuracy", (t1 - t0) / 1e9);

    Map<String, int[][]> multi = ds.multiValuedColumns();
    float[][] vectors = embeddings == null ? null
        : Dataset.itemVectors(embeddings, ds.nItems());
    int[] tieOrder = CandidateLists.tieOrder(ds.itemIds());
    int threads = Runtime.getRuntime().availableProcessors();
    CoocTable cooc = CoocTables.forWork(ds, () -> CoocTable.rowIncrements(ds.train(),
        recommended(lists, Arrays.stream(kArray).max().orElse(0), ds.nItems())), threads);
    MetricSuite suite = BeyondAccuracyMetrics.compute(new BeyondInput(ds.nItems(), ds.train(),
        ds.groundTruth(), lists, tieOrder, multi, vectors), kArray, threads, cooc);
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


  /** The rows of {@code t} whose user is in the ascending {@code users}. */
  static MetricTable onlyUsers(MetricTable t, int[] users) {
    int[] keep = new int[t.rows()];
    int n = 0;
    for (int r = 0; r < t.rows(); r++) {
      if (Arrays.binarySearch(users, t.users()[r]) >= 0) {
        keep[n++] = r;
      }
    }
    int[] rowUsers = new int[n];
    for (int k = 0; k < n; k++) {
      rowUsers[k] = t.users()[keep[k]];
    }
    LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : t.columns().entrySet()) {
      double[] v = new double[n];
      for (int k = 0; k < n; k++) {
        v[k] = e.getValue()[keep[k]];
      }
      columns.put(e.getKey(), v);
    }
    return new MetricTable(rowUsers, columns);
  }
}
