package org.web4rec.platform.table;

/**
 * What one decode has spent of its {@link DecodeLimits}: estimated heap bytes and rows, charged
 * before the memory is taken so a breach stops the decode before it allocates.
 */
final class DecodeBudget {

  /** Heap cost of one String beyond its bytes: object header, fields, array header, reference. */
  static final long STRING_OVERHEAD = 48;
  /** Heap cost of one String[] beyond its references. */
  static final long ARRAY_OVERHEAD = 16;

  private final DecodeLimits limits;
  private final String format;
  private long bytes;
  private long rows;

  DecodeBudget(DecodeLimits limits, String format) {
    this.limits = limits;
    this.format = format;
  }

  DecodeLimits limits() {
    return limits;
  }

  void columns(int n) {
    if (n > limits.maxColumns()) {
      throw new TableFormatException(format + " table has " + n + " columns; the limit is "
          + limits.maxColumns() + " columns per table");
    }
  }

  void rows(long n) {
    rows += n;
    if (rows > limits.maxRows()) {
      throw new TableTooLargeException(format + " table has more than " + limits.maxRows()
          + " rows, the server's limit per table; split the upload or keep fewer candidates");
    }
  }

  void bytes(long n) {
    bytes += n;
    if (bytes > limits.maxDecodedBytes()) {
      throw tooLarge();
    }
  }

  /** One string of {@code length} UTF-8 bytes: its length checked, its heap cost charged. */
  void string(long length) {
    if (length > limits.maxStringBytes()) {
      String unit = format.equals("CSV") ? " characters" : " bytes";
      throw new TableFormatException(format + " value of " + length + unit + " is longer than"
          + " the limit of " + limits.maxStringBytes() + unit + " per value");
    }
    bytes(STRING_OVERHEAD + length);
  }

  TableTooLargeException tooLarge() {
    return new TableTooLargeException(format + " table decodes to more than "
        + DecodeLimits.size(limits.maxDecodedBytes()) + ", the server's decoded-size limit"
        + " (--max-decoded-mb / upload.max-decoded-mb, at most " + DecodeLimits.EXPANSION
        + "x the upload limit); send fewer rows or candidates per user");
  }
}
