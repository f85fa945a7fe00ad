package org.web4rec.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Json;
import org.web4rec.platform.http.Views;
import org.web4rec.platform.sql.AccountRepository;
import org.web4rec.platform.sql.AccountRepository.ApiToken;
import org.web4rec.platform.sql.AccountRepository.Team;
import org.web4rec.platform.sql.AccountRepository.User;
import org.web4rec.platform.sql.DuplicateKeyException;
import org.web4rec.platform.sql.Ids;

/**
 * Sign-up, sign-in, API tokens, and the authentication step every other API route runs behind:
 * an API token ({@code w4r_...}, looked up by prefix, compared by hash) or a session JWT; then the
 * team ({@code X-Web4Rec-Team} or the personal team). A team the caller is not in answers 404.
 */
final class Accounts {

  static final String TEAM_HEADER = "X-Web4Rec-Team";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
  private static final String SIGNUP_EXAMPLE =
      "{\"email\": \"ada@example.com\", \"password\": \"at-least-8-chars\"}";

  private final Vertx vertx;
  private final AccountRepository repo;
  private final JWTAuth jwt;

  Accounts(Vertx vertx, AccountRepository repo, JWTAuth jwt) {
    this.vertx = vertx;
    this.repo = repo;
    this.jwt = jwt;
  }

  /** Routes that need no authentication. */
  void mountPublic(Router api) {
    api.post("/auth/signup").handler(this::signup);
    api.post("/auth/login").handler(this::login);
  }

  /** Routes behind {@link #authenticate}. */
  void mountPrivate(Router api) {
    api.get("/me").handler(this::me);
    api.post("/tokens").handler(this::createToken);
    api.get("/tokens").handler(this::listTokens);
    api.delete("/tokens/:prefix").handler(this::revokeToken);
    api.post("/teams").handler(this::createTeam);
    api.get("/teams/:team/members").handler(this::members);
    api.post("/teams/:team/members").handler(this::addMember);
  }

  private void createTeam(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    JsonObject body = Json.body(ctx);
    String name = body.getValue("name") instanceof String s ? s.trim() : "";
    if (name.isEmpty() || name.length() > 200) {
      throw ApiException.badRequest("team name must be 1-200 characters",
          "{\"name\": \"recsys-lab\"}");
    }
    repo.createTeam(Ids.next("t"), name, caller.userId())
        .onSuccess(t -> Json.ok(ctx, 201, teamJson(t)))
        .onFailure(ctx::fail);
  }

