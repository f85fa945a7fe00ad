package org.web4rec.platform.table;

/**
 * How much an uploaded table may decode to. Uploads are read with these caps enforced as the
 * bytes arrive, so a compression bomb, a forged header or a giant CSV is refused before it can
 * take the heap that every other tenant's work shares.
 *
 * @param maxDecodedBytes estimated heap the decoded table may take (and the Arrow allocator's
 *     limit for one record batch); over it: 413
 * @param maxRows rows in one table; over it: 413
 * @param maxColumns columns in one table; over it: 400
 * @param maxStringBytes UTF-8 bytes in one string value or CSV field; over it: 400
 */
public record DecodeLimits(long maxDecodedBytes, long maxRows, int maxColumns,
    int maxStringBytes) {

  /** 100 M rows: five times the largest public rating set's interactions (MovieLens 25M/20M). */
  public static final long MAX_ROWS = 100_000_000L;
  /** Embedding tables have one column per dimension; 4096 leaves room for any common size. */
  public static final int MAX_COLUMNS = 4096;
  /** Ids, genres and titles: 64 KiB is far above any of them and bounds one value's cost. */
  public static final int MAX_STRING_BYTES = 64 * 1024;
  /**
   * A decoded table may take at most this many times the request body limit in heap. A CSV of
   * short ids takes about 12 times its size as Java strings, uncompressed Arrow 1-7 times; only a
   * compressed stream goes beyond, and that is what this stops.
   */
  public static final int EXPANSION = 16;

  /** For tables the server wrote itself (blobs): no caps, as before. */
  public static final DecodeLimits TRUSTED =
      new DecodeLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  public DecodeLimits {
    if (maxDecodedBytes < 1 || maxRows < 1 || maxColumns < 1 || maxStringBytes < 1) {
      throw new IllegalArgumentException("decode limits must be positive");
    }
  }

  /**
   * The caps for uploads: decoded bytes at most {@code maxDecodedBytes}, {@link #EXPANSION} times
   * the body limit, and half the JVM's maximum heap, whichever is least.
   */
  public static DecodeLimits forUploads(long maxUploadBytes, long maxDecodedBytes) {
    long byBody = maxUploadBytes > Long.MAX_VALUE / EXPANSION
        ? Long.MAX_VALUE : maxUploadBytes * EXPANSION;
    long byHeap = Runtime.getRuntime().maxMemory() / 2;
    long decoded = Math.max(1, Math.min(maxDecodedBytes, Math.min(byBody, byHeap)));
    return new DecodeLimits(decoded, MAX_ROWS, MAX_COLUMNS, MAX_STRING_BYTES);
  }

  /** Bytes as the largest whole unit, for messages. */
  static String size(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1L << 10) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}
