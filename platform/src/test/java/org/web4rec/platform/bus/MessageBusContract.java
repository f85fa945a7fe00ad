package org.web4rec.platform.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MessageBus} adapter passes: each group gets each event once, a failed
 * handler sees the event again, an event that keeps failing lands on the dead-letter topic.
 * Subclasses provide the adapter (the local event bus here; Kafka in platform-adapters).
 */
public abstract class MessageBusContract {

  protected Vertx vertx;
  protected MessageBus bus;

  /** A bus that retries a failed event at most {@code maxAttempts} times in total. */
  protected abstract MessageBus create(Vertx vertx, int maxAttempts) throws Exception;

  /**
   * Whether events outlive the bus instance that was handling them (Kafka: yes; the local event
   * bus: no, services recover unfinished work from the metadata store at start instead).
   */
  protected boolean durable() {
    return false;
  }

  /** A topic name not used by another test (adapters with durable topics need fresh ones). */
  protected String topic(String base) {
    return base + "." + System.nanoTime();
  }

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    bus = create(vertx, 3);
  }

  @AfterEach
  void tearDown() throws Exception {
    bus.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  protected static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  protected static void eventually(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void everyGroupReceivesEachEventOnce() throws Exception {
    String topic = topic("t.fanout");
    List<String> a = new CopyOnWriteArrayList<>();
    List<String> b = new CopyOnWriteArrayList<>();
    await(bus.subscribe(topic, "a", p -> {
      a.add(p.getString("n"));
      return Future.succeededFuture();
    }));
    await(bus.subscribe(topic, "b", p -> {
      b.add(p.getString("n"));
      return Future.succeededFuture();
    }));
    for (int i = 0; i < 5; i++) {
      await(bus.publish(topic, "k" + i, new JsonObject().put("n", "e" + i)));
    }
    eventually(() -> a.size() == 5 && b.size() == 5);
    Thread.sleep(200);
    assertEquals(5, a.size());
    assertEquals(List.of("e0", "e1", "e2", "e3", "e4"), a.stream().sorted().toList());
    assertEquals(a.stream().sorted().toList(), b.stream().sorted().toList());
  }

  @Test
  void oneMemberOfAGroupHandlesEachEvent() throws Exception {
    String topic = topic("t.group");
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    await(bus.subscribe(topic, "g", p -> {
      first.incrementAndGet();
      return Future.succeededFuture();
    }));
    await(bus.subscribe(topic, "g", p -> {
      second.incrementAndGet();
      return Future.succeededFuture();
    }));
    for (int i = 0; i < 10; i++) {
      await(bus.publish(topic, "k" + i, new JsonObject().put("n", i)));
    }
    eventually(() -> first.get() + second.get() == 10);
    Thread.sleep(200);
    assertEquals(10, first.get() + second.get());
  }

  @Test
  void failedHandlerIsRetriedThenDeadLettered() throws Exception {
    String topic = topic("t.retry");
    AtomicInteger attempts = new AtomicInteger();
    List<JsonObject> dead = new CopyOnWriteArrayList<>();
    await(bus.subscribe(topic, "g", p -> {
      attempts.incrementAndGet();
      return Future.failedFuture("boom");
    }));
    await(bus.subscribe(topic + ".dlq", "g", p -> {
      dead.add(p);
      return Future.succeededFuture();
    }));
    await(bus.publish(topic, "k", new JsonObject().put("experiment_id", "x1")));
    eventually(() -> dead.size() == 1);
    assertEquals(3, attempts.get());
    JsonObject parked = dead.get(0);
    assertEquals("x1", parked.getJsonObject("payload").getString("experiment_id"));
    assertTrue(parked.getString("error").contains("boom"));
  }

  @Test
  void handlerThatRecoversOnRetryIsNotDeadLettered() throws Exception {
    String topic = topic("t.recover");
    AtomicInteger attempts = new AtomicInteger();
    List<JsonObject> done = new CopyOnWriteArrayList<>();
    List<JsonObject> dead = new CopyOnWriteArrayList<>();
    await(bus.subscribe(topic, "g", p -> {
      if (attempts.incrementAndGet() == 1) {
        return Future.failedFuture("transient");
      }
      done.add(p);
      return Future.succeededFuture();
    }));
    await(bus.subscribe(topic + ".dlq", "g", p -> {
      dead.add(p);
      return Future.succeededFuture();
    }));
    await(bus.publish(topic, "k", new JsonObject().put("v", 1)));
    eventually(() -> done.size() == 1);
    Thread.sleep(300);
    assertEquals(2, attempts.get());
    assertEquals(0, dead.size());
  }

  @Test
  void membersOfAGroupShareTheEventsAndEachIsHandledOnce() throws Exception {
    String topic = topic("t.share");
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    await(bus.subscribe(topic, "g", p -> {
      first.add(p.getString("n"));
      return Future.succeededFuture();
    }));
    await(bus.subscribe(topic, "g", p -> {
      second.add(p.getString("n"));
      return Future.succeededFuture();
    }));
    // Distinct keys (experiment ids) until both members have had work: at most 200 events.
    int published = 0;
    while (published < 200 && (first.isEmpty() || second.isEmpty())) {
      await(bus.publish(topic, "exp-" + published, new JsonObject().put("n", "e" + published)));
      published++;
      Thread.sleep(published < 20 ? 0 : 20);
    }
    int total = published;
    eventually(() -> first.size() + second.size() >= total);
    Thread.sleep(300);
    assertTrue(!first.isEmpty() && !second.isEmpty(),
        "both members handle events: " + first.size() + " / " + second.size());
    java.util.Set<String> seen = new java.util.HashSet<>(first);
    seen.addAll(second);
    assertEquals(total, seen.size(), "every event handled");
    assertEquals(total, first.size() + second.size(), "no event handled twice");
  }

  @Test
  void eventsWithTheSameKeyAreHandledInOrder() throws Exception {
    String topic = topic("t.order");
    List<Integer> seen = new CopyOnWriteArrayList<>();
    await(bus.subscribe(topic, "g", p -> {
      seen.add(p.getInteger("n"));
      return Future.succeededFuture();
    }));
    List<Integer> sent = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      await(bus.publish(topic, "exp-1", new JsonObject().put("n", i)));
      sent.add(i);
    }
    eventually(() -> seen.size() >= 20);
    assertEquals(sent, seen);
  }

  @Test
  void aFailingEventDoesNotStopLaterOnes() throws Exception {
    String topic = topic("t.poison");
    List<String> done = new CopyOnWriteArrayList<>();
    List<JsonObject> dead = new CopyOnWriteArrayList<>();
    await(bus.subscribe(topic, "g", p -> {
      if (p.getBoolean("bad", false)) {
        return Future.failedFuture("cannot handle " + p.getString("n"));
      }
      done.add(p.getString("n"));
      return Future.succeededFuture();
    }));
    await(bus.subscribe(topic + ".dlq", "g", p -> {
      dead.add(p);
      return Future.succeededFuture();
    }));
    await(bus.publish(topic, "exp-1", new JsonObject().put("n", "a").put("bad", true)));
    await(bus.publish(topic, "exp-1", new JsonObject().put("n", "b")));
    eventually(() -> dead.size() == 1 && done.size() == 1);
    assertEquals(List.of("b"), done);
    assertEquals("a", dead.get(0).getJsonObject("payload").getString("n"));
  }

  @Test
  void anEventInFlightWhenItsConsumerStopsIsDeliveredAgain() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(durable(),
        "events do not outlive this bus: unfinished work is recovered from the metadata store");
    String topic = topic("t.crash");
    MessageBus dying = create(vertx, 3);
    List<String> started = new CopyOnWriteArrayList<>();
    await(dying.subscribe(topic, "g", p -> {
      started.add(p.getString("n"));
      return Promise.<Void>promise().future(); // never completes: the worker "dies" mid-job
    }));
    await(bus.publish(topic, "exp-1", new JsonObject().put("n", "e1")));
    eventually(() -> started.size() == 1);
    await(dying.close());

    // Another member of the group gets the uncommitted event; its success is committed.
    MessageBus survivor = create(vertx, 3);
    List<String> handled = new CopyOnWriteArrayList<>();
    await(survivor.subscribe(topic, "g", p -> {
      handled.add(p.getString("n"));
      return Future.succeededFuture();
    }));
    eventually(() -> handled.size() == 1);
    assertEquals(List.of("e1"), handled);
    Thread.sleep(500);
    await(survivor.close());

    // A later member starts after the committed event: it sees only the new one.
    MessageBus later = create(vertx, 3);
    List<String> afterCommit = new CopyOnWriteArrayList<>();
    try {
      await(later.subscribe(topic, "g", p -> {
        afterCommit.add(p.getString("n"));
        return Future.succeededFuture();
      }));
      await(bus.publish(topic, "exp-1", new JsonObject().put("n", "e2")));
      eventually(() -> afterCommit.size() == 1);
      Thread.sleep(300);
      assertEquals(List.of("e2"), afterCommit);
    } finally {
      await(later.close());
    }
  }
}
