package org.web4rec.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;
import org.web4rec.core.Names;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Json;
import org.web4rec.platform.sql.AccountRepository;
import org.web4rec.platform.sql.AccountRepository.Team;
import org.web4rec.platform.sql.AccountRepository.User;
import org.web4rec.platform.sql.DuplicateKeyException;
import org.web4rec.platform.sql.Ids;

/**
 * Sign-up, sign-in, teams and members, and the authentication step every other API route runs
 * behind: an API token ({@link ApiTokens}) or a session ({@link Sessions}); then the team
 * ({@code X-Web4Rec-Team}, the token's team, or the personal team). A team the caller is not in
 * answers 404. Answers do not tell whether an email has an account beyond what a successful
 * sign-up unavoidably proves (docs/api.md, "Accounts"); every attempt is rate-limited
 * ({@link Throttle}) and costs one password hash whether or not the account exists.
 */
final class Accounts {

  static final String TEAM_HEADER = "X-Web4Rec-Team";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
  private static final String SIGNUP_EXAMPLE =
      "{\"email\": \"ada@example.com\", \"password\": \"at-least-8-chars\"}";

  private final PasswordWork work;
  private final AccountRepository repo;
  private final Passwords passwords;
  private final Sessions sessions;
  private final ApiTokens tokens;
  private final Throttle throttle;
  private final AccountSettings.Limits limits;

  Accounts(Vertx vertx, AccountRepository repo, AccountSettings settings) {
    this.work = new PasswordWork(vertx);
    this.repo = repo;
    this.passwords = new Passwords(settings.passwordIterations());
    this.throttle = new Throttle(settings.limiter(), settings.clientIpHeader());
    this.limits = settings.limits();
    SessionTokens sessionTokens = new SessionTokens(settings.jwtSecret(),
        settings.previousJwtSecret(), settings.sessionHours() * 3600L, System::currentTimeMillis);
    this.sessions = new Sessions(work, repo, sessionTokens, passwords, throttle, settings);
    this.tokens = new ApiTokens(repo, throttle, limits);
  }

  /** Routes that need no authentication. */
  void mountPublic(Router api) {
    api.post("/auth/signup").handler(this::signup);
    api.post("/auth/login").handler(this::login);
  }

  /** Routes behind {@link #authenticate}. */
  void mountPrivate(Router api) {
    sessions.mount(api);
    api.get("/me").handler(this::me);
    tokens.mount(api);
    api.post("/teams").handler(this::createTeam);
    api.get("/teams/:team/members").handler(this::members);
    api.post("/teams/:team/members").handler(this::addMember);
  }

  private void createTeam(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Credential.of(ctx).requireAccountScope();
    JsonObject body = Json.body(ctx);
    Object given = body.getValue("name");
    String name = Names.name("team name", given instanceof String s ? s.trim() : given,
        "{\"name\": \"recsys-lab\"}");
    repo.createTeam(Ids.next("t"), name, caller.userId())
        .onSuccess(t -> Json.ok(ctx, 201, teamJson(t)))
        .onFailure(ctx::fail);
  }

