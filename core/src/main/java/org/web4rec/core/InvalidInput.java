package org.web4rec.core;

/**
 * Input that a computation cannot accept (an unknown id, a malformed column, a value out of range),
 * with a message that says what is wrong and, where it helps, a valid example. A domain error, not
 * an HTTP one: the service's single error handler answers it with 400 and both texts.
 */
public class InvalidInput extends RuntimeException {

  private final String example;

  /**
   * @param message what is wrong, in the user's terms (names the part, column or id)
   * @param example a valid input of the same kind, or null
   */
  public InvalidInput(String message, String example) {
    super(message);
    this.example = example;
  }

  /** A valid input of the same kind, or null. */
  public String example() {
    return example;
  }
}
