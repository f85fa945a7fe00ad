package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.JobSettings;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.service.ServiceModule;

/**
 * The gateway's route table is the modules' declared endpoints: every module mounts exactly the
 * endpoints it declares (no more, no fewer), and no endpoint has two owners, so a route cannot
 * answer in one run mode and 404 in the other. (Mounting only registers handlers, so the routes'
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

  static Set<Endpoint> mounted(ServiceModule module) {
    Ports bare = new Ports(vertx, null, null, null, null, null, null, null, null,
        JobSettings.embedded());
    Set<Endpoint> out = new HashSet<>();
    for (ServiceRoutes routes : module.routes(bare)) {
      Router router = Router.router(vertx);
      routes.mount(router);
      for (Route r : router.getRoutes()) {
        assertTrue(r.methods() != null && !r.methods().isEmpty(), routes.getClass()
            + " mounts " + r.getPath() + " for every method: give it one");
        for (HttpMethod m : r.methods()) {
          assertTrue(out.add(new Endpoint(m, r.getPath())), module.name() + " mounts " + m
              + " " + r.getPath() + " twice");
        }
      }
    }
    return out;
  }

  @Test
  void everyModuleMountsExactlyWhatItDeclares() {
    List<String> problems = new ArrayList<>();
    for (ServiceModule m : Modules.ALL) {
      Set<Endpoint> declared = new HashSet<>(m.endpoints());
      assertEquals(m.endpoints().size(), declared.size(), m.name() + " declares a duplicate");
      Set<Endpoint> mounted = mounted(m);
      for (Endpoint e : mounted) {
        if (!declared.contains(e)) {
          problems.add(m.name() + " mounts " + e + " but does not declare it");
        }
      }
      for (Endpoint e : declared) {
        if (!mounted.contains(e)) {
          problems.add(m.name() + " declares " + e + " but does not mount it");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noEndpointHasTwoOwners() {
    Map<Endpoint, String> owner = new HashMap<>();
    Modules.routeTable().forEach((service, endpoints) -> {
      for (Endpoint e : endpoints) {
        String before = owner.put(e, service);
        assertEquals(null, before, e + " is owned by " + before + " and " + service);
      }
    });
    assertTrue(owner.size() >= 23, "route table: " + owner.keySet());
  }
}
