package org.web4rec.platform.adapters.sql;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.sql.RepositoryContract;

/** The embedded H2 file database passes the repository contract. */
class EmbeddedSqlTest extends RepositoryContract {

  /** A fresh database directory per test, removed by JUnit after the pool is closed. */
  @TempDir
  Path dir;

  @Override
  protected Db createDb(Vertx vertx) {
    return EmbeddedSql.open(vertx, dir);
  }
}
