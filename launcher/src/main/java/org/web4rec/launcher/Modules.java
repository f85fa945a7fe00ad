package org.web4rec.launcher;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.analysis.AnalysisModule;
import org.web4rec.ingest.IngestModule;
import org.web4rec.metrics.MetricsModule;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.service.ServiceModule;
import org.web4rec.rerank.RerankModule;

/**
 * The one assembly of services, used by both run modes: every module in one process
 * ({@link Web4RecServer}) or one module per process ({@link ServiceMain}). A new service is a new
 * entry in {@link #ALL}; the gateway's route table follows from it.
 */
final class Modules {

  /** Every service module behind the gateway, in start order. */
  static final List<ServiceModule> ALL = List.of(new IngestModule(), new MetricsModule(),
      new RerankModule(), new AnalysisModule());

  private Modules() {}

  /** The module of that name, if this build has it. */
  static ServiceModule named(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no service module named '" + name + "'"));
  }

  /** Service name to the endpoints it owns: what the gateway forwards where. */
  static Map<String, List<Endpoint>> routeTable() {
    Map<String, List<Endpoint>> table = new LinkedHashMap<>();
    for (ServiceModule m : ALL) {
      table.put(m.name(), m.endpoints());
    }
    return table;
  }

  /**
   * Deploys the workers of {@code modules} (when the ports' job settings enable them), one after
   * the other, and completes with their routes, to be mounted by the caller's HTTP server.
   */
  static Future<List<ServiceRoutes>> deploy(Vertx vertx, Ports ports,
      List<ServiceModule> modules) {
    List<ServiceRoutes> routes = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (ServiceModule m : modules) {
      routes.addAll(m.routes(ports));
      if (!ports.jobs().workersEnabled()) {
        continue;
      }
      for (Deployable worker : m.workers(ports)) {
        chain = chain.compose(v -> vertx.deployVerticle(worker).mapEmpty());
      }
    }
    return chain.map(v -> List.copyOf(routes));
  }
}
