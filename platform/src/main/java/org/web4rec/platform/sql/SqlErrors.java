package org.web4rec.platform.sql;

import java.sql.SQLException;

/** Infrastructure errors turned into outcomes, in one place for every SQL adapter. */
public final class SqlErrors {

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
      String name = c.getClass().getSimpleName();
      if (name.equals("MySQLException") || name.equals("DatabaseException")) {
        String msg = String.valueOf(c.getMessage());
        if (msg.contains("1062") || msg.contains("Duplicate entry")) {
          return true;
        }
      }
    }
    return false;
  }
}
