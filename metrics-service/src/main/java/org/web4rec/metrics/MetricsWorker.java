package org.web4rec.metrics;

import org.web4rec.core.data.Dataset;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.core.metrics.Definitions;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.contracts.Events;
import org.web4rec.platform.contracts.ExperimentSettings;
import org.web4rec.platform.contracts.MetricsMeta;
import org.web4rec.platform.contracts.Topics;
import org.web4rec.platform.data.MetricsJob;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.observe.JobMeter;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;

/**
 * Consumes {@code experiment.uploaded} in the metrics consumer group. Idempotent: an experiment
 * already ready is skipped, a recomputation replaces the stored values. A job that fails for a
 * reason in the data is marked failed with that reason; infrastructure failures are left to the
 * bus to redeliver, and an event that exhausts its attempts marks the experiment failed.
 */
public final class MetricsWorker extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsWorker.class);

  private final Ports ports;
  private final boolean recoverOnStart;
  private final JobMeter jobs;
  private final long testOnlyDelayMs;

  /** A worker over the process's ports; {@code web4rec_job_seconds{kind="metrics"}} times jobs. */
  public MetricsWorker(Ports ports) {
    this.ports = ports;
    this.recoverOnStart = ports.jobs().recoverOnStart();
    this.jobs = ports.observability().jobs();
    // TEST ONLY, 0 in every real deployment (JobSettings#testOnlyMetricsDelayMs).
    this.testOnlyDelayMs = Math.max(0, ports.jobs().testOnlyMetricsDelayMs());
  }


  @Override
  public Future<?> start() {
    return ports.bus().subscribe(Topics.EXPERIMENT_UPLOADED, Topics.METRICS_GROUP, this::handle)
        .compose(v -> ports.bus().subscribe(Topics.EXPERIMENT_UPLOADED + ".dlq",
            Topics.METRICS_GROUP,
            this::giveUp))
        .compose(v -> recoverOnStart ? recover() : Future.succeededFuture());
  }

  /** Re-enqueues experiments left uploaded/computing by a previous process (embedded mode). */
  private Future<Void> recover() {
    return ports.experiments().listUnfinished().compose(list -> {
      List<Future<Void>> sent = new ArrayList<>();
      for (ExperimentRecord e : list) {
        LOG.info("resuming metrics of experiment {} ({})", e.name(), e.status());
        sent.add(ports.bus().publish(Topics.EXPERIMENT_UPLOADED, e.id(),
            new Events.ExperimentUploaded(e.teamId(), e.datasetId(), e.id(), e.settings())
                .toJson()));
      }
      return Future.all(sent).mapEmpty();
    });
  }

  Future<Void> handle(JsonObject payload) {
    Events.ExperimentUploaded event = Events.ExperimentUploaded.fromJson(payload);
    LOG.debug("experiment.uploaded {}", event.experimentId());
    return ports.experiments().startComputing(event.experimentId()).compose(started -> {
      if (!started) {
        LOG.info("experiment {} already has its metrics; event ignored", event.experimentId());
        return Future.succeededFuture(); // already ready or deleted: a redelivery
      }
      LOG.info("metrics of experiment {} started", event.experimentId());
      long t0 = System.nanoTime();
      Future<Void> delayed = testOnlyDelayMs == 0 ? Future.succeededFuture()
          : vertx.timer(testOnlyDelayMs, java.util.concurrent.TimeUnit.MILLISECONDS).mapEmpty();
      return delayed.compose(v -> compute(event))
          .onComplete(ar -> jobs.record("metrics", t0, ar.succeeded()));
    });
  }

  /**
   * Team and dataset come from the experiment's row (the truth for tenancy), the settings from the
   * event (the row's for events published before events carried them).
   */
  private Future<Void> compute(Events.ExperimentUploaded event) {
    long t0 = System.nanoTime();
    return ports.experiments().findById(event.experimentId()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      ExperimentRecord e = found.get();
      ExperimentSettings settings = event.settings() != null ? event.settings() : e.settings();
      return ports.datasets().findById(e.datasetId()).compose(ds -> {
        if (ds.isEmpty() || !ds.get().teamId().equals(e.teamId())) {
          return ports.experiments().markFailed(e.id(), "dataset no longer exists");
        }
        int version = ds.get().version();
        String prefix = BlobKeys.experiment(e.teamId(), e.id());
        Future<Dataset> stored = ports.cache().get(e.teamId(), e.datasetId(), version);
        Future<byte[]> candidates = ports.blobs().get(prefix + StoredDataset.CANDIDATES);
        // A derived (re-ranked) experiment reads its parent's embeddings and its user group.
        Future<byte[]> embeddings = !settings.hasItemEmbeddings() ? Future.succeededFuture(null)
            : ports.blobs().get(BlobKeys.experiment(e.teamId(), settings.embeddingOwner(e.id()))
                + StoredDataset.ITEM_EMBEDDINGS);
        Future<byte[]> group = settings.isDerived() && settings.rerank().isGroup()
            ? ports.blobs().get(prefix + StoredDataset.GROUP_USERS) : Future.succeededFuture(null);
        return Future.all(stored, candidates, embeddings, group)
            .compose(v -> vertx.executeBlocking(() -> MetricsJob.run(stored.result(),
                StoredDataset.decodeCandidates(candidates.result(), stored.result().nUsers()),
                settings.ks(), embeddings.result() == null ? null
                    : ArrowCodec.fromBytes(embeddings.result()),
                group.result() == null ? null
                    : ArrowCodec.fromBytes(group.result()).ints("u")), false)
                .recover(t -> Future.failedFuture(new DataProblem(t))))
            .compose(result -> Future.all(
                    ports.blobs().put(prefix + StoredDataset.PER_USER, result.perUserArrow()),
                    ports.blobs().put(prefix + StoredDataset.EXPOSURE, result.exposureArrow()))
                .compose(v -> ports.experiments().saveMetrics(e.id(), result.means(),
                    new MetricsMeta(
                    Definitions.DEFINITIONS_VERSION, settings.ks(), settings.nCandidates(),
                    version, result.similaritySources(), result.calibrationColumns(),
                    result.evaluatedUsers(), result.seconds(),
                    (System.nanoTime() - t0) / 1e9).toJson())))
            .compose(v -> ports.bus().publish(Topics.METRICS_COMPUTED, e.id(),
                new Events.MetricsComputed(e.teamId(), e.id(), ExperimentRepository.READY)
                    .toJson()))
            .recover(t -> {
              if (t instanceof DataProblem p) {
                LOG.warn("metrics of {} failed: {}", e.id(), p.getCause().toString());
                return ports.experiments().markFailed(e.id(), "metrics computation failed: "
                    + p.getCause().getMessage());
              }
              return Future.failedFuture(t);
            })
            .onSuccess(v -> LOG.info("metrics of experiment {} computed in {} s", e.name(),
                String.format("%.2f", (System.nanoTime() - t0) / 1e9)));
      });
    });
  }

  private Future<Void> giveUp(JsonObject envelope) {
    JsonObject payload = envelope.getJsonObject("payload", envelope);
    String id = payload.getString("experiment_id");
    if (id == null) {
      return Future.succeededFuture();
    }
    return ports.experiments().markFailed(id,
        "metrics computation gave up after repeated failures: "
        + envelope.getString("error"));
  }

  /** A failure caused by the experiment's data, not by infrastructure: not worth retrying. */
  static final class DataProblem extends RuntimeException {
    DataProblem(Throwable cause) {
      super(cause);
    }
  }
}
