package org.web4rec.platform.sql;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users, teams, memberships, invitations, API tokens with their expiry and team scope, and the
 * server-side state of sessions (a version per user and a denylist of signed-out session ids).
 */
public final class AccountRepository {

  public record User(String id, String email, String passwordHash, long createdAt) {}

  public record Team(String id, String name, String role) {}

  public record Member(String email, String role) {}

  /**
   * @param expiresAt epoch ms after which the token is refused, or null: no expiry
   * @param teamId the only team the token may act in, or null: every team of its user
   */
  public record ApiToken(String prefix, String userId, String name, String tokenHash,
      long createdAt, Long lastUsedAt, Long revokedAt, Long expiresAt, String teamId) {}

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
            // Teams that invited this address before it had an account.
            .compose(v -> conn.preparedQuery("INSERT INTO memberships (team_id, user_id, role)"
                    + " SELECT team_id, ?, role FROM team_invitations WHERE email = ?")
                .execute(Tuple.of(user.id(), user.email())))
            .compose(v -> conn.preparedQuery("DELETE FROM team_invitations WHERE email = ?")
                .execute(Tuple.of(user.email())))
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

  /**
   * Invites an address that has no account yet: it becomes a member when it signs up. Fails with
   * {@link DuplicateKeyException} when already invited.
   */
  public Future<Void> invite(String teamId, String email, String role, String invitedBy) {
    return pool.preparedQuery("INSERT INTO team_invitations (team_id, email, role, invited_by,"
            + " created_at) VALUES (?, ?, ?, ?, ?)")
        .execute(Tuple.of(teamId, email, role, invitedBy, System.currentTimeMillis()))
        .recover(t -> SqlErrors.isDuplicateKey(t)
            ? Future.failedFuture(new DuplicateKeyException("already invited", t))
            : Future.failedFuture(t))
        .mapEmpty();
  }

  /**
   * The team's members and invited addresses with their roles, by email. Both look alike on
   * purpose: the list must not tell a team owner which addresses have an account.
   */
  public Future<List<Member>> membersOf(String teamId) {
    return pool.preparedQuery("SELECT u.email AS email, m.role AS role FROM memberships m"
            + " JOIN users u ON u.id = m.user_id WHERE m.team_id = ?"
            + " UNION ALL SELECT email, role FROM team_invitations WHERE team_id = ?"
            + " ORDER BY email")
        .execute(Tuple.of(teamId, teamId)).map(rs -> {
          List<Member> out = new ArrayList<>();
          for (Row r : rs) {
            out.add(new Member(r.getString("email"), r.getString("role")));
          }
          return out;
        });
  }

  public Future<Void> insertToken(ApiToken t) {
    return db.inTransaction(conn -> conn.preparedQuery("INSERT INTO api_tokens (prefix, user_id,"
                + " name, token_hash, created_at, last_used_at, revoked_at)"
                + " VALUES (?, ?, ?, ?, ?, NULL, NULL)")
            .execute(Tuple.of(t.prefix(), t.userId(), t.name(), t.tokenHash(), t.createdAt()))
            .compose(v -> t.expiresAt() == null && t.teamId() == null ? Future.succeededFuture()
                : conn.preparedQuery("INSERT INTO api_token_limits (prefix, expires_at, team_id)"
                        + " VALUES (?, ?, ?)")
                    .execute(Tuple.of(t.prefix(), t.expiresAt(), t.teamId()))))
        .recover(e -> SqlErrors.isDuplicateKey(e)
            ? Future.failedFuture(new DuplicateKeyException("token prefix collision", e))
            : Future.failedFuture(e))
        .mapEmpty();
  }

  private static final String TOKEN_COLUMNS = "SELECT a.prefix, a.user_id, a.name, a.token_hash,"
      + " a.created_at, a.last_used_at, a.revoked_at, l.expires_at, l.team_id FROM api_tokens a"
      + " LEFT JOIN api_token_limits l ON l.prefix = a.prefix";

