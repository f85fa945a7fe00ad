package org.web4rec.analysis;

import java.util.List;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.service.ServiceModule;

/**
 * The analysis service: 2-D maps (asynchronous projection jobs in this process) and the
 * synchronous side-information panels, audiences and drill-downs.
 */
public final class AnalysisModule implements ServiceModule {

  @Override
  public String name() {
    return "analysis";
  }

  @Override
  public List<Endpoint> endpoints() {
    return ExploreRoutes.ENDPOINTS;
  }

  @Override
  public List<ServiceRoutes> routes(Ports p) {
    return List.of(new ExploreRoutes(p.vertx(), p.blobs(), p.datasets(), p.experiments(),
        p.cache()));
  }
}
