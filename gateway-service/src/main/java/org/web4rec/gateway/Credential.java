package org.web4rec.gateway;

import io.vertx.ext.web.RoutingContext;
import org.web4rec.gateway.SessionTokens.Session;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.sql.AccountRepository.ApiToken;

/** How the caller authenticated: exactly one of a session and an API token is set. */
record Credential(Session session, ApiToken token) {

  private static final String KEY = "web4rec.credential";

  static Credential of(RoutingContext ctx) {
    Credential c = ctx.get(KEY);
    if (c == null) {
      throw new IllegalStateException("route is not behind Accounts.authenticate");
    }
    return c;
  }

  void attach(RoutingContext ctx) {
    ctx.put(KEY, this);
  }

  /** The team a team-scoped API token is limited to, else null. */
  String scopedTeam() {
    return token == null ? null : token.teamId();
  }

  /**
   * Account management (tokens, teams, password) needs a session or an unscoped token: a token
   * handed to one team's job must not mint broader tokens or change the account.
   */
  void requireAccountScope() {
    if (scopedTeam() != null) {
      throw new ApiException(403, "forbidden", "this API token is limited to team " + scopedTeam()
          + " and cannot manage the account; use a session or an unscoped token", null);
    }
  }
}
