package org.web4rec.platform.sql;

import java.security.SecureRandom;

/** Application-generated ids: a type prefix and 16 random base-32 characters (80 bits). */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Ids() {}

  public static String next(String prefix) {
    return prefix + "_" + random(16);
  }

  public static String random(int chars) {
    char[] out = new char[chars];
    for (int i = 0; i < chars; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
