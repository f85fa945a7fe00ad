package org.web4rec.platform.blob;

import java.util.regex.Pattern;

/**
 * Blob key layout and validation. Keys are '/'-separated segments of [A-Za-z0-9._-] that are not
 * "." or "..", so no key can escape its team's prefix on a file system or in a bucket.
 */
public final class BlobKeys {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private BlobKeys() {}

  public static String validate(String key) {
    if (key == null || key.isEmpty() || key.length() > 1024) {
      throw new IllegalArgumentException("blob key must be 1..1024 characters: " + key);
    }
    for (String seg : key.split("/", -1)) {
      if (!SEGMENT.matcher(seg).matches() || seg.equals(".") || seg.equals("..")) {
        throw new IllegalArgumentException("invalid blob key segment '" + seg + "' in " + key);
      }
    }
    return key;
  }

  public static String validatePrefix(String prefix) {
    if (prefix.isEmpty()) {
      return prefix;
    }
    validate(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    return prefix;
  }

  public static String dataset(String teamId, String datasetId) {
    return validate("teams/" + teamId + "/datasets/" + datasetId) + "/";
  }

  public static String experiment(String teamId, String experimentId) {
    return validate("teams/" + teamId + "/experiments/" + experimentId) + "/";
  }
}
