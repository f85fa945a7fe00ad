package org.web4rec.core.baselines;

/**
 * Top-n recommendations in long form: row {@code k} recommends {@code items[k]} to {@code
 * users[k]} with {@code scores[k]}. Rows are grouped by user (ascending) and ordered best first
 * within a user. Arrays are shared; do not mutate.
 *
 * @param users dense user index of each row
 * @param items dense item index of each row
 * @param scores score of each row, non-increasing within a user
 */
public record Recommendations(int[] users, int[] items, float[] scores) {

  /** Validates alignment. */
  public Recommendations {
    if (users == null || items == null || scores == null) {
      throw new IllegalArgumentException("users, items and scores must not be null");
    }
    if (users.length != items.length || users.length != scores.length) {
      throw new IllegalArgumentException(
          "users, items and scores must have the same length, got " + users.length + ", "
              + items.length + ", " + scores.length);
    }
  }

  /** @return number of rows */
  public int size() {
    return users.length;
  }
}