  /** The caller's role in a team, or 404 when not a member (another team's ids answer 404). */
  private Future<Team> membership(RoutingContext ctx, Caller caller, String teamId) {
    String scoped = Credential.of(ctx).scopedTeam();
    if (scoped != null && !scoped.equals(teamId)) {
      return Future.failedFuture(ApiException.notFound("team " + teamId + " does not exist"));
    }
    return repo.teamsOf(caller.userId()).compose(teams -> teams.stream()
        .filter(t -> t.id().equals(teamId)).findFirst()
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("team " + teamId
            + " does not exist"))));
  }

  private void members(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String teamId = ctx.pathParam("team");
    membership(ctx, caller, teamId).compose(t -> repo.membersOf(teamId))
        .onSuccess(list -> Json.ok(ctx, 200, new JsonObject().put("members", Json.array(list
            .stream().map(m -> new JsonObject().put("email", m.email()).put("role", m.role()))
            .toList()))))
        .onFailure(ctx::fail);
  }

  /**
   * Adds a member by email. An address without an account gets an invitation that becomes a
   * membership when it signs up; the answer is the same 201 either way (and the member list
   * shows both alike), so a team owner cannot probe which addresses have accounts.
   */
  private void addMember(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String teamId = ctx.pathParam("team");
    JsonObject body = Json.body(ctx);
    String email = body.getValue("email") instanceof String s ? s.trim().toLowerCase() : "";
    if (!EMAIL.matcher(email).matches()) {
      throw ApiException.badRequest("email must be an address like ada@example.com",
          "{\"email\": \"ada@example.com\"}");
    }
    throttle.check(ctx, limits.membersPerIp(), limits.membersPerAccount(), caller.userId())
        .compose(v -> membership(ctx, caller, teamId))
        .compose(t -> {
          if (!"owner".equals(t.role())) {
            return Future.failedFuture(new ApiException(403, "forbidden",
                "only the team's owners add members", null));
          }
          return repo.findUserByEmail(email);
        })
        .compose(user -> (user.isEmpty() ? repo.invite(teamId, email, "member", caller.userId())
                : repo.addMember(teamId, user.get().id(), "member"))
            .recover(e -> Future.failedFuture(e instanceof DuplicateKeyException
                ? ApiException.conflict(email + " is already a member") : e)))
        .onSuccess(v -> Json.ok(ctx, 201, new JsonObject().put("email", email)
            .put("role", "member")))
        .onFailure(ctx::fail);
  }

  /**
   * Creates an account with a personal team, and answers with an API token and a session. For
   * an address that already has an account the same request signs in when the password is
   * that account's (same 201 and shape as a new account), else answers 409 without saying more;
   * both branches cost one password hash.
   */
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
    // The account's login bucket too: signing up with an existing address is a password guess.
    throttle.check(ctx, limits.signupPerIp(), limits.loginPerAccount(), email)
        .compose(v -> repo.findUserByEmail(email))
        .compose(found -> found.isPresent() ? existingSignup(found.get(), password)
            : newAccount(email, password))
        .compose(userAndTeam -> tokens.issue(userAndTeam.user().id(), "default", null, null)
            .compose(token -> sessions.issueForLogin(userAndTeam.user().id())
                .map(session -> new JsonObject()
                    .put("user", userJson(userAndTeam.user()))
                    .put("team", teamJson(userAndTeam.team()))
                    .put("token", token.getString("token"))
                    .put("session", session))))
        .onSuccess(json -> Json.ok(ctx, 201, json))
        .onFailure(ctx::fail);
  }

  private record UserAndTeam(User user, Team team) {}

  private Future<UserAndTeam> newAccount(String email, String password) {
    long now = System.currentTimeMillis();
    String userId = Ids.next("u");
    String teamId = Ids.next("t");
    User user = new User(userId, email, null, now);
    return work.run(() -> passwords.hash(password))
        .compose(hash -> repo.createUserWithTeam(new User(userId, email, hash, now), teamId,
            email.substring(0, email.indexOf('@'))))
        .recover(t -> Future.failedFuture(t instanceof DuplicateKeyException ? signupRefused() : t))
        .map(team -> new UserAndTeam(user, team));
  }

  private Future<UserAndTeam> existingSignup(User user, String password) {
    return verify(user, password)
        .compose(ok -> ok ? repo.teamsOf(user.id()) : Future.failedFuture(signupRefused()))
        .map(teams -> new UserAndTeam(user, teams.get(0)));
  }

  private static ApiException signupRefused() {
    return ApiException.conflict("cannot sign up with this email and password; if the address"
        + " is yours, log in (POST /api/v1/auth/login)");
  }

  /**
   * Checks a password off the event loop, re-hashing a hash made at an older iteration count;
   * if storing the new hash fails the login still succeeds and the next one tries again.
   */
  private Future<Boolean> verify(User user, String password) {
    return work.run(() -> {
      if (!passwords.check(password, user.passwordHash())) {
        return null;
      }
      return passwords.needsUpgrade(user.passwordHash()) ? passwords.hash(password) : "";
    }).compose(upgraded -> {
      if (upgraded == null) {
        return Future.succeededFuture(false);
      }
      return upgraded.isEmpty() ? Future.succeededFuture(true)
          : repo.updatePasswordHash(user.id(), upgraded).map(true).otherwise(true);
    });
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    String email = body.getValue("email") instanceof String s ? s.trim().toLowerCase() : "";
    String password = body.getValue("password") instanceof String s ? s : "";
    throttle.check(ctx, limits.loginPerIp(), limits.loginPerAccount(), email)
        .compose(v -> repo.findUserByEmail(email))
        .compose(found -> (found.isEmpty()
                ? work.run(() -> passwords.checkUnknown(password))
                : verify(found.get(), password))
            .compose(ok -> ok ? Future.succeededFuture(found.get())
                : Future.failedFuture(badLogin())))
        .compose(user -> Future.all(repo.teamsOf(user.id()), sessions.issueForLogin(user.id()))
            .map(all -> new JsonObject()
                .put("user", userJson(user))
                .put("teams", Json.array(all.<List<Team>>resultAt(0).stream()
                    .map(Accounts::teamJson).toList()))
                .put("session", all.<String>resultAt(1))))
        .onSuccess(json -> Json.ok(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private static ApiException badLogin() {
    return ApiException.unauthorized("unknown email or wrong password");
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

  /** Resolves the caller from the bearer credential, then hands over to the next handler. */
  void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(ApiException.unauthorized("missing 'Authorization: Bearer <token>' header; get a"
          + " token with Web4Rec.signup or from the web UI"));
      return;
    }
    String bearer = header.substring(7).trim();
    Future<Credential> credential = bearer.startsWith("w4r_")
        ? tokens.resolve(bearer).map(t -> new Credential(null, t))
        : sessions.authenticate(bearer).map(s -> new Credential(s, null));
    credential.compose(c -> {
          String uid = c.session() != null ? c.session().userId() : c.token().userId();
          String wanted = ctx.request().getHeader(TEAM_HEADER);
          String scoped = c.scopedTeam();
          if (scoped != null && wanted != null && !wanted.equals(scoped)) {
            return Future.failedFuture(ApiException.notFound("team " + wanted
                + " does not exist (this API token is limited to team " + scoped + ")"));
          }
          String pick = scoped != null ? scoped : wanted;
          return repo.teamsOf(uid).map(teams -> {
            Team team = pick == null ? (teams.isEmpty() ? null : teams.get(0))
                : teams.stream().filter(t -> t.id().equals(pick)).findFirst().orElse(null);
            if (team == null) {
              throw ApiException.notFound("team " + pick + " does not exist");
            }
            c.attach(ctx);
            return new Caller(uid, team.id());
          });
        })
        .onSuccess(caller -> {
          caller.attach(ctx);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  private static JsonObject userJson(User u) {
    return new JsonObject().put("id", u.id()).put("email", u.email());
  }

  private static JsonObject teamJson(Team t) {
    return new JsonObject().put("id", t.id()).put("name", t.name()).put("role", t.role());
  }
}
