package org.web4rec.gateway;

import io.vertx.core.Future;
import java.util.function.LongSupplier;
import org.web4rec.platform.sql.RateLimitRepository;

/**
 * Fixed windows counted in the SQL store, so every gateway replica sees the same counts: at most
 * {@code count} attempts per key in each aligned window of {@code window} seconds (a client can
 * fit up to twice that across a window boundary; the limits are sized with that in mind). Keys
 * are stored hashed: the table holds no addresses or emails.
 */
final class SqlRateLimiter implements RateLimiter {

  private final RateLimitRepository repo;
  private final LongSupplier nowMs;

  SqlRateLimiter(RateLimitRepository repo, LongSupplier nowMs) {
    this.repo = repo;
    this.nowMs = nowMs;
  }

  @Override
  public Future<Long> acquire(Limit limit, String key) {
    long now = nowMs.getAsLong();
    long windowMs = limit.windowSeconds() * 1000L;
    long start = now - Math.floorMod(now, windowMs);
    String bucket = Secrets.sha256(limit.name() + "\n" + key);
    return repo.hit(bucket, start).map(hits -> hits <= limit.count() ? 0L
        : Math.max(1, (start + windowMs - now + 999) / 1000));
  }
}
