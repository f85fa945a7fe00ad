package org.web4rec.platform.adapters.bus;

import java.util.Map;

/**
 * Where the distributed-mode events go: a Kafka cluster.
 *
 * @param bootstrapServers {@code host:port,...}
 * @param topicPrefix prepended to every topic name ({@code ""} or e.g. {@code "web4rec."}), so
 *     several installations can share a cluster
 * @param topicPartitions partitions of each topic the bus creates: the upper bound on how many
 *     members of one consumer group work in parallel
 * @param replicationFactor of the topics the bus creates (1 for a single broker, 3 in production)
 * @param maxAttempts deliveries of one event to a failing handler before it is parked on
 *     {@code <topic>.dlq}
 * @param retryBackoffMs pause before the second attempt; doubles per attempt, capped at 30 s
 * @param maxPollIntervalMs the longest a handler may run before Kafka gives the member's
 *     partitions to another member (the consumer does not poll while a handler runs)
 * @param extra further Kafka client properties (security, timeouts), applied last; a key
 *     prefixed {@code producer.} or {@code consumer.} applies to that client only (prefix
 *     removed), e.g. {@code consumer.session.timeout.ms}, {@code producer.delivery.timeout.ms}
 */
public record KafkaBusConfig(String bootstrapServers, String topicPrefix, int topicPartitions,
    short replicationFactor, int maxAttempts, long retryBackoffMs, long maxPollIntervalMs,
    Map<String, String> extra) {

  public KafkaBusConfig {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Kafka bootstrap servers are required");
    }
    if (topicPartitions < 1 || replicationFactor < 1 || maxAttempts < 1 || retryBackoffMs < 0
        || maxPollIntervalMs < 1000) {
      throw new IllegalArgumentException("invalid Kafka bus settings: partitions="
          + topicPartitions + " replication=" + replicationFactor + " attempts=" + maxAttempts
          + " backoff=" + retryBackoffMs + " maxPollInterval=" + maxPollIntervalMs);
    }
    topicPrefix = topicPrefix == null ? "" : topicPrefix;
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** Defaults: 6 partitions, replication 1, 5 attempts, 500 ms backoff, 30 min per handler. */
  public static KafkaBusConfig of(String bootstrapServers) {
    return new KafkaBusConfig(bootstrapServers, "", 6, (short) 1, 5, 500, 30 * 60_000L,
        Map.of());
  }

  public KafkaBusConfig withRetries(int attempts, long backoffMs) {
    return new KafkaBusConfig(bootstrapServers, topicPrefix, topicPartitions, replicationFactor,
        attempts, backoffMs, maxPollIntervalMs, extra);
  }

  public KafkaBusConfig withPartitions(int partitions) {
    return new KafkaBusConfig(bootstrapServers, topicPrefix, partitions, replicationFactor,
        maxAttempts, retryBackoffMs, maxPollIntervalMs, extra);
  }
}
