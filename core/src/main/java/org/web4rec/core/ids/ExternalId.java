package org.web4rec.core.ids;

/**
 * The canonical string form of an external user or item id (docs/api.md). Two ids are the same
 * when their canonical forms are: an integer id 42, a float id 42.0 and a string "42" are one id,
 * while "042", "42.0" (a string) and 42.5 are others. Strings are trimmed; integer-valued floats
 * count as integers only below 10^15 in magnitude, where a double still holds every integer
 * exactly and no float formatting is involved.
 *
 * <p>Datasets store their ids in this form, so a request naming an id in any of the three ways
 * finds it by {@link #canonical(Object)}.
 */
public final class ExternalId {

  /** Returned by the {@code integer} functions when the id is not an integer id. */
  public static final long NOT_INTEGER = Long.MIN_VALUE;

  /** Magnitude below which an integer-valued float is the integer id. */
  private static final double EXACT_FLOAT_LIMIT = 1e15;

  private ExternalId() {}

  /**
   * @param id an id as a request or a table cell carries it: a boxed number or a string
   * @return its canonical string, or null when {@code id} is null
   */
  public static String canonical(Object id) {
    if (id == null) {
      return null;
    }
    if (id instanceof Long || id instanceof Integer || id instanceof Short || id instanceof Byte) {
      return id.toString();
    }
    if (id instanceof Number n) {
      long v = integer(n.doubleValue());
      return v != NOT_INTEGER ? Long.toString(v) : n.toString();
    }
    return id.toString().trim();
  }

  /**
   * @param x a float id
   * @return the integer id it stands for, or {@link #NOT_INTEGER}
   */
  public static long integer(double x) {
    return x == Math.rint(x) && Math.abs(x) < EXACT_FLOAT_LIMIT ? (long) x : NOT_INTEGER;
  }

  /**
   * @param s a trimmed string id
   * @return the long whose decimal form is exactly {@code s} (no sign but '-', no leading zero,
   *     no "-0"), or {@link #NOT_INTEGER}
   */
  public static long integer(String s) {
    int n = s.length();
    if (n == 0 || n > 20) {
      return NOT_INTEGER;
    }
    int i = s.charAt(0) == '-' ? 1 : 0;
    if (i == n || (s.charAt(i) == '0' && n > i + 1) || (i == 1 && s.equals("-0"))) {
      return NOT_INTEGER;
    }
    for (int k = i; k < n; k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return NOT_INTEGER;
      }
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException outOfRange) {
      return NOT_INTEGER;
    }
  }
}
