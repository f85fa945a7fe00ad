package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.gateway.AccountSettings;
import org.web4rec.gateway.RateLimiter;
import org.web4rec.gateway.RateLimiter.Limit;
import org.web4rec.platform.adapters.sql.EmbeddedSql;
import org.web4rec.platform.sql.AccountRepository;
import org.web4rec.platform.sql.AccountRepository.ApiToken;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.sql.RateLimitRepository;
import org.web4rec.platform.sql.Schema;

/**
 * Accounts as an attacker meets them, on a real server at the production password cost: rate
 * limits, the same work for unknown emails, revocable sessions, password change, sign-up and
 * member-add answers, expiring and team-scoped tokens, and hashes upgraded at login.
 */
class AccountSecurityTest {

  static final int PRODUCTION = AccountSettings.PRODUCTION_PASSWORD_ITERATIONS;
  static final String PASSWORD = "password-123";

  @TempDir
  Path dir;

  static JsonObject credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password);
  }

  static String login(ServerFixture fx, String email, String password) throws Exception {
    HttpResponse<Buffer> r = await(fx.client().postJson("/auth/login",
        credentials(email, password)));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("session");
  }

  static int status(ApiClient api, String path) throws Exception {
    return await(api.get(path)).statusCode();
  }

  @Test
  void thirtyWrongPasswordsMeetA429NamingTheLimit() throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 1L << 20, PRODUCTION)) {
      fx.signup("ada@example.com");
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<Buffer> limited = null;
      for (int i = 0; i < 30; i++) {
        HttpResponse<Buffer> r = await(fx.client().postJson("/auth/login",
            credentials("ada@example.com", "wrong-password-" + i)));
        statuses.add(r.statusCode());
        if (r.statusCode() == 429 && limited == null) {
          limited = r;
        }
      }
      // the sign-up took one attempt from the account's bucket of 10 (docs/api.md)
      assertEquals(9, statuses.indexOf(429), statuses.toString());
      assertTrue(statuses.subList(9, 30).stream().allMatch(s -> s == 429), statuses.toString());
      long retry = Long.parseLong(limited.getHeader("Retry-After"));
      assertTrue(retry >= 1 && retry <= 900, "Retry-After " + retry);
      JsonObject body = limited.bodyAsJsonObject();
      assertEquals("rate_limited", body.getString("error"));
      assertTrue(body.getString("message").contains("login attempts per account"),
          body.getString("message"));
      // the right password waits too (the bucket counts attempts, not failures) ...
      assertEquals(429, await(fx.client().postJson("/auth/login",
          credentials("ada@example.com", PASSWORD))).statusCode());
      // ... while other accounts from the same address are unaffected
      fx.signup("bob@example.com");
      login(fx, "bob@example.com", PASSWORD);
    }
  }

  @Test
  void anUnknownEmailCostsAPasswordHashLikeAWrongPassword() throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 1L << 20, PRODUCTION)) {
      fx.signup("known@example.com");
      long[] known = new long[3];
      long[] unknown = new long[3];
      for (int i = 0; i < 3; i++) {
        known[i] = timedLogin(fx, "known@example.com");
        unknown[i] = timedLogin(fx, "nobody-" + i + "@example.com");
      }
      Arrays.sort(known);
      Arrays.sort(unknown);
      // a hash at 600,000 iterations takes tens of milliseconds at the very least; an unknown
      // address must cost about as much (a lookup alone would take about a millisecond)
      assertTrue(known[1] > 40, "known-email login took " + known[1] + " ms");
      assertTrue(unknown[1] > known[1] / 2, "unknown " + unknown[1] + " ms vs known " + known[1]
          + " ms");
    }
  }

  private static long timedLogin(ServerFixture fx, String email) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<Buffer> r = await(fx.client().postJson("/auth/login",
        credentials(email, "wrong-password")));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(401, r.statusCode(), r.bodyAsString());
    assertEquals("unknown email or wrong password", r.bodyAsJsonObject().getString("message"));
    return ms;
  }

  @Test
  void logoutRefreshAndPasswordChangeEndSessionsServerSide() throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 1L << 20, PRODUCTION)) {
      ApiClient withToken = fx.signup("sam@example.com");
      ApiClient first = fx.client().token(login(fx, "sam@example.com", PASSWORD));
      ApiClient second = fx.client().token(login(fx, "sam@example.com", PASSWORD));
      assertEquals(200, status(first, "/me"));

      assertEquals(204, await(first.postJson("/auth/logout", new JsonObject())).statusCode());
      assertEquals(401, status(first, "/me"), "the same session after logout");
      assertEquals(200, status(second, "/me"), "other sessions live on");
      assertEquals(400, await(withToken.postJson("/auth/logout", new JsonObject()))
          .statusCode(), "an API token is revoked with DELETE /tokens, not logout");

      HttpResponse<Buffer> refreshed = await(second.postJson("/auth/refresh", new JsonObject()));
      assertEquals(200, refreshed.statusCode(), refreshed.bodyAsString());
      assertEquals(12 * 3600, refreshed.bodyAsJsonObject().getInteger("expires_in"));
      ApiClient third = fx.client().token(refreshed.bodyAsJsonObject().getString("session"));
      assertEquals(401, status(second, "/me"), "a refreshed session is replaced");
      assertEquals(200, status(third, "/me"));

      ApiClient fourth = fx.client().token(login(fx, "sam@example.com", PASSWORD));
      assertEquals(403, await(third.postJson("/auth/password", new JsonObject()
          .put("current_password", "not-it").put("new_password", "new-password-456")))
          .statusCode());
      HttpResponse<Buffer> changed = await(third.postJson("/auth/password", new JsonObject()
          .put("current_password", PASSWORD).put("new_password", "new-password-456")));
      assertEquals(200, changed.statusCode(), changed.bodyAsString());
      assertEquals(401, status(third, "/me"), "every session ends at a password change");
      assertEquals(401, status(fourth, "/me"));
      ApiClient fresh = fx.client().token(changed.bodyAsJsonObject().getString("session"));
      assertEquals(200, status(fresh, "/me"), "the answer carries a new session");
      assertEquals(200, status(withToken, "/me"), "API tokens are separate credentials");
      assertEquals(401, await(fx.client().postJson("/auth/login",
          credentials("sam@example.com", PASSWORD))).statusCode());
      login(fx, "sam@example.com", "new-password-456");
    }
  }

  @Test
  void forgedSessionsAreRefusedOverHttp() throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 1L << 20, PRODUCTION)) {
      fx.signup("forge@example.com");
      String[] parts = login(fx, "forge@example.com", PASSWORD).split("\\.");
      JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]),
          StandardCharsets.UTF_8));
      String none = Base64.getUrlEncoder().withoutPadding().encodeToString(header
          .put("alg", "none").encode().getBytes(StandardCharsets.UTF_8));
      assertEquals(401, status(fx.client().token(none + "." + parts[1] + "."), "/me"));
      assertEquals(401, status(fx.client().token(parts[0] + "." + parts[1] + ".AAAA"), "/me"));
      assertEquals(200, status(fx.client().token(String.join(".", parts)), "/me"));
    }
  }

  @Test
  void signupAndMemberAddAnswerAlikeWhetherOrNotTheAccountExists() throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 1L << 20, PRODUCTION)) {
      HttpResponse<Buffer> fresh = await(fx.client().postJson("/auth/signup",
          credentials("owner@example.com", PASSWORD)));
      assertEquals(201, fresh.statusCode());
      // the same address and password again: signed in, same status and shape
      HttpResponse<Buffer> again = await(fx.client().postJson("/auth/signup",
          credentials("owner@example.com", PASSWORD)));
      assertEquals(201, again.statusCode(), again.bodyAsString());
      assertEquals(fresh.bodyAsJsonObject().fieldNames(), again.bodyAsJsonObject().fieldNames());
      assertEquals(fresh.bodyAsJsonObject().getJsonObject("user"),
          again.bodyAsJsonObject().getJsonObject("user"));
      // another password: refused, nothing created, no credential handed out
      HttpResponse<Buffer> taken = await(fx.client().postJson("/auth/signup",
          credentials("owner@example.com", "someone-elses")));
      assertEquals(409, taken.statusCode());
      assertEquals(null, taken.bodyAsJsonObject().getString("token"));
      assertEquals(401, await(fx.client().postJson("/auth/login",
          credentials("owner@example.com", "someone-elses"))).statusCode());

      ApiClient owner = fx.client().token(fresh.bodyAsJsonObject().getString("token"));
      fx.signup("member@example.com");
      String lab = await(owner.postJson("/teams", new JsonObject().put("name", "lab")))
          .bodyAsJsonObject().getString("id");
      HttpResponse<Buffer> existing = await(owner.postJson("/teams/" + lab + "/members",
          new JsonObject().put("email", "member@example.com")));
      HttpResponse<Buffer> unknown = await(owner.postJson("/teams/" + lab + "/members",
          new JsonObject().put("email", "later@example.com")));
      assertEquals(201, existing.statusCode());
      assertEquals(201, unknown.statusCode(), unknown.bodyAsString());
      assertEquals(existing.bodyAsJsonObject().put("email", "x"),
          unknown.bodyAsJsonObject().put("email", "x"));
      assertEquals(409, await(owner.postJson("/teams/" + lab + "/members",
          new JsonObject().put("email", "later@example.com"))).statusCode());
      assertEquals(3, await(owner.get("/teams/" + lab + "/members")).bodyAsJsonObject()
          .getJsonArray("members").size());
      // the invited address joins the team when it signs up
      ApiClient later = fx.signup("later@example.com");
      assertEquals(2, await(later.get("/me")).bodyAsJsonObject().getJsonArray("teams").size());
    }
  }

  @Test
  void tokensExpireStayInTheirTeamAndOldHashesAreUpgraded() throws Exception {
    String expired = "w4r_0badc0de_abcdefghijklmnopqrstuvwxyz234567";
    String userId;
    try (ServerFixture fx = new ServerFixture(dir, 1L << 20, 60_000)) {
      ApiClient api = fx.signup("old@example.com");
      JsonObject me = await(api.get("/me")).bodyAsJsonObject();
      userId = me.getJsonObject("user").getString("id");
      String personal = me.getJsonObject("team").getString("id");
      String lab = await(api.postJson("/teams", new JsonObject().put("name", "lab")))
          .bodyAsJsonObject().getString("id");

      HttpResponse<Buffer> scoped = await(api.postJson("/tokens", new JsonObject()
          .put("name", "lab-ci").put("team", lab).put("expires_in_days", 30)));
      assertEquals(201, scoped.statusCode(), scoped.bodyAsString());
      assertEquals(lab, scoped.bodyAsJsonObject().getString("team"));
      assertNotNull(scoped.bodyAsJsonObject().getString("expires_at"));
      ApiClient labOnly = fx.client().token(scoped.bodyAsJsonObject().getString("token"));
      assertEquals(lab, await(labOnly.get("/me")).bodyAsJsonObject().getJsonObject("team")
          .getString("id"));
      assertEquals(404, await(labOnly.getWithTeam("/datasets", personal)).statusCode());
      assertEquals(200, await(labOnly.getWithTeam("/datasets", lab)).statusCode());
      assertEquals(403, await(labOnly.postJson("/tokens", new JsonObject())).statusCode(),
          "a scoped token cannot mint broader ones");
      assertEquals(404, await(api.postJson("/tokens", new JsonObject().put("team", "t_other")))
          .statusCode());
      assertEquals(400, await(api.postJson("/tokens", new JsonObject()
          .put("expires_in_days", 0))).statusCode());
    }
    // Between runs: an expired token in the store (no clock to wind forward in a live server).
    Vertx vertx = Vertx.vertx();
    Db db = EmbeddedSql.open(vertx, dir.resolve("db"));
    try {
      await(new AccountRepository(db).insertToken(new ApiToken("0badc0de", userId, "old",
          sha256(expired), 1L, null, null, System.currentTimeMillis() - 1000, null)));
    } finally {
      await(db.close());
    }
    try (ServerFixture fx = new ServerFixture(dir, 1L << 20, PRODUCTION)) {
      HttpResponse<Buffer> r = await(fx.client().token(expired).get("/me"));
      assertEquals(401, r.statusCode());
      assertTrue(r.bodyAsJsonObject().getString("message").contains("expired"));
      login(fx, "old@example.com", PASSWORD);
    }
    db = EmbeddedSql.open(vertx, dir.resolve("db"));
    try {
      String hash = await(new AccountRepository(db).findUser(userId)).orElseThrow()
          .passwordHash();
      assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), "upgraded at login: " + hash);
    } finally {
      await(db.close());
      await(vertx.close());
    }
  }

  @Test
  void gatewayReplicasShareTheirCountsThroughTheDatabase() throws Exception {
    Vertx vertx = Vertx.vertx();
    Db db = EmbeddedSql.open(vertx, dir.resolve("shared-db"));
    try {
      await(Schema.migrate(db));
      RateLimiter replicaA = RateLimiter.shared(new RateLimitRepository(db));
      RateLimiter replicaB = RateLimiter.shared(new RateLimitRepository(db));
      Limit limit = new Limit("login attempts per account", 3, 60);
      assertEquals(0L, await(replicaA.acquire(limit, "ada@example.com")));
      assertEquals(0L, await(replicaB.acquire(limit, "ada@example.com")));
      assertEquals(0L, await(replicaA.acquire(limit, "ada@example.com")));
      long wait = await(replicaB.acquire(limit, "ada@example.com"));
      assertTrue(wait >= 1 && wait <= 60, "wait " + wait);
      assertEquals(0L, await(replicaB.acquire(limit, "bob@example.com")));
    } finally {
      await(db.close());
      await(vertx.close());
    }
  }

  private static String sha256(String s) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
