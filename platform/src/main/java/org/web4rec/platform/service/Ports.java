package org.web4rec.platform.service;

import io.vertx.core.Vertx;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.platform.data.DatasetCache;
import org.web4rec.platform.observe.Observability;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.sql.ExperimentRepository;

/**
 * Everything a service module is built from, whichever adapters are behind it: the launcher opens
 * the adapters (embedded or distributed) and hands every module of the process the same ports.
 *
 * @param vertx the process's Vert.x
 * @param server HTTP and upload settings
 * @param db the metadata store
 * @param blobs the blob store; null in a process that only runs the gateway
 * @param bus the message bus; null in a process that only runs the gateway
 * @param datasets dataset rows
 * @param experiments experiment rows
 * @param cache decoded datasets, shared by the modules of the process
 * @param observability meters and the job timer
 * @param jobs how the process runs its event workers
 */
public record Ports(Vertx vertx, ServerConfig server, Db db, BlobStore blobs, MessageBus bus,
    DatasetRepository datasets, ExperimentRepository experiments, DatasetCache cache,
    Observability observability, JobSettings jobs) {

  /** Builds the repositories and the dataset cache over the given adapters. */
  public static Ports of(Vertx vertx, ServerConfig server, Db db, BlobStore blobs,
      MessageBus bus, int cachedDatasets, Observability observability, JobSettings jobs) {
    return new Ports(vertx, server, db, blobs, bus, new DatasetRepository(db),
        new ExperimentRepository(db), blobs == null ? null
            : new DatasetCache(vertx, blobs, cachedDatasets), observability, jobs);
  }
}
