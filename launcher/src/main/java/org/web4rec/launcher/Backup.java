package org.web4rec.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.web4rec.platform.adapters.sql.EmbeddedSql;

/**
 * Backup and restore of an embedded data directory ({@code ./web4rec backup|restore DIR}): the H2
 * database as an SQL script ({@code SCRIPT}, readable by later H2 versions, unlike the binary
 * file), the blob tree and the session secret.
 *
 * <p>The server must be stopped: the embedded database holds an exclusive file lock, and the
 * alternatives cost more than a minute of downtime — H2's AUTO_SERVER mode would open a TCP port
 * that any local user could reach with the embedded credentials, and a backup route would need an
 * admin role that does not exist yet. A copy of a stopped directory is also consistent by
 * construction (no blob written after the script, no row deleted before the copy).
 */
final class Backup {

  static final String SCRIPT = "web4rec.sql";
  static final String BLOBS = "blobs";
  static final String SECRET = "jwt-secret";
  /** H2's "database may be already in use": the server holds the lock. */
  private static final int LOCKED = 90020;

  private Backup() {}

  /** Writes a backup of {@code dataDir} into {@code out}, which must be absent or empty. */
  static void backup(Path dataDir, Path out) throws IOException, SQLException {
    Path db = dataDir.resolve("db");
    if (!Files.exists(db.resolve("web4rec.mv.db"))) {
      throw new IOException("no Web4Rec database under " + db);
    }
    requireEmpty(out, "backup directory");
    Files.createDirectories(out);
    try (Connection c = connect(db, true); Statement s = c.createStatement()) {
      s.execute("SCRIPT TO " + literal(out.resolve(SCRIPT)));
    }
    copyTree(dataDir.resolve(BLOBS), out.resolve(BLOBS));
    copyIfExists(dataDir.resolve(SECRET), out.resolve(SECRET));
  }

  /** Restores the backup in {@code in} into {@code dataDir}, which must hold no data yet. */
  static void restore(Path in, Path dataDir) throws IOException, SQLException {
    if (!Files.isRegularFile(in.resolve(SCRIPT))) {
      throw new IOException(in + " is not a Web4Rec backup (no " + SCRIPT + ")");
    }
    Path db = dataDir.resolve("db");
    requireEmpty(db, "database directory");
    requireEmpty(dataDir.resolve(BLOBS), "blob directory");
    Files.createDirectories(db);
    try (Connection c = connect(db, false); Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM " + literal(in.resolve(SCRIPT)));
    }
    copyTree(in.resolve(BLOBS), dataDir.resolve(BLOBS));
    copyIfExists(in.resolve(SECRET), dataDir.resolve(SECRET));
  }

  private static Connection connect(Path db, boolean mustExist) throws SQLException {
    try {
      return DriverManager.getConnection(EmbeddedSql.url(db) + (mustExist ? ";IFEXISTS=TRUE"
          : ""), "sa", "");
    } catch (SQLException e) {
      if (e.getErrorCode() == LOCKED) {
        throw new SQLException("the database is in use: stop the Web4Rec server first", e);
      }
      throw e;
    }
  }

  private static String literal(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static void requireEmpty(Path dir, String what) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> entries = s.filter(p -> !p.getFileName().toString().equals(".tmp")).toList();
      if (!entries.isEmpty()) {
        throw new IOException("the " + what + " " + dir + " is not empty");
      }
    }
  }

  /** Copies the regular files under {@code from} (the blob store's .tmp excepted). */
  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> !from.relativize(p).startsWith(".tmp")).toList();
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f).toString());
      Files.createDirectories(target.getParent());
      Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static void copyIfExists(Path from, Path to) throws IOException {
    if (Files.exists(from)) {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
