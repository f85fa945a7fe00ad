package org.web4rec.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.web4rec.platform.observe.BacklogGauge;
import org.web4rec.platform.sql.ExperimentRepository;

/** Keeps {@link BacklogGauge} (experiments per status) fresh in a process that runs workers. */
final class BacklogGaugeVerticle extends VerticleBase {

  private final MeterRegistry registry;
  private final ExperimentRepository experiments;
  private final long periodMs;

  BacklogGaugeVerticle(MeterRegistry registry, ExperimentRepository experiments, long periodMs) {
    this.registry = registry;
    this.experiments = experiments;
    this.periodMs = periodMs;
  }

  @Override
  public Future<?> start() {
    BacklogGauge.start(vertx, registry, experiments, periodMs);
    return Future.succeededFuture();
  }
}
