package org.web4rec.platform.sql;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded H2 file database passes the repository contract. */
class EmbeddedSqlTest extends RepositoryContract {
  @Override
  protected Db createDb(Vertx vertx) throws Exception {
    Path dir = Files.createTempDirectory("w4r-h2");
    dir.toFile().deleteOnExit();
    return EmbeddedSql.open(vertx, dir);
  }
}
