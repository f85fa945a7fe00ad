package org.web4rec.platform.sql;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web4rec.platform.contracts.ExperimentSettings;

/**
 * Experiment rows, their status machine (uploaded → computing → ready | failed) and aggregate
 * metric values (one row per metric name, so tables can fetch only the columns they show).
 */
public final class ExperimentRepository {

  public static final String UPLOADED = "uploaded";
  public static final String COMPUTING = "computing";
  public static final String READY = "ready";
  public static final String FAILED = "failed";

  /** {@code settings}: what it is evaluated with; {@code metricsMeta}: what the metrics used. */
  public record ExperimentRecord(String id, String teamId, String datasetId, String name,
      String status, String error, JsonObject hyperParameters, ExperimentSettings settings,
      String idempotencyKey, JsonObject metricsMeta, long createdAt, long updatedAt) {}

  private static final String COLUMNS = "id, team_id, dataset_id, name, status, error,"
      + " hyper_parameters, settings, idempotency_key, metrics_meta, created_at, updated_at";

  private final Pool pool;
  private final Db db;

  public ExperimentRepository(Db db) {
    this.db = db;
    this.pool = db.pool();
  }

  /** Fails with {@link DuplicateKeyException} when the dataset already has that name. */
  public Future<Void> insert(ExperimentRecord e) {
    return pool.preparedQuery("INSERT INTO experiments (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .execute(Tuple.from(new Object[] {e.id(), e.teamId(), e.datasetId(), e.name(), e.status(),
            e.error(), e.hyperParameters().encode(), e.settings().toJson().encode(), e.idempotencyKey(),
            e.metricsMeta() == null ? null : e.metricsMeta().encode(), e.createdAt(),
            e.updatedAt()}))
        .recover(t -> SqlErrors.isDuplicateKey(t)
            ? Future.failedFuture(new DuplicateKeyException("experiment name exists", t))
            : Future.failedFuture(t))
        .mapEmpty();
  }

  public Future<Optional<ExperimentRecord>> find(String teamId, String datasetId, String name) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM experiments"
            + " WHERE team_id = ? AND dataset_id = ? AND name = ?")
        .execute(Tuple.of(teamId, datasetId, name)).map(ExperimentRepository::first);
  }

  public Future<Optional<ExperimentRecord>> findById(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM experiments WHERE id = ?")
        .execute(Tuple.of(id)).map(ExperimentRepository::first);
  }

  public Future<List<ExperimentRecord>> list(String teamId, String datasetId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM experiments"
            + " WHERE team_id = ? AND dataset_id = ? ORDER BY created_at, name")
        .execute(Tuple.of(teamId, datasetId)).map(ExperimentRepository::all);
  }

  /** Experiments a crashed or restarted worker may have left unfinished. */
  public Future<List<ExperimentRecord>> listUnfinished() {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM experiments"
            + " WHERE status IN (?, ?) ORDER BY created_at")
        .execute(Tuple.of(UPLOADED, COMPUTING)).map(ExperimentRepository::all);
  }

  /**
   * Number of experiments per status (every status present at least once in the table): the
   * work backlog that the queue-lag gauge exports, the same with either bus.
   */
  public Future<Map<String, Long>> countByStatus() {
    return pool.query("SELECT status, COUNT(*) AS n FROM experiments GROUP BY status").execute()
        .map(rows -> {
          Map<String, Long> out = new java.util.TreeMap<>();
          for (Row r : rows) {
            out.put(r.getString("status"), r.getLong("n"));
          }
          return out;
        });
  }

  /**
   * Marks the experiment computing unless it is already ready; returns false when there is nothing
   * to do (ready, or deleted), which makes redelivered events harmless.
   */
  public Future<Boolean> startComputing(String id) {
    return pool.preparedQuery("UPDATE experiments SET status = ?, error = NULL, updated_at = ?"
            + " WHERE id = ? AND status <> ?")
        .execute(Tuple.of(COMPUTING, System.currentTimeMillis(), id, READY))
        .map(rs -> rs.rowCount() > 0);
  }

  public Future<Void> markFailed(String id, String error) {
    return pool.preparedQuery("UPDATE experiments SET status = ?, error = ?, updated_at = ?"
            + " WHERE id = ?")
        .execute(Tuple.of(FAILED, error, System.currentTimeMillis(), id)).mapEmpty();
  }

  /** Replaces the experiment's metric rows and marks it ready, atomically. */
  public Future<Void> saveMetrics(String id, Map<String, Double> metrics, JsonObject meta) {
    List<Tuple> rows = new ArrayList<>();
    metrics.forEach((name, value) -> rows.add(Tuple.of(id, name,
        value == null || value.isNaN() || value.isInfinite() ? null : value)));
    return db.inTransaction(conn -> conn.preparedQuery(
                "DELETE FROM experiment_metrics WHERE experiment_id = ?").execute(Tuple.of(id))
        .compose(v -> rows.isEmpty() ? Future.succeededFuture() : conn.preparedQuery(
                "INSERT INTO experiment_metrics (experiment_id, name, metric_value) VALUES (?, ?, ?)")
            .executeBatch(rows))
        .compose(v -> conn.preparedQuery("UPDATE experiments SET status = ?, error = NULL,"
                + " metrics_meta = ?, updated_at = ? WHERE id = ?")
            .execute(Tuple.of(READY, meta.encode(), System.currentTimeMillis(), id)))
        .mapEmpty());
  }

  /** Metric values by experiment id, names in stored order. */
  public Future<Map<String, Map<String, Double>>> metrics(List<String> experimentIds) {
    if (experimentIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    String marks = String.join(", ", java.util.Collections.nCopies(experimentIds.size(), "?"));
    return pool.preparedQuery("SELECT experiment_id, name, metric_value FROM experiment_metrics"
            + " WHERE experiment_id IN (" + marks + ") ORDER BY experiment_id, name")
        .execute(Tuple.from(new ArrayList<Object>(experimentIds))).map(rs -> {
          Map<String, Map<String, Double>> out = new LinkedHashMap<>();
          for (Row r : rs) {
            Double v = r.getDouble("metric_value");
            out.computeIfAbsent(r.getString("experiment_id"), k -> new LinkedHashMap<>())
                .put(r.getString("name"), v == null ? Double.NaN : v);
          }
          return out;
        });
  }

  /**
   * A stamp that changes whenever the dataset's experiment rows change (insert, delete, status or
   * metrics update): caches of derived views compare it instead of reloading everything.
   */
  public Future<String> changeStamp(String teamId, String datasetId) {
    return pool.preparedQuery("SELECT COUNT(*) AS n, MAX(updated_at) AS t FROM experiments"
            + " WHERE team_id = ? AND dataset_id = ?")
        .execute(Tuple.of(teamId, datasetId)).map(rs -> {
          Row r = rs.iterator().next();
          return r.getLong("n") + ":" + r.getLong("t");
        });
  }

  /** Every metric name stored for the dataset's experiments, sorted. */
  public Future<List<String>> metricNames(String teamId, String datasetId) {
    return pool.preparedQuery("SELECT DISTINCT m.name FROM experiment_metrics m"
            + " JOIN experiments e ON e.id = m.experiment_id"
            + " WHERE e.team_id = ? AND e.dataset_id = ? ORDER BY m.name")
        .execute(Tuple.of(teamId, datasetId)).map(rs -> {
          List<String> out = new ArrayList<>();
          for (Row r : rs) {
            out.add(r.getString("name"));
          }
          return out;
        });
  }

  /** Values of the named metrics for every experiment of a dataset: id → name → value. */
  public Future<Map<String, Map<String, Double>>> metricsOfDataset(String teamId, String datasetId,
      List<String> names) {
    if (names.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
    List<Object> args = new ArrayList<>(List.of(teamId, datasetId));
    args.addAll(names);
    return pool.preparedQuery("SELECT m.experiment_id, m.name, m.metric_value"
            + " FROM experiment_metrics m JOIN experiments e ON e.id = m.experiment_id"
            + " WHERE e.team_id = ? AND e.dataset_id = ? AND m.name IN (" + marks + ")")
        .execute(Tuple.from(args)).map(rs -> {
          Map<String, Map<String, Double>> out = new LinkedHashMap<>();
          for (Row r : rs) {
            Double v = r.getDouble("metric_value");
            out.computeIfAbsent(r.getString("experiment_id"), k -> new LinkedHashMap<>())
                .put(r.getString("name"), v == null ? Double.NaN : v);
          }
          return out;
        });
  }

  /** Removes the row and its metrics (used to undo a half-finished upload). */
  public Future<Void> delete(String id) {
    return db.inTransaction(conn -> conn.preparedQuery(
            "DELETE FROM experiment_metrics WHERE experiment_id = ?").execute(Tuple.of(id))
        .compose(v -> conn.preparedQuery("DELETE FROM experiments WHERE id = ?")
            .execute(Tuple.of(id)))
        .mapEmpty());
  }

  /** Removes these experiments (a parent and its derived re-ranks) and their metrics at once. */
  public Future<Void> deleteAll(String teamId, List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    List<Object> scoped = new ArrayList<>(List.of(teamId));
    scoped.addAll(ids);
    return db.inTransaction(conn -> conn.preparedQuery("DELETE FROM experiment_metrics"
                + " WHERE experiment_id IN (SELECT id FROM experiments WHERE team_id = ?"
                + " AND id IN (" + marks + "))").execute(Tuple.from(scoped))
        .compose(v -> conn.preparedQuery("DELETE FROM experiments WHERE team_id = ? AND id IN ("
            + marks + ")").execute(Tuple.from(scoped)))
        .mapEmpty());
  }

  /**
   * Removes rows no parent row backs any more: experiments whose dataset was deleted while their
   * upload was in flight, and metric rows a worker saved for an experiment deleted mid-job.
   *
   * @return the number of rows removed
   */
  public Future<Integer> deleteDetached() {
    return db.inTransaction(conn -> conn.query("DELETE FROM experiment_metrics WHERE experiment_id"
                + " NOT IN (SELECT id FROM experiments) OR experiment_id IN (SELECT id FROM"
                + " experiments WHERE dataset_id NOT IN (SELECT id FROM datasets))").execute()
        .compose(m -> conn.query("DELETE FROM experiments"
                + " WHERE dataset_id NOT IN (SELECT id FROM datasets)").execute()
            .map(e -> m.rowCount() + e.rowCount())));
  }

  private static Optional<ExperimentRecord> first(RowSet<Row> rs) {
    for (Row r : rs) {
      return Optional.of(of(r));
    }
    return Optional.empty();
  }

  private static List<ExperimentRecord> all(RowSet<Row> rs) {
    List<ExperimentRecord> out = new ArrayList<>();
    for (Row r : rs) {
      out.add(of(r));
    }
    return out;
  }

  private static ExperimentRecord of(Row r) {
    String meta = r.getString("metrics_meta");
    return new ExperimentRecord(r.getString("id"), r.getString("team_id"),
        r.getString("dataset_id"), r.getString("name"), r.getString("status"),
        r.getString("error"), new JsonObject(r.getString("hyper_parameters")),
        ExperimentSettings.fromJson(new JsonObject(r.getString("settings"))), r.getString("idempotency_key"),
        meta == null ? null : new JsonObject(meta), r.getLong("created_at"),
        r.getLong("updated_at"));
  }
}
