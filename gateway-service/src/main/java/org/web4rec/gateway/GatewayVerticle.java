package org.web4rec.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.ErrorHandler;
import org.web4rec.platform.http.Health;
import org.web4rec.platform.http.RequestBodies;
import org.web4rec.platform.http.RequestId;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.observe.Observability;
import org.web4rec.platform.sql.AccountRepository;

/**
 * The gateway's HTTP server. Route table: health, Prometheus metrics, OpenAPI, the public auth
 * routes, then every other {@code /api/v1} route behind authentication, then the web UI's static
 * files. Every answer carries a request id and the hardening headers ({@link SecurityHeaders});
 * no body is read before authentication except the sign-in routes' small JSON
 * ({@link RequestBodies}).
 */
public final class GatewayVerticle extends VerticleBase {

  /** A forwarded request may sit idle this long (a metrics read of a large experiment). */
  static final int PROXY_IDLE_TIMEOUT_S = 600;

  private final ServerConfig config;
  private final Health health;
  private final Observability observability;
  private final AccountRepository accounts;
  private final AccountSettings accountSettings;
  private final List<ServiceRoutes> services;
  private final ServiceProxy proxy;
  private HttpServer server;

  /**
   * @param health the process's readiness checks, served at /health/live and /health/ready
   * @param observability its meter registry, served at /metrics
   * @param services the services' own routes, mounted here (all-in-one mode)
   */
  public GatewayVerticle(ServerConfig config, Health health, Observability observability,
      AccountRepository accounts, AccountSettings accountSettings, List<ServiceRoutes> services) {
    this(config, health, observability, accounts, accountSettings, services, null);
  }

  /**
   * Distributed mode: the services' API routes are forwarded by {@code proxy} (when
   * not null) to their services over HTTP, and {@code services} is usually empty.
   */
  public GatewayVerticle(ServerConfig config, Health health, Observability observability,
      AccountRepository accounts, AccountSettings accountSettings, List<ServiceRoutes> services,
      ServiceProxy proxy) {
    this.proxy = proxy;
    this.config = config;
    this.health = health;
    this.observability = observability;
    this.accounts = accounts;
    this.accountSettings = accountSettings;
    this.services = services;
  }

  @Override
  public Future<?> start() {
    Accounts auth = new Accounts(vertx, accounts, accountSettings);
    ErrorHandler errors = new ErrorHandler();
    RequestBodies bodies = new RequestBodies(config);
    Buffer openapi = resource("openapi.json");

    // The pipeline (root): request id, hardening headers, body paused and request timeout
    // started (hold); then, under /api/v1, authentication, and only then a body is read, up to
    // the route's limit. Routes outside the API (UI, health, metrics) read no body at all.
    Router api = Router.router(vertx);
    if (proxy != null) {
      proxy.mount(api, vertx.createHttpClient(new HttpClientOptions()
          .setIdleTimeout(PROXY_IDLE_TIMEOUT_S)), auth::authenticate);
    }
    api.get("/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json").end(openapi));
    // Sign-up and sign-in are how a caller becomes known: their JSON body is read unauthenticated
    // (still only up to the JSON limit).
    api.route("/auth/*").handler(RequestBodies::json).handler(RequestBodies::parseLargeJson);
    auth.mountPublic(api);
    api.route().handler(auth::authenticate);
    api.route().handler(RequestBodies::json).handler(RequestBodies::parseLargeJson);
    auth.mountPrivate(api);
    for (ServiceRoutes s : services) {
      s.mount(api);
    }
    api.route().handler(ctx -> ctx.fail(ApiException.notFound("no API route "
        + ctx.request().method() + " " + ctx.request().path() + "; see /api/v1/openapi.json")));
    api.route().failureHandler(errors);

    Router root = Router.router(vertx);
    root.route().handler(RequestId::assign)
        .handler(new SecurityHeaders(config.http().trustForwardedProto())::handle)
        .handler(bodies::hold);
    health.mount(root);
    observability.mount(root);
    root.route("/api/v1/*").subRouter(api);
    mountUi(root);
    root.route().failureHandler(errors);

    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
            .setIdleTimeout(config.http().idleTimeoutS()))
        .requestHandler(root)
        .listen(config.port(), "0.0.0.0")
        .onSuccess(s -> server = s);
  }

  /**
   * The web UI: the built single-page app from {@code --ui-dir} when given (client-side routes
   * fall back to its index.html), else the built-in page that points to the API.
   */
  private void mountUi(Router root) {
    java.nio.file.Path dir = config.uiDir();
    if (dir == null || !java.nio.file.Files.isRegularFile(dir.resolve("index.html"))) {
      root.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false)
          .setIndexPage("index.html"));
      return;
    }
    String index = dir.resolve("index.html").toAbsolutePath().toString();
    root.route("/assets/*").handler(StaticHandler.create(FileSystemAccess.ROOT,
        dir.toAbsolutePath().toString()).setMaxAgeSeconds(31_536_000));
    root.route("/*").handler(StaticHandler.create(FileSystemAccess.ROOT,
        dir.toAbsolutePath().toString()).setCachingEnabled(false).setIndexPage("index.html"));
    root.get("/*").handler(ctx -> {
      String path = ctx.normalizedPath();
      if (path.startsWith("/api/") || path.startsWith("/health/") || path.startsWith("/assets/")
          || path.equals("/metrics")) {
        ctx.next();
      } else {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").sendFile(index);
      }
    });
  }

  /** The port actually bound (useful when the config asked for port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private static Buffer resource(String name) {
    try (InputStream in = GatewayVerticle.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
