package org.web4rec.metrics;

import io.vertx.core.Deployable;
import java.util.ArrayList;
import java.util.List;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.service.ServiceModule;

/**
 * The metrics service: the worker that computes every upload's metrics, and the reads of
 * results (experiment list and table, per-user values, breakdowns, comparisons).
 */
public final class MetricsModule implements ServiceModule {

  /** How often the experiments-per-status gauge re-reads the metadata store. */
  static final long BACKLOG_REFRESH_MS = 5_000;

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>(ResultsRoutes.ENDPOINTS);
    all.addAll(AnalysisRoutes.ENDPOINTS);
    return List.copyOf(all);
  }

  @Override
  public List<ServiceRoutes> routes(Ports p) {
    return List.of(new ResultsRoutes(p.blobs(), p.datasets(), p.experiments()),
        new AnalysisRoutes(p.blobs(), p.datasets(), p.experiments(), p.cache()));
  }

  @Override
  public List<Deployable> workers(Ports p) {
    return List.of(new MetricsWorker(p), new BacklogGaugeVerticle(p.observability().registry(), p.experiments(),
            BACKLOG_REFRESH_MS));
  }
}
