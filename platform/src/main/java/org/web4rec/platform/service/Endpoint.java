package org.web4rec.platform.service;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One route of the API: a method and a Vert.x path pattern relative to {@code /api/v1}. A service
 * declares its endpoints once ({@link ServiceModule#endpoints}) and mounts its handlers on exactly
 * those constants, so the gateway's routing, the OpenAPI check and the mounted routes cannot
 * disagree.
 */
public record Endpoint(HttpMethod method, String path) {

  public static Endpoint get(String path) {
    return new Endpoint(HttpMethod.GET, path);
  }

  public static Endpoint post(String path) {
    return new Endpoint(HttpMethod.POST, path);
  }

  public static Endpoint delete(String path) {
    return new Endpoint(HttpMethod.DELETE, path);
  }

  /** Mounts {@code handler} on this endpoint. */
  public void mount(Router api, Handler<RoutingContext> handler) {
    api.route(method, path).handler(handler);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
