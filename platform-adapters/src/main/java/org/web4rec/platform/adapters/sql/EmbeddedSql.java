package org.web4rec.platform.adapters.sql;

import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import org.web4rec.platform.sql.Db;

/**
 * The embedded metadata store: an H2 file database in MySQL mode under the data directory, reached
 * through vertx-jdbc-client so the repositories run the same SQL as on MySQL/MariaDB.
 */
public final class EmbeddedSql {

  private EmbeddedSql() {}

  public static Db open(Vertx vertx, Path dir) {
    String url = url(dir);
    Pool pool = JDBCPool.pool(vertx, new JDBCConnectOptions().setJdbcUrl(url).setUser("sa")
        .setPassword(""), new PoolOptions().setMaxSize(8));
    return new Db(pool, "SET AUTOCOMMIT TRUE");
  }

  /** The JDBC URL of the database under {@code dir}; backup and restore open it the same way. */
  public static String url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("web4rec")
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
  }
}
