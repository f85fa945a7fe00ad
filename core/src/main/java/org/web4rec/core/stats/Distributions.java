package org.web4rec.core.stats;

/**
 * Standard normal and Student t distribution functions.
 *
 * <p>Normal: Φ(z) = erfc(-z/√2) / 2, with erfc from {@code SpecialFunctions.erfc} (series and
 * continued fraction of Abramowitz and Stegun 7.1.6 and 7.1.14).
 *
 * <p>Student t with ν degrees of freedom: P(|T| ≥ |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²)
 * (Numerical Recipes, 2nd ed., §6.4), with the regularized incomplete beta function of {@code
 * SpecialFunctions.regularizedIncompleteBeta}; 1 - x is passed as t² / (ν + t²) so that small
 * |t| keeps its precision. The two-sided tail is computed directly, never as 1 - CDF, so small
 * p-values keep their relative precision. The quantile inverts the CDF by bisection, slower than a
 * dedicated inverse but unable to fail to converge.
 */
public final class Distributions {

  private static final double SQRT_HALF = Math.sqrt(0.5);

  private Distributions() {}

  /**
   * @param z any double
   * @return Φ(z) = P(Z ≤ z) for a standard normal Z; NaN for NaN
   */
  public static double normalCdf(double z) {
    return 0.5 * SpecialFunctions.erfc(-z * SQRT_HALF);
  }

  /**
   * @param z the observed z statistic
   * @return P(|Z| ≥ |z|) = erfc(|z|/√2); NaN for NaN
   */
  public static double normalTwoSidedP(double z) {
    return SpecialFunctions.erfc(Math.abs(z) * SQRT_HALF);
  }

  /**
   * @param t any double
   * @param df degrees of freedom, positive (need not be an integer)
   * @return P(T ≤ t) for Student's t with {@code df} degrees of freedom; NaN for NaN t
   * @throws IllegalArgumentException if {@code df} is not positive and finite
   */
  public static double studentTCdf(double t, double df) {
    checkDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    double halfTail = 0.5 * tailBothSides(t, df);
    return t < 0 ? halfTail : 1 - halfTail;
  }

  /**
   * @param t the observed t statistic; ±infinity gives 0
   * @param df degrees of freedom, positive (need not be an integer)
   * @return P(|T| ≥ |t|); NaN for NaN t
   * @throws IllegalArgumentException if {@code df} is not positive and finite
   */
  public static double studentTTwoSidedP(double t, double df) {
    checkDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    return tailBothSides(t, df);
  }

  /**
   * Inverse of {@link #studentTCdf}: the t with P(T ≤ t) = p, by bisection to a relative width
   * of 1e-14.
   *
   * @param p probability in (0, 1)
   * @param df degrees of freedom, positive
   * @return the p-quantile of Student's t with {@code df} degrees of freedom
   * @throws IllegalArgumentException if p is outside (0, 1) or df is not positive and finite
   */
  public static double studentTQuantile(double p, double df) {
    checkDf(df);
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must lie in (0, 1), got " + p);
    }
    if (p == 0.5) {
      return 0;
    }
    // Solve P(|T| >= t) = 2 min(p, 1-p) for t > 0; the two-sided tail falls as t grows.
    double target = 2 * Math.min(p, 1 - p);
    double lo = 0;
    double hi = 1;
    while (tailBothSides(hi, df) > target) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1e-14 * hi) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (tailBothSides(mid, df) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double t = 0.5 * (lo + hi);
    return p < 0.5 ? -t : t;
  }

  /** P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2). */
  private static double tailBothSides(double t, double df) {
    if (Double.isInfinite(t)) {
      return 0;
    }
    double t2 = t * t;
    if (t2 == 0) {
      return 1;
    }
    if (Double.isInfinite(t2)) {
      return 0; // |t| > 1e154: the tail is far below anything a double p-value can show
    }
    double x = df / (df + t2);
    double y = t2 / (df + t2);
    return SpecialFunctions.regularizedIncompleteBeta(0.5 * df, 0.5, x, y);
  }

  private static void checkDf(double df) {
    if (!(df > 0) || Double.isInfinite(df)) {
      throw new IllegalArgumentException(
          "degrees of freedom must be positive and finite, got " + df);
    }
  }
}
