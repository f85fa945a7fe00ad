package org.web4rec.platform.service;

import io.vertx.core.Deployable;
import java.util.List;
import org.web4rec.platform.http.ServiceRoutes;

/**
 * One service as the launcher sees it: its name, the API endpoints it owns, its route handlers and
 * its event workers, all built from {@link Ports}. The launcher loops over the modules in both run
 * modes (every module in one process, or one module per process behind the gateway), and the
 * gateway's routing table is the union of the modules' {@link #endpoints}.
 */
public interface ServiceModule {

  /** The service name: its config file's {@code service}, its URL key on the gateway. */
  String name();

  /** The endpoints this service owns; its routes mount exactly these. */
  List<Endpoint> endpoints();

  /** The route handlers, mounted under {@code /api/v1}. */
  List<ServiceRoutes> routes(Ports ports);

  /** The event workers to deploy when {@link JobSettings#workersEnabled}; none by default. */
  default List<Deployable> workers(Ports ports) {
    return List.of();
  }
}
