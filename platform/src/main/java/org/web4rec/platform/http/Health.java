package org.web4rec.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.bus.MessageBus;

/**
 * Liveness and readiness endpoints, mountable by every service process. Liveness only says the
 * event loop answers (Kubernetes restarts the pod when it does not); readiness runs the process's
 * own dependency checks (Kubernetes stops routing to the pod while one fails), each bounded by a
 * timeout so a hung dependency reads as down instead of hanging the probe.
 */
public final class Health {

  private static final Logger LOG = LoggerFactory.getLogger(Health.class);

  /** How long one check may take before it counts as failed. */
  static final long CHECK_TIMEOUT_MS = 3_000;

  private final Vertx vertx;
  private final Map<String, Supplier<Future<?>>> checks = new LinkedHashMap<>();

  public Health(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The checks of a process that holds all three ports: SQL ({@code SELECT 1}), blobs, bus. */
  public static Health of(Vertx vertx, Pool sql, BlobStore blobs, MessageBus bus) {
    return new Health(vertx)
        .check("sql", () -> sql.query("SELECT 1").execute())
        .check("blobs", blobs::ping)
        .check("bus", bus::ping);
  }

  /** Adds a named check; its future failing (or timing out) makes the process not ready. */
  public Health check(String name, Supplier<Future<?>> check) {
    checks.put(name, check);
    return this;
  }

  /** {@code GET /health/live} and {@code GET /health/ready} on the given router. */
  public void mount(Router root) {
    root.get("/health/live").handler(ctx -> Json.ok(ctx, 200,
        new JsonObject().put("status", "UP")));
    root.get("/health/ready").handler(this::ready);
  }

  /** Runs every check; completes with the readiness document (never fails). */
  public Future<JsonObject> evaluate() {
    List<String> names = new ArrayList<>(checks.keySet());
    List<Future<String>> results = new ArrayList<>();
    for (String name : names) {
      results.add(bounded(name).transform(ar -> {
        if (ar.succeeded()) {
          return Future.succeededFuture("UP");
        }
        // The cause goes to the log only: exception text can name hosts, paths or credentials.
        LOG.warn("readiness check '{}' failed", name, ar.cause());
        return Future.succeededFuture("DOWN");
      }));
    }
    return Future.join(results).transform(ignored -> {
      JsonObject detail = new JsonObject();
      boolean up = true;
      for (int i = 0; i < names.size(); i++) {
        String state = results.get(i).result();
        detail.put(names.get(i), state);
        up &= "UP".equals(state);
      }
      return Future.succeededFuture(new JsonObject().put("status", up ? "UP" : "DOWN")
          .put("checks", detail));
    });
  }

  private Future<?> bounded(String name) {
    Promise<Object> p = Promise.promise();
    long timer = vertx.setTimer(CHECK_TIMEOUT_MS, id -> p.tryFail("no answer within "
        + CHECK_TIMEOUT_MS + " ms"));
    Future<?> f;
    try {
      f = checks.get(name).get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    f.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        p.tryComplete();
      } else {
        p.tryFail(ar.cause());
      }
    });
    return p.future();
  }

  private void ready(RoutingContext ctx) {
    evaluate().onSuccess(doc -> Json.ok(ctx, "UP".equals(doc.getString("status")) ? 200 : 503,
        doc));
  }
}
