package org.web4rec.platform.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web4rec.platform.contracts.ExperimentSettings;
import org.web4rec.platform.sql.AccountRepository.ApiToken;
import org.web4rec.platform.sql.AccountRepository.User;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;

/**
 * The metadata-store contract: every SQL adapter (embedded H2, MySQL/MariaDB) runs the same
 * repositories and must pass these checks. Subclasses provide a pool on an empty database; they
 * live in platform-adapters with the drivers, so this module has no database on its class path.
 */
public abstract class RepositoryContract {

  protected Vertx vertx;
  protected Db db;
  protected Pool pool;
  protected AccountRepository accounts;
  protected DatasetRepository datasets;
  protected ExperimentRepository experiments;

  protected abstract Db createDb(Vertx vertx) throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    db = createDb(vertx);
    pool = db.pool();
    await(Schema.migrate(db));
    accounts = new AccountRepository(db);
    datasets = new DatasetRepository(db);
    experiments = new ExperimentRepository(db);
  }

  @AfterEach
  void tearDown() throws Exception {
    await(pool.close());
    await(vertx.close());
  }

  protected static <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }

  private User user(String email) {
    return new User(Ids.next("u"), email, "hash", System.currentTimeMillis());
  }

  @Test
  void migrationsAreIdempotent() throws Exception {
    assertEquals(Schema.latestVersion(), await(Schema.migrate(db)));
  }

  @Test
  void signupCreatesPersonalTeamAndRejectsDuplicateEmail() throws Exception {
    User u = user("ada@example.com");
    await(accounts.createUserWithTeam(u, Ids.next("t"), "ada"));
    assertEquals("ada@example.com", await(accounts.findUserByEmail("ada@example.com"))
        .orElseThrow().email());
    List<AccountRepository.Team> teams = await(accounts.teamsOf(u.id()));
    assertEquals(1, teams.size());
    assertEquals("owner", teams.get(0).role());
    assertThrows(DuplicateKeyException.class, () -> await(accounts.createUserWithTeam(
        user("ada@example.com"), Ids.next("t"), "ada2")));
    // the failed signup left no team behind
    assertEquals(1, await(pool.query("SELECT COUNT(*) AS n FROM teams").execute())
        .iterator().next().getLong("n"));
  }

  @Test
  void tokensAreFoundByPrefixAndRevoked() throws Exception {
    User u = user("bob@example.com");
    await(accounts.createUserWithTeam(u, Ids.next("t"), "bob"));
    await(accounts.insertToken(new ApiToken("0123abcd", u.id(), "laptop", "h", 1L, null, null,
        null, null)));
    assertEquals("h", await(accounts.findActiveToken("0123abcd")).orElseThrow().tokenHash());
    await(accounts.touchToken("0123abcd", 5L));
    assertEquals(5L, await(accounts.listTokens(u.id())).get(0).lastUsedAt());
    assertFalse(await(accounts.revokeToken("someone-else", "0123abcd")));
    assertTrue(await(accounts.revokeToken(u.id(), "0123abcd")));
    assertTrue(await(accounts.findActiveToken("0123abcd")).isEmpty());
    assertTrue(await(accounts.listTokens(u.id())).isEmpty());
  }

  @Test
  void tokensCarryTheirExpiryAndTeam() throws Exception {
    User u = user("eve@example.com");
    await(accounts.createUserWithTeam(u, "t_eve", "eve"));
    await(accounts.insertToken(new ApiToken("abcd0123", u.id(), "ci", "h", 1L, null, null, 99L,
        "t_eve")));
    ApiToken t = await(accounts.findActiveToken("abcd0123")).orElseThrow();
    assertEquals(99L, t.expiresAt());
    assertEquals("t_eve", t.teamId());
    assertEquals("t_eve", await(accounts.listTokens(u.id())).get(0).teamId());
  }

  @Test
  void sessionsAreRevokedOneByOneOrAllByAPasswordChange() throws Exception {
    User u = user("sam@example.com");
    await(accounts.createUserWithTeam(u, Ids.next("t"), "sam"));
    assertEquals(new AccountRepository.SessionState(true, 0, false),
        await(accounts.sessionState(u.id(), "j1")));
    await(accounts.revokeSession("j1", System.currentTimeMillis() + 60_000));
    await(accounts.revokeSession("j1", System.currentTimeMillis() + 60_000)); // idempotent
    assertTrue(await(accounts.sessionState(u.id(), "j1")).revoked());
    assertFalse(await(accounts.sessionState(u.id(), "j2")).revoked());
    assertEquals(1, await(accounts.changePassword(u.id(), "new-hash")));
    assertEquals(2, await(accounts.changePassword(u.id(), "newer-hash")));
    assertEquals(2, await(accounts.sessionVersion(u.id())));
    assertEquals("newer-hash", await(accounts.findUser(u.id())).orElseThrow().passwordHash());
    assertFalse(await(accounts.sessionState("nobody", "j1")).userExists());
  }

  @Test
  void invitationsBecomeMembershipsAtSignup() throws Exception {
    User owner = user("own@example.com");
    await(accounts.createUserWithTeam(owner, Ids.next("t"), "own"));
    AccountRepository.Team lab = await(accounts.createTeam(Ids.next("t"), "lab", owner.id()));
    await(accounts.invite(lab.id(), "new@example.com", "member", owner.id()));
    assertThrows(DuplicateKeyException.class,
        () -> await(accounts.invite(lab.id(), "new@example.com", "member", owner.id())));
    // listed like a member: the list must not tell who has an account
    assertEquals(List.of(new AccountRepository.Member("new@example.com", "member"),
        new AccountRepository.Member("own@example.com", "owner")),
        await(accounts.membersOf(lab.id())));
    User joined = user("new@example.com");
    await(accounts.createUserWithTeam(joined, Ids.next("t"), "new"));
    assertEquals(2, await(accounts.teamsOf(joined.id())).size());
    assertEquals(2, await(accounts.membersOf(lab.id())).size());
  }

  @Test
  void rateLimitHitsAreCountedPerKeyAndWindow() throws Exception {
    RateLimitRepository limits = new RateLimitRepository(db);
    assertEquals(1, await(limits.hit("k", 1000L)));
    assertEquals(2, await(limits.hit("k", 1000L)));
    assertEquals(1, await(limits.hit("k", 2000L)));
    assertEquals(1, await(limits.hit("other", 1000L)));
    assertEquals(3, await(limits.hit("k", 1000L)));
  }

  @Test
  void datasetNamesAreUniquePerTeamAndScoped() throws Exception {
    JsonObject info = new JsonObject().put("n_users", 3).put("user_columns", new JsonArray());
    await(datasets.insert(new DatasetRecord("ds_1", "t1", "ml", 1, info, 10L)));
    await(datasets.insert(new DatasetRecord("ds_2", "t2", "ml", 1, info, 11L)));
    assertThrows(DuplicateKeyException.class, () -> await(datasets.insert(
        new DatasetRecord("ds_3", "t1", "ml", 1, info, 12L))));
    DatasetRecord found = await(datasets.findByName("t1", "ml")).orElseThrow();
    assertEquals("ds_1", found.id());
    assertEquals(3, found.info().getInteger("n_users"));
    assertTrue(await(datasets.findByName("t3", "ml")).isEmpty());
    assertEquals(1, await(datasets.list("t2")).size());
    assertFalse(await(datasets.delete("t2", "ds_1")));
    assertTrue(await(datasets.delete("t1", "ds_1")));
  }

  private ExperimentRecord experiment(String id, String name, String key) {
    return new ExperimentRecord(id, "t1", "ds_1", name, ExperimentRepository.UPLOADED, null,
        new JsonObject().put("lr", 0.01),
        new ExperimentSettings(java.util.List.of(10), 100, 3, 1, null, null, null),
        key, null, 1L, 1L);
  }

  @Test
  void experimentStatusMachineAndMetrics() throws Exception {
    await(experiments.insert(experiment("ex_1", "BPR", "key-1")));
    assertThrows(DuplicateKeyException.class,
        () -> await(experiments.insert(experiment("ex_2", "BPR", null))));
    assertEquals(1, await(experiments.listUnfinished()).size());

    assertTrue(await(experiments.startComputing("ex_1")));
    assertEquals(ExperimentRepository.COMPUTING,
        await(experiments.findById("ex_1")).orElseThrow().status());
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("ndcg@10", 0.25);
    m.put("recall@10", 0.5);
    await(experiments.saveMetrics("ex_1", m, new JsonObject().put("definitions_version", "1")));
    ExperimentRecord ready = await(experiments.find("t1", "ds_1", "BPR")).orElseThrow();
    assertEquals(ExperimentRepository.READY, ready.status());
    assertEquals("1", ready.metricsMeta().getString("definitions_version"));
    assertEquals("key-1", ready.idempotencyKey());
    assertEquals(0.01, ready.hyperParameters().getDouble("lr"));
    assertNull(ready.error());
    // a redelivered event finds it ready and does nothing
    assertFalse(await(experiments.startComputing("ex_1")));
    // recomputation replaces, never duplicates
    m.put("ndcg@10", 0.3);
    await(experiments.saveMetrics("ex_1", m, new JsonObject()));
    Map<String, Double> stored = await(experiments.metrics(List.of("ex_1"))).get("ex_1");
    assertEquals(2, stored.size());
    assertEquals(0.3, stored.get("ndcg@10"), 1e-12);
    assertTrue(await(experiments.listUnfinished()).isEmpty());
    assertTrue(await(experiments.find("t2", "ds_1", "BPR")).isEmpty());
  }

  @Test
  void failedExperimentKeepsItsReasonAndDeleteRemovesMetrics() throws Exception {
    await(experiments.insert(experiment("ex_9", "Pop", null)));
    await(experiments.markFailed("ex_9", "no users"));
    ExperimentRecord failed = await(experiments.findById("ex_9")).orElseThrow();
    assertEquals(ExperimentRepository.FAILED, failed.status());
    assertEquals("no users", failed.error());
    await(experiments.saveMetrics("ex_9", Map.of("x@1", Double.NaN), new JsonObject()));
    assertTrue(await(experiments.metrics(List.of("ex_9"))).get("ex_9").get("x@1").isNaN());
    await(experiments.delete("ex_9"));
    assertTrue(await(experiments.findById("ex_9")).isEmpty());
    assertTrue(await(experiments.metrics(List.of("ex_9"))).isEmpty());
  }

  @Test
  void writesAreVisibleOnEveryConnectionOnceTheyComplete() throws Exception {
    // Hold several connections so the reads below run on other connections than the write.
    List<io.vertx.sqlclient.SqlConnection> held = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      held.add(await(pool.getConnection()));
    }
    await(experiments.insert(experiment("ex_v", "Vis", null)));
    for (io.vertx.sqlclient.SqlConnection c : held) {
      assertEquals(1, await(c.preparedQuery("SELECT COUNT(*) AS n FROM experiments WHERE id = ?")
          .execute(io.vertx.sqlclient.Tuple.of("ex_v"))).iterator().next().getLong("n"));
    }
    for (io.vertx.sqlclient.SqlConnection c : held) {
      await(c.close());
    }
    assertTrue(await(experiments.startComputing("ex_v")));
  }

  @Test
  void plainWritesAfterATransactionAreCommitted() throws Exception {
    // Guards against pooled connections left in autocommit=false by a transaction
    // (vert-x3/vertx-jdbc-client#356): the plain insert that follows must be visible elsewhere.
    for (int i = 0; i < 4; i++) {
      await(accounts.createUserWithTeam(user("u" + i + "@example.com"), Ids.next("t"), "u" + i));
      await(datasets.insert(new DatasetRecord("ds_c" + i, "tc", "c" + i, 1, new JsonObject(),
          1L)));
      io.vertx.sqlclient.SqlConnection a = await(pool.getConnection());
      io.vertx.sqlclient.SqlConnection b = await(pool.getConnection());
      for (io.vertx.sqlclient.SqlConnection c : List.of(a, b)) {
        assertEquals(i + 1, await(c.preparedQuery("SELECT COUNT(*) AS n FROM datasets"
            + " WHERE team_id = ?").execute(io.vertx.sqlclient.Tuple.of("tc"))).iterator().next()
            .getLong("n"));
      }
      await(a.close());
      await(b.close());
    }
  }

  @Test
  void unicodeTextRoundTripsIncludingFourByteCharacters() throws Exception {
    // MySQL's legacy 3-byte "utf8" would reject or mangle the emoji: the adapter must use utf8mb4.
    String name = "Émile's \uD83C\uDFAC films \u4E2D\u6587";
    JsonObject info = new JsonObject().put("note", "\uD83D\uDE80 rocket");
    await(datasets.insert(new DatasetRecord("ds_u", "tu", name, 1, info, 1L)));
    DatasetRecord back = await(datasets.findByName("tu", name)).orElseThrow();
    assertEquals(name, back.name());
    assertEquals("\uD83D\uDE80 rocket", back.info().getString("note"));
    // names differing only in case are different datasets (binary collation on both engines)
    await(datasets.insert(new DatasetRecord("ds_u2", "tu", name.toUpperCase(), 1, info, 1L)));
    assertEquals(2, await(datasets.list("tu")).size());
  }

  @Test
  void duplicateKeyIsRecognised() {
    assertInstanceOf(DuplicateKeyException.class, assertThrows(Exception.class,
        () -> {
          await(datasets.insert(new DatasetRecord("d", "t", "n", 1, new JsonObject(), 1L)));
          await(datasets.insert(new DatasetRecord("d", "t", "m", 1, new JsonObject(), 1L)));
        }));
  }
}
