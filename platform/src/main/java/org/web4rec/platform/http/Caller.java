package org.web4rec.platform.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling, set by the gateway's authentication step before any service handler runs:
 * the user and the team the request acts on. Services read it, never the raw credentials.
 */
public record Caller(String userId, String teamId) {

  private static final String KEY = "web4rec.caller";

  public void attach(RoutingContext ctx) {
    ctx.put(KEY, this);
  }

  /** The caller of an authenticated route; a route without one is a wiring bug, answered 401. */
  public static Caller of(RoutingContext ctx) {
    Caller c = ctx.get(KEY);
    if (c == null) {
      throw ApiException.unauthorized("authentication required");
    }
    return c;
  }
}
