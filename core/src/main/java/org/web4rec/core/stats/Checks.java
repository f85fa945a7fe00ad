package org.web4rec.core.stats;

/** Argument checks and small sums shared by the classes of this package. */
final class Checks {

  private Checks() {}

  /** Throws unless {@code values} is non-null and every value is finite. */
  static void finite(double[] values, String name) {
    if (values == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + ", not finite");
      }
    }
  }

  /** Mean by a plain sum followed by one correction pass (accurate for long arrays). */
  static double mean(double[] values) {
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double residual = 0;
    for (double v : values) {
      residual += v - mean;
    }
    return mean + residual / n;
  }
}
