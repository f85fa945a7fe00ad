package org.web4rec.gateway;

import io.vertx.core.Future;
import org.web4rec.platform.sql.RateLimitRepository;

/**
 * Counts attempts per key (a client address, an account) against a {@link Limit}. Two
 * implementations, chosen by the launcher: {@link LocalRateLimiter} (token buckets in this
 * process: one gateway) and {@link SqlRateLimiter} (fixed windows in the SQL store, shared by
 * every gateway replica).
 */
public interface RateLimiter {

  /**
   * At most {@code count} attempts per {@code windowSeconds}, by key.
   *
   * @param name what is limited, as a client reads it ("login attempts per account")
   */
  record Limit(String name, int count, int windowSeconds) {

    public Limit {
      if (count < 1 || windowSeconds < 1) {
        throw new IllegalArgumentException(name + ": count and window must be positive");
      }
    }

    /** Parses {@code COUNT/SECONDS}, e.g. {@code 10/300}: ten per five minutes. */
    public static Limit parse(String name, String spec) {
      String[] p = spec.trim().split("/");
      try {
        if (p.length == 2) {
          return new Limit(name, Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("rate limit '" + name + "' must be COUNT/SECONDS (e.g."
          + " 10/300), is '" + spec + "'");
    }

    String describe() {
      return count + " " + name + " per " + windowSeconds + " s";
    }
  }

  /** Takes one attempt for {@code key}: 0 when allowed, else the seconds to wait (at least 1). */
  Future<Long> acquire(Limit limit, String key);

  static RateLimiter local() {
    return new LocalRateLimiter(System::nanoTime);
  }

  static RateLimiter shared(RateLimitRepository repo) {
    return new SqlRateLimiter(repo, System::currentTimeMillis);
  }
}
