package org.web4rec.platform.observe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Prometheus registry per process, owned here rather than looked up in Vert.x's global
 * registry table: tests run several servers in one JVM, and each must export only its own
 * numbers. Vert.x reports its HTTP server/client metrics into it (request latency is
 * {@code vertx_http_server_response_time_seconds}, labelled by route), and {@link JobMeter} adds
 * the application's job timers. Latency meters publish histogram buckets so Prometheus can
 * compute percentiles across pods. No common "service" tag: Vert.x caches its gauges by their
 * own tags and would register them twice; Prometheus labels each pod's series at scrape time.
 */
public final class Observability {

  private static final AtomicLong INSTANCES = new AtomicLong();
  /** Content type of the Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final String service;

  private Observability(PrometheusMeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
  }

  public static Observability create(String service) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig c) {
        if (id.getType() == Meter.Type.TIMER && (id.getName().startsWith("web4rec.")
            || id.getName().equals("vertx.http.server.response.time"))) {
          return DistributionStatisticConfig.builder().percentilesHistogram(true).build()
              .merge(c);
        }
        return c;
      }
    });
    return new Observability(registry, service);
  }

  /**
   * A Vert.x instance whose built-in metrics go to this registry. The registry is handed to
   * {@link MicrometerMetricsFactory} directly, which takes precedence over
   * {@code VertxPrometheusOptions}: the scrape endpoint is ours ({@link #mount}), not Vert.x's.
   */
  public Vertx vertx(VertxOptions options) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName("web4rec-" + service + "-" + INSTANCES.incrementAndGet())
        .addLabels(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE);
    return Vertx.builder().with(options.setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
  }

  public MeterRegistry registry() {
    return registry;
  }

  public JobMeter jobs() {
    return new JobMeter(registry);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** {@code GET /metrics} on the given router (unauthenticated: keep it off public ingress). */
  public void mount(Router root) {
    root.get("/metrics").handler(ctx -> ctx.response().putHeader("Content-Type", CONTENT_TYPE)
        .end(scrape()));
  }
}
