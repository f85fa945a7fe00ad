package org.web4rec.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * The full METRICS.md suite over one experiment: accuracy and beyond-accuracy per user, their
 * means plus the global metrics, and per-item exposure. Similarity sources: {@code cooc} always,
 * {@code genre.<col>} for every multi-valued item column, {@code emb} when item vectors are given.
 *
 * @param perUser one row per evaluated user (dense index), a column per per-user metric and K
 * @param userIds the external id of each row of {@code perUser}
 * @param means per-user means, then the global metrics
 * @param itemIds the catalogue's external ids in dense order
 * @param pop pop(i) of every item
 * @param exposure for each K in the order given, the exposure of every item
 * @param similaritySources the similarity sources the metrics used
 * @param calibrationColumns the multi-valued item columns miscalibration was computed over
 * @param seconds wall time of each phase ({@code accuracy}, {@code beyond})
 */
public record ExperimentMetrics(MetricTable perUser, String[] userIds, Map<String, Double> means,
    String[] itemIds, int[] pop, Map<Integer, int[]> exposure, List<String> similaritySources,
    List<String> calibrationColumns, Map<String, Double> seconds) {

  /**
   * Where the suite gets the dataset's co-occurrence table: a process may hold one per dataset
   * and share it between experiments (the service's cache), or build none.
   */
  @FunctionalInterface
  public interface SharedCooc {

    /** No shared table: the suite counts the co-occurrences it needs itself. */
    SharedCooc NONE = (ownIncrements, threads) -> null;

    /**
     * @param ownIncrements co-occurrence increments the suite would do without a table (a pass
     *     over the data: ask only when deciding to build)
     * @param threads threads a build may use
     * @return the table, or null when none is held or worth building
     */
    CoocTable forWork(LongSupplier ownIncrements, int threads);
  }

  /**
   * @param ds the dataset
   * @param lists the experiment's prepared candidate lists
   * @param ks the cut-offs, ascending
   * @param itemVectors item embeddings per dense item (null rows for items without one), or null
   * @param group ascending dense users accuracy is evaluated on (a re-rank of a user group covers
   *     that group only, METRICS.md "Accuracy"), or null for every user
   * @param cooc the shared co-occurrence table, if any
   */
  public static ExperimentMetrics compute(Dataset ds, CandidateLists lists, int[] ks,
      float[][] itemVectors, int[] group, SharedCooc cooc) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    MetricTable accuracy = AccuracyMetrics.compute(lists, ds.groundTruth(), ks);
    if (group != null) {
      accuracy = onlyUsers(accuracy, group);
    }
    long t1 = System.nanoTime();
    seconds.put("accuracy", (t1 - t0) / 1e9);

    Map<String, int[][]> multi = ds.multiValuedColumns();
    int[] tieOrder = CandidateLists.tieOrder(ds.itemIds());
    int threads = Runtime.getRuntime().availableProcessors();
    int maxK = Arrays.stream(ks).max().orElse(0);
    CoocTable table = cooc.forWork(() -> CoocTable.rowIncrements(ds.train(),
        recommended(lists, maxK, ds.nItems())), threads);
    MetricSuite suite = BeyondAccuracyMetrics.compute(new BeyondInput(ds.nItems(), ds.train(),
        ds.groundTruth(), lists, tieOrder, multi, itemVectors), ks, threads, table);
    seconds.put("beyond", (System.nanoTime() - t1) / 1e9);

    MetricTable perUser = MetricTable.merge(accuracy, suite.perUser());
    String[] userIds = new String[perUser.rows()];
    for (int r = 0; r < userIds.length; r++) {
      userIds[r] = ds.userIds()[perUser.users()[r]];
    }
    Map<String, Double> means = new LinkedHashMap<>(perUser.means());
    means.putAll(suite.global());
    Map<Integer, int[]> exposure = new LinkedHashMap<>();
    for (int k : ks) {
      exposure.put(k, suite.exposure().get(k));
    }
    List<String> sources = new ArrayList<>();
    sources.add(BeyondAccuracyMetrics.COOC);
    multi.keySet().forEach(c -> sources.add(BeyondAccuracyMetrics.GENRE_PREFIX + c));
    if (itemVectors != null) {
      sources.add(BeyondAccuracyMetrics.EMB);
    }
    return new ExperimentMetrics(perUser, userIds, means, ds.itemIds(),
        suite.popularity().pop(), exposure, List.copyOf(sources),
        List.copyOf(multi.keySet()), seconds);
  }

  /** Users with a row in {@link #perUser()}. */
  public int evaluatedUsers() {
    return perUser.rows();
  }

  /** The per-user values as stored: user_id (external), then one double column per metric. */
  public Table perUserTable() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column.Strings("user_id", userIds));
    perUser.columns().forEach((name, values) -> columns.add(
        new Column.Doubles(name, Arrays.copyOf(values, values.length), null)));
    return new Table(columns, userIds.length);
  }

  /** Per item as stored: item_id, pop and exposure@K for every K. */
  public Table exposureTable() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column.Strings("item_id", itemIds));
    columns.add(new Column.Ints("pop", pop));
    exposure.forEach((k, c) -> columns.add(new Column.Ints("exposure@" + k, c)));
    return new Table(columns, itemIds.length);
  }

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
