package org.web4rec.gateway;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.web4rec.gateway.SessionTokens.Session;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Json;
import org.web4rec.platform.sql.AccountRepository;

/**
 * Server-side session state on top of {@link SessionTokens}: a session is accepted only while its
 * id is not on the denylist (logout, refresh) and its version is the user's current one (a
 * password change bumps it, revoking every session at once). Routes: logout, refresh, password.
 */
final class Sessions {

  private static final String PASSWORD_EXAMPLE =
      "{\"current_password\": \"old-password\", \"new_password\": \"at-least-8-chars\"}";

  private final PasswordWork work;
  private final AccountRepository repo;
  private final SessionTokens tokens;
  private final Passwords passwords;
  private final Throttle throttle;
  private final AccountSettings.Limits limits;
  private final long maxAgeS;

  Sessions(PasswordWork work, AccountRepository repo, SessionTokens tokens, Passwords passwords,
      Throttle throttle, AccountSettings settings) {
    this.work = work;
    this.repo = repo;
    this.tokens = tokens;
    this.passwords = passwords;
    this.throttle = throttle;
    this.limits = settings.limits();
    this.maxAgeS = settings.sessionMaxDays() * 86_400L;
  }

  /** A new session for a password login that happened at {@code authTime} (epoch s). */
  Future<String> issue(String userId, long authTime) {
    return repo.sessionVersion(userId).map(v -> tokens.issue(userId, v, authTime));
  }

  Future<String> issueForLogin(String userId) {
    return issue(userId, System.currentTimeMillis() / 1000);
  }

  /** The session a bearer credential carries, if still valid server-side; else 401. */
  Future<Session> authenticate(String credential) {
    Session s;
    try {
      s = tokens.verify(credential);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return repo.sessionState(s.userId(), s.jti()).compose(state -> {
      if (!state.userExists() || state.revoked() || state.version() != s.version()) {
        return Future.failedFuture(ApiException.unauthorized(
            "session ended (signed out or password changed); log in again"));
      }
      return Future.succeededFuture(s);
    });
  }

  void mount(Router api) {
    api.post("/auth/logout").handler(this::logout);
    api.post("/auth/refresh").handler(this::refresh);
    api.post("/auth/password").handler(this::changePassword);
  }

  private static Session sessionOf(RoutingContext ctx, String what) {
    Session s = Credential.of(ctx).session();
    if (s == null) {
      throw ApiException.badRequest(what + " applies to a web session, and this request carries"
          + " an API token (revoke a token with DELETE /api/v1/tokens/{prefix})",
          "Authorization: Bearer <session from POST /api/v1/auth/login>");
    }
    return s;
  }

  private void logout(RoutingContext ctx) {
    Session s = sessionOf(ctx, "logout");
    repo.revokeSession(s.jti(), s.expiresAt() * 1000)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /**
   * A new session for the same login, the old one revoked; refused once the login is older than
   * {@code gateway.session-max-days}, so a stolen session cannot be kept alive forever.
   */
  private void refresh(RoutingContext ctx) {
    Session s = sessionOf(ctx, "refresh");
    if (System.currentTimeMillis() / 1000 - s.authTime() > maxAgeS) {
      throw ApiException.unauthorized("this login is older than " + maxAgeS / 86_400
          + " days; log in again");
    }
    repo.revokeSession(s.jti(), s.expiresAt() * 1000)
        .compose(v -> issue(s.userId(), s.authTime()))
        .onSuccess(session -> Json.ok(ctx, 200, sessionJson(session)))
        .onFailure(ctx::fail);
  }

  /** Checks the current password, stores the new one, and revokes every session of the user. */
  private void changePassword(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Credential.of(ctx).requireAccountScope();
    JsonObject body = Json.body(ctx);
    String current = body.getValue("current_password") instanceof String c ? c : null;
    String next = body.getValue("new_password") instanceof String n ? n : null;
    if (current == null || next == null || next.length() < 8 || next.length() > 200) {
      throw ApiException.badRequest("current_password is required and new_password must be 8-200"
          + " characters", PASSWORD_EXAMPLE);
    }
    repo.findUser(caller.userId()).map(u -> u.orElseThrow(() -> ApiException.unauthorized(
            "no such user")))
        // a stolen session must not buy unlimited guesses at the password it lacks
        .compose(user -> throttle.check(ctx, limits.loginPerIp(), limits.loginPerAccount(),
            user.email()).map(v -> user))
        .compose(user -> work.run(() -> passwords.check(current,
            user.passwordHash()) ? passwords.hash(next) : null))
        .compose(hash -> hash == null
            ? Future.failedFuture(new ApiException(403, "forbidden",
                "current_password is wrong", PASSWORD_EXAMPLE))
            : repo.changePassword(caller.userId(), hash))
        .compose(v -> issueForLogin(caller.userId()))
        .onSuccess(session -> Json.ok(ctx, 200, sessionJson(session)))
        .onFailure(ctx::fail);
  }

  private JsonObject sessionJson(String session) {
    return new JsonObject().put("session", session)
        .put("expires_in", tokens.lifetimeSeconds());
  }
}
