package org.web4rec.platform.http;

import io.vertx.core.Future;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;

/**
 * The caller's dataset or experiment by name, or 404: the one place that scopes a lookup to the
 * caller's team, so another team's data answers exactly like data that does not exist.
 */
public final class Lookups {

  private final DatasetRepository datasets;
  private final ExperimentRepository experiments;

  public Lookups(DatasetRepository datasets, ExperimentRepository experiments) {
    this.datasets = datasets;
    this.experiments = experiments;
  }

  /** The caller's team's dataset {@code name}; 404 when the team has none of that name. */
  public Future<DatasetRecord> dataset(Caller caller, String name) {
    return datasets.findByName(caller.teamId(), name).compose(d -> d.isPresent()
        ? Future.succeededFuture(d.get())
        : Future.failedFuture(ApiException.notFound("dataset '" + name + "' does not exist")));
  }

  /** Experiment {@code name} of a dataset found by {@link #dataset}; 404 when absent. */
  public Future<ExperimentRecord> experiment(DatasetRecord ds, String name) {
    return experiments.find(ds.teamId(), ds.id(), name).compose(e -> e.isPresent()
        ? Future.succeededFuture(e.get())
        : Future.failedFuture(ApiException.notFound("experiment '" + name
            + "' does not exist in dataset '" + ds.name() + "'")));
  }

  /**
   * As {@link #experiment}, and ready: 409 while it is not, saying when {@code what} will exist
   * (e.g. "its metrics exist").
   */
  public Future<ExperimentRecord> ready(DatasetRecord ds, String name, String what) {
    return experiment(ds, name).compose(e -> ExperimentRepository.READY.equals(e.status())
        ? Future.succeededFuture(e)
        : Future.failedFuture(ApiException.conflict("experiment '" + name + "' is "
            + e.status() + "; " + what + " once it is ready")));
  }
}
