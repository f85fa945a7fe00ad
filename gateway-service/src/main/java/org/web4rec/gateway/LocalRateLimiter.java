package org.web4rec.gateway;

import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in memory: a bucket holds up to {@code count} attempts and refills continuously
 * at {@code count / window}, so a burst of {@code count} passes and then one attempt per
 * {@code window / count}. Right for one gateway; replicas would each keep their own buckets.
 */
final class LocalRateLimiter implements RateLimiter {

  /** Past this many buckets, full ones (idle keys) are dropped: memory stays bounded. */
  private static final int SWEEP_ABOVE = 50_000;

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  LocalRateLimiter(LongSupplier nanos) {
    this.nanos = nanos;
  }

  @Override
  public Future<Long> acquire(Limit limit, String key) {
    if (buckets.size() > SWEEP_ABOVE) {
      long now = nanos.getAsLong();
      buckets.values().removeIf(b -> b.fullAt(now));
    }
    Bucket b = buckets.computeIfAbsent(limit.name() + "\n" + key, k -> new Bucket(limit,
        nanos.getAsLong()));
    return Future.succeededFuture(b.take(nanos.getAsLong()));
  }

  private static final class Bucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    Bucket(Limit limit, long now) {
      this.capacity = limit.count();
      this.perNano = limit.count() / (limit.windowSeconds() * 1e9);
      this.tokens = capacity;
      this.last = now;
    }

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }

    synchronized boolean fullAt(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
    }
  }
}
