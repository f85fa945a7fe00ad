package org.web4rec.platform.table;

/** The bytes are not a readable table of a supported format. */
public class TableFormatException extends RuntimeException {
  public TableFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  public TableFormatException(String message) {
    super(message);
  }

  /** The same failure, its message naming the upload part it came from. */
  public TableFormatException inPart(String part) {
    return new TableFormatException("part '" + part + "': " + getMessage(), this);
  }
}
