package org.web4rec.ingest;

import java.util.List;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.service.ServiceModule;

/** The ingest service: dataset registration and reads, experiment uploads. No workers. */
public final class IngestModule implements ServiceModule {

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<Endpoint> endpoints() {
    return IngestRoutes.ENDPOINTS;
  }

  @Override
  public List<ServiceRoutes> routes(Ports p) {
    IngestService ingest = new IngestService(p.vertx(), p.server(), p.blobs(), p.datasets(),
        p.experiments(), p.bus(), p.cache());
    return List.of(new IngestRoutes(ingest, p.datasets(), p.cache()));
  }
}
