package org.web4rec.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API-token material: generation, the public prefix, and hashing (SHA-256: tokens carry 160
 * random bits, so a fast hash is enough and lookups stay cheap). Comparisons are constant-time.
 * Passwords are {@link Passwords}' business.
 */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A new API token {@code w4r_<8 hex>_<32 base32>}: the hex part is its public prefix. */
  static String newToken() {
    byte[] prefix = new byte[4];
    RANDOM.nextBytes(prefix);
    return "w4r_" + HexFormat.of().formatHex(prefix) + "_"
        + org.web4rec.platform.sql.Ids.random(32);
  }

  /** The prefix of a well-formed token, else null. */
  static String prefixOf(String token) {
    if (token == null || !token.matches("w4r_[0-9a-f]{8}_[a-z2-7]{32}")) {
      return null;
    }
    return token.substring(4, 12);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
        b.getBytes(StandardCharsets.US_ASCII));
  }
}