  /** The caller's role in a team, or 404 when not a member (another team's ids answer 404). */
  private Future<Team> membership(Caller caller, String teamId) {
    return repo.teamsOf(caller.userId()).compose(teams -> teams.stream()
        .filter(t -> t.id().equals(teamId)).findFirst()
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("team " + teamId
            + " does not exist"))));
  }

  private void members(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String teamId = ctx.pathParam("team");
    membership(caller, teamId).compose(t -> repo.membersOf(teamId))
        .onSuccess(list -> Json.ok(ctx, 200, new JsonObject().put("members", Json.array(list
            .stream().map(m -> new JsonObject().put("email", m.email()).put("role", m.role()))
            .toList()))))
        .onFailure(ctx::fail);
  }

  private void addMember(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String teamId = ctx.pathParam("team");
    JsonObject body = Json.body(ctx);
    String email = body.getValue("email") instanceof String s ? s.trim().toLowerCase() : "";
    membership(caller, teamId).compose(t -> {
      if (!"owner".equals(t.role())) {
        return Future.failedFuture(new ApiException(403, "forbidden",
            "only the team's owners add members", null));
      }
      return repo.findUserByEmail(email);
    }).compose(user -> user.isEmpty()
            ? Future.failedFuture(ApiException.notFound("no account with email " + email
                + "; they sign up first"))
            : repo.addMember(teamId, user.get().id(), "member").recover(e ->
                Future.failedFuture(e instanceof DuplicateKeyException
                    ? ApiException.conflict(email + " is already a member") : e)))
        .onSuccess(v -> Json.ok(ctx, 201, new JsonObject().put("email", email)
            .put("role", "member")))
        .onFailure(ctx::fail);
  }

  private void signup(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    String email = body.getValue("email") instanceof String s ? s.trim().toLowerCase() : null;
    String password = body.getValue("password") instanceof String s ? s : null;
    if (email == null || !EMAIL.matcher(email).matches()) {
      throw ApiException.badRequest("email must be an address like ada@example.com",
          SIGNUP_EXAMPLE);
    }
    if (password == null || password.length() < 8 || password.length() > 200) {
      throw ApiException.badRequest("password must be 8-200 characters", SIGNUP_EXAMPLE);
    }
    long now = System.currentTimeMillis();
    String userId = Ids.next("u");
    String teamId = Ids.next("t");
    vertx.executeBlocking(() -> Secrets.hashPassword(password), false)
        .compose(hash -> repo.createUserWithTeam(new User(userId, email, hash, now), teamId,
            email.substring(0, email.indexOf('@'))))
        .recover(t -> Future.failedFuture(t instanceof DuplicateKeyException
            ? ApiException.conflict("an account with email " + email + " exists; log in instead")
            : t))
        .compose(team -> issueToken(userId, "default").map(token -> new JsonObject()
            .put("user", new JsonObject().put("id", userId).put("email", email))
            .put("team", new JsonObject().put("id", team.id()).put("name", team.name()))
            .put("token", token.getString("token"))
            .put("session", session(userId))))
        .onSuccess(json -> Json.ok(ctx, 201, json))
        .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    String email = body.getValue("email") instanceof String s ? s.trim().toLowerCase() : "";
    String password = body.getValue("password") instanceof String s ? s : "";
    repo.findUserByEmail(email)
        .compose(found -> found.isEmpty() ? Future.failedFuture(badLogin())
            : vertx.executeBlocking(() -> Secrets.checkPassword(password,
                found.get().passwordHash()), false)
                .compose(ok -> ok ? Future.succeededFuture(found.get())
                    : Future.failedFuture(badLogin())))
        .compose(user -> repo.teamsOf(user.id()).map(teams -> new JsonObject()
            .put("user", userJson(user))
            .put("teams", Json.array(teams.stream().map(Accounts::teamJson).toList()))
            .put("session", session(user.id()))))
        .onSuccess(json -> Json.ok(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private static ApiException badLogin() {
    return ApiException.unauthorized("unknown email or wrong password");
  }

  private String session(String userId) {
    return jwt.generateToken(new JsonObject().put("sub", userId),
        new JWTOptions().setExpiresInMinutes(60 * 24 * 7));
  }

  private Future<JsonObject> issueToken(String userId, String name) {
    String token = Secrets.newToken();
    long now = System.currentTimeMillis();
    return repo.insertToken(new ApiToken(Secrets.prefixOf(token), userId, name,
            Secrets.sha256(token), now, null, null))
        .map(v -> new JsonObject().put("token", token).put("prefix", Secrets.prefixOf(token))
            .put("name", name).put("created_at", Views.iso(now)));
  }

  private void me(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Future<java.util.Optional<User>> user = repo.findUser(caller.userId());
    Future<List<Team>> teams = repo.teamsOf(caller.userId());
    Future.all(user, teams).onSuccess(v -> {
      JsonObject current = teams.result().stream().filter(t -> t.id().equals(caller.teamId()))
          .findFirst().map(Accounts::teamJson).orElse(null);
      Json.ok(ctx, 200, new JsonObject()
          .put("user", userJson(user.result().orElseThrow()))
          .put("teams", Json.array(teams.result().stream().map(Accounts::teamJson).toList()))
          .put("team", current));
    }).onFailure(ctx::fail);
  }

  private void createToken(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : Json.body(ctx);
    String name = body.getValue("name", "token") instanceof String s ? s : null;
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ApiException.badRequest("token name must be 1-200 characters", "{\"name\": \"laptop\"}");
    }
    issueToken(caller.userId(), name)
        .onSuccess(json -> Json.ok(ctx, 201, json))
        .onFailure(ctx::fail);
  }

  private void listTokens(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    repo.listTokens(caller.userId())
        .onSuccess(list -> Json.ok(ctx, 200, new JsonObject().put("tokens", Json.array(list.stream()
            .map(t -> new JsonObject().put("prefix", t.prefix()).put("name", t.name())
                .put("created_at", Views.iso(t.createdAt()))
                .put("last_used_at", t.lastUsedAt() == null ? null : Views.iso(t.lastUsedAt())))
            .toList()))))
        .onFailure(ctx::fail);
  }

  private void revokeToken(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String prefix = ctx.pathParam("prefix");
    repo.revokeToken(caller.userId(), prefix)
        .compose(done -> done ? Future.succeededFuture()
            : Future.failedFuture(ApiException.notFound("no active token with prefix " + prefix)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** Resolves the caller from the bearer credential, then hands over to the next handler. */
  void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(ApiException.unauthorized("missing 'Authorization: Bearer <token>' header; get a"
          + " token with Web4Rec.signup or from the web UI"));
      return;
    }
    String credential = header.substring(7).trim();
    Future<String> userId = credential.startsWith("w4r_") ? tokenUser(credential)
        : jwt.authenticate(new TokenCredentials(credential))
            .map(u -> u.principal().getString("sub"))
            .recover(t -> Future.failedFuture(ApiException.unauthorized(
                "invalid or expired session; log in again")));
    userId.compose(uid -> repo.teamsOf(uid).map(teams -> {
          String wanted = ctx.request().getHeader(TEAM_HEADER);
          Team team = wanted == null ? (teams.isEmpty() ? null : teams.get(0))
              : teams.stream().filter(t -> t.id().equals(wanted)).findFirst().orElse(null);
          if (team == null) {
            throw ApiException.notFound("team " + wanted + " does not exist");
          }
          return new Caller(uid, team.id());
        }))
        .onSuccess(caller -> {
          caller.attach(ctx);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  private Future<String> tokenUser(String token) {
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
      if (t.lastUsedAt() == null || now - t.lastUsedAt() > 60_000) {
        repo.touchToken(prefix, now);
      }
      return Future.succeededFuture(t.userId());
    });
  }

  private static JsonObject userJson(User u) {
    return new JsonObject().put("id", u.id()).put("email", u.email());
  }

  private static JsonObject teamJson(Team t) {
    return new JsonObject().put("id", t.id()).put("name", t.name()).put("role", t.role());
  }
}
