package org.web4rec.platform.sql;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window hit counters shared by every gateway replica on one database: one row per key and
 * window. The increment is a single upsert, so concurrent replicas never lose a hit; the read that
 * follows may see a few hits from others, which only errs towards refusing.
 */
public final class RateLimitRepository {

  /** Old windows are swept every this many hits (cheaper than a timer per replica). */
  private static final long SWEEP_EVERY = 500;

  private final Pool pool;
  private final AtomicLong hits = new AtomicLong();

  public RateLimitRepository(Db db) {
    this.pool = db.pool();
  }

  /** Counts one hit for the key in the window starting at {@code windowStart}; the new count. */
  public Future<Integer> hit(String key, long windowStart) {
    Future<?> sweep = hits.incrementAndGet() % SWEEP_EVERY == 0
        ? pool.preparedQuery("DELETE FROM rate_limits WHERE window_start < ?")
            .execute(Tuple.of(windowStart - 86_400_000L)).recover(t -> Future.succeededFuture())
        : Future.succeededFuture();
    return sweep.compose(v -> pool.preparedQuery("INSERT INTO rate_limits (bucket_key,"
                + " window_start, hits) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE hits = hits + 1")
            .execute(Tuple.of(key, windowStart)))
        .compose(v -> pool.preparedQuery(
                "SELECT hits FROM rate_limits WHERE bucket_key = ? AND window_start = ?")
            .execute(Tuple.of(key, windowStart)))
        .map(rs -> {
          for (Row r : rs) {
            return r.getInteger("hits");
          }
          return 1;
        });
  }
}
