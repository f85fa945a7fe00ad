package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.config.ServiceConfig;

/**
 * The config files the Kubernetes manifests ship (deploy/base/config, overlay files) load with
 * the real parser, name the service of their file, and give the gateway a URL for every service
 * that owns routes; and the adapter seam fails clearly for adapters not in this build.
 */
class ServiceConfigFilesTest {

  static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

  @Test
  void shippedConfigFilesLoadAndAreComplete() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(DEPLOY)) {
      files = s.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
    }
    assertTrue(files.size() >= Modules.ALL.size() + 1, "config files in " + DEPLOY);
    for (Path f : files) {
      ServiceConfig c = ServiceConfig.load(f, Map.of());
      String service = f.getFileName().toString().replace(".properties", "");
      assertEquals(service, c.require("service"), f.toString());
      c.server(); // port, data dir and upload limit parse
      assertFalse(f.toString().contains("secret") || c.get("internal.secret") != null
          || c.get("sql.password") != null || c.get("blob.s3.secret-key") != null,
          f + ": secrets come from the environment, not the file");
      if (service.equals("gateway")) {
        for (String owner : Modules.routeTable().keySet()) {
          assertNotNull(c.get("gateway." + owner + "-url"), f + " lacks a URL for " + owner);
        }
      }
    }
  }

  @Test
  void environmentOverridesTheFileAndUnknownKeysFail(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("x.properties");
    Files.writeString(f, "service=ingest\nhttp.port=9000\nsql.adapter=embedded\n");
    ServiceConfig c = ServiceConfig.load(f, Map.of("WEB4REC_HTTP_PORT", "9100",
        "WEB4REC_SQL_PASSWORD", "from-secret", "WEB4REC_UNRELATED", "x"));
    assertEquals(9100, c.integer("http.port"));
    assertEquals("from-secret", c.get("sql.password"));
    assertEquals("local", c.get("blob.adapter"));
    assertEquals("WEB4REC_BLOB_S3_ACCESS_KEY", ServiceConfig.envName("blob.s3.access-key"));

    Files.writeString(f, "service=ingest\nhttp.prot=9000\n");
    IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
        () -> ServiceConfig.load(f, Map.of()));
    assertTrue(typo.getMessage().contains("http.prot"), typo.getMessage());
  }

  @Test
  void productionAdaptersTakeTheirSettingsFromTheConfig(@TempDir Path dir) throws Exception {
    ServiceConfig c = ServiceConfig.of(Map.of("service", "ingest", "data.dir", dir.toString(),
        "internal.secret", DistributedModeTest.SECRET, "sql.adapter", "mysql",
        "sql.host", "db.example", "sql.port", "3307", "sql.pool-size", "3"));
    // a missing secret fails at start, naming its environment variable
    Exception e = assertThrows(Exception.class, () -> ServiceMain.start(c)
        .toCompletionStage().toCompletableFuture().get());
    assertTrue(e.getCause().getMessage().contains("WEB4REC_SQL_PASSWORD"),
        e.getCause().getMessage());

    org.web4rec.platform.adapters.sql.MySqlConfig sql = AdapterFactory.mysqlConfig(
        c.with("sql.password", "pw"));
    assertEquals("db.example", sql.host());
    assertEquals(3307, sql.port());
    assertEquals("web4rec", sql.database());
    assertEquals(3, sql.poolSize());

    org.web4rec.platform.adapters.blob.S3Config s3 = AdapterFactory.s3Config(c
        .with("blob.s3.endpoint", "http://minio:9000").with("blob.s3.access-key", "a")
        .with("blob.s3.secret-key", "s"));
    assertEquals("http://minio:9000", s3.endpoint());
    assertEquals("web4rec", s3.bucket());
    assertTrue(s3.pathStyle());
    // no key pair: the SDK's default credential chain (IRSA, instance profile)
    assertEquals(null, AdapterFactory.s3Config(c).accessKeyId());

    org.web4rec.platform.adapters.bus.KafkaBusConfig kafka = AdapterFactory.kafkaConfig(c
        .with("bus.kafka.bootstrap-servers", "kafka:9092")
        .with("bus.kafka.session-timeout-ms", "6000"));
    assertEquals("kafka:9092", kafka.bootstrapServers());
    assertEquals(6, kafka.topicPartitions());
    assertEquals(1, kafka.replicationFactor());
    assertEquals("6000", kafka.extra().get("consumer.session.timeout.ms"));
    assertEquals("30000", kafka.extra().get("producer.delivery.timeout.ms"));
    assertThrows(IllegalArgumentException.class, () -> AdapterFactory.kafkaConfig(c));
  }
}
