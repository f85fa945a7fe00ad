package org.web4rec.platform.adapters.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.bus.MessageBusContract;
import org.web4rec.testing.EmbeddedKafka;

/**
 * The Kafka adapter against a real single-node KRaft broker in this JVM (one per class): the bus
 * contract plus what only a durable log can do (redelivery to another group member, poison
 * records, a broker that goes away and comes back).
 */
class KafkaMessageBusTest extends MessageBusContract {

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = new EmbeddedKafka().start();
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static KafkaBusConfig config(int maxAttempts) {
    // Classic protocol: members learn of a rebalance from a heartbeat, 3 s by default, 300 ms
    // keeps tests short. W4R_KAFKA_GROUP_PROTOCOL=consumer runs the suite with KIP-848 groups
    // (passes too, ~48 s: the broker sets the heartbeat, 5 s).
    String protocol = System.getenv("W4R_KAFKA_GROUP_PROTOCOL");
    return new KafkaBusConfig(kafka.bootstrapServers(), "", 2, (short) 1, maxAttempts, 20,
        60_000, "consumer".equals(protocol) ? Map.of("group.protocol", "consumer")
            : Map.of("heartbeat.interval.ms", "300"));
  }

  @Override
  protected MessageBus create(Vertx vertx, int maxAttempts) {
    return new KafkaMessageBus(vertx, config(maxAttempts));
  }

  @Override
  protected boolean durable() {
    return true;
  }

  @Test
  void recordsThatAreNotJsonGoToTheDeadLetterTopic() throws Exception {
    String topic = topic("t.raw");
    List<String> done = new CopyOnWriteArrayList<>();
    List<JsonObject> dead = new CopyOnWriteArrayList<>();
    await(bus.subscribe(topic, "g", p -> {
      done.add(p.getString("n"));
      return Future.succeededFuture();
    }));
    await(bus.subscribe(topic + ".dlq", "ops", p -> {
      dead.add(p);
      return Future.succeededFuture();
    }));
    try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(
        "bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(),
        new StringSerializer())) {
      raw.send(new ProducerRecord<>(topic, "exp-9", "{not json")).get();
    }
    await(bus.publish(topic, "exp-9", new JsonObject().put("n", "fine")));
    eventually(() -> dead.size() == 1 && done.size() == 1);
    assertEquals("{not json", dead.get(0).getString("raw"));
    assertEquals("exp-9", dead.get(0).getString("key"));
    assertTrue(dead.get(0).getString("error").contains("JSON"));
  }

  @Test
  void topicsArePrefixedAndPartitionedAsConfigured() throws Exception {
    String topic = topic("t.prefixed");
    KafkaBusConfig prefixed = new KafkaBusConfig(kafka.bootstrapServers(), "install-a.", 3,
        (short) 1, 3, 20, 60_000, Map.of());
    MessageBus a = new KafkaMessageBus(vertx, prefixed);
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin
        .create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      await(a.publish(topic, "k", new JsonObject().put("n", 1)));
      var desc = admin.describeTopics(List.of("install-a." + topic)).allTopicNames().get();
      assertEquals(3, desc.get("install-a." + topic).partitions().size());
      assertTrue(!admin.listTopics().names().get().contains(topic));
    } finally {
      await(a.close());
    }
  }

  @Test
  void pingFailsWhenNoBrokerAnswers() {
    MessageBus nowhere = new KafkaMessageBus(vertx, KafkaBusConfig.of("127.0.0.1:1"));
    try {
      assertThrows(Exception.class, () -> await(nowhere.ping()));
    } finally {
      nowhere.close();
    }
  }

  @Test
  void eventsFlowAgainAfterTheBrokerRestarts() throws Exception {
    String topic = topic("t.restart");
    List<String> done = new CopyOnWriteArrayList<>();
    await(bus.subscribe(topic, "g", p -> {
      done.add(p.getString("n"));
      return Future.succeededFuture();
    }));
    await(bus.publish(topic, "exp-1", new JsonObject().put("n", "before")));
    eventually(() -> done.size() == 1);
    kafka.stop();
    assertThrows(Exception.class, () -> await(bus.ping()));
    kafka.start();
    await(bus.ping());
    // The producer and the group member reconnect by themselves; nothing is handled twice.
    await(bus.publish(topic, "exp-1", new JsonObject().put("n", "after")));
    eventually(() -> done.size() >= 2);
    Thread.sleep(500);
    assertEquals(List.of("before", "after"), done);
  }
}
