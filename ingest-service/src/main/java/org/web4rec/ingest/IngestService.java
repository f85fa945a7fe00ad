package org.web4rec.ingest;

import org.web4rec.core.data.Dataset;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.web4rec.core.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.prepare.DatasetBuilder;
import org.web4rec.core.prepare.Embeddings;
import org.web4rec.core.prepare.ExperimentBuilder;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.platform.contracts.Events;
import org.web4rec.platform.contracts.ExperimentSettings;
import org.web4rec.platform.contracts.UploadMeta;
import org.web4rec.platform.contracts.Topics;
import org.web4rec.platform.data.DatasetCache;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Views;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.DuplicateKeyException;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;
import org.web4rec.platform.sql.Ids;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Table;

/**
 * Dataset registration and experiment upload. Each write goes blob → metadata row → event; when a
 * step fails, the steps before it are undone, so a failed request leaves no orphan blob, row or
 * event (a 4xx is decided before anything is written).
 */
public final class IngestService {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  /** An uploaded multipart file part. */
  public record Part(Path file, String contentType) {}

  /** An upload's outcome: the experiment JSON and whether it was created now (202) or before. */
  public record Upload(JsonObject experiment, boolean created) {}

  private final Vertx vertx;
  private final ServerConfig config;
  private final BlobStore blobs;
  private final DatasetRepository datasets;
  private final ExperimentRepository experiments;
  private final MessageBus bus;
  private final DatasetCache cache;

  public IngestService(Vertx vertx, ServerConfig config, BlobStore blobs, DatasetRepository datasets,
      ExperimentRepository experiments, MessageBus bus, DatasetCache cache) {
    this.vertx = vertx;
    this.config = config;
    this.blobs = blobs;
    this.datasets = datasets;
    this.experiments = experiments;
    this.bus = bus;
    this.cache = cache;
  }

  public Future<JsonObject> registerDataset(Caller caller, String name, Map<String, Part> parts) {
    try {
      Names.dataset("dataset name", name);
    } catch (InvalidInput e) {
      return Future.failedFuture(e);
    }
    for (String required : List.of("train", "ground_truth")) {
      if (!parts.containsKey(required)) {
        return Future.failedFuture(ApiException.badRequest("multipart part '" + required
            + "' is missing; send train and ground_truth tables (user_side, item_side optional)",
            required.equals("train") ? DatasetBuilder.TRAIN_EXAMPLE : DatasetBuilder.GT_EXAMPLE));
      }
    }
    for (String part : parts.keySet()) {
      if (!List.of("train", "ground_truth", "user_side", "item_side").contains(part)) {
        return Future.failedFuture(ApiException.badRequest("unknown part '" + part
            + "'; expected train, ground_truth, user_side, item_side", "train"));
      }
    }
    return datasets.findByName(caller.teamId(), name)
        .compose(existing -> existing.isPresent()
            ? Future.failedFuture(ApiException.conflict("dataset '" + name + "' already exists;"
                + " choose another name"))
            : Future.succeededFuture())
        .compose(v -> vertx.executeBlocking(() -> DatasetBlobs.of(DatasetBuilder.build(
            decode(parts, "train"), decode(parts, "ground_truth"),
            decode(parts, "user_side"), decode(parts, "item_side"))), false))
        .compose(built -> storeDataset(caller, name, built));
  }

  private Table decode(Map<String, Part> parts, String name) {
    Part p = parts.get(name);
    return p == null ? null
        : TableFiles.decode(name, p.file(), p.contentType(), config.decodeLimits());
  }

