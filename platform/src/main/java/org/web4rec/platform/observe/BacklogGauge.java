package org.web4rec.platform.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.web4rec.platform.sql.ExperimentRepository;

/**
 * Queue lag as the application sees it: {@code web4rec_experiments{status}}, the number of
 * experiments per status, refreshed from the metadata store on a timer. "uploaded" is work
 * waiting for a metrics worker, "computing" is work in progress. It reads the store rather than
 * the bus so the number means the same with the Vert.x local bus (which has no inspectable
 * backlog) and with Kafka (where the autoscaler reads consumer-group lag from the broker instead).
 */
public final class BacklogGauge {

  /** Statuses exported even while no row has them, so the series never disappears. */
  private static final String[] STATUSES = {ExperimentRepository.UPLOADED,
      ExperimentRepository.COMPUTING, ExperimentRepository.READY, ExperimentRepository.FAILED};

  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  private BacklogGauge(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the gauges and refreshes them now and then every {@code periodMs}. */
  public static long start(Vertx vertx, MeterRegistry registry, ExperimentRepository experiments,
      long periodMs) {
    BacklogGauge g = new BacklogGauge(registry);
    for (String s : STATUSES) {
      g.value(s);
    }
    g.refresh(experiments);
    return vertx.setPeriodic(periodMs, id -> g.refresh(experiments));
  }

  private AtomicLong value(String status) {
    return values.computeIfAbsent(status, s -> {
      AtomicLong v = new AtomicLong();
      Gauge.builder("web4rec.experiments", v, AtomicLong::get)
          .description("experiments per status (uploaded = waiting for a metrics worker)")
          .tag("status", s).register(registry);
      return v;
    });
  }

  private void refresh(ExperimentRepository experiments) {
    experiments.countByStatus().onSuccess(counts -> {
      for (String s : STATUSES) {
        value(s).set(0);
      }
      counts.forEach((status, n) -> value(status).set(n));
    }).onFailure(t -> LoggerFactory.getLogger(BacklogGauge.class)
        .debug("backlog gauge not refreshed: {}", t.toString()));
  }
}
