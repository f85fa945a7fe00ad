package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.config.SecretRules;
import org.web4rec.platform.config.ServiceConfig;
import org.web4rec.platform.observe.Observability;

/**
 * A service never starts with a secret the repository ships (every value of
 * deploy/base/secret.env.example) nor with a signing key under 32 bytes.
 */
class ShippedSecretsTest {

  static final Path EXAMPLE = Path.of("..", "deploy", "base", "secret.env.example")
      .toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void everyShippedValueIsRefused() throws Exception {
    List<String> lines = Files.readAllLines(EXAMPLE).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertFalse(lines.isEmpty());
    for (String line : lines) {
      String env = line.substring(0, line.indexOf('='));
      String value = line.substring(line.indexOf('=') + 1);
      String key = SecretRules.SECRET_KEYS.stream()
          .filter(k -> ServiceConfig.envName(k).equals(env)).findFirst().orElseThrow();
      ServiceConfig c = ServiceConfig.load(null, Map.of(env, value));
      assertThrows(IllegalArgumentException.class, () -> SecretRules.refusePlaceholders(c), env);
      assertTrue(SecretRules.isPlaceholder(value), key);
    }
  }

  @Test
  void theGatewayRefusesPlaceholderAndShortSessionKeys() throws Exception {
    Vertx vertx = Vertx.vertx();
    Observability observability = Observability.create("secrets-test");
    Map<String, String> base = new HashMap<>(Map.of("service", "gateway", "http.port", "0",
        "data.dir", dir.toString(), "internal.secret", "internal-secret-0123456789-abcdefghij",
        "gateway.ingest-url", "http://127.0.0.1:1", "gateway.metrics-url", "http://127.0.0.1:1",
        "gateway.rerank-url", "http://127.0.0.1:1", "gateway.analysis-url", "http://127.0.0.1:1"));
    try {
      for (String jwt : List.of("change-me-at-least-32-characters-long", "only-20-bytes-long!!")) {
        Map<String, String> values = new HashMap<>(base);
        values.put("gateway.jwt-secret", jwt);
        ServiceConfig c = ServiceConfig.of(values);
        Adapters adapters = ServiceMain.open(vertx, "gateway", c);
        try {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> await(ServiceMain.deploy(vertx, c, observability, adapters)));
          assertTrue(e.getMessage().contains("jwt-secret"), e.getMessage());
        } finally {
          await(adapters.close());
        }
      }
    } finally {
      await(vertx.close());
    }
  }
}
