package org.web4rec.rerank;

import org.web4rec.core.data.Dataset;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.metrics.BeyondAccuracyMetrics;
import org.web4rec.core.rerank.Objective;
import org.web4rec.core.rerank.RerankInput;
import org.web4rec.core.rerank.RerankResult;
import org.web4rec.core.rerank.Reranker;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.contracts.Events;
import org.web4rec.platform.contracts.RerankLineage;
import org.web4rec.platform.contracts.Topics;
import org.web4rec.platform.data.CoocTables;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.observe.JobMeter;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Consumes {@code rerank.requested}: re-ranks the parent's candidates at every requested λ (the
 * λ-independent work shared), writes each derived experiment's lists, then hands them to the
 * metrics service with {@code experiment.uploaded}, and emits {@code rerank.completed}. Derived
 * experiments already past {@code uploaded} are skipped, so a redelivered event is harmless.
 */
public final class RerankWorker extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RerankWorker.class);
  /** Per-item original positions of a derived experiment's lists (for the user diff). */
  static final String POSITIONS = "rerank_positions.arrow";

  private final Ports ports;
  private final boolean recoverOnStart;
  private final JobMeter jobs;

  /** A worker over the process's ports; {@code web4rec_job_seconds{kind="rerank"}} times jobs. */
  public RerankWorker(Ports ports) {
    this.ports = ports;
    this.recoverOnStart = ports.jobs().recoverOnStart();
    this.jobs = ports.observability().jobs();
  }


  @Override
  public Future<?> start() {
    return ports.bus().subscribe(Topics.RERANK_REQUESTED, Topics.RERANK_GROUP, this::handle)
        .compose(v -> recoverOnStart ? recover() : Future.succeededFuture());
  }

  /** Re-emits re-ranks whose derived experiments have no lists yet (embedded restarts). */
  private Future<Void> recover() {
    return ports.experiments().listUnfinished().compose(list -> {
      java.util.Map<String, List<ExperimentRecord>> byParent = new java.util.LinkedHashMap<>();
      for (ExperimentRecord e : list) {
        RerankLineage r = e.settings().rerank();
        if (r != null && ExperimentRepository.UPLOADED.equals(e.status())) {
          byParent.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(e);
        }
      }
      List<Future<Void>> sent = new ArrayList<>();
      byParent.forEach((parentId, derived) -> {
        ExperimentRecord first = derived.get(0);
        sent.add(ports.blobs().exists(BlobKeys.experiment(first.teamId(), first.id())
            + StoredDataset.CANDIDATES).compose(has -> has ? Future.succeededFuture()
            : ports.bus().publish(Topics.RERANK_REQUESTED, parentId, new Events.RerankRequested(
                first.teamId(), first.datasetId(), parentId,
                derived.stream().map(ExperimentRecord::id).toList()).toJson())));
      });
      return Future.all(sent).mapEmpty();
    });
  }

  Future<Void> handle(JsonObject payload) {
    Events.RerankRequested event = Events.RerankRequested.fromJson(payload);
    List<Future<java.util.Optional<ExperimentRecord>>> rows = new ArrayList<>();
    for (String id : event.experimentIds()) {
      rows.add(ports.experiments().findById(id));
    }
    return Future.all(rows).compose(v -> {
      List<ExperimentRecord> todo = new ArrayList<>();
      for (Future<java.util.Optional<ExperimentRecord>> f : rows) {
        f.result().filter(e -> ExperimentRepository.UPLOADED.equals(e.status())
                && e.settings().isDerived())
            .ifPresent(todo::add);
      }
      if (todo.isEmpty()) {
        return Future.succeededFuture();
      }
      // The rows, not the event, say whose re-rank this is: every one must share the first's
      // team, dataset and parent.
      ExperimentRecord first = todo.get(0);
      todo.removeIf(e -> !e.teamId().equals(first.teamId())
          || !e.datasetId().equals(first.datasetId())
          || !e.settings().rerank().parentId().equals(first.settings().rerank().parentId()));
      long t0 = System.nanoTime();
      return run(todo).onComplete(ar -> jobs.record("rerank", t0, ar.succeeded()));
    });
  }

  private Future<Void> run(List<ExperimentRecord> todo) {
    long t0 = System.nanoTime();
    ExperimentRecord first = todo.get(0);
    RerankLineage lineage = first.settings().rerank();
    String teamId = first.teamId();
    String parentPrefix = BlobKeys.experiment(teamId, lineage.parentId());
    return ports.experiments().findById(lineage.parentId()).compose(parent -> ports.datasets()
        .findById(
        first.datasetId()).compose(ds -> {
          if (parent.isEmpty() || ds.isEmpty() || !parent.get().teamId().equals(teamId)
              || !ds.get().teamId().equals(teamId)) {
            return markFailed(todo, "the parent experiment or its dataset no longer exists");
          }
          Future<Dataset> stored = ports.cache().get(teamId, first.datasetId(), ds.get().version());
          Future<byte[]> candidates = ports.blobs().get(parentPrefix + StoredDataset.CANDIDATES);
          Future<byte[]> embeddings = !parent.get().settings().hasItemEmbeddings()
              ? Future.succeededFuture(null)
              : ports.blobs().get(parentPrefix + StoredDataset.ITEM_EMBEDDINGS);
          Future<byte[]> group = !lineage.isGroup() ? Future.succeededFuture(null)
              : ports.blobs().get(BlobKeys.experiment(first.teamId(), first.id())
                  + StoredDataset.GROUP_USERS);
          return Future.all(stored, candidates, embeddings, group).compose(x ->
              vertx.executeBlocking(() -> rerank(stored.result(), candidates.result(),
                  embeddings.result(), group.result(), lineage, todo), false)
                  .recover(t -> Future.failedFuture(new DataProblem(t))))
              .compose(results -> {
                List<Future<Void>> writes = new ArrayList<>();
                for (int k = 0; k < todo.size(); k++) {
                  ExperimentRecord e = todo.get(k);
                  String prefix = BlobKeys.experiment(e.teamId(), e.id());
                  RerankResult r = results.get(k);
                  writes.add(ports.blobs().put(prefix + POSITIONS, positions(r)));
                  writes.add(ports.blobs().put(prefix + StoredDataset.CANDIDATES,
                      StoredDataset.encodeCandidates(r.lists())));
                }
                return Future.all(writes);
              })
              .compose(x -> {
                List<Future<Void>> sent = new ArrayList<>();
                for (ExperimentRecord e : todo) {
                  sent.add(ports.bus().publish(Topics.EXPERIMENT_UPLOADED, e.id(),
                      new Events.ExperimentUploaded(e.teamId(), e.datasetId(), e.id(),
                          e.settings()).toJson()));
                }
                return Future.all(sent);
              })
              .compose(x -> ports.bus().publish(Topics.RERANK_COMPLETED, lineage.parentId(),
                  new Events.RerankRequested(teamId, first.datasetId(), lineage.parentId(),
                      todo.stream().map(ExperimentRecord::id).toList()).toJson()))
              .onSuccess(x -> LOG.info("re-ranked {} at {} λ value(s) in {} s",
                  lineage.parent(), todo.size(),
                  String.format("%.2f", (System.nanoTime() - t0) / 1e9)))
              .recover(t -> t instanceof DataProblem p
                  ? markFailed(todo, "re-rank failed: " + p.getCause().getMessage())
                  : Future.failedFuture(t));
        }));
  }

  private static List<RerankResult> rerank(Dataset ds, byte[] candidateBytes,
      byte[] embeddingBytes, byte[] groupBytes, RerankLineage lineage,
      List<ExperimentRecord> todo) {
    CandidateLists parentLists = StoredDataset.decodeCandidates(candidateBytes, ds.nUsers());
    float[][] vectors = embeddingBytes == null ? null
        : Dataset.itemVectors(ArrowCodec.fromBytes(embeddingBytes), ds.nItems());
    RerankInput in = RerankInput.of(parentLists, ds.train(), ds.nItems(),
        ds.multiValuedColumns(), vectors).cut(lineage.nCandidates());
    int[] users = groupBytes == null ? null
        : ArrowCodec.fromBytes(groupBytes).ints("u");
    String sim = lineage.sim();
    Objective objective = Objective.parse(lineage.objective() + (sim == null ? "" : ":" + sim));
    double[] lambdas = todo.stream().mapToDouble(e -> e.settings().rerank().lambda()).toArray();
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    return Reranker.sweep(in, objective, lambdas, lineage.k(), users, threads,
        CoocTables.forRerank(ds, in, objective, users, threads));
  }

  private static byte[] positions(RerankResult r) {
    CandidateLists lists = r.lists();
    int[] u = new int[lists.total()];
    for (int user = 0; user < lists.users(); user++) {
      for (int k = lists.start(user); k < lists.end(user); k++) {
        u[k] = user;
      }
    }
    return ArrowCodec.toBytes(Table.of(new Column.Ints("u", u),
        new Column.Ints("i", lists.items()), new Column.Ints("parent_pos", r.parentPositions())));
  }

  private Future<Void> markFailed(List<ExperimentRecord> todo, String reason) {
    LOG.warn("{}", reason);
    List<Future<Void>> all = new ArrayList<>();
    for (ExperimentRecord e : todo) {
      all.add(ports.experiments().markFailed(e.id(), reason));
    }
    return Future.all(all).mapEmpty();
  }

  /** A failure caused by the request's data, not by infrastructure: not worth retrying. */
  static final class DataProblem extends RuntimeException {
    DataProblem(Throwable cause) {
      super(cause);
    }
  }
}
