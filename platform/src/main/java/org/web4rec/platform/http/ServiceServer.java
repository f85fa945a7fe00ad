package org.web4rec.platform.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.platform.observe.Observability;

/**
 * The HTTP server of one service in distributed mode: health and metrics at the root, and the
 * service's {@link ServiceRoutes} under {@code /api/v1} behind {@link InternalAuth}, so only
 * requests the gateway signed reach a handler. Same body limits, timeouts and upload directory as
 * the gateway ({@link RequestBodies}), so a body the gateway could not check up front (no
 * Content-Length) is still cut off at the route's limit.
 */
public final class ServiceServer extends VerticleBase {

  private final String name;
  private final ServerConfig config;
  private final Health health;
  private final Observability observability;
  private final InternalAuth auth;
  private final List<ServiceRoutes> routes;
  private HttpServer server;

  public ServiceServer(String name, ServerConfig config, Health health,
      Observability observability, InternalAuth auth, List<ServiceRoutes> routes) {
    this.name = name;
    this.config = config;
    this.health = health;
    this.observability = observability;
    this.auth = auth;
    this.routes = routes;
  }

  @Override
  public Future<?> start() {
    ErrorHandler errors = new ErrorHandler();
    RequestBodies bodies = new RequestBodies(config);
    Router api = Router.router(vertx);
    api.route().handler(auth.handler());
    api.route().handler(RequestBodies::json).handler(RequestBodies::parseLargeJson);
    for (ServiceRoutes r : routes) {
      r.mount(api);
    }
    api.route().handler(ctx -> ctx.fail(ApiException.notFound("the " + name
        + " service has no route " + ctx.request().method() + " " + ctx.request().path())));
    api.route().failureHandler(errors);

    Router root = Router.router(vertx);
    root.route().handler(RequestId::assign).handler(bodies::hold);
    health.mount(root);
    observability.mount(root);
    root.route("/api/v1/*").subRouter(api);
    root.route().failureHandler(errors);
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
            .setIdleTimeout(config.http().idleTimeoutS()))
        .requestHandler(root)
        .listen(config.port(), "0.0.0.0")
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
