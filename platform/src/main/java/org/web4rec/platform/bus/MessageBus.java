package org.web4rec.platform.bus;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Port for domain events, at-least-once. Each subscriber group receives every event of a topic
 * once (one member of the group handles it); a handler's failed future means "not done": the
 * event is delivered again, up to a bounded number of attempts, then parked on the dead-letter
 * topic {@code <topic>.dlq}. Handlers must therefore be idempotent.
 */
public interface MessageBus {

  /** Completes once the bus has accepted the event (Kafka: acknowledged by the broker). */
  Future<Void> publish(String topic, String key, JsonObject payload);

  /** Registers a handler in a consumer group. */
  Future<Void> subscribe(String topic, String group, Function<JsonObject, Future<Void>> handler);

  /** Answers when the bus can accept events (for readiness checks). */
  Future<Void> ping();

  Future<Void> close();
}
