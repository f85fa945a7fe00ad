package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.adapters.sql.MySql;
import org.web4rec.platform.adapters.sql.MySqlConfig;
import org.web4rec.platform.contracts.Events;
import org.web4rec.platform.contracts.Topics;
import org.web4rec.platform.sql.Db;
import org.web4rec.testing.EmbeddedKafka;
import org.web4rec.testing.FreePorts;
import org.web4rec.testing.LocalMariaDb;
import org.web4rec.testing.LocalS3;

/**
 * Distributed mode under faults, with every service a real process ({@link ServiceProcess}) on
 * the real stores: the system MariaDB, a KRaft Kafka broker and s3proxy (both in this JVM so the
 * test can stop and restart them; the services reach them over loopback like any remote store).
 * The stores and the processes are started once for the class and reused: gateway, ingest,
 * rerank and two metrics workers in consumer group {@code metrics}.
 *
 * <p>The workers run with {@code test-only.metrics-job-delay-ms} so that a job lasts long enough
 * to be killed in the middle, and so that worker parallelism is measured on latency-bound jobs
 * (two cores are shared by five service JVMs, the broker and the test: CPU-bound jobs would
 * measure the machine, not the partition sharing). The Kafka session timeout is 6 s (the broker's
 * minimum) so a killed worker's partitions move on quickly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

  static final String SECRET = "fault-test-internal-secret-0123456789-abcdef";
  static final long JOB_DELAY_MS = 1500;
  static final int PARTITIONS = 12;

  @TempDir
  static Path dir;
  static LocalMariaDb.Database database;
  static EmbeddedKafka kafka;
  static LocalS3 s3;
  static Vertx vertx;
  static Db db;
  static ServiceProcess gateway;
  static ServiceProcess ingest;
  static ServiceProcess rerank;
  static ServiceProcess analysis;
  /** Serves the metrics service's read routes for the gateway; runs no worker. */
  static ServiceProcess metricsApi;
  static final List<ServiceProcess> workers = new ArrayList<>();
  static final List<ServiceProcess> all = new ArrayList<>();
  static ApiClient api;
  static int uploads;

  @BeforeAll
  static void start() throws Exception {
    database = LocalMariaDb.database("w4r_fault");
    kafka = new EmbeddedKafka(Map.of("num.partitions", Integer.toString(PARTITIONS))).start();
    s3 = new LocalS3().start().createBucket("web4rec");
    Runtime.getRuntime().addShutdownHook(new Thread(FaultToleranceTest::killAll));
    Map<String, String> env = Map.of(
        "WEB4REC_SQL_PASSWORD", database.password(),
        "WEB4REC_BLOB_S3_ACCESS_KEY", LocalS3.ACCESS_KEY,
        "WEB4REC_BLOB_S3_SECRET_KEY", LocalS3.SECRET_KEY,
        "WEB4REC_INTERNAL_SECRET", SECRET,
        "WEB4REC_GATEWAY_JWT_SECRET", "fault-test-jwt-secret-0123456789-abcdefgh");
    ingest = service("ingest", env);
    rerank = service("rerank", env);
    analysis = service("analysis", env);
    workers.add(service("metrics", env));
    workers.add(service("metrics-2", env));
    metricsApi = service("metrics-3", env);
    Properties g = base("gateway");
    g.setProperty("gateway.ingest-url", "http://127.0.0.1:" + ingest.port);
    g.setProperty("gateway.metrics-url", "http://127.0.0.1:" + metricsApi.port);
    g.setProperty("gateway.rerank-url", "http://127.0.0.1:" + rerank.port);
    g.setProperty("gateway.analysis-url", "http://127.0.0.1:" + analysis.port);
    gateway = new ServiceProcess("gateway", FreePorts.next(), dir, g, env);
    all.add(gateway);
    for (ServiceProcess p : all) {
      p.start();
    }
    for (ServiceProcess p : all) {
      p.awaitReady(120_000);
    }
    System.out.println("[fault] services from " + (ServiceProcess.jarIsFresh()
        ? "the shaded jar" : "the test class path (no fresh shaded jar)"));
    vertx = Vertx.vertx();
    db = MySql.open(vertx, new MySqlConfig(database.host(), database.port(), database.name(),
        database.user(), database.password(), 2));
    ApiClient anon = new ApiClient(vertx, gateway.port);
    HttpResponse<Buffer> s = await(anon.postJson("/auth/signup", new JsonObject()
        .put("email", "fault@example.com").put("password", "password-123")));
    assertEquals(201, s.statusCode(), s.bodyAsString());
    api = anon.token(s.bodyAsJsonObject().getString("token"));
    HttpResponse<Buffer> reg = await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables()));
    assertEquals(201, reg.statusCode(), reg.bodyAsString());
  }

  /** A service process on the shared stores; "metrics-2" is a second metrics worker. */
  static ServiceProcess service(String id, Map<String, String> env) throws Exception {
    String name = id.replaceAll("-\\d+$", "");
    Properties props = base(name);
    if (id.equals("metrics-3")) {
      props.setProperty("workers.enabled", "false");
    }
    ServiceProcess p = new ServiceProcess(id, FreePorts.next(), dir, props, env);
    all.add(p);
    return p;
  }

  static Properties base(String name) {
    Properties p = new Properties();
    p.setProperty("service", name);
    p.setProperty("data.dir", dir.resolve("data-" + name + "-" + all.size()).toString());
    p.setProperty("upload.max-mb", "16");
    p.setProperty("sql.adapter", "mysql");
    p.setProperty("sql.host", database.host());
    p.setProperty("sql.port", Integer.toString(database.port()));
    p.setProperty("sql.database", database.name());
    p.setProperty("sql.user", database.user());
    p.setProperty("sql.pool-size", "4");
    p.setProperty("blob.adapter", "s3");
    p.setProperty("blob.s3.endpoint", s3.endpoint().toString());
    p.setProperty("blob.s3.bucket", "web4rec");
    p.setProperty("bus.adapter", "kafka");
    p.setProperty("bus.kafka.bootstrap-servers", kafka.bootstrapServers());
    p.setProperty("bus.kafka.topic-partitions", Integer.toString(PARTITIONS));
    p.setProperty("bus.kafka.session-timeout-ms", "6000");
    p.setProperty("bus.kafka.publish-timeout-ms", "8000");
    p.setProperty("test-only.metrics-job-delay-ms", Long.toString(JOB_DELAY_MS));
    return p;
  }

  @AfterAll
  static void stop() throws Exception {
    killAll();
    if (db != null) {
      db.close();
    }
    if (vertx != null) {
      vertx.close();
    }
    if (s3 != null) {
      s3.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (database != null) {
      LocalMariaDb.ensureRunning();
      database.close();
    }
  }

  static void killAll() {
    for (ServiceProcess p : all) {
      try {
        p.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- helpers ----

  static String meta(String name) {
    return new JsonObject().put("experiment_name", name).put("ks", new JsonArray().add(5))
        .put("n_candidates", 5).encode();
  }

  static Future<HttpResponse<Buffer>> upload(String name) {
    uploads++;
    return api.postTables("/datasets/tiny/experiments", Map.of("meta", meta(name)),
        Map.of("recommendations", ServerFixture.recommendations()));
  }

  static String uploadAccepted(String name) throws Exception {
    HttpResponse<Buffer> up = await(upload(name));
    assertEquals(202, up.statusCode(), up.bodyAsString());
    return up.bodyAsJsonObject().getString("id");
  }

  static JsonObject experiment(String name) throws Exception {
    HttpResponse<Buffer> r = await(api.get("/datasets/tiny/experiments/" + name));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static JsonObject waitReady(String name, long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      JsonObject e = experiment(name);
      String status = e.getString("status");
      if (!status.equals("uploaded") && !status.equals("computing")) {
        assertEquals("ready", status, e.encodePrettily());
        return e;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("experiment " + name + " still " + status + " after "
            + timeoutMs + " ms");
      }
      Thread.sleep(100);
    }
  }

  /** Metric rows of one experiment, and its updated_at, read straight from MariaDB. */
  static long metricRows(String id) throws Exception {
    RowSet<Row> rs = await(db.pool().preparedQuery(
        "SELECT COUNT(*) AS n FROM experiment_metrics WHERE experiment_id = ?")
        .execute(Tuple.of(id)));
    return rs.iterator().next().getLong("n");
  }

  static long updatedAt(String id) throws Exception {
    RowSet<Row> rs = await(db.pool().preparedQuery(
        "SELECT updated_at FROM experiments WHERE id = ?").execute(Tuple.of(id)));
    return rs.iterator().next().getLong("updated_at");
  }

  static long experimentRows(String name) throws Exception {
    RowSet<Row> rs = await(db.pool().preparedQuery(
        "SELECT COUNT(*) AS n FROM experiments WHERE name = ?").execute(Tuple.of(name)));
    return rs.iterator().next().getLong("n");
  }

  /** One set of metrics: as many rows as the experiment shows metrics, each name once. */
  static void assertOneSetOfMetrics(String id, JsonObject e) throws Exception {
    int names = e.getJsonObject("metrics").size();
    assertTrue(names > 0, e.encodePrettily());
    assertEquals(names, metricRows(id), "metric rows of " + id);
  }

  static int countLines(ServiceProcess p, String text) {
    int n = 0;
    for (String line : p.output().split("\n")) {
      if (line.contains(text)) {
        n++;
      }
    }
    return n;
  }

  static int countMatches(ServiceProcess p, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(p.output());
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static void awaitLog(ServiceProcess p, String text, long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!p.output().contains(text)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(p.name + " never logged '" + text + "': " + p.tail());
      }
      Thread.sleep(50);
    }
  }

  static void awaitAllReady(List<ServiceProcess> procs) throws Exception {
    for (ServiceProcess p : procs) {
      p.start();
    }
    for (ServiceProcess p : procs) {
      p.awaitReady(120_000);
    }
  }

  // ---- tests ----

  @Test
  @Order(1)
  void redeliveredEventDoesNotDuplicateResults() throws Exception {
    String id = uploadAccepted("redelivered");
    JsonObject before = waitReady("redelivered", 60_000);
    assertOneSetOfMetrics(id, before);
    long updated = updatedAt(id);
    int ignoredBefore = countLines(workers.get(0), id + " already has its metrics")
        + countLines(workers.get(1), id + " already has its metrics");

    // the same experiment.uploaded event once more, straight on Kafka
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    String teamId = null;
    RowSet<Row> rs = await(db.pool().preparedQuery(
        "SELECT team_id, dataset_id FROM experiments WHERE id = ?").execute(Tuple.of(id)));
    Row row = rs.iterator().next();
    teamId = row.getString("team_id");
    String event = new Events.ExperimentUploaded(teamId, row.getString("dataset_id"), id, null)
        .toJson().encode();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(Topics.EXPERIMENT_UPLOADED, id, event))
          .get(30, TimeUnit.SECONDS);
    }
    long deadline = System.currentTimeMillis() + 60_000;
    while (countLines(workers.get(0), id + " already has its metrics")
        + countLines(workers.get(1), id + " already has its metrics") == ignoredBefore) {
      assertTrue(System.currentTimeMillis() < deadline, "the redelivered event was not handled");
      Thread.sleep(100);
    }
    JsonObject after = experiment("redelivered");
    assertEquals("ready", after.getString("status"));
    assertEquals(before.getJsonObject("metrics"), after.getJsonObject("metrics"));
    assertOneSetOfMetrics(id, after);
    assertEquals(updated, updatedAt(id), "the experiment was computed again");
  }

  @Test
  @Order(2)
  void workerKilledMidJobAnotherWorkerFinishesIt() throws Exception {
    String id = uploadAccepted("killed");
    // the worker that logs the start of this job is the one to kill, while its job runs
    String started = "metrics of experiment " + id + " started";
    ServiceProcess victim = null;
    long deadline = System.currentTimeMillis() + 30_000;
    while (victim == null) {
      for (ServiceProcess w : workers) {
        if (w.output().contains(started)) {
          victim = w;
        }
      }
      assertTrue(System.currentTimeMillis() < deadline, "no worker started the job");
      Thread.sleep(20);
    }
    victim.kill();
    try {
      long killedAt = System.currentTimeMillis();
      assertEquals("computing", experiment("killed").getString("status"),
          "the job must still be running when its worker is killed");
      ServiceProcess survivor = workers.get(0) == victim ? workers.get(1) : workers.get(0);

      JsonObject e = waitReady("killed", 90_000);
      System.out.printf("[fault] killed worker's job finished by the other worker %.1f s after"
          + " the SIGKILL%n", (System.currentTimeMillis() - killedAt) / 1000.0);
      assertTrue(survivor.output().contains(started), "the surviving worker did not take the job");
      // the line is logged just after the result is saved
      awaitLog(survivor, "metrics of experiment killed computed", 15_000);
      assertOneSetOfMetrics(id, e);
    } finally {
      // the killed worker comes back for the next tests
      awaitAllReady(List.of(victim));
    }
  }

  @Test
  @Order(3)
  void twoWorkersShareTheQueueAndBeatOne() throws Exception {
    awaitAllReady(workers);
    double two = batch("two", 20);
    // one worker: the second leaves the group cleanly (SIGTERM closes its consumer)
    workers.get(1).stop();
    double one;
    try {
      one = batch("one", 20);
    } finally {
      awaitAllReady(List.of(workers.get(1)));
    }
    // how the group split the 20 keys' partitions: the speed-up is bounded by 20 / larger share
    int first = countMatches(workers.get(0), "metrics of experiment two\\d+ computed");
    int second = countMatches(workers.get(1), "metrics of experiment two\\d+ computed");
    System.out.printf("[fault] 20 experiments (%d ms latency-bound jobs): 1 worker %.1f s"
        + " (%.2f/s), 2 workers %.1f s (%.2f/s), speed-up %.2f; the 2 workers took %d and %d%n",
        JOB_DELAY_MS, one, 20 / one, two, 20 / two, one / two, first, second);
    assertTrue(first > 0 && second > 0, "one worker took every job: " + first + "/" + second);
    assertTrue(two < one, "2 workers " + two + " s vs 1 worker " + one + " s");
  }

  /** Uploads {@code n} experiments at once; seconds from the first upload to the last ready. */
  static double batch(String prefix, int n) throws Exception {
    long t0 = System.nanoTime();
    List<Future<HttpResponse<Buffer>>> ups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ups.add(upload(prefix + i));
    }
    List<String> ids = new ArrayList<>();
    for (Future<HttpResponse<Buffer>> f : ups) {
      HttpResponse<Buffer> r = await(f);
      assertEquals(202, r.statusCode(), r.bodyAsString());
      ids.add(r.bodyAsJsonObject().getString("id"));
    }
    for (int i = 0; i < n; i++) {
      assertOneSetOfMetrics(ids.get(i), waitReady(prefix + i, 180_000));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  @Test
  @Order(4)
  void kafkaStoppedDuringUploadsNothingAcceptedIsLost() throws Exception {
    kafka.stop();
    long stoppedAt = System.currentTimeMillis();
    List<String> names = new ArrayList<>();
    List<Future<HttpResponse<Buffer>>> ups = new ArrayList<>();
    int i = 0;
    // one upload every 2 s for the 30 s outage (each may wait up to the 8 s publish timeout)
    while (System.currentTimeMillis() - stoppedAt < 30_000) {
      String name = "outage" + i++;
      names.add(name);
      ups.add(upload(name));
      Thread.sleep(2000);
    }
    kafka.start();
    System.out.printf("[fault] Kafka back after %.1f s%n",
        (System.currentTimeMillis() - stoppedAt) / 1000.0);
    names.add("after-outage");
    ups.add(upload("after-outage"));
    int accepted = 0;
    int refused = 0;
    for (int k = 0; k < names.size(); k++) {
      HttpResponse<Buffer> r = await(ups.get(k));
      String name = names.get(k);
      if (r.statusCode() == 202) {
        accepted++;
      } else {
        assertEquals(503, r.statusCode(), name + ": " + r.bodyAsString());
        refused++;
        // refused: undone, no metadata row left
        assertEquals(0, experimentRows(name), name + " refused but its row stayed");
      }
    }
    System.out.printf("[fault] uploads during the 30 s Kafka outage: %d accepted, %d refused"
        + " with 503%n", accepted, refused);
    assertTrue(refused > 0, "no upload noticed the outage");
    assertTrue(accepted > 1, "nothing accepted around the outage");
    for (int k = 0; k < names.size(); k++) {
      if (ups.get(k).result().statusCode() == 202) {
        waitReady(names.get(k), 120_000);
      }
    }
  }

  @Test
  @Order(5)
  void mysqlRestartedServicesReconnect() throws Exception {
    LocalMariaDb.restart();
    // every process answers ready again on its own (its pool reconnects), then a whole flow
    for (ServiceProcess p : all) {
      p.awaitReady(60_000);
    }
    HttpResponse<Buffer> list = await(api.get("/datasets"));
    assertEquals(200, list.statusCode(), list.bodyAsString());
    String id = uploadAccepted("after-mysql-restart");
    assertOneSetOfMetrics(id, waitReady("after-mysql-restart", 60_000));
  }

  @Test
  @Order(6)
  void s3UnavailableUploadAnswers503AndLeavesNoRow() throws Exception {
    s3.stop();
    try {
      HttpResponse<Buffer> r = await(upload("no-s3"));
      assertEquals(503, r.statusCode(), r.bodyAsString());
      assertEquals(0, experimentRows("no-s3"));
      assertEquals(404, await(api.get("/datasets/tiny/experiments/no-s3")).statusCode());
    } finally {
      s3.start();
    }
    String id = uploadAccepted("no-s3");
    assertOneSetOfMetrics(id, waitReady("no-s3", 60_000));
    for (ServiceProcess p : all) {
      assertTrue(p.isAlive(), p.name + " died: " + p.tail());
    }
  }
}
