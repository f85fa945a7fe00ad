package org.web4rec.platform.adapters.sql;

/**
 * Where the distributed-mode metadata store lives (MySQL 8 or MariaDB 10.6+). The password is
 * never printed by {@link #toString}.
 */
public record MySqlConfig(String host, int port, String database, String user, String password,
    int poolSize) {

  public MySqlConfig {
    if (host == null || host.isBlank() || database == null || database.isBlank()
        || user == null || user.isBlank()) {
      throw new IllegalArgumentException("MySQL host, database and user are required");
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("MySQL port out of range: " + port);
    }
    if (poolSize <= 0) {
      throw new IllegalArgumentException("MySQL pool size must be positive: " + poolSize);
    }
  }

  public MySqlConfig(String host, int port, String database, String user, String password) {
    this(host, port, database, user, password, 8);
  }

  @Override
  public String toString() {
    return "MySqlConfig[" + user + "@" + host + ":" + port + "/" + database + ", pool="
        + poolSize + "]";
  }
}
