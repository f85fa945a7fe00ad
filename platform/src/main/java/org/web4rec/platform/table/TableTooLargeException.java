package org.web4rec.platform.table;

/**
 * The upload decodes to more than a {@link DecodeLimits} cap allows (rows or decoded bytes): the
 * data is well formed but too big for this server, so it answers 413, not 400.
 */
public class TableTooLargeException extends TableFormatException {
  public TableTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }

  public TableTooLargeException(String message) {
    super(message);
  }

  @Override
  public TableFormatException inPart(String part) {
    return new TableTooLargeException("part '" + part + "': " + getMessage(), this);
  }
}
