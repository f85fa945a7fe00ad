package org.web4rec.metrics;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;

/**
 * The compare table's working set per dataset — experiment rows, metric names and the values of
 * each column asked for so far — reused while the dataset's change stamp stays the same, so a page
 * of a 10,000-experiment table costs one small stamp query instead of reloading every row.
 * A few datasets are kept (LRU); safe to share across processes because the stamp comes from the
 * database.
 */
final class TableCache {

  /** One dataset's rows as of a stamp; column values are loaded on first use. */
  static final class Snapshot {
    final String stamp;
    final List<ExperimentRecord> rows;
    final List<String> metricNames;
    private final Map<String, Map<String, Double>> columns = new HashMap<>();

    Snapshot(String stamp, List<ExperimentRecord> rows, List<String> metricNames) {
      this.stamp = stamp;
      this.rows = rows;
      this.metricNames = metricNames;
    }
  }

  private final ExperimentRepository experiments;
  private final Map<String, Snapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
      return size() > 8;
    }
  };

  TableCache(ExperimentRepository experiments) {
    this.experiments = experiments;
  }

  Future<Snapshot> snapshot(String teamId, String datasetId) {
    String key = teamId + "/" + datasetId;
    return experiments.changeStamp(teamId, datasetId).compose(stamp -> {
      Snapshot cached;
      synchronized (snapshots) {
        cached = snapshots.get(key);
      }
      if (cached != null && cached.stamp.equals(stamp)) {
        return Future.succeededFuture(cached);
      }
      Future<List<ExperimentRecord>> rows = experiments.list(teamId, datasetId);
      Future<List<String>> names = experiments.metricNames(teamId, datasetId);
      return Future.all(rows, names).map(v -> {
        Snapshot s = new Snapshot(stamp, rows.result(), names.result());
        synchronized (snapshots) {
          snapshots.put(key, s);
        }
        return s;
      });
    });
  }

  /** Values of the named metric columns (experiment id → name → value), loading missing ones. */
  Future<Map<String, Map<String, Double>>> columns(Snapshot s, String teamId, String datasetId,
      List<String> names) {
    List<String> missing;
    synchronized (s.columns) {
      missing = names.stream().filter(n -> !s.columns.containsKey(n)).toList();
    }
    Future<Void> loaded = missing.isEmpty() ? Future.succeededFuture()
        : experiments.metricsOfDataset(teamId, datasetId, missing).map(values -> {
          synchronized (s.columns) {
            for (String n : missing) {
              s.columns.put(n, new HashMap<>());
            }
            values.forEach((id, byName) -> byName.forEach((n, v) -> s.columns.get(n).put(id, v)));
          }
          return null;
        });
    return loaded.map(v -> {
      Map<String, Map<String, Double>> out = new HashMap<>();
      synchronized (s.columns) {
        for (String n : names) {
          s.columns.get(n).forEach((id, value) ->
              out.computeIfAbsent(id, k -> new HashMap<>()).put(n, value));
        }
      }
      return out;
    });
  }
}
