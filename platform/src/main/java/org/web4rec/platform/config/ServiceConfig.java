package org.web4rec.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings of one service process in distributed mode: a Java properties file, then environment
 * variables over it ({@code WEB4REC_} + the key upper-cased with dots and dashes as underscores,
 * e.g. {@code sql.password} from {@code WEB4REC_SQL_PASSWORD}), so secrets come from a Kubernetes
 * Secret and never sit in the file. Properties because the keys are flat and map one to one onto
 * environment variables, and the JDK reads them with no parser dependency. Unknown keys in the
 * file are an error (a typo must not silently fall back to a default). The format is documented
 * in docs/distributed.md; {@link #KEYS} is its single list.
 */
public final class ServiceConfig {

  /** Every key with its default ({@code null}: no default). */
  public static final Map<String, String> KEYS = keys();

  private final Map<String, String> values;

  private ServiceConfig(Map<String, String> values) {
    this.values = values;
  }

  private static Map<String, String> keys() {
    Map<String, String> k = new LinkedHashMap<>();
    k.put("service", null);
    k.put("http.port", "8080");
    k.put("data.dir", "./data");
    k.put("upload.max-mb", "1024");
    k.put("upload.max-decoded-mb", "512");
    k.put("http.max-json-mb", Long.toString(HttpLimits.DEFAULT_MAX_JSON_MB));
    k.put("http.request-timeout-s", Long.toString(HttpLimits.DEFAULT_REQUEST_TIMEOUT_S));
    k.put("http.upload-timeout-s", Long.toString(HttpLimits.DEFAULT_UPLOAD_TIMEOUT_S));
    k.put("http.idle-timeout-s", Integer.toString(HttpLimits.DEFAULT_IDLE_TIMEOUT_S));
    k.put("http.trust-forwarded-proto", "false");
    k.put("sql.adapter", "embedded");
    k.put("sql.host", "localhost");
    k.put("sql.port", "3306");
    k.put("sql.database", "web4rec");
    k.put("sql.user", "web4rec");
    k.put("sql.password", null);
    k.put("sql.pool-size", "8");
    k.put("blob.adapter", "local");
    k.put("blob.dir", null);
    k.put("blob.s3.endpoint", null);
    k.put("blob.s3.bucket", "web4rec");
    k.put("blob.s3.region", "us-east-1");
    k.put("blob.s3.access-key", null);
    k.put("blob.s3.secret-key", null);
    k.put("blob.s3.path-style", "true");
    k.put("bus.adapter", "local");
    k.put("bus.kafka.bootstrap-servers", null);
    k.put("bus.kafka.topic-partitions", "6");
    k.put("bus.kafka.replication-factor", "1");
    k.put("bus.kafka.session-timeout-ms", "45000");
    k.put("bus.kafka.publish-timeout-ms", "30000");
    k.put("test-only.metrics-job-delay-ms", "0");
    k.put("internal.secret", null);
    k.put("gateway.jwt-secret", null);
    k.put("gateway.jwt-previous-secret", null);
    k.put("gateway.session-hours", "12");
    k.put("gateway.session-max-days", "30");
    k.put("gateway.client-ip-header", null);
    // Rate limits, COUNT/SECONDS; the reasons for each value are in docs/distributed.md.
    k.put("ratelimit.login-per-ip", "60/60");
    k.put("ratelimit.login-per-account", "10/900");
    k.put("ratelimit.signup-per-ip", "20/3600");
    k.put("ratelimit.tokens-per-ip", "60/3600");
    k.put("ratelimit.tokens-per-account", "20/3600");
    k.put("ratelimit.members-per-ip", "120/3600");
    k.put("ratelimit.members-per-account", "60/3600");
    k.put("test-only.password-iterations", "600000");
    k.put("gateway.ingest-url", null);
    k.put("gateway.metrics-url", null);
    k.put("gateway.rerank-url", null);
    k.put("gateway.analysis-url", null);
    k.put("gateway.ui-dir", null);
    k.put("workers.enabled", "true");
    return java.util.Collections.unmodifiableMap(k);
  }

  /** The environment variable that overrides a key. */
  public static String envName(String key) {
    return "WEB4REC_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Reads the file (may be null: environment and defaults only), then the environment. */
  public static ServiceConfig load(Path file, Map<String, String> env) throws IOException {
    Map<String, String> values = new TreeMap<>();
    if (file != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      }
      for (String key : p.stringPropertyNames()) {
        if (!KEYS.containsKey(key)) {
          throw new IllegalArgumentException(file + ": unknown key '" + key + "' (known: "
              + String.join(", ", KEYS.keySet()) + ")");
        }
        values.put(key, p.getProperty(key).trim());
      }
    }
    for (String key : KEYS.keySet()) {
      String v = env.get(envName(key));
      if (v != null && !v.isBlank()) {
        values.put(key, v.trim());
      }
    }
    return new ServiceConfig(values);
  }

  /** A config from explicit values (tests, tools); unknown keys are an error. */
  public static ServiceConfig of(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (!KEYS.containsKey(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "'");
      }
    }
    return new ServiceConfig(new TreeMap<>(values));
  }

  /** The value, else the default, else null. */
  public String get(String key) {
    if (!KEYS.containsKey(key)) {
      throw new IllegalArgumentException("unknown key '" + key + "'");
    }
    String v = values.get(key);
    return v == null || v.isEmpty() ? KEYS.get(key) : v;
  }

  /** The value, failing with a message that names the key and its variable when absent. */
  public String require(String key) {
    String v = get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing setting '" + key + "' (in the config file or "
          + envName(key) + ")");
    }
    return v;
  }

  public int integer(String key) {
    String v = require(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting '" + key + "' must be an integer, is '" + v
          + "'");
    }
  }

  public boolean flag(String key) {
    String v = require(key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("setting '" + key + "' must be true or false, is '"
          + v + "'");
    }
    return v.equals("true");
  }

  /** A copy with one value replaced (the command line's service name, a test's port). */
  public ServiceConfig with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return of(copy);
  }

  /** The settings the shared service code takes ({@link ServerConfig}). */
  public ServerConfig server() {
    Path dataDir = Path.of(require("data.dir")).toAbsolutePath().normalize();
    String ui = get("gateway.ui-dir");
    HttpLimits http = HttpLimits.of(integer("http.max-json-mb"),
        integer("http.request-timeout-s"), integer("http.upload-timeout-s"),
        integer("http.idle-timeout-s"), flag("http.trust-forwarded-proto"));
    return new ServerConfig(integer("http.port"), dataDir, (long) integer("upload.max-mb") << 20,
        ServerConfig.DEFAULT_KS, 100, ui == null ? null : Path.of(ui).toAbsolutePath(),
        (long) integer("upload.max-decoded-mb") << 20, http);
  }
}
