package org.web4rec.gateway;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing: PBKDF2-HMAC-SHA256 with a per-user salt, stored as
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, so hashes made at an older iteration count still
 * verify and are re-hashed at the next successful login ({@link #needsUpgrade}). PBKDF2 rather
 * than Argon2id because the JDK has it (no native library, no new dependency); at OWASP's
 * 600,000 iterations it costs about a third of a second of one core per login on a small server.
 */
final class Passwords {

  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  static final int PRODUCTION_ITERATIONS = 600_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;
  /** Checked against when the email is unknown, so a miss costs as long as a wrong password. */
  private final String dummyHash;

  Passwords(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("PBKDF2 iterations must be positive, are " + iterations);
    }
    this.iterations = iterations;
    // Any well-formed hash at this count costs the same to check; none can match it. Built, not
    // computed, so constructing this class never blocks the event loop.
    this.dummyHash = "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder()
        .encodeToString(new byte[16]) + "$" + Base64.getEncoder().encodeToString(new byte[32]);
  }

  int iterations() {
    return iterations;
  }

  String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
        + Base64.getEncoder().encodeToString(pbkdf2(password, salt, iterations));
  }

  boolean check(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, pbkdf2(password, salt, Integer.parseInt(parts[1])));
  }

  /** Burns the time of one check for an unknown account; always false. */
  boolean checkUnknown(String password) {
    check(password, dummyHash);
    return false;
  }

  /** True for a hash made with fewer iterations than this instance uses. */
  boolean needsUpgrade(String stored) {
    String[] parts = stored.split("\\$");
    try {
      return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
    } catch (NumberFormatException e) {
      return true;
    }
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
}
