package org.web4rec.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing (PBKDF2-HMAC-SHA256, per-user salt) and API-token hashing (SHA-256: tokens
 * carry 160 random bits, so a fast hash is enough and lookups stay cheap). Comparisons are
 * constant-time.
 */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ITERATIONS = 60_000;

  private Secrets() {}

  static String hashPassword(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
        + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
  }

  static boolean checkPassword(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, pbkdf2(password, salt, Integer.parseInt(parts[1])));
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      return f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

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
