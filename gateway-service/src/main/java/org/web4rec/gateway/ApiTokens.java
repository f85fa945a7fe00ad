package org.web4rec.gateway;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.web4rec.core.Names;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Json;
import org.web4rec.platform.http.Views;
import org.web4rec.platform.sql.AccountRepository;
import org.web4rec.platform.sql.AccountRepository.ApiToken;

/**
 * API tokens ({@code w4r_...}): shown once at creation, stored as a SHA-256 hash under their
 * public prefix, optionally expiring ({@code expires_in_days}) and limited to one team
 * ({@code team}). A token never outlives the expiring token that created it.
 */
final class ApiTokens {

  private static final String EXAMPLE =
      "{\"name\": \"ci\", \"expires_in_days\": 90, \"team\": \"t_0123abcd\"}";

  private final AccountRepository repo;
  private final Throttle throttle;
  private final AccountSettings.Limits limits;

  ApiTokens(AccountRepository repo, Throttle throttle, AccountSettings.Limits limits) {
    this.repo = repo;
    this.throttle = throttle;
    this.limits = limits;
  }

  void mount(Router api) {
    api.post("/tokens").handler(this::create);
    api.get("/tokens").handler(this::list);
    api.delete("/tokens/:prefix").handler(this::revoke);
  }

  /** Issues a token; {@code expiresAt} (epoch ms) and {@code teamId} may be null. */
  Future<JsonObject> issue(String userId, String name, Long expiresAt, String teamId) {
    String token = Secrets.newToken();
    long now = System.currentTimeMillis();
    ApiToken row = new ApiToken(Secrets.prefixOf(token), userId, name, Secrets.sha256(token), now,
        null, null, expiresAt, teamId);
    return repo.insertToken(row).map(v -> json(row).put("token", token));
  }

  /** The active, unexpired token a credential names; 401 otherwise. */
  Future<ApiToken> resolve(String token) {
    String prefix = Secrets.prefixOf(token);
    if (prefix == null) {
      return Future.failedFuture(ApiException.unauthorized("malformed API token"));
    }
    return repo.findActiveToken(prefix).compose(found -> {
      if (found.isEmpty() || !Secrets.sameHash(found.get().tokenHash(), Secrets.sha256(token))) {
        return Future.failedFuture(ApiException.unauthorized("invalid or revoked API token"));
      }
      ApiToken t = found.get();
      long now = System.currentTimeMillis();
      if (t.expiresAt() != null && t.expiresAt() <= now) {
        return Future.failedFuture(ApiException.unauthorized("API token " + prefix
            + " expired at " + Views.iso(t.expiresAt()) + "; create a new one"));
      }
      if (t.lastUsedAt() == null || now - t.lastUsedAt() > 60_000) {
        repo.touchToken(prefix, now);
      }
      return Future.succeededFuture(t);
    });
  }

  private void create(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Credential credential = Credential.of(ctx);
    credential.requireAccountScope();
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : Json.body(ctx);
    String name = Names.name("token name", body.getValue("name", "token"), EXAMPLE);
    Object days = body.getValue("expires_in_days");
    if (days != null && !(days instanceof Integer d && d >= 1 && d <= 3650)) {
      throw ApiException.badRequest("expires_in_days must be an integer from 1 to 3650", EXAMPLE);
    }
    Object team = body.getValue("team");
    if (team != null && !(team instanceof String)) {
      throw ApiException.badRequest("team must be the id of one of your teams", EXAMPLE);
    }
    Long expiresAt = days == null ? null
        : System.currentTimeMillis() + ((Integer) days) * 86_400_000L;
    Long parentExpiry = credential.token() == null ? null : credential.token().expiresAt();
    if (parentExpiry != null && (expiresAt == null || expiresAt > parentExpiry)) {
      expiresAt = parentExpiry;
    }
    Long expiry = expiresAt;
    throttle.check(ctx, limits.tokensPerIp(), limits.tokensPerAccount(), caller.userId())
        .compose(v -> team == null ? Future.succeededFuture()
            : repo.teamsOf(caller.userId()).compose(teams -> teams.stream()
                .anyMatch(t -> t.id().equals(team)) ? Future.succeededFuture()
                : Future.failedFuture(ApiException.notFound("team " + team + " does not exist"))))
        .compose(v -> issue(caller.userId(), name, expiry, (String) team))
        .onSuccess(json -> Json.ok(ctx, 201, json))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Credential.of(ctx).requireAccountScope();
    repo.listTokens(caller.userId())
        .onSuccess(list -> Json.ok(ctx, 200, new JsonObject().put("tokens",
            Json.array(list.stream().map(ApiTokens::json).toList()))))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Credential.of(ctx).requireAccountScope();
    String prefix = ctx.pathParam("prefix");
    repo.revokeToken(caller.userId(), prefix)
        .compose(done -> done ? Future.succeededFuture()
            : Future.failedFuture(ApiException.notFound("no active token with prefix " + prefix)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static JsonObject json(ApiToken t) {
    return new JsonObject().put("prefix", t.prefix()).put("name", t.name())
        .put("created_at", Views.iso(t.createdAt()))
        .put("last_used_at", t.lastUsedAt() == null ? null : Views.iso(t.lastUsedAt()))
        .put("expires_at", t.expiresAt() == null ? null : Views.iso(t.expiresAt()))
        .put("team", t.teamId());
  }
}