  private Future<JsonObject> storeDataset(Caller caller, String name, DatasetBlobs built) {
    String id = Ids.next("ds");
    String prefix = BlobKeys.dataset(caller.teamId(), id);
    DatasetRecord record = new DatasetRecord(id, caller.teamId(), name, 1, built.info(),
        System.currentTimeMillis());
    Supplier<Future<?>> dropBlobs = () -> blobs.deletePrefix(prefix);
    Future<Void> written = Future.all(
            blobs.put(prefix + StoredDataset.USERS, built.users()),
            blobs.put(prefix + StoredDataset.ITEMS, built.items()),
            blobs.put(prefix + StoredDataset.TRAIN, built.train()),
            blobs.put(prefix + StoredDataset.GROUND_TRUTH, built.groundTruth()))
        .recover(t -> undo(dropBlobs, unavailable("blob store", t))).mapEmpty();
    return written
        .compose(v -> datasets.insert(record).recover(t -> undo(dropBlobs,
            t instanceof DuplicateKeyException
                ? ApiException.conflict("dataset '" + name + "' already exists; choose another name")
                : unavailable("metadata store", t))))
        .compose(v -> bus.publish(Topics.DATASET_REGISTERED, id,
                new Events.DatasetRegistered(caller.teamId(), id, 1).toJson())
            .recover(t -> undo(() -> datasets.delete(caller.teamId(), id)
                .compose(x -> dropBlobs.get()), unavailable("event bus", t))))
        .map(v -> Views.dataset(record));
  }

  /** What an upload stores: the prepared lists and the optional embedding tables. */
  record Prepared(CandidateLists lists, Table itemEmbeddings, Table userEmbeddings) {}

  public Future<Upload> uploadExperiment(Caller caller, String datasetName, String metaText,
      Map<String, Part> parts, String idempotencyKey) {
    for (String part : parts.keySet()) {
      if (!List.of("recommendations", "item_embeddings", "user_embeddings").contains(part)) {
        return Future.failedFuture(ApiException.badRequest("unknown part '" + part
            + "'; expected recommendations, item_embeddings, user_embeddings", "recommendations"));
      }
    }
    Part recommendations = parts.get("recommendations");
    JsonObject meta;
    try {
      meta = new JsonObject(metaText == null ? "" : metaText);
    } catch (RuntimeException e) {
      return Future.failedFuture(ApiException.badRequest("form field 'meta' must be a JSON object"
          + " with experiment_name: " + e.getMessage(), UploadMeta.EXAMPLE));
    }
    UploadMeta settings;
    try {
      settings = UploadMeta.parse(meta, config.defaultKs(), config.defaultCandidates());
    } catch (InvalidInput e) {
      return Future.failedFuture(e);
    }
    if (recommendations == null) {
      return Future.failedFuture(ApiException.badRequest("multipart part 'recommendations' is"
          + " missing", ExperimentBuilder.EXAMPLE));
    }
    return datasets.findByName(caller.teamId(), datasetName)
        .compose(found -> found.<Future<DatasetRecord>>map(Future::succeededFuture).orElseGet(() ->
            Future.failedFuture(ApiException.notFound("dataset '" + datasetName + "' does not"
                + " exist; register it first with Web4Rec.register_dataset"))))
        .compose(ds -> experiments.find(caller.teamId(), ds.id(), settings.name())
            .compose(existing -> {
              if (existing.isPresent()) {
                ExperimentRecord e = existing.get();
                if (idempotencyKey != null && idempotencyKey.equals(e.idempotencyKey())) {
                  return Future.succeededFuture(new Upload(
                      Views.experiment(e, ds.name(), Map.of()), false));
                }
                return Future.failedFuture(ApiException.conflict("experiment '" + settings.name()
                    + "' already exists in dataset '" + ds.name() + "'; choose another name"));
              }
              return prepareAndStore(caller, ds, settings, parts, idempotencyKey);
            }));
  }

