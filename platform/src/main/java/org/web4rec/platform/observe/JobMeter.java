package org.web4rec.platform.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Durations of background jobs (metrics computations, re-rank sweeps), exported as
 * {@code web4rec_job_seconds{kind, outcome}}. Workers take one by constructor so they never
 * reach for a global registry; {@link #none()} serves tests and tools that export nothing.
 */
public final class JobMeter {

  private final MeterRegistry registry;

  JobMeter(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records nothing (a composite registry with no members is Micrometer's no-op). */
  public static JobMeter none() {
    return new JobMeter(new CompositeMeterRegistry());
  }

  /** Records one finished job of the given kind, started at {@code startNanos} (nanoTime). */
  public void record(String kind, long startNanos, boolean ok) {
    Timer.builder("web4rec.job").description("duration of background jobs")
        .tag("kind", kind).tag("outcome", ok ? "ok" : "failed")
        .register(registry).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }
}
