package org.web4rec.platform.service;

/**
 * How a process runs its event workers.
 *
 * @param workersEnabled whether this process consumes events at all ({@code workers.enabled})
 * @param recoverOnStart whether workers re-enqueue unfinished work at start: the local bus loses
 *     events with the process, Kafka keeps them (and a restarting replica must not redo others'
 *     work)
 * @param testOnlyMetricsDelayMs TEST ONLY ({@code test-only.metrics-job-delay-ms}): each metrics
 *     job waits this long before computing, so fault tests can kill a worker mid-job; 0 in every
 *     real deployment
 */
public record JobSettings(boolean workersEnabled, boolean recoverOnStart,
    long testOnlyMetricsDelayMs) {

  /** One process with the local bus: workers on, resuming unfinished work. */
  public static JobSettings embedded() {
    return new JobSettings(true, true, 0);
  }
}
