package org.web4rec.core.stats;

/**
 * The special functions behind {@link Distributions}: log-gamma, the regularized incomplete beta
 * function and the complementary error function, each to close to double precision on the
 * arguments the tests here produce.
 *
 * <ul>
 *   <li>{@link #logGamma}: Stirling's asymptotic series with seven Bernoulli terms for x ≥ 10
 *       (Abramowitz and Stegun 6.1.40; truncation error below 1e-16 there), and the recurrence
 *       Γ(x) = Γ(x + k) / (x (x+1) ... (x+k-1)) (A&S 6.1.15) to reach x ≥ 10 from below.
 *   <li>{@link #regularizedIncompleteBeta}: the continued fraction of A&S 26.5.8 evaluated by the
 *       modified Lentz method (Lentz 1976; Thompson and Barnett 1986), as in Numerical Recipes
 *       (Press et al., 3rd ed., §6.4, {@code betacf}), applied to I_x(a, b) when x < (a+1)/(a+b+2)
 *       and to 1 - I_{1-x}(b, a) otherwise, where it converges fast. The caller may pass 1 - x
 *       separately so that no precision is lost forming it (the t distribution needs this).
 *   <li>{@link #erfc}: for 0 ≤ x < 2.5, 1 - erf(x) with erf from its series of positive terms
 *       erf(x) = 2/√π e^{-x²} Σ 2^n x^{2n+1} / (1·3···(2n+1)) (A&S 7.1.6), which has no
 *       cancellation; for x ≥ 2.5 the continued fraction erfc(x) = e^{-x²}/√π · 1/(x +
 *       (1/2)/(x + 1/(x + (3/2)/(x + ...)))) (A&S 7.1.14), again by modified Lentz, which keeps
 *       full relative precision in the far tail where 1 - erf would cancel to nothing.
 * </ul>
 *
 * <p>Why not a library: the core module has no dependencies (STYLE.md), and these three functions
 * are all that the t and normal distributions need.
 */
final class SpecialFunctions {

  /** Relative convergence threshold of the series and continued fractions: one ulp of 1. */
  private static final double EPS = Math.ulp(1.0);

  /** Guards the Lentz recurrences against division by zero. */
  private static final double TINY = 1e-300;

  /**
   * Iteration cap of the incomplete-beta continued fraction. It needs O(sqrt(max(a, b)))
   * iterations (Numerical Recipes §6.4), so a t-test on a million users (a = 5e5) takes about a
   * thousand; the cap only catches a bug.
   */
  private static final int MAX_ITERATIONS = 1_000_000;

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

  private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

  /** B_{2k} / (2k (2k-1)) for k = 1..7, the Stirling series coefficients (A&S 6.1.40). */
  private static final double[] STIRLING = {
    1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360, 1.0 / 156
  };

  private SpecialFunctions() {}

  /**
   * @param x argument, positive
   * @return ln Γ(x)
   * @throws IllegalArgumentException if x is not positive and finite
   */
  static double logGamma(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("logGamma needs a positive finite x, got " + x);
    }
    double shiftLog = 0;
    if (x < 10) {
      double product = 1;
      while (x < 10) {
        product *= x;
        x += 1;
      }
      shiftLog = Math.log(product);
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    double series = 0;
    for (int k = STIRLING.length - 1; k >= 0; k--) {
      series = series * inv2 + STIRLING[k];
    }
    series *= inv;
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shiftLog;
  }

  /**
   * Regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
   *
   * @param a first shape, positive
   * @param b second shape, positive
   * @param x argument in [0, 1]
   * @return I_x(a, b)
   * @throws IllegalArgumentException on shapes that are not positive or x outside [0, 1]
   */
  static double regularizedIncompleteBeta(double a, double b, double x) {
    return regularizedIncompleteBeta(a, b, x, 1 - x);
  }

  /**
   * I_x(a, b) with 1 - x given by the caller, who may know it more precisely than {@code 1 - x}
   * (for x = ν / (ν + t²), 1 - x = t² / (ν + t²) keeps its digits when t is small).
   *
   * @param a first shape, positive
   * @param b second shape, positive
   * @param x argument in [0, 1]
   * @param y 1 - x
   * @return I_x(a, b)
   * @throws IllegalArgumentException on shapes that are not positive or x outside [0, 1]
   */
  static double regularizedIncompleteBeta(double a, double b, double x, double y) {
    if (!(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("shapes must be positive and finite, got " + a + ", " + b);
    }
    if (!(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException("x must lie in [0, 1], got " + x);
    }
    if (x == 0 || y == 1) {
      return 0;
    }
    if (x == 1 || y == 0) {
      return 1;
    }
    // x^a y^b / B(a, b): the common front factor of both continued fractions.
    double logFront =
        logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
    double front = Math.exp(logFront);
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaContinuedFraction(a, b, x) / a;
    }
    return 1 - front * betaContinuedFraction(b, a, y) / b;
  }

  /** The continued fraction of A&S 26.5.8 by modified Lentz (Numerical Recipes {@code betacf}). */
  private static double betaContinuedFraction(double a, double b, double x) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      // Even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      h *= d * c;
      // Odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) <= EPS) {
        return h;
      }
    }
    throw new IllegalStateException(
        "incomplete beta continued fraction did not converge for a=" + a + ", b=" + b
            + ", x=" + x);
  }

  /**
   * Complementary error function erfc(x) = 1 - erf(x) = 2/√π ∫_x^∞ e^{-t²} dt.
   *
   * @param x any double; NaN gives NaN
   * @return erfc(x) in [0, 2]
   */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 2 - erfc(-x);
    }
    if (x < 2.5) {
      return 1 - erfSeries(x);
    }
    if (x > 27) {
      return 0; // e^{-x²} underflows: erfc(27) ≈ 5e-319
    }
    return Math.exp(-x * x) * ONE_OVER_SQRT_PI / erfcContinuedFraction(x);
  }

  /** erf(x) for 0 ≤ x < 2.5 by the positive-term series A&S 7.1.6. */
  private static double erfSeries(double x) {
    double x2 = x * x;
    double term = x;
    double sum = x;
    for (int n = 1; term > EPS * sum; n++) {
      term *= 2 * x2 / (2 * n + 1);
      sum += term;
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  }

  /** x + (1/2)/(x + 1/(x + (3/2)/(x + ...))) by modified Lentz, for x ≥ 2.5 (A&S 7.1.14). */
  private static double erfcContinuedFraction(double x) {
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k <= MAX_ITERATIONS; k++) {
      double a = 0.5 * k;
      d = x + a * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = x + a / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) <= EPS) {
        return f;
      }
    }
    throw new IllegalStateException("erfc continued fraction did not converge for x=" + x);
  }
}
