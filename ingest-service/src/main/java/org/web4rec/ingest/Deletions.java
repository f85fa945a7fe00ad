package org.web4rec.ingest;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.contracts.RerankLineage;
import org.web4rec.platform.data.DatasetCache;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Lookups;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;

/**
 * Deleting a dataset (with its experiments) or an experiment (with the re-ranks derived from it).
 *
 * <p>Order: rows first, in one transaction, then blobs. A crash or a blob-store failure in between
 * leaves blobs that no row references, which {@link OrphanSweeper} removes later; the other order
 * could leave rows pointing at missing blobs, which every read would trip over. A blob failure
 * after the rows are gone is therefore logged, not reported: the data is already unreachable.
 */
public final class Deletions {

  private static final Logger LOG = LoggerFactory.getLogger(Deletions.class);

  private final BlobStore blobs;
  private final DatasetRepository datasets;
  private final ExperimentRepository experiments;
  private final DatasetCache cache;
  private final Lookups lookups;

  public Deletions(BlobStore blobs, DatasetRepository datasets, ExperimentRepository experiments,
      DatasetCache cache) {
    this.blobs = blobs;
    this.datasets = datasets;
    this.experiments = experiments;
    this.cache = cache;
    this.lookups = new Lookups(datasets, experiments);
  }

  /** Deletes the caller's team's dataset {@code name}; 404 when the team has none. */
  public Future<Void> deleteDataset(Caller caller, String name) {
    return lookups.dataset(caller, name).compose(d -> experiments.list(d.teamId(), d.id())
        .compose(list -> datasets.deleteWithExperiments(d.teamId(), d.id()).compose(v -> {
          cache.evict(d.id());
          List<String> prefixes = new ArrayList<>();
          prefixes.add(BlobKeys.dataset(d.teamId(), d.id()));
          list.forEach(e -> prefixes.add(BlobKeys.experiment(e.teamId(), e.id())));
          return dropBlobs(prefixes);
        })));
  }

  /**
   * Deletes experiment {@code name} of the caller's dataset and every re-rank derived from it (a
   * derived experiment without its parent could not be re-run or explained); 404 when absent.
   */
  public Future<Void> deleteExperiment(Caller caller, String datasetName, String name) {
    return lookups.dataset(caller, datasetName).compose(d -> lookups.experiment(d, name)
        .compose(e -> experiments.list(d.teamId(), d.id()).compose(all -> {
          List<ExperimentRecord> doomed = new ArrayList<>(List.of(e));
          all.stream().filter(x -> derivedFrom(x, e)).forEach(doomed::add);
          return experiments.deleteAll(d.teamId(), doomed.stream().map(ExperimentRecord::id)
                  .toList())
              .compose(v -> dropBlobs(doomed.stream()
                  .map(x -> BlobKeys.experiment(x.teamId(), x.id())).toList()));
        })));
  }

  private static boolean derivedFrom(ExperimentRecord x, ExperimentRecord parent) {
    RerankLineage lineage = x.settings().rerank();
    return lineage != null && parent.id().equals(lineage.parentId());
  }

  private Future<Void> dropBlobs(List<String> prefixes) {
    List<Future<Void>> all = prefixes.stream().map(p -> blobs.deletePrefix(p)
        .onFailure(t -> LOG.warn("blobs under {} stay until the orphan sweep: {}", p,
            t.toString()))).toList();
    return Future.join(all).<Void>mapEmpty().otherwiseEmpty();
  }
}
