package org.web4rec.ingest;

import io.vertx.core.Deployable;
import java.util.List;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.service.ServiceModule;

/**
 * The ingest service: dataset registration, reads and deletion, experiment uploads and deletion;
 * its one worker sweeps orphaned blobs.
 */
public final class IngestModule implements ServiceModule {

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<Endpoint> endpoints() {
    return IngestRoutes.ENDPOINTS;
  }

  /** The orphan-blob sweeper (settings from the environment: {@link OrphanSweeper.Settings}). */
  @Override
  public List<Deployable> workers(Ports p) {
    return List.of(new OrphanSweeper(p.blobs(), p.datasets(), p.experiments(),
        OrphanSweeper.Settings.fromEnvironment(System.getenv()), System::currentTimeMillis));
  }

  @Override
  public List<ServiceRoutes> routes(Ports p) {
    IngestService ingest = new IngestService(p.vertx(), p.server(), p.blobs(), p.datasets(),
        p.experiments(), p.bus(), p.cache());
    return List.of(new IngestRoutes(ingest, p.datasets(), p.cache(),
        new Deletions(p.blobs(), p.datasets(), p.experiments(), p.cache())));
  }
}
