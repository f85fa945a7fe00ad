package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web4rec.gateway.RouteOwners;
import org.web4rec.analysis.ExploreRoutes;
import org.web4rec.ingest.IngestRoutes;
import org.web4rec.metrics.AnalysisRoutes;
import org.web4rec.metrics.ResultsRoutes;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.rerank.RerankRoutes;

/**
 * The gateway's route table against the routes the services really mount: every route of every
 * {@link ServiceRoutes} has exactly one owner, that owner is the service that mounts it, and the
 * table has no entry that no service mounts. (Mounting only registers handlers, so the routes'
 * collaborators are not needed here.)
 */
class RouteOwnershipTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  /** Every service's ServiceRoutes, as the launcher wires them in both modes. */
  static Map<String, List<ServiceRoutes>> services() {
    Map<String, List<ServiceRoutes>> s = new LinkedHashMap<>();
    s.put("ingest", List.of(new IngestRoutes(null, null, null)));
    s.put("metrics", List.of(new ResultsRoutes(null, null, null),
        new AnalysisRoutes(null, null, null, null)));
    s.put("rerank", List.of(new RerankRoutes(null, null, null, null, null)));
    s.put("analysis", List.of(new ExploreRoutes(vertx, null, null, null, null)));
    return s;
  }

  @Test
  void everyServiceRouteHasExactlyOneOwnerAndNoEntryIsStale() {
    Set<RouteOwners.Route> used = new HashSet<>();
    List<String> problems = new ArrayList<>();
    int mounted = 0;
    for (Map.Entry<String, List<ServiceRoutes>> service : services().entrySet()) {
      for (ServiceRoutes routes : service.getValue()) {
        Router router = Router.router(vertx);
        routes.mount(router);
        for (Route r : router.getRoutes()) {
          assertTrue(r.methods() != null && !r.methods().isEmpty(), routes.getClass()
              + " mounts " + r.getPath() + " for every method: give it one");
          for (HttpMethod m : r.methods()) {
            mounted++;
            List<RouteOwners.Route> owners = RouteOwners.TABLE.stream()
                .filter(o -> o.method().equals(m) && o.path().equals(r.getPath())).toList();
            if (owners.size() != 1) {
              problems.add(m + " " + r.getPath() + " (" + routes.getClass().getSimpleName()
                  + ") has " + owners.size() + " owners in RouteOwners");
            } else if (!owners.get(0).service().equals(service.getKey())) {
              problems.add(m + " " + r.getPath() + " is mounted by " + service.getKey()
                  + " but RouteOwners sends it to " + owners.get(0).service());
            } else {
              used.add(owners.get(0));
            }
          }
        }
      }
    }
    for (RouteOwners.Route o : RouteOwners.TABLE) {
      if (!used.contains(o)) {
        problems.add("stale RouteOwners entry " + o + ": no service mounts it");
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(RouteOwners.TABLE.size(), mounted);
  }
}
