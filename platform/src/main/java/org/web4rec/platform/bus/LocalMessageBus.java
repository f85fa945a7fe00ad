package org.web4rec.platform.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded adapter: the Vert.x local event bus. A topic fans out to one address per consumer
 * group, and point-to-point {@code send} on that address gives consumer-group semantics (one
 * member handles each event). Failed handlers are retried with backoff, then the event goes to
 * {@code <topic>.dlq}. Nothing survives a JVM exit here: services recover unfinished work from the
 * metadata store at start instead.
 */
public final class LocalMessageBus implements MessageBus {

  private static final Logger LOG = LoggerFactory.getLogger(LocalMessageBus.class);

  private final Vertx vertx;
  private final int maxAttempts;
  private final long backoffMs;
  private final Map<String, List<String>> groupsByTopic = new ConcurrentHashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new CopyOnWriteArrayList<>();

  public LocalMessageBus(Vertx vertx) {
    this(vertx, 3, 200);
  }

  public LocalMessageBus(Vertx vertx, int maxAttempts, long backoffMs) {
    this.vertx = vertx;
    this.maxAttempts = maxAttempts;
    this.backoffMs = backoffMs;
  }

  private static String address(String topic, String group) {
    return "web4rec." + topic + "#" + group;
  }

  @Override
  public Future<Void> publish(String topic, String key, JsonObject payload) {
    JsonObject envelope = new JsonObject().put("key", key).put("payload", payload)
        .put("attempt", 1);
    for (String group : groupsByTopic.getOrDefault(topic, List.of())) {
      vertx.eventBus().send(address(topic, group), envelope.copy());
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> subscribe(String topic, String group,
      Function<JsonObject, Future<Void>> handler) {
    List<String> groups = groupsByTopic.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
    if (!groups.contains(group)) {
      groups.add(group);
    }
    String address = address(topic, group);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, msg -> {
      JsonObject envelope = msg.body();
      Future<Void> result;
      try {
        result = handler.apply(envelope.getJsonObject("payload"));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onFailure(err -> redeliver(topic, address, envelope, err));
    });
    consumers.add(consumer);
    return consumer.completion();
  }

  private void redeliver(String topic, String address, JsonObject envelope, Throwable err) {
    int attempt = envelope.getInteger("attempt");
    if (attempt >= maxAttempts) {
      LOG.warn("event on {} failed {} times, parking it on {}.dlq: {}", topic, attempt, topic,
          err.toString());
      JsonObject dead = envelope.copy().put("error", String.valueOf(err.getMessage()));
      JsonObject deadEnvelope = new JsonObject().put("key", envelope.getString("key"))
          .put("payload", dead).put("attempt", maxAttempts);
      for (String group : groupsByTopic.getOrDefault(topic + ".dlq", List.of())) {
        vertx.eventBus().send(address(topic + ".dlq", group), deadEnvelope.copy());
      }
      return;
    }
    long delay = backoffMs * (1L << (attempt - 1));
    JsonObject next = envelope.copy().put("attempt", attempt + 1);
    vertx.setTimer(delay, id -> vertx.eventBus().send(address, next));
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> all = new ArrayList<>();
    for (MessageConsumer<JsonObject> c : consumers) {
      all.add(c.unregister());
    }
    consumers.clear();
    return Future.all(all).mapEmpty();
  }
}
