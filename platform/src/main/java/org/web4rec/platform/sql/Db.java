package org.web4rec.platform.sql;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * A SQL pool plus what its adapter needs to run transactions safely. vertx-jdbc-client 5.0.x
 * leaves a pooled JDBC connection in autocommit=false after commit or rollback
 * (vert-x3/vertx-jdbc-client#356): later plain statements on that connection would never commit.
 * Adapters with that defect give a statement that restores autocommit, run on the same connection
 * before it returns to the pool; every transaction in the repositories goes through
 * {@link #inTransaction}.
 */
public record Db(Pool pool, String restoreAutocommit) {

  public static Db of(Pool pool) {
    return new Db(pool, null);
  }

  public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    if (restoreAutocommit == null) {
      return pool.withTransaction(work);
    }
    return pool.getConnection().compose(conn -> runIn(conn, work)
        .transform(outcome -> conn.query(restoreAutocommit).execute()
            .<T>transform(reset -> {
              if (reset.failed()) {
                LoggerFactory.getLogger(Db.class).error("could not restore autocommit",
                    reset.cause());
              }
              return conn.close().<T>transform(closed -> outcome.succeeded()
                  ? Future.succeededFuture(outcome.result())
                  : Future.failedFuture(outcome.cause()));
            })));
  }

  private static <T> Future<T> runIn(SqlConnection conn,
      Function<SqlConnection, Future<T>> work) {
    return conn.begin().compose(tx -> {
      Future<T> done = work.apply(conn);
      return done.transform(ar -> ar.succeeded()
          ? tx.commit().map(v -> ar.result())
          : tx.rollback().<T>transform(r -> Future.failedFuture(ar.cause())));
    });
  }

  public Future<Void> close() {
    return pool.close();
  }
}
