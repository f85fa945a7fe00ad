package org.web4rec.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The system MariaDB (Debian's mariadb-server) for tests. {@link #database} makes sure the server
 * answers (starting {@code mysqld_safe} as root when it does not), then creates a fresh database
 * and an application user that may only use it. OS root logs in as MariaDB root through the unix
 * socket, so no password is needed for the set-up statements.
 *
 * <p>When mariadb-server is not installed the calling test is skipped with a message, except on CI
 * ({@code CI=true}), where a missing database is a failure: a green run must not hide it.
 */
public final class LocalMariaDb {

  /** Connection facts for one test database; {@link #close} drops the database and its user. */
  public record Database(String host, int port, String name, String user, String password)
      implements AutoCloseable {

    /** Drops and recreates the (empty) database; the user's grants stay. */
    public void reset() throws IOException {
      rootSql("DROP DATABASE IF EXISTS `" + name + "`; CREATE DATABASE `" + name + "`"
          + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;");
    }

    @Override
    public void close() {
      try {
        rootSql("DROP DATABASE IF EXISTS `" + name + "`; DROP USER IF EXISTS '" + user
            + "'@'127.0.0.1'; DROP USER IF EXISTS '" + user + "'@'localhost';");
      } catch (IOException e) {
        throw new IllegalStateException("could not drop test database " + name, e);
      }
    }
  }

  public static final String HOST = "127.0.0.1";
  public static final int PORT = 3306;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static boolean checked;

  private LocalMariaDb() {}

  /** A fresh database and user; the name starts with {@code prefix} (letters, digits, _). */
  public static Database database(String prefix) throws IOException {
    ensureRunning();
    String suffix = Long.toString(Math.abs(RANDOM.nextLong()), 36);
    String name = (prefix + "_" + suffix).replaceAll("[^A-Za-z0-9_]", "_");
    if (name.length() > 60) {
      name = name.substring(0, 60);
    }
    String user = ("u" + suffix);
    String password = "pw" + Long.toString(Math.abs(RANDOM.nextLong()), 36);
    StringBuilder sql = new StringBuilder("CREATE DATABASE `" + name + "`"
        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;");
    for (String host : List.of("127.0.0.1", "localhost")) {
      sql.append("CREATE USER '").append(user).append("'@'").append(host)
          .append("' IDENTIFIED BY '").append(password).append("';")
          .append("GRANT ALL PRIVILEGES ON `").append(name).append("`.* TO '").append(user)
          .append("'@'").append(host).append("';");
    }
    rootSql(sql.toString());
    return new Database(HOST, PORT, name, user, password);
  }

  /** Starts the server when it does not answer; skips or fails when MariaDB is not installed. */
  public static synchronized void ensureRunning() throws IOException {
    if (checked && ping()) {
      return;
    }
    if (!ping()) {
      if (!Files.isExecutable(Path.of("/usr/bin/mysqld_safe"))) {
        String msg = "mariadb-server is not installed (apt-get install -y mariadb-server);"
            + " .ci/run installs it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          throw new IllegalStateException(msg + " - required on CI");
        }
        Assumptions.abort(msg + ": skipping the MariaDB tests");
      }
      start();
    }
    checked = true;
  }

  /**
   * Shuts the server down ({@code mariadb-admin shutdown}) and starts it again, waiting for ping:
   * the fault tests' "database restarted". Every client of this machine's server sees it, so only
   * tests that are about exactly that call it, once, briefly.
   */
  public static synchronized void restart() throws IOException {
    ensureRunning();
    Result r = exec(List.of("mariadb-admin", "-uroot", "shutdown"), 60);
    if (r.exit != 0) {
      throw new IOException("mariadb-admin shutdown failed (" + r.exit + "): " + r.output);
    }
    long deadline = System.currentTimeMillis() + 60_000;
    while (ping() || Files.exists(Path.of("/run/mysqld/mysqld.pid"))) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("MariaDB still up 60 s after shutdown");
      }
      sleep(100);
    }
    start();
  }

  private static void start() throws IOException {
    Path run = Path.of("/run/mysqld");
    Files.createDirectories(run);
    exec(List.of("chown", "mysql:mysql", run.toString()), 10);
    // setsid + nohup: the server outlives this JVM (other test classes and runs reuse it).
    new ProcessBuilder("setsid", "nohup", "/usr/bin/mysqld_safe")
        .redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File("/tmp/mysqld_safe.out")))
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (!ping()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("MariaDB did not answer within 60 s after mysqld_safe;"
            + " see /tmp/mysqld_safe.out and /var/log/mysql");
      }
      sleep(200);
    }
  }

  private static boolean ping() throws IOException {
    if (!Files.isExecutable(Path.of("/usr/bin/mariadb-admin"))) {
      return false;
    }
    return exec(List.of("mariadb-admin", "-uroot", "--connect-timeout=2", "ping"), 10).exit == 0;
  }

  /** Runs statements as MariaDB root (unix socket); throws with the client's output on failure. */
  public static void rootSql(String sql) throws IOException {
    Result r = exec(List.of("mariadb", "-uroot", "-e", sql), 60);
    if (r.exit != 0) {
      throw new IOException("mariadb -uroot failed (" + r.exit + "): " + r.output);
    }
  }

  private record Result(int exit, String output) {}

  private static Result exec(List<String> cmd, int timeoutSeconds) throws IOException {
    Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + cmd);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.exitValue(), out);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
