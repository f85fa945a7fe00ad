package org.web4rec.bench.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Same scheme as core's metrics Parallel: fresh threads per call, ranges from a shared counter. */
final class Par {

  interface Body<S> {
    void run(S scratch, int from, int to);
  }

  private Par() {}

  static <S> void forRanges(int n, int chunk, int threads, Supplier<S> scratch, Body<S> body) {
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      S s = scratch.get();
      for (int from = next.getAndAdd(chunk); from < n; from = next.getAndAdd(chunk)) {
        body.run(s, from, Math.min(n, from + chunk));
      }
    };
    int extra = Math.max(0, Math.min(threads, (n + chunk - 1) / chunk) - 1);
    Thread[] pool = new Thread[extra];
    for (int t = 0; t < extra; t++) {
      pool[t] = new Thread(worker, "kern-" + t);
      pool[t].start();
    }
    worker.run();
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
