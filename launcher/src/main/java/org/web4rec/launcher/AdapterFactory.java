package org.web4rec.launcher;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.blob.LocalBlobStore;
import org.web4rec.platform.bus.LocalMessageBus;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.config.ServiceConfig;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.sql.EmbeddedSql;

/**
 * The one place a service process turns its config into concrete adapters
 * ({@code sql.adapter}, {@code blob.adapter}, {@code bus.adapter}). Only the embedded adapters
 * are in this build; the production ones (MySQL, S3, Kafka) are written in branch
 * {@code dist-adapters}, and the three placeholder methods below are where that merge plugs them
 * in. Until then, choosing one fails at start with a message that says so, rather than silently
 * running embedded stores that several processes cannot share.
 */
public final class AdapterFactory {

  private AdapterFactory() {}

  public static Db sql(Vertx vertx, ServiceConfig config) {
    String kind = config.require("sql.adapter");
    switch (kind) {
      case "embedded":
        return EmbeddedSql.open(vertx, dataDir(config).resolve("db"));
      case "mysql":
        return mysqlAdapterPlaceholder(vertx, config);
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
        return s3AdapterPlaceholder(vertx, config);
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
        return kafkaAdapterPlaceholder(vertx, config);
      default:
        throw unknown("bus.adapter", kind, "local|kafka");
    }
  }

  /** True when every adapter is embedded: the process owns its stores alone. */
  public static boolean allEmbedded(ServiceConfig config) {
    return "embedded".equals(config.get("sql.adapter")) && "local".equals(config.get("blob.adapter"))
        && "local".equals(config.get("bus.adapter"));
  }

  // ---- placeholders replaced when branch dist-adapters merges ----

  static Db mysqlAdapterPlaceholder(Vertx vertx, ServiceConfig config) {
    throw notInThisBuild("mysql");
  }

  static BlobStore s3AdapterPlaceholder(Vertx vertx, ServiceConfig config) {
    throw notInThisBuild("s3");
  }

  static MessageBus kafkaAdapterPlaceholder(Vertx vertx, ServiceConfig config) {
    throw notInThisBuild("kafka");
  }

  static UnsupportedOperationException notInThisBuild(String adapter) {
    return new UnsupportedOperationException("not available in this build: " + adapter
        + " adapter is in branch dist-adapters");
  }

  private static Path dataDir(ServiceConfig config) {
    return Path.of(config.require("data.dir")).toAbsolutePath().normalize();
  }

  private static IllegalArgumentException unknown(String key, String value, String allowed) {
    return new IllegalArgumentException("setting '" + key + "' is '" + value + "'; expected "
        + allowed);
  }
}
