package org.web4rec.platform.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What a process refuses to start with: a placeholder in any secret setting (the shipped
 * {@code deploy/base/secret.env.example} holds only {@code change-me...} values, and
 * deploy/check_manifests.py keeps it so, which makes "a value from the shipped manifests" and
 * "a placeholder" the same test), and a signing key shorter than 32 bytes: HMAC-SHA256 is only as
 * strong as its key, and a short one can be brute-forced offline from one signed token.
 */
public final class SecretRules {

  /** Shortest signing key accepted, in UTF-8 bytes. */
  public static final int MIN_KEY_BYTES = 32;

  /** The settings that hold secrets ({@link ServiceConfig} keys). */
  public static final List<String> SECRET_KEYS = List.of("sql.password", "blob.s3.access-key",
      "blob.s3.secret-key", "internal.secret", "gateway.jwt-secret",
      "gateway.jwt-previous-secret");

  private static final List<String> PLACEHOLDER_MARKS = List.of("change-me", "changeme",
      "change_me");

  private SecretRules() {}

  public static boolean isPlaceholder(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return PLACEHOLDER_MARKS.stream().anyMatch(v::contains);
  }

  /** Fails naming the first secret setting that holds a placeholder. */
  public static void refusePlaceholders(ServiceConfig config) {
    for (String key : SECRET_KEYS) {
      String v = config.get(key);
      if (v != null && isPlaceholder(v)) {
        throw new IllegalArgumentException("setting '" + key + "' (" + ServiceConfig.envName(key)
            + ") holds a placeholder; put a real secret in the Secret web4rec-secrets (see"
            + " deploy/base/secret.env.example)");
      }
    }
  }

  /** Checks a signing key: no placeholder, at least {@link #MIN_KEY_BYTES} bytes. */
  public static void requireSigningKey(String what, String value) {
    if (value == null || value.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(what + " must be at least " + MIN_KEY_BYTES
          + " bytes (e.g. `openssl rand -base64 48`)");
    }
    if (isPlaceholder(value)) {
      throw new IllegalArgumentException(what + " is a placeholder; generate one with"
          + " `openssl rand -base64 48`");
    }
  }
}