  private Future<Upload> prepareAndStore(Caller caller, DatasetRecord ds, UploadMeta settings,
      Map<String, Part> parts, String idempotencyKey) {
    return cache.get(caller.teamId(), ds.id(), ds.version())
        .compose(stored -> vertx.executeBlocking(() -> {
          Table recs = decode(parts, "recommendations");
          CandidateLists lists = ExperimentBuilder.build(recs, stored, settings.nCandidates());
          Table items = decode(parts, "item_embeddings");
          Table users = decode(parts, "user_embeddings");
          return new Prepared(lists,
              items == null ? null : Embeddings.encode(items, "item_embeddings", "item_id", "i",
                  stored.itemIds()),
              users == null ? null : Embeddings.encode(users, "user_embeddings", "user_id", "u",
                  stored.userIds()));
        }, false))
        .compose(prepared -> storeExperiment(caller, ds, settings, prepared, idempotencyKey));
  }

  private Future<Upload> storeExperiment(Caller caller, DatasetRecord ds, UploadMeta settings,
      Prepared prepared, String idempotencyKey) {
    CandidateLists lists = prepared.lists();
    String id = Ids.next("ex");
    String prefix = BlobKeys.experiment(caller.teamId(), id);
    int usersWithList = 0;
    for (int u = 0; u < lists.users(); u++) {
      if (lists.size(u) > 0) {
        usersWithList++;
      }
    }
    ExperimentSettings stored = new ExperimentSettings(settings.ks(), settings.nCandidates(),
        usersWithList, ds.version(), dims(prepared.itemEmbeddings()),
        dims(prepared.userEmbeddings()), null);
    long now = System.currentTimeMillis();
    ExperimentRecord record = new ExperimentRecord(id, caller.teamId(), ds.id(), settings.name(),
        ExperimentRepository.UPLOADED, null, settings.hyperParameters(), stored,
        idempotencyKey, null, now, now);
    Supplier<Future<?>> dropBlobs = () -> blobs.deletePrefix(prefix);
    return vertx.executeBlocking(() -> StoredDataset.encodeCandidates(lists), false)
        .compose(bytes -> {
          List<Future<Void>> writes = new ArrayList<>();
          writes.add(blobs.put(prefix + StoredDataset.CANDIDATES, bytes));
          if (prepared.itemEmbeddings() != null) {
            writes.add(blobs.put(prefix + StoredDataset.ITEM_EMBEDDINGS,
                ArrowCodec.toBytes(prepared.itemEmbeddings())));
          }
          if (prepared.userEmbeddings() != null) {
            writes.add(blobs.put(prefix + StoredDataset.USER_EMBEDDINGS,
                ArrowCodec.toBytes(prepared.userEmbeddings())));
          }
          return Future.all(writes).recover(t -> undo(dropBlobs, unavailable("blob store", t)));
        })
        .compose(v -> experiments.insert(record).recover(t -> undo(dropBlobs,
            t instanceof DuplicateKeyException
                ? ApiException.conflict("experiment '" + settings.name() + "' already exists in"
                    + " dataset '" + ds.name() + "'; choose another name")
                : unavailable("metadata store", t))))
        .compose(v -> bus.publish(Topics.EXPERIMENT_UPLOADED, id,
                new Events.ExperimentUploaded(caller.teamId(), ds.id(), id, stored).toJson())
            .recover(t -> undo(() -> experiments.delete(id).compose(x -> dropBlobs.get()),
                unavailable("event bus", t))))
        .map(v -> new Upload(Views.experiment(record, ds.name(), Map.of()), true));
  }

  private static Integer dims(Table embeddings) {
    return embeddings == null ? null : embeddings.columns().size() - 1;
  }

  private static <T> Future<T> undo(Supplier<Future<?>> undo, Throwable cause) {
    return undo.get()
        .transform(ar -> {
          if (ar.failed()) {
            LOG.error("could not undo a partial write; orphan left behind", ar.cause());
          }
          return Future.<T>failedFuture(cause);
        });
  }

  private static Throwable unavailable(String what, Throwable t) {
    if (t instanceof ApiException) {
      return t;
    }
    LOG.warn("{} failed: {}", what, t.toString());
    return ApiException.unavailable(what + " unavailable, retry later: " + t.getMessage());
  }
}
