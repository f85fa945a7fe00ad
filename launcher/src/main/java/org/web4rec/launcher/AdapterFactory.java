package org.web4rec.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import org.web4rec.platform.adapters.blob.S3BlobStore;
import org.web4rec.platform.adapters.blob.S3Config;
import org.web4rec.platform.adapters.bus.KafkaBusConfig;
import org.web4rec.platform.adapters.bus.KafkaMessageBus;
import org.web4rec.platform.adapters.sql.EmbeddedSql;
import org.web4rec.platform.adapters.sql.MySql;
import org.web4rec.platform.adapters.sql.MySqlConfig;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.blob.LocalBlobStore;
import org.web4rec.platform.bus.LocalMessageBus;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.config.ServiceConfig;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.sql.Schema;

/**
 * The one place a service process turns its config into concrete adapters
 * ({@code sql.adapter}, {@code blob.adapter}, {@code bus.adapter}): the embedded ones for one
 * process ({@code web4rec up}, the default), the production ones (MySQL/MariaDB, S3, Kafka) for
 * several processes sharing stores. Kept in one class so every setting a production adapter
 * takes is read, and checked against the adapter's config record, in one place.
 */
public final class AdapterFactory {

  private AdapterFactory() {}

  public static Db sql(Vertx vertx, ServiceConfig config) {
    String kind = config.require("sql.adapter");
    switch (kind) {
      case "embedded":
        return EmbeddedSql.open(vertx, dataDir(config).resolve("db"));
      case "mysql":
        return mysql(vertx, config);
      default:
        throw unknown("sql.adapter", kind, "embedded|mysql");
    }
  }

  public static BlobStore blobs(Vertx vertx, ServiceConfig config) {
    String kind = config.require("blob.adapter");
    switch (kind) {
      case "local":
        String dir = config.get("blob.dir");
        return new LocalBlobStore(vertx, dir == null ? dataDir(config).resolve("blobs")
            : Path.of(dir).toAbsolutePath().normalize());
      case "s3":
        return s3(vertx, config);
      default:
        throw unknown("blob.adapter", kind, "local|s3");
    }
  }

  public static MessageBus bus(Vertx vertx, ServiceConfig config) {
    String kind = config.require("bus.adapter");
    switch (kind) {
      case "local":
        return new LocalMessageBus(vertx);
      case "kafka":
        return kafka(vertx, config);
      default:
        throw unknown("bus.adapter", kind, "local|kafka");
    }
  }

  /** True when every adapter is embedded: the process owns its stores alone. */
  public static boolean allEmbedded(ServiceConfig config) {
    return "embedded".equals(config.get("sql.adapter")) && "local".equals(config.get("blob.adapter"))
        && "local".equals(config.get("bus.adapter"));
  }

  /**
   * Applies the missing schema migrations: on MySQL under a server lock, because the processes
   * of a distributed deployment start together and would otherwise race on the version rows.
   */
  public static Future<Void> migrate(Db db, ServiceConfig config) {
    return "mysql".equals(config.get("sql.adapter")) ? MySql.migrate(db)
        : Schema.migrate(db).mapEmpty();
  }

  static Db mysql(Vertx vertx, ServiceConfig config) {
    return MySql.open(vertx, mysqlConfig(config));
  }

  static MySqlConfig mysqlConfig(ServiceConfig config) {
    return new MySqlConfig(config.require("sql.host"), config.integer("sql.port"),
        config.require("sql.database"), config.require("sql.user"), config.require("sql.password"),
        config.integer("sql.pool-size"));
  }

  static BlobStore s3(Vertx vertx, ServiceConfig config) {
    return new S3BlobStore(vertx, s3Config(config));
  }

  static S3Config s3Config(ServiceConfig config) {
    // No access key: the SDK's default chain (environment, IRSA web identity, instance profile).
    String access = config.get("blob.s3.access-key");
    String secret = config.get("blob.s3.secret-key");
    return new S3Config(config.get("blob.s3.endpoint"), config.require("blob.s3.region"),
        config.require("blob.s3.bucket"), config.flag("blob.s3.path-style"), access, secret,
        S3Config.DEFAULT_PART_SIZE, "", false);
  }

  static MessageBus kafka(Vertx vertx, ServiceConfig config) {
    return new KafkaMessageBus(vertx, kafkaConfig(config));
  }

  static KafkaBusConfig kafkaConfig(ServiceConfig config) {
    int session = config.integer("bus.kafka.session-timeout-ms");
    // A member that dies (OOM kill, SIGKILL, node loss) keeps its partitions until its session
    // expires; heartbeats go three times per session, as Kafka recommends.
    int publish = config.integer("bus.kafka.publish-timeout-ms");
    if (publish < 2000) {
      throw new IllegalArgumentException("setting 'bus.kafka.publish-timeout-ms' must be at least"
          + " 2000, is " + publish);
    }
    // An upload waits this long for the broker's acknowledgement of its event, then answers 503
    // and undoes its writes (ingest); Kafka requires delivery >= linger + request timeout.
    Map<String, String> extra = Map.of(
        "consumer.session.timeout.ms", Integer.toString(session),
        "consumer.heartbeat.interval.ms", Integer.toString(Math.max(500, session / 3)),
        "producer.delivery.timeout.ms", Integer.toString(publish),
        "producer.request.timeout.ms", Integer.toString(Math.min(30_000, publish / 2)),
        "producer.max.block.ms", Integer.toString(publish));
    KafkaBusConfig defaults = KafkaBusConfig.of(config.require("bus.kafka.bootstrap-servers"));
    return new KafkaBusConfig(defaults.bootstrapServers(), defaults.topicPrefix(),
        config.integer("bus.kafka.topic-partitions"),
        (short) config.integer("bus.kafka.replication-factor"),
        defaults.maxAttempts(), defaults.retryBackoffMs(), defaults.maxPollIntervalMs(), extra);
  }

  private static Path dataDir(ServiceConfig config) {
    return Path.of(config.require("data.dir")).toAbsolutePath().normalize();
  }

  private static IllegalArgumentException unknown(String key, String value, String allowed) {
    return new IllegalArgumentException("setting '" + key + "' is '" + value + "'; expected "
        + allowed);
  }
}
