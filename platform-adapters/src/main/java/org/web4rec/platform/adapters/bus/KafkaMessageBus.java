package org.web4rec.platform.adapters.bus;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.platform.bus.MessageBus;

/**
 * The distributed adapter: Kafka through vertx-kafka-client. One topic per event type (created
 * with the configured partitions when first used), records keyed by the caller's key (the
 * experiment id), so one experiment's events keep their order. Each {@link #subscribe} is one
 * member of the Kafka consumer group {@code group}.
 *
 * <p>At-least-once: auto-commit is off; a member handles one record at a time (the stream is
 * paused meanwhile) and commits its offset only after the handler's future succeeded, or after
 * the record was parked on the dead-letter topic. A failed handler gets the same record again
 * after a growing backoff, up to {@code maxAttempts} in total; then the record goes to
 * {@code <topic>.dlq} as {@code {key, payload, attempt, error, topic, partition, offset}}. A record
 * that is not a JSON object (a poison message) goes there at once. A member that stops before
 * its handler finished never commits, so the group hands the record to another member.
 */
public final class KafkaMessageBus implements MessageBus {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaMessageBus.class);
  private static final long MAX_BACKOFF_MS = 30_000;

  private final Vertx vertx;
  private final KafkaBusConfig config;
  private final KafkaProducer<String, String> producer;
  private final KafkaAdminClient admin;
  private final Map<String, Future<Void>> topics = new ConcurrentHashMap<>();
  private final List<KafkaConsumer<String, String>> consumers = new CopyOnWriteArrayList<>();
  private volatile boolean open = true;

  public KafkaMessageBus(Vertx vertx, KafkaBusConfig config) {
    this.vertx = vertx;
    this.config = config;
    Map<String, String> p = new HashMap<>();
    p.put("bootstrap.servers", config.bootstrapServers());
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "5");
    p.put("delivery.timeout.ms", "120000");
    p.putAll(only(config.extra(), "producer."));
    this.producer = KafkaProducer.create(vertx, p);
    Map<String, String> a = new HashMap<>();
    a.put("bootstrap.servers", config.bootstrapServers());
    // Readiness checks should answer within seconds when no broker does.
    a.put("request.timeout.ms", "3000");
    a.put("default.api.timeout.ms", "5000");
    a.putAll(only(config.extra(), null));
    this.admin = KafkaAdminClient.create(vertx, a);
  }

  /**
   * The extra properties meant for one client: the unprefixed ones (every client), then those
   * with {@code prefix} (prefix removed); {@code null} for the admin client (unprefixed only).
   */
  static Map<String, String> only(Map<String, String> extra, String prefix) {
    Map<String, String> out = new HashMap<>();
    extra.forEach((k, v) -> {
      if (!k.startsWith("producer.") && !k.startsWith("consumer.")) {
        out.put(k, v);
      }
    });
    if (prefix != null) {
      extra.forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          out.put(k.substring(prefix.length()), v);
        }
      });
    }
    return out;
  }

  private String kafkaTopic(String topic) {
    return config.topicPrefix() + topic;
  }

  /** Creates the topic once per bus (an existing topic is fine). */
  private Future<Void> ensureTopic(String name) {
    return topics.compute(name, (k, existing) -> {
      if (existing != null && !existing.failed()) {
        return existing;
      }
      return admin.createTopics(List.of(new NewTopic(name, config.topicPartitions(),
              config.replicationFactor())))
          .recover(err -> alreadyExists(err) ? Future.succeededFuture()
              : Future.failedFuture(err));
    });
  }

  private static boolean alreadyExists(Throwable err) {
    for (Throwable c = err; c != null; c = c.getCause()) {
      if (c instanceof org.apache.kafka.common.errors.TopicExistsException
          || String.valueOf(c.getMessage()).contains("already exists")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Future<Void> publish(String topic, String key, JsonObject payload) {
    String name = kafkaTopic(topic);
    return ensureTopic(name).compose(v -> producer.send(
        KafkaProducerRecord.create(name, key, payload.encode()))).mapEmpty();
  }

  @Override
  public Future<Void> subscribe(String topic, String group,
      Function<JsonObject, Future<Void>> handler) {
    if (!open) {
      return Future.failedFuture(new IllegalStateException("bus closed"));
    }
    String name = kafkaTopic(topic);
    return ensureTopic(name).compose(v -> ensureTopic(kafkaTopic(topic + ".dlq")))
        .compose(v -> {
          Map<String, String> c = new HashMap<>();
          c.put("bootstrap.servers", config.bootstrapServers());
          c.put("group.id", group);
          c.put("key.deserializer", StringDeserializer.class.getName());
          c.put("value.deserializer", StringDeserializer.class.getName());
          c.put("enable.auto.commit", "false");
          // A new group starts at the beginning: events published before its first member
          // joined are handled too (handlers are idempotent).
          c.put("auto.offset.reset", "earliest");
          // One event a poll: a job takes seconds, and a consumer only takes part in a rebalance
          // when it polls. With a batch, the first worker of a group fetched every queued event
          // and worked through all of them before a second worker could get a partition
          // (measured: 20 queued experiments, 2 workers started together, 20/0 split).
          c.put("max.poll.records", "1");
          c.put("max.poll.interval.ms", Long.toString(config.maxPollIntervalMs()));
          // Kafka warns (and may drop the coordinator connection mid-rebalance) when idle
          // connections close sooner than a handler may run.
          c.put("connections.max.idle.ms", Long.toString(config.maxPollIntervalMs() + 60_000));
          c.putAll(only(config.extra(), "consumer."));
          KafkaConsumer<String, String> consumer = KafkaConsumer.create(vertx, c);
          consumers.add(consumer);
          Promise<Void> assigned = Promise.promise();
          consumer.partitionsAssignedHandler(parts -> assigned.tryComplete());
          consumer.exceptionHandler(err -> LOG.warn("Kafka consumer of {} in group {}: {}", name,
              group, err.toString()));
          consumer.handler(record -> {
            consumer.pause();
            handle(consumer, record, handler, 1).onComplete(done -> {
              if (open) {
                consumer.resume();
              }
            });
          });
          long timer = vertx.setTimer(60_000, id -> assigned.tryFail(
              "no partition assignment for group " + group + " on " + name + " within 60 s"));
          return consumer.subscribe(name).compose(s -> assigned.future())
              .onComplete(x -> vertx.cancelTimer(timer));
        });
  }

  private Future<Void> handle(KafkaConsumer<String, String> consumer,
      KafkaConsumerRecord<String, String> record, Function<JsonObject, Future<Void>> handler,
      int attempt) {
    if (!open) {
      return Future.failedFuture("bus closed");
    }
    JsonObject payload;
    try {
      payload = new JsonObject(record.value());
    } catch (RuntimeException e) {
      LOG.warn("poison message on {} at {}/{}: not a JSON object", record.topic(),
          record.partition(), record.offset());
      return deadLetter(record, null, "not a JSON object: " + e.getMessage(), 1)
          .compose(v -> commit(consumer, record));
    }
    Future<Void> result;
    try {
      result = handler.apply(payload);
      if (result == null) {
        result = Future.failedFuture("handler returned no future");
      }
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.transform(ar -> {
      if (ar.succeeded()) {
        return commit(consumer, record);
      }
      if (!open) {
        return Future.failedFuture(ar.cause());
      }
      if (attempt >= config.maxAttempts()) {
        LOG.warn("event on {} failed {} times, parking it on {}.dlq: {}", record.topic(),
            attempt, record.topic(), String.valueOf(ar.cause()));
        return deadLetter(record, payload, String.valueOf(ar.cause().getMessage()), attempt)
            .compose(v -> commit(consumer, record));
      }
      long delay = Math.min(MAX_BACKOFF_MS,
          config.retryBackoffMs() * (1L << Math.min(20, attempt - 1)));
      Promise<Void> next = Promise.promise();
      vertx.setTimer(Math.max(1, delay),
          id -> handle(consumer, record, handler, attempt + 1).onComplete(next));
      return next.future();
    });
  }

  /** Parks the record on {@code <topic>.dlq}; retried until the broker takes it or the bus closes. */
  private Future<Void> deadLetter(KafkaConsumerRecord<String, String> record, JsonObject payload,
      String error, int attempt) {
    JsonObject dead = new JsonObject().put("key", record.key()).put("attempt", attempt)
        .put("error", error).put("topic", record.topic()).put("partition", record.partition())
        .put("offset", record.offset());
    if (payload != null) {
      dead.put("payload", payload);
    } else {
      dead.put("raw", record.value());
    }
    String dlq = record.topic() + ".dlq";
    return sendUntilAccepted(dlq, record.key(), dead.encode(), config.retryBackoffMs());
  }

  private Future<Void> sendUntilAccepted(String topic, String key, String value, long backoff) {
    return ensureTopic(topic)
        .compose(v -> producer.send(KafkaProducerRecord.create(topic, key, value)))
        .<Void>mapEmpty()
        .recover(err -> {
          if (!open) {
            return Future.failedFuture(err);
          }
          LOG.warn("could not park an event on {} ({}), retrying", topic, err.toString());
          long next = Math.min(MAX_BACKOFF_MS, Math.max(100, backoff * 2));
          Promise<Void> p = Promise.promise();
          vertx.setTimer(next, id -> sendUntilAccepted(topic, key, value, next).onComplete(p));
          return p.future();
        });
  }

  /** Commits past the record; a failed commit (e.g. after a rebalance) means redelivery. */
  private Future<Void> commit(KafkaConsumer<String, String> consumer,
      KafkaConsumerRecord<String, String> record) {
    if (!open) {
      return Future.failedFuture("bus closed before the commit");
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(
        new TopicPartition(record.topic(), record.partition()),
        new OffsetAndMetadata(record.offset() + 1, ""));
    return consumer.commit(offsets).<Void>mapEmpty().recover(err -> {
      LOG.warn("commit on {}/{} at {} failed ({}): the event will be delivered again",
          record.topic(), record.partition(), record.offset() + 1, err.toString());
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<Void> ping() {
    return admin.describeCluster().compose(d -> d.getNodes() == null || d.getNodes().isEmpty()
        ? Future.failedFuture("Kafka cluster has no live broker") : Future.succeededFuture());
  }

  @Override
  public Future<Void> close() {
    open = false;
    List<Future<Void>> all = new ArrayList<>();
    for (KafkaConsumer<String, String> c : consumers) {
      all.add(c.close());
    }
    consumers.clear();
    all.add(producer.close());
    all.add(admin.close());
    return Future.join(all).mapEmpty();
  }
}
