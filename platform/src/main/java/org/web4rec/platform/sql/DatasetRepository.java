package org.web4rec.platform.sql;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dataset metadata rows; the tables themselves are blobs. Every lookup is scoped to a team. */
public final class DatasetRepository {

  /** {@code info} holds the sizes, id type and side-column kinds shown to users. */
  public record DatasetRecord(String id, String teamId, String name, int version, JsonObject info,
      long createdAt) {}

  private static final String COLUMNS = "id, team_id, name, version, info, created_at";

  private final Pool pool;
  private final Db db;

  public DatasetRepository(Db db) {
    this.db = db;
    this.pool = db.pool();
  }

  /** Fails with {@link DuplicateKeyException} when the team already has that name. */
  public Future<Void> insert(DatasetRecord d) {
    return pool.preparedQuery("INSERT INTO datasets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
        .execute(Tuple.of(d.id(), d.teamId(), d.name(), d.version(), d.info().encode(),
            d.createdAt()))
        .recover(t -> SqlErrors.isDuplicateKey(t)
            ? Future.failedFuture(new DuplicateKeyException("dataset name exists", t))
            : Future.failedFuture(t))
        .mapEmpty();
  }

  public Future<Optional<DatasetRecord>> findByName(String teamId, String name) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM datasets WHERE team_id = ? AND name = ?")
        .execute(Tuple.of(teamId, name)).map(rs -> {
          for (Row r : rs) {
            return Optional.of(of(r));
          }
          return Optional.<DatasetRecord>empty();
        });
  }

  public Future<Optional<DatasetRecord>> findById(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM datasets WHERE id = ?")
        .execute(Tuple.of(id)).map(rs -> {
          for (Row r : rs) {
            return Optional.of(of(r));
          }
          return Optional.<DatasetRecord>empty();
        });
  }

  public Future<List<DatasetRecord>> list(String teamId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM datasets WHERE team_id = ?"
            + " ORDER BY created_at, name")
        .execute(Tuple.of(teamId)).map(rs -> {
          List<DatasetRecord> out = new ArrayList<>();
          for (Row r : rs) {
            out.add(of(r));
          }
          return out;
        });
  }

  public Future<Boolean> delete(String teamId, String id) {
    return pool.preparedQuery("DELETE FROM datasets WHERE team_id = ? AND id = ?")
        .execute(Tuple.of(teamId, id)).map(rs -> rs.rowCount() > 0);
  }

  /**
   * Removes the dataset row with its experiments and their metric rows in one transaction, so no
   * experiment row is left pointing at a missing dataset. Blobs are the caller's to delete after.
   *
   * @return false when the team has no such dataset
   */
  public Future<Boolean> deleteWithExperiments(String teamId, String id) {
    return db.inTransaction(conn -> conn.preparedQuery("DELETE FROM experiment_metrics"
                + " WHERE experiment_id IN (SELECT id FROM experiments"
                + " WHERE team_id = ? AND dataset_id = ?)").execute(Tuple.of(teamId, id))
        .compose(v -> conn.preparedQuery("DELETE FROM experiments WHERE team_id = ?"
            + " AND dataset_id = ?").execute(Tuple.of(teamId, id)))
        .compose(v -> conn.preparedQuery("DELETE FROM datasets WHERE team_id = ? AND id = ?")
            .execute(Tuple.of(teamId, id)))
        .map(rs -> rs.rowCount() > 0));
  }

  private static DatasetRecord of(Row r) {
    return new DatasetRecord(r.getString("id"), r.getString("team_id"), r.getString("name"),
        r.getInteger("version"), new JsonObject(r.getString("info")), r.getLong("created_at"));
  }
}
