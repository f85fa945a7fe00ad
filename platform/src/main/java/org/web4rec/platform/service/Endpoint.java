package org.web4rec.platform.service;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.web4rec.platform.http.RequestBodies;

/**
 * One route of the API: a method and a Vert.x path pattern relative to {@code /api/v1}. A service
 * declares its endpoints once ({@link ServiceModule#endpoints}) and mounts its handlers on exactly
 * those constants, so the gateway's routing, the OpenAPI check and the mounted routes cannot
 * disagree. An {@link #upload} endpoint is the only kind whose multipart body is read, up to the
 * upload limit; every other route reads at most the small JSON limit ({@link RequestBodies}).
 * Method and path identify an endpoint; whether it takes uploads is a property of it, not part of
 * its identity (equality ignores it).
 */
public record Endpoint(HttpMethod method, String path, boolean upload) {

  public Endpoint(HttpMethod method, String path) {
    this(method, path, false);
  }

  public static Endpoint get(String path) {
    return new Endpoint(HttpMethod.GET, path);
  }

  public static Endpoint post(String path) {
    return new Endpoint(HttpMethod.POST, path);
  }

  /** A POST that takes a multipart upload (files), under the upload limit and timeout. */
  public static Endpoint upload(String path) {
    return new Endpoint(HttpMethod.POST, path, true);
  }

  public static Endpoint delete(String path) {
    return new Endpoint(HttpMethod.DELETE, path);
  }

  /** Mounts {@code handler} on this endpoint, after the body step an upload needs. */
  public void mount(Router api, Handler<RoutingContext> handler) {
    if (upload) {
      api.route(method, path).handler(RequestBodies::upload).handler(handler);
    } else {
      api.route(method, path).handler(handler);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoint e && method.equals(e.method) && path.equals(e.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
