package org.web4rec.platform.http;

import io.vertx.ext.web.Router;

/**
 * A service's HTTP API as a table of routes, mounted under {@code /api/v1} by the gateway (in one
 * JVM) or served by the service's own HTTP server (distributed mode). Handlers run after
 * authentication: {@link Caller#of} gives the team.
 */
public interface ServiceRoutes {
  void mount(Router api);
}
