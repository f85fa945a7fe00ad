package org.web4rec.platform.adapters.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.sql.RepositoryContract;
import org.web4rec.platform.sql.Schema;
import org.web4rec.platform.sql.SqlErrors;
import org.web4rec.testing.LocalMariaDb;

/**
 * The real MariaDB (Debian's mariadb-server, started if needed) passes the repository contract
 * through vertx-mysql-client. One database and user per class; emptied before each test.
 */
class MySqlRepositoryTest extends RepositoryContract {

  private static LocalMariaDb.Database database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = LocalMariaDb.database("w4r_repo");
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  static MySqlConfig config(LocalMariaDb.Database d) {
    return new MySqlConfig(d.host(), d.port(), d.name(), d.user(), d.password(), 4);
  }

  @Override
  protected Db createDb(Vertx vertx) throws Exception {
    database.reset();
    return MySql.open(vertx, config(database));
  }

  @Test
  void duplicateKeyCarriesMySqlErrorCode() {
    Exception e = assertThrows(Exception.class, () -> await(pool.query(
        "INSERT INTO teams (id, name, created_at) VALUES ('t', 'a', 1), ('t', 'b', 2)")
        .execute()));
    assertEquals(SqlErrors.ER_DUP_ENTRY,
        ((io.vertx.sqlclient.DatabaseException) e).getErrorCode());
    assertEquals(true, SqlErrors.isDuplicateKey(e));
  }

  @Test
  void wrongPasswordFailsToConnect() {
    MySqlConfig bad = new MySqlConfig(database.host(), database.port(), database.name(),
        database.user(), database.password() + "x", 1);
    Db other = MySql.open(vertx, bad);
    try {
      assertThrows(Exception.class, () -> await(Schema.migrate(other)));
    } finally {
      other.close();
    }
  }

  @Test
  void openAndMigrateAppliesEveryVersion() throws Exception {
    Db again = await(MySql.openAndMigrate(vertx, config(database)));
    try {
      assertEquals(Schema.latestVersion(), await(again.pool()
          .query("SELECT COUNT(*) AS n FROM schema_version").execute()).iterator().next()
          .getInteger("n"));
      // the contract's repositories still work on the migrated database
      await(new DatasetRepository(again).insert(new DatasetRecord("ds_m", "t", "m", 1,
          new JsonObject(), 1L)));
    } finally {
      await(again.close());
    }
  }

  @Test
  void processesStartingTogetherMigrateOnceWithoutRacing() throws Exception {
    // A fresh database (the contract's set-up already migrated this one), 6 processes at once.
    database.reset();
    java.util.List<io.vertx.core.Future<Db>> opening = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      opening.add(MySql.openAndMigrate(vertx, config(database)));
    }
    await(io.vertx.core.Future.join(opening));
    try {
      assertEquals(Schema.latestVersion(), await(pool.query(
          "SELECT COUNT(*) AS n FROM schema_version").execute()).iterator().next()
          .getInteger("n"));
    } finally {
      for (io.vertx.core.Future<Db> f : opening) {
        await(f.result().close());
      }
    }
  }

  @Test
  void aDatabaseWithoutUtf8mb4IsRefusedAtStart() throws Exception {
    try (LocalMariaDb.Database latin = LocalMariaDb.database("w4r_latin")) {
      LocalMariaDb.rootSql("ALTER DATABASE `" + latin.name() + "` CHARACTER SET latin1");
      Exception e = assertThrows(Exception.class,
          () -> await(MySql.openAndMigrate(vertx, config(latin))));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("utf8mb4"),
          e.getMessage());
    }
  }
}
