package org.web4rec.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.web4rec.gateway.AccountSettings;
import org.web4rec.gateway.GatewayVerticle;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.blob.LocalBlobStore;
import org.web4rec.platform.bus.LocalMessageBus;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.platform.http.Health;
import org.web4rec.platform.observe.Observability;
import org.web4rec.platform.service.JobSettings;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.sql.AccountRepository;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.adapters.sql.EmbeddedSql;
import org.web4rec.platform.sql.Ids;
import org.web4rec.platform.sql.Schema;

/**
 * The all-in-one server: every {@link Modules service module} in one JVM on the embedded adapters
 * (H2 file database, local blob directory, Vert.x event bus). Start order: stores (migrations
 * applied), then the modules' workers (they resume unfinished jobs), then the gateway with every
 * module's routes, so the port only opens when everything behind it is ready.
 */
public final class Web4RecServer {

  /** Decoded datasets the process keeps (shared by every service in it). */
  static final int CACHED_DATASETS = 4;

  private final Vertx vertx;
  private final Pool pool;
  private final MessageBus bus;
  private final GatewayVerticle gateway;

  private Web4RecServer(Vertx vertx, Pool pool, MessageBus bus, GatewayVerticle gateway) {
    this.vertx = vertx;
    this.pool = pool;
    this.bus = bus;
    this.gateway = gateway;
  }

  public static Future<Web4RecServer> start(ServerConfig config) {
    return start(config, AccountSettings.PRODUCTION_PASSWORD_ITERATIONS);
  }

  /**
   * @param passwordIterations PBKDF2 iterations; below the production count only in tests that
   *     sign up many users (AccountSecurityTest keeps the production count)
   */
  static Future<Web4RecServer> start(ServerConfig config, int passwordIterations) {
    Observability observability = Observability.create("all-in-one");
    Vertx vertx = observability.vertx(new VertxOptions().setWorkerPoolSize(4)
        .setMaxWorkerExecuteTime(10).setMaxWorkerExecuteTimeUnit(java.util.concurrent.TimeUnit.MINUTES));
    String secret;
    try {
      Files.createDirectories(config.sqlDir());
      Files.createDirectories(config.uploadDir());
      secret = jwtSecret(config.dataDir());
    } catch (IOException e) {
      vertx.close();
      return Future.failedFuture(e);
    }
    Db db = EmbeddedSql.open(vertx, config.sqlDir());
    BlobStore blobs = new LocalBlobStore(vertx, config.blobDir());
    MessageBus bus = new LocalMessageBus(vertx);
    Ports ports = Ports.of(vertx, config, db, blobs, bus, CACHED_DATASETS, observability,
        JobSettings.embedded());
    return Schema.migrate(db)
        .compose(v -> Modules.deploy(vertx, ports, Modules.ALL))
        .compose(routes -> {
          GatewayVerticle gateway = new GatewayVerticle(config,
              Health.of(vertx, db.pool(), blobs, bus), observability, new AccountRepository(db),
              AccountSettings.embedded(secret, passwordIterations), routes);
          return vertx.deployVerticle(gateway).map(id -> gateway);
        })
        .map(gateway -> new Web4RecServer(vertx, db.pool(), bus, gateway))
        .recover(t -> {
          vertx.close();
          return Future.failedFuture(t);
        });
  }

  /** The session-signing secret, created once per data directory so sessions survive restarts. */
  static String jwtSecret(Path dataDir) throws IOException {
    Path file = dataDir.resolve("jwt-secret");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    String secret = Ids.random(48);
    Files.writeString(file, secret);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    return secret;
  }

  public int port() {
    return gateway.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The event bus (tests observe events through their own consumer group). */
  public MessageBus bus() {
    return bus;
  }

  public Future<Void> stop() {
    return bus.close().transform(ar -> pool.close()).transform(ar -> vertx.close());
  }
}
