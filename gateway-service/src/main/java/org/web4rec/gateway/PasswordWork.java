package org.web4rec.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.web4rec.platform.http.ApiException;

/**
 * Where password hashes run: a small worker pool of its own, so a flood of logins (each a third
 * of a second of CPU) can neither starve the shared worker pool that runs metrics jobs nor queue
 * without bound; past {@link #MAX_WAITING} waiting hashes the gateway answers 503 at once.
 */
final class PasswordWork {

  static final int MAX_WAITING = 64;

  private final WorkerExecutor executor;
  private final AtomicInteger inFlight = new AtomicInteger();

  PasswordWork(Vertx vertx) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    this.executor = vertx.createSharedWorkerExecutor("web4rec-passwords", threads);
  }

  <T> Future<T> run(Callable<T> work) {
    if (inFlight.incrementAndGet() > MAX_WAITING) {
      inFlight.decrementAndGet();
      return Future.failedFuture(ApiException.unavailable("too many sign-ins in progress;"
          + " retry in a few seconds"));
    }
    return executor.executeBlocking(work, false).onComplete(ar -> inFlight.decrementAndGet());
  }
}
