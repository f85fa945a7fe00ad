package org.web4rec.platform.sql;

/** An insert hit a unique key; repositories raise it so callers can answer 409. */
public class DuplicateKeyException extends RuntimeException {
  public DuplicateKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
