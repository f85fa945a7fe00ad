package org.web4rec.core.data;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent index ranges on a few platform threads (the caller's included), each worker
 * with its own scratch state, pulling the next range from a shared counter so uneven ranges
 * balance themselves. Kept tiny on purpose: the core has no executor framework, and a fresh pair
 * of threads per call costs microseconds next to the work. Shared by the metrics and re-ranking
 * kernels.
 */
public final class Parallel {

  /** Work on the range {@code [from, to)} with the worker's scratch state. */
  public interface RangeBody<S> {
    void run(S scratch, int from, int to);
  }

  private Parallel() {}

  /**
   * @param n number of indices
   * @param chunk indices per range, >= 1
   * @param threads number of threads including the caller, >= 1
   * @param scratch creates one scratch state per worker
   * @param body the work on one range; ranges are disjoint, so writes to distinct slots of shared
   *     arrays are safe (thread join publishes them)
   */
  public static <S> void forRanges(
      int n, int chunk, int threads, Supplier<S> scratch, RangeBody<S> body) {
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      S s = scratch.get();
      for (int from = next.getAndAdd(chunk); from < n; from = next.getAndAdd(chunk)) {
        body.run(s, from, Math.min(n, from + chunk));
      }
    };
    int extra = Math.max(0, Math.min(threads, (n + chunk - 1) / chunk) - 1);
    if (extra == 0) {
      worker.run();
      return;
    }
    Thread[] pool = new Thread[extra];
    Throwable[] failure = new Throwable[1];
    for (int t = 0; t < extra; t++) {
      pool[t] = new Thread(worker, "web4rec-core-" + t);
      pool[t].setUncaughtExceptionHandler((th, e) -> {
        synchronized (failure) {
          if (failure[0] == null) {
            failure[0] = e;
          }
        }
      });
      pool[t].start();
    }
    Throwable own = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      own = e;
    }
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while computing", e);
      }
    }
    Throwable first = own != null ? own : failure[0];
    if (first == null) {
      synchronized (failure) {
        first = failure[0];
      }
    }
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first instanceof Error er) {
      throw er;
    }
  }
}
