package org.web4rec.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.web4rec.analysis.ExploreRoutes;
import org.web4rec.gateway.GatewayVerticle;
import org.web4rec.ingest.IngestRoutes;
import org.web4rec.ingest.IngestService;
import org.web4rec.metrics.AnalysisRoutes;
import org.web4rec.metrics.MetricsWorker;
import org.web4rec.metrics.ResultsRoutes;
import org.web4rec.rerank.RerankRoutes;
import org.web4rec.rerank.RerankService;
import org.web4rec.rerank.RerankWorker;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.blob.LocalBlobStore;
import org.web4rec.platform.bus.LocalMessageBus;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.platform.data.DatasetCache;
import org.web4rec.platform.http.Health;
import org.web4rec.platform.observe.BacklogGauge;
import org.web4rec.platform.observe.JobMeter;
import org.web4rec.platform.observe.Observability;
import org.web4rec.platform.sql.AccountRepository;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.adapters.sql.EmbeddedSql;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.Ids;
import org.web4rec.platform.sql.Schema;

/**
 * The all-in-one server with the embedded adapters. Start order: stores (migrations applied),
 * then the metrics worker (it resumes unfinished jobs), then the gateway, so the port only opens
 * when everything behind it is ready.
 */
public final class Web4RecServer {

  /** How often the experiments-per-status gauge re-reads the metadata store. */
  static final long BACKLOG_REFRESH_MS = 5_000;

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
    Observability observability = Observability.create("all-in-one");
    Vertx vertx = observability.vertx(new VertxOptions().setWorkerPoolSize(4)
        .setMaxWorkerExecuteTime(10).setMaxWorkerExecuteTimeUnit(java.util.concurrent.TimeUnit.MINUTES));
    try {
      Files.createDirectories(config.sqlDir());
      Files.createDirectories(config.uploadDir());
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    Db db = EmbeddedSql.open(vertx, config.sqlDir());
    Pool pool = db.pool();
    BlobStore blobs = new LocalBlobStore(vertx, config.blobDir());
    MessageBus bus = new LocalMessageBus(vertx);
    AccountRepository accounts = new AccountRepository(db);
    DatasetRepository datasets = new DatasetRepository(db);
    ExperimentRepository experiments = new ExperimentRepository(db);
    DatasetCache ingestCache = new DatasetCache(vertx, blobs, 2);
    DatasetCache metricsCache = new DatasetCache(vertx, blobs, 2);
    IngestService ingest = new IngestService(vertx, config, blobs, datasets, experiments, bus,
        ingestCache);
    String secret;
    try {
      secret = jwtSecret(config.dataDir());
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    GatewayVerticle gateway = new GatewayVerticle(config, Health.of(vertx, pool, blobs, bus),
        observability, accounts, secret,
        List.of(new IngestRoutes(ingest, datasets, ingestCache),
            new ResultsRoutes(blobs, datasets, experiments),
            new AnalysisRoutes(blobs, datasets, experiments, metricsCache),
            new RerankRoutes(new RerankService(vertx, blobs, experiments, bus, ingestCache), blobs,
                datasets, experiments, ingestCache),
            new ExploreRoutes(vertx, blobs, datasets, experiments, metricsCache)));
    JobMeter jobs = observability.jobs();
    return Schema.migrate(db)
        .onSuccess(v -> BacklogGauge.start(vertx, observability.registry(), experiments,
            BACKLOG_REFRESH_MS))
        .compose(v -> vertx.deployVerticle(new MetricsWorker(blobs, datasets, experiments, bus,
            metricsCache, true, jobs)))
        .compose(v -> vertx.deployVerticle(new RerankWorker(blobs, datasets, experiments, bus,
            metricsCache, true, jobs)))
        .compose(v -> vertx.deployVerticle(gateway))
        .map(v -> new Web4RecServer(vertx, pool, bus, gateway))
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
