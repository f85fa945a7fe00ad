package org.web4rec.gateway;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.web4rec.gateway.RateLimiter.Limit;
import org.web4rec.platform.http.ApiException;

/** Applies rate limits to a request: 429 with {@code Retry-After} and the limit's name. */
final class Throttle {

  private final RateLimiter limiter;
  private final String clientIpHeader;

  Throttle(RateLimiter limiter, String clientIpHeader) {
    this.limiter = limiter;
    this.clientIpHeader = clientIpHeader;
  }

  /**
   * The client's address: the TCP peer, or behind a proxy the right-most entry of the configured
   * header (the entry the proxy appended; those left of it are whatever the client sent).
   */
  String clientIp(RoutingContext ctx) {
    if (clientIpHeader != null) {
      String h = ctx.request().getHeader(clientIpHeader);
      if (h != null && !h.isBlank()) {
        String[] hops = h.split(",");
        return hops[hops.length - 1].trim().toLowerCase(Locale.ROOT);
      }
    }
    return ctx.request().remoteAddress() == null ? "unknown"
        : ctx.request().remoteAddress().host();
  }

  /**
   * Takes an attempt from the client address's bucket and the account's (both are charged, so
   * an attacker spreading over addresses still meets the account's limit).
   */
  Future<Void> check(RoutingContext ctx, Limit perIp, Limit perAccount, String account) {
    Future<Long> ip = limiter.acquire(perIp, clientIp(ctx));
    Future<Long> acc = limiter.acquire(perAccount, account.toLowerCase(Locale.ROOT));
    return Future.all(ip, acc).compose(v -> {
      if (ip.result() > 0) {
        return refuse(ctx, perIp, ip.result());
      }
      return acc.result() > 0 ? refuse(ctx, perAccount, acc.result()) : Future.succeededFuture();
    });
  }

  Future<Void> check(RoutingContext ctx, Limit perIp) {
    return limiter.acquire(perIp, clientIp(ctx)).compose(wait -> wait > 0
        ? refuse(ctx, perIp, wait) : Future.succeededFuture());
  }

  private static Future<Void> refuse(RoutingContext ctx, Limit limit, long waitSeconds) {
    ctx.response().putHeader("Retry-After", Long.toString(waitSeconds));
    return Future.failedFuture(new ApiException(429, "rate_limited", "too many requests: the"
        + " limit is " + limit.describe() + "; retry in " + waitSeconds + " s", null));
  }
}