  /** An active (not revoked) token by its public prefix. */
  public Future<Optional<ApiToken>> findActiveToken(String prefix) {
    return pool.preparedQuery(TOKEN_COLUMNS + " WHERE a.prefix = ? AND a.revoked_at IS NULL")
        .execute(Tuple.of(prefix)).map(rs -> {
          for (Row r : rs) {
            return Optional.of(token(r));
          }
          return Optional.<ApiToken>empty();
        });
  }

  public Future<List<ApiToken>> listTokens(String userId) {
    return pool.preparedQuery(TOKEN_COLUMNS + " WHERE a.user_id = ? AND a.revoked_at IS NULL"
            + " ORDER BY a.created_at")
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
        r.getLong("revoked_at"), r.getLong("expires_at"), r.getString("team_id"));
  }

  public Future<Void> updatePasswordHash(String userId, String hash) {
    return pool.preparedQuery("UPDATE users SET password_hash = ? WHERE id = ?")
        .execute(Tuple.of(hash, userId)).mapEmpty();
  }

  /** What a session check needs: the user's session version and whether the jti was revoked. */
  public record SessionState(boolean userExists, int version, boolean revoked) {}

  public Future<SessionState> sessionState(String userId, String jti) {
    return pool.preparedQuery("SELECT u.id, s.version, r.jti FROM users u"
            + " LEFT JOIN user_sessions s ON s.user_id = u.id"
            + " LEFT JOIN revoked_sessions r ON r.jti = ? WHERE u.id = ?")
        .execute(Tuple.of(jti, userId)).map(rs -> {
          for (Row r : rs) {
            Integer v = r.getInteger("version");
            return new SessionState(true, v == null ? 0 : v, r.getString("jti") != null);
          }
          return new SessionState(false, 0, false);
        });
  }

  /** The user's current session version (0 until the first password change). */
  public Future<Integer> sessionVersion(String userId) {
    return pool.preparedQuery("SELECT version FROM user_sessions WHERE user_id = ?")
        .execute(Tuple.of(userId)).map(rs -> {
          for (Row r : rs) {
            return r.getInteger("version");
          }
          return 0;
        });
  }

  /**
   * Sets a new password hash and bumps the session version in one transaction, so every session
   * signed before is refused; completes with the new version.
   */
  public Future<Integer> changePassword(String userId, String hash) {
    return db.inTransaction(conn -> conn.preparedQuery(
                "UPDATE users SET password_hash = ? WHERE id = ?")
            .execute(Tuple.of(hash, userId))
            .compose(v -> conn.preparedQuery("SELECT version FROM user_sessions WHERE user_id = ?"
                + " FOR UPDATE").execute(Tuple.of(userId)))
            .compose(rs -> {
              int next = rs.size() == 0 ? 1 : rs.iterator().next().getInteger("version") + 1;
              String sql = rs.size() == 0
                  ? "INSERT INTO user_sessions (version, user_id) VALUES (?, ?)"
                  : "UPDATE user_sessions SET version = ? WHERE user_id = ?";
              return conn.preparedQuery(sql).execute(Tuple.of(next, userId)).map(v -> next);
            }));
  }

  /**
   * Denies one session id until its expiry (logout, refresh); rows past their expiry are
   * dropped on the way, since an expired session is refused anyway.
   */
  public Future<Void> revokeSession(String jti, long expiresAt) {
    long now = System.currentTimeMillis();
    return pool.preparedQuery("DELETE FROM revoked_sessions WHERE expires_at < ?")
        .execute(Tuple.of(now))
        .compose(v -> pool.preparedQuery(
                "INSERT INTO revoked_sessions (jti, expires_at) VALUES (?, ?)")
            .execute(Tuple.of(jti, expiresAt)))
        .recover(t -> SqlErrors.isDuplicateKey(t) ? Future.succeededFuture() : Future.failedFuture(t))
        .mapEmpty();
  }
}
