package org.web4rec.platform.sql;

import java.sql.SQLException;

/** Infrastructure errors turned into outcomes, in one place for every SQL adapter. */
public final class SqlErrors {

  /** MySQL/MariaDB ER_DUP_ENTRY: "Duplicate entry '%s' for key %d". */
  public static final int ER_DUP_ENTRY = 1062;
  /** MySQL/MariaDB ER_DUP_ENTRY_WITH_KEY_NAME. */
  static final int ER_DUP_ENTRY_WITH_KEY_NAME = 1586;

  private SqlErrors() {}

  /** A unique-key violation: H2 and MySQL/MariaDB (SQLSTATE 23xxx, MySQL error 1062). */
  public static boolean isDuplicateKey(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
      if (c instanceof SQLException s && s.getSQLState() != null
          && s.getSQLState().startsWith("23")) {
        return true;
      }
      // vertx-mysql-client: MySQLException (a DatabaseException) with MySQL's own error code.
      if (c instanceof io.vertx.sqlclient.DatabaseException d
          && (d.getErrorCode() == ER_DUP_ENTRY || d.getErrorCode() == ER_DUP_ENTRY_WITH_KEY_NAME)) {
        return true;
      }
    }
    return false;
  }
}
