package org.web4rec.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.gateway.AccountSettings;
import org.web4rec.gateway.GatewayVerticle;
import org.web4rec.gateway.RateLimiter;
import org.web4rec.gateway.ServiceProxy;
import org.web4rec.platform.config.SecretRules;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.platform.config.ServiceConfig;
import org.web4rec.platform.http.Health;
import org.web4rec.platform.http.InternalAuth;
import org.web4rec.platform.http.ServiceServer;
import org.web4rec.platform.observe.Observability;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.service.JobSettings;
import org.web4rec.platform.service.Ports;
import org.web4rec.platform.sql.AccountRepository;
import org.web4rec.platform.sql.RateLimitRepository;

/**
 * Distributed mode: one service per process ({@code web4rec service NAME --config FILE}). Each
 * service module serves its own routes behind {@link InternalAuth} and runs its event workers
 * ({@link Modules}); the gateway keeps accounts, tokens and the UI and forwards every other API
 * route to the module that owns it ({@link Modules#routeTable}) over HTTP.
 * {@link #deploy} is split from {@link #start} so tests can run several services on shared
 * embedded stores in one JVM.
 */
public final class ServiceMain {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

  /** A running service process: its Vert.x, adapters and bound port. */
  public record Running(String service, int port, Vertx vertx, Adapters adapters) {
    public Future<Void> stop() {
      return adapters.close().transform(ar -> vertx.close());
    }
  }

  /** Starts the service the config names, with its own Vert.x and adapters. */
  public static Future<Running> start(ServiceConfig config) {
    String name;
    try {
      name = serviceName(config);
      Files.createDirectories(config.server().uploadDir());
    } catch (IllegalArgumentException | IOException e) {
      return Future.failedFuture(e);
    }
    Observability observability = Observability.create(name);
    Vertx vertx = observability.vertx(new VertxOptions().setWorkerPoolSize(4)
        .setMaxWorkerExecuteTime(10).setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));
    Adapters adapters;
    try {
      adapters = open(vertx, name, config);
    } catch (RuntimeException e) {
      vertx.close();
      return Future.failedFuture(e);
    }
    if (AdapterFactory.allEmbedded(config)) {
      LOG.warn("{} runs on the embedded adapters: its stores under {} cannot be shared with other"
          + " service processes; use `web4rec up` for one machine, or mysql/s3/kafka",
          name, config.get("data.dir"));
    }
    return AdapterFactory.migrate(adapters.db(), config)
        .compose(v -> deploy(vertx, config, observability, adapters))
        .map(port -> new Running(name, port, vertx, adapters))
        .recover(t -> {
          // Report at once; closing completes on its own (its callbacks cannot run on a Vert.x
          // that is shutting down).
          adapters.close().onComplete(ar -> vertx.close());
          return Future.failedFuture(t);
        });
  }

  /** The adapters a service needs: SQL for all, blobs and bus for all but the gateway. */
  static Adapters open(Vertx vertx, String name, ServiceConfig config) {
    if (name.equals("gateway")) {
      return new Adapters(AdapterFactory.sql(vertx, config), null, null);
    }
    return new Adapters(AdapterFactory.sql(vertx, config), AdapterFactory.blobs(vertx, config),
        AdapterFactory.bus(vertx, config));
  }

  /** Decoded datasets one service process keeps. */
  static final int CACHED_DATASETS = 2;

  /**
   * Deploys the service the config names on the given Vert.x and adapters (schema already
   * migrated): its module's workers when {@code workers.enabled}, then its HTTP server; completes
   * with the HTTP port bound.
   */
  public static Future<Integer> deploy(Vertx vertx, ServiceConfig config,
      Observability observability, Adapters a) {
    String name;
    ServerConfig server;
    InternalAuth auth;
    try {
      name = serviceName(config);
      SecretRules.refusePlaceholders(config);
      server = config.server();
      auth = new InternalAuth(config.require("internal.secret"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (name.equals("gateway")) {
      return gateway(vertx, config, server, observability, a, auth);
    }
    // The local bus loses events with the process, so its workers re-enqueue unfinished work at
    // start; with Kafka the events persist and a restarting replica must not redo others' work.
    JobSettings jobs = new JobSettings(config.flag("workers.enabled"),
        "local".equals(config.get("bus.adapter")),
        config.integer("test-only.metrics-job-delay-ms"));
    Ports ports = Ports.of(vertx, server, a.db(), a.blobs(), a.bus(), CACHED_DATASETS,
        observability, jobs);
    return Modules.deploy(vertx, ports, List.of(Modules.named(name))).compose(routes -> {
      ServiceServer http = new ServiceServer(name, server, Health.of(vertx, a.db().pool(),
          a.blobs(), a.bus()), observability, auth, routes);
      return vertx.deployVerticle(http).map(id -> http.actualPort());
    });
  }

  private static Future<Integer> gateway(Vertx vertx, ServiceConfig config, ServerConfig server,
      Observability observability, Adapters a, InternalAuth auth) {
    Map<String, String> urls = new LinkedHashMap<>();
    String jwt;
    AccountSettings settings;
    ServiceProxy proxy;
    try {
      Map<String, List<Endpoint>> table = Modules.routeTable();
      for (String service : table.keySet()) {
        urls.put(service, config.require("gateway." + service + "-url"));
      }
      proxy = new ServiceProxy(table, urls, auth);
      jwt = config.get("gateway.jwt-secret");
      if (jwt == null) {
        if (!"embedded".equals(config.get("sql.adapter"))) {
          throw new IllegalArgumentException("missing setting 'gateway.jwt-secret' (or"
              + " WEB4REC_GATEWAY_JWT_SECRET): every gateway replica must sign sessions alike");
        }
        jwt = Web4RecServer.jwtSecret(server.dataDir());
      }
      // Replicas share the database, so they share the rate-limit counters through it.
      settings = AccountSettings.from(config, jwt,
          RateLimiter.shared(new RateLimitRepository(a.db())));
      SecretRules.requireSigningKey("gateway.jwt-secret (WEB4REC_GATEWAY_JWT_SECRET)", jwt);
    } catch (IllegalArgumentException | IOException e) {
      return Future.failedFuture(e);
    }
    Health health = new Health(vertx).check("sql", () -> a.db().pool().query("SELECT 1")
        .execute());
    GatewayVerticle gateway = new GatewayVerticle(server, health, observability,
        new AccountRepository(a.db()), settings, List.of(), proxy);
    return vertx.deployVerticle(gateway).map(id -> gateway.actualPort());
  }

  private static String serviceName(ServiceConfig config) {
    String name = config.require("service");
    List<String> known = new ArrayList<>(List.of("gateway"));
    Modules.ALL.forEach(m -> known.add(m.name()));
    if (!known.contains(name)) {
      throw new IllegalArgumentException("unknown service '" + name + "'; one of "
          + String.join(", ", known));
    }
    return name;
  }
}
