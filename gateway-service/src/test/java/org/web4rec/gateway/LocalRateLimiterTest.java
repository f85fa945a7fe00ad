package org.web4rec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.web4rec.gateway.RateLimiter.Limit;

/** Token buckets: a burst of the limit's count, then one attempt per window / count. */
class LocalRateLimiterTest {

  final AtomicLong nanos = new AtomicLong();
  final LocalRateLimiter limiter = new LocalRateLimiter(nanos::get);
  final Limit tenPer300 = new Limit("login attempts per account", 10, 300);

  long take(String key) {
    return limiter.acquire(tenPer300, key).result();
  }

  @Test
  void aBurstPassesThenTheNextWaitsForOneRefill() {
    for (int i = 0; i < 10; i++) {
      assertEquals(0, take("ada"), "attempt " + i);
    }
    assertEquals(30, take("ada")); // one token refills in 300 / 10 s
    assertEquals(0, take("bob"), "keys do not share a bucket");
    nanos.addAndGet(29_000_000_000L);
    assertEquals(1, take("ada"));
    nanos.addAndGet(1_000_000_000L);
    assertEquals(0, take("ada"));
    assertEquals(30, take("ada"));
  }

  @Test
  void limitsWithTheSameKeyButAnotherNameAreSeparate() {
    Limit other = new Limit("sign-ups per client address", 1, 60);
    assertEquals(0, limiter.acquire(other, "ada").result());
    assertEquals(60, limiter.acquire(other, "ada").result());
    assertEquals(0, take("ada"));
  }

  @Test
  void limitsParseFromConfig() {
    assertEquals(new Limit("x", 10, 900), Limit.parse("x", "10/900"));
    assertThrows(IllegalArgumentException.class, () -> Limit.parse("x", "10 per minute"));
    assertThrows(IllegalArgumentException.class, () -> Limit.parse("x", "0/60"));
  }
}
