package org.web4rec.platform.sql;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users, teams, memberships and API tokens. */
public final class AccountRepository {

  public record User(String id, String email, String passwordHash, long createdAt) {}

  public record Team(String id, String name, String role) {}

  public record Member(String email, String role) {}

  public record ApiToken(String prefix, String userId, String name, String tokenHash,
      long createdAt, Long lastUsedAt, Long revokedAt) {}

  private final Pool pool;
  private final Db db;

  public AccountRepository(Db db) {
    this.db = db;
    this.pool = db.pool();
  }

  /** Creates the user, a personal team and the owner membership in one transaction. */
  public Future<Team> createUserWithTeam(User user, String teamId, String teamName) {
    return db.inTransaction(conn -> conn.preparedQuery(
                "INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)")
            .execute(Tuple.of(user.id(), user.email(), user.passwordHash(), user.createdAt()))
            .compose(v -> conn.preparedQuery(
                    "INSERT INTO teams (id, name, personal_of, created_at) VALUES (?, ?, ?, ?)")
                .execute(Tuple.of(teamId, teamName, user.id(), user.createdAt())))
            .compose(v -> conn.preparedQuery(
                    "INSERT INTO memberships (team_id, user_id, role) VALUES (?, ?, ?)")
                .execute(Tuple.of(teamId, user.id(), "owner")))
            .map(v -> new Team(teamId, teamName, "owner")))
        .recover(t -> SqlErrors.isDuplicateKey(t)
            ? Future.failedFuture(new DuplicateKeyException("email already registered", t))
            : Future.failedFuture(t));
  }

  public Future<Optional<User>> findUserByEmail(String email) {
    return pool.preparedQuery(
            "SELECT id, email, password_hash, created_at FROM users WHERE email = ?")
        .execute(Tuple.of(email)).map(AccountRepository::firstUser);
  }

  public Future<Optional<User>> findUser(String id) {
    return pool.preparedQuery("SELECT id, email, password_hash, created_at FROM users WHERE id = ?")
        .execute(Tuple.of(id)).map(AccountRepository::firstUser);
  }

  private static Optional<User> firstUser(RowSet<Row> rs) {
    for (Row r : rs) {
      return Optional.of(new User(r.getString("id"), r.getString("email"),
          r.getString("password_hash"), r.getLong("created_at")));
    }
    return Optional.empty();
  }

  /** The user's teams, personal team first. */
  public Future<List<Team>> teamsOf(String userId) {
    return pool.preparedQuery("SELECT t.id, t.name, m.role, t.personal_of FROM teams t"
            + " JOIN memberships m ON m.team_id = t.id WHERE m.user_id = ?"
            + " ORDER BY CASE WHEN t.personal_of = ? THEN 0 ELSE 1 END, t.name")
        .execute(Tuple.of(userId, userId)).map(rs -> {
          List<Team> teams = new ArrayList<>();
          for (Row r : rs) {
            teams.add(new Team(r.getString("id"), r.getString("name"), r.getString("role")));
          }
          return teams;
        });
  }

  /** Creates a shared team owned by {@code ownerId}. */
  public Future<Team> createTeam(String teamId, String name, String ownerId) {
    long now = System.currentTimeMillis();
    return db.inTransaction(conn -> conn.preparedQuery(
                "INSERT INTO teams (id, name, personal_of, created_at) VALUES (?, ?, NULL, ?)")
            .execute(Tuple.of(teamId, name, now))
            .compose(v -> conn.preparedQuery(
                    "INSERT INTO memberships (team_id, user_id, role) VALUES (?, ?, ?)")
                .execute(Tuple.of(teamId, ownerId, "owner")))
            .map(v -> new Team(teamId, name, "owner")));
  }

  /** Adds a member; fails with {@link DuplicateKeyException} when already a member. */
  public Future<Void> addMember(String teamId, String userId, String role) {
    return pool.preparedQuery("INSERT INTO memberships (team_id, user_id, role) VALUES (?, ?, ?)")
        .execute(Tuple.of(teamId, userId, role))
        .recover(t -> SqlErrors.isDuplicateKey(t)
            ? Future.failedFuture(new DuplicateKeyException("already a member", t))
            : Future.failedFuture(t))
        .mapEmpty();
  }

  /** The team's members with their roles, by email. */
  public Future<List<Member>> membersOf(String teamId) {
    return pool.preparedQuery("SELECT u.email, m.role FROM memberships m"
            + " JOIN users u ON u.id = m.user_id WHERE m.team_id = ? ORDER BY u.email")
        .execute(Tuple.of(teamId)).map(rs -> {
          List<Member> out = new ArrayList<>();
          for (Row r : rs) {
            out.add(new Member(r.getString("email"), r.getString("role")));
          }
          return out;
        });
  }

  public Future<Void> insertToken(ApiToken t) {
    return pool.preparedQuery("INSERT INTO api_tokens (prefix, user_id, name, token_hash,"
            + " created_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL, NULL)")
        .execute(Tuple.of(t.prefix(), t.userId(), t.name(), t.tokenHash(), t.createdAt()))
        .recover(e -> SqlErrors.isDuplicateKey(e)
            ? Future.failedFuture(new DuplicateKeyException("token prefix collision", e))
            : Future.failedFuture(e))
        .mapEmpty();
  }

  /** An active (not revoked) token by its public prefix. */
  public Future<Optional<ApiToken>> findActiveToken(String prefix) {
    return pool.preparedQuery("SELECT prefix, user_id, name, token_hash, created_at, last_used_at,"
            + " revoked_at FROM api_tokens WHERE prefix = ? AND revoked_at IS NULL")
        .execute(Tuple.of(prefix)).map(rs -> {
          for (Row r : rs) {
            return Optional.of(token(r));
          }
          return Optional.<ApiToken>empty();
        });
  }

  public Future<List<ApiToken>> listTokens(String userId) {
    return pool.preparedQuery("SELECT prefix, user_id, name, token_hash, created_at, last_used_at,"
            + " revoked_at FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL"
            + " ORDER BY created_at")
        .execute(Tuple.of(userId)).map(rs -> {
          List<ApiToken> out = new ArrayList<>();
          for (Row r : rs) {
            out.add(token(r));
          }
          return out;
        });
  }

  /** Revokes the user's token; false when the user has no such active token. */
  public Future<Boolean> revokeToken(String userId, String prefix) {
    return pool.preparedQuery("UPDATE api_tokens SET revoked_at = ? WHERE prefix = ? AND user_id = ?"
            + " AND revoked_at IS NULL")
        .execute(Tuple.of(System.currentTimeMillis(), prefix, userId))
        .map(rs -> rs.rowCount() > 0);
  }

  public Future<Void> touchToken(String prefix, long now) {
    return pool.preparedQuery("UPDATE api_tokens SET last_used_at = ? WHERE prefix = ?")
        .execute(Tuple.of(now, prefix)).mapEmpty();
  }

  private static ApiToken token(Row r) {
    return new ApiToken(r.getString("prefix"), r.getString("user_id"), r.getString("name"),
        r.getString("token_hash"), r.getLong("created_at"), r.getLong("last_used_at"),
        r.getLong("revoked_at"));
  }
}
