package org.web4rec.core.stats;

/**
 * A two-sided confidence interval; both ends are NaN when there was too little data for one.
 *
 * @param low lower end
 * @param high upper end
 * @param level nominal coverage, e.g. 0.95
 */
public record ConfidenceInterval(double low, double high, double level) {

  /**
   * @param level nominal coverage
   * @return the interval with both ends NaN
   */
  public static ConfidenceInterval undefined(double level) {
    return new ConfidenceInterval(Double.NaN, Double.NaN, level);
  }

  /**
   * @param value a value
   * @return whether {@code value} lies in [low, high] (false when the interval is undefined)
   */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
