package org.web4rec.rerank;

import io.vertx.core.Deployable;
import java.util.List;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.service.ServiceModule;

/** The re-rank service: re-rank and sweep requests, their worker, reports and user diffs. */
public final class RerankModule implements ServiceModule {

  @Override
  public String name() {
    return "rerank";
  }

  @Override
  public List<Endpoint> endpoints() {
    return RerankRoutes.ENDPOINTS;
  }

  @Override
  public List<ServiceRoutes> routes(Ports p) {
    RerankService service = new RerankService(p.vertx(), p.blobs(), p.experiments(), p.bus(),
        p.cache());
    return List.of(new RerankRoutes(service, p.blobs(), p.datasets(), p.experiments(),
        p.cache()));
  }

  @Override
  public List<Deployable> workers(Ports p) {
    return List.of(new RerankWorker(p));
  }
}
