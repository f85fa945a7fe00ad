package org.web4rec.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one node) running in this JVM on
 * free loopback ports with its log in a temporary directory. {@link #stop} and {@link #start}
 * keep ports and data, so fault tests can take the broker away and bring it back;
 * {@link #close} also deletes the data.
 *
 * <p>Built from {@code org.apache.kafka:kafka_2.13} (Kafka 4 has no usable test kit on Maven
 * Central): the log directory is formatted with {@code StorageTool} and the server is a plain
 * {@link KafkaRaftServer}. Ready in about 4-7 s on the CI machine: start one per test class.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final Properties props;
  private KafkaRaftServer server;

  public EmbeddedKafka() {
    this(Map.of());
  }

  /** {@code overrides} are extra broker properties (e.g. {@code num.partitions}). */
  public EmbeddedKafka(Map<String, String> overrides) {
    this(tempDir(), FreePorts.next(), FreePorts.next(), overrides);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("w4r-kafka");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A broker whose data stays in {@code dir} across runs ({@link DevInfra}): the log directory is
   * formatted only the first time.
   */
  public EmbeddedKafka(Path dir, int port, int controllerPort, Map<String, String> overrides) {
    this.dir = dir;
    this.port = port;
    this.controllerPort = controllerPort;
    props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:"
        + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", dir.resolve("log").toString());
    props.put("offsets.topic.replication.factor", "1");
    // 50 partitions by default: creating them slows the first group join by seconds.
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "2");
    props.putAll(overrides);
    if (!Files.exists(dir.resolve("log").resolve("meta.properties"))) {
      format();
    }
  }

  private void format() {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(file)) {
        props.store(out, "web4rec test broker");
      }
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
          "-c", file.toString()}, quiet);
      if (rc != 0) {
        throw new IllegalStateException("kafka storage format failed: " + rc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the broker and waits until it answers metadata requests. */
  public synchronized EmbeddedKafka start() {
    if (server != null) {
      return this;
    }
    server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    awaitReady();
    return this;
  }

  private void awaitReady() {
    long deadline = System.currentTimeMillis() + 60_000;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("Kafka broker not ready within 60 s", e);
          }
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the broker; ports and data stay for {@link #start}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temp data only
    }
  }
}
