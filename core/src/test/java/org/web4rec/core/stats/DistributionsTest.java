package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.core.Tolerance.EPS;

import org.junit.jupiter.api.Test;

/**
 * Special functions and distributions against closed forms and scipy 1.17.1.
 *
 * <p>Reference values were printed by this script (python3 -m venv /tmp/statsref;
 * /tmp/statsref/bin/pip install scipy numpy):
 *
 * <pre>
 * from scipy import special, stats
 * for x in [-3.0, -0.5, 0.0, 1e-5, 0.3, 1.0, 2.0, 2.4999, 2.5, 3.0, 5.0, 10.0, 26.0]:
 *     print(x, float(special.erfc(x)))
 * for x in [0.5, 1.0, 1.5, 3.7, 9.99, 10.0, 25.5, 1e3, 5e5 + 0.5]:
 *     print(x, float(special.gammaln(x)))
 * for a, b, x in [(0.5, 0.5, 0.3), (5, 0.5, 0.9), (5, 0.5, 0.2), (2.5, 3.5, 0.6),
 *                 (50, 0.5, 0.99), (500000, 0.5, 1 - 4e-6), (0.5, 7.0, 0.01)]:
 *     print(a, b, x, float(special.betainc(a, b, x)))
 * for t, df in [(2.228, 10), (-2.228, 10), (1.0, 1), (0.5, 3), (-4.0, 7), (12.0, 4),
 *               (2.0, 1e6), (-6.0, 30), (0.001, 2), (1.96, 1e5)]:
 *     print(t, df, float(stats.t.cdf(t, df)), float(2 * stats.t.sf(abs(t), df)))
 * for p, df in [(0.975, 10), (0.975, 1), (0.025, 3), (0.995, 29), (0.975, 1e6), (0.9, 2.5)]:
 *     print(p, df, float(stats.t.ppf(p, df)))
 * for z in [-8.0, -1.959963984540054, -1.0, 0.0, 0.7, 3.0, 1.959963984540054]:
 *     print(z, float(stats.norm.cdf(z)))
 * </pre>
 */
class DistributionsTest {

  /** Relative agreement expected with scipy (cephes / boost) for these functions. */
  private static final double REL = 1e-12;

  private static void assertRelative(double expected, double actual, double rel, String what) {
    double tol = rel * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    assertEquals(expected, actual, tol, what);
  }

  @Test
  void erfcMatchesScipyAcrossBothBranches() {
    double[][] ref = {
      {-3.0, 1.9999779095030015},
      {-0.5, 1.5204998778130465},
      {0.0, 1.0},
      {1e-05, 0.9999887162083294},
      {0.3, 0.6713732405408726},
      {1.0, 0.15729920705028516},
      {2.0, 0.004677734981047266},
      {2.4999, 0.0004071699003334512},
      {2.5, 0.00040695201744495886},
      {3.0, 2.2090496998585445e-05},
      {5.0, 1.5374597944280347e-12},
      {10.0, 2.0884875837625446e-45},
      {26.0, 5.663192408856145e-296},
    };
    for (double[] r : ref) {
      assertRelative(r[1], SpecialFunctions.erfc(r[0]), REL, "erfc(" + r[0] + ")");
    }
    assertEquals(0.0, SpecialFunctions.erfc(40));
    assertEquals(2.0, SpecialFunctions.erfc(-40));
    assertTrue(Double.isNaN(SpecialFunctions.erfc(Double.NaN)));
  }

  @Test
  void logGammaMatchesFactorialsAndScipy() {
    // Hand: ln Γ(n) = ln (n-1)!, ln Γ(1/2) = ln √π.
    assertEquals(0.0, SpecialFunctions.logGamma(1), EPS);
    assertEquals(0.0, SpecialFunctions.logGamma(2), EPS);
    assertEquals(Math.log(24), SpecialFunctions.logGamma(5), EPS);
    assertEquals(Math.log(362880), SpecialFunctions.logGamma(10), EPS);
    assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), EPS);
    double[][] ref = {
      {0.5, 0.5723649429247},
      {1.5, -0.12078223763524526},
      {3.7, 1.428072326665388},
      {9.99, 12.779315214350195},
      {10.0, 12.801827480081469},
      {25.5, 56.38916764371994},
      {1000.0, 5905.220423209181},
      {500000.5, 6061182.607640615},
    };
    for (double[] r : ref) {
      // Absolute: ln Γ only ever enters an exponent, and it crosses zero at 1 and 2.
      double tol = 1e-14 * Math.max(1, Math.abs(r[1]));
      assertEquals(r[1], SpecialFunctions.logGamma(r[0]), tol, "lgamma(" + r[0] + ")");
    }
    assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logGamma(0));
  }

  @Test
  void incompleteBetaMatchesClosedFormsAndScipy() {
    // Hand: I_x(a, 1) = x^a, I_x(1, b) = 1 - (1-x)^b, I_x(1/2, 1/2) = (2/π) asin √x.
    assertEquals(Math.pow(0.3, 2.5), SpecialFunctions.regularizedIncompleteBeta(2.5, 1, 0.3), EPS);
    assertEquals(
        1 - Math.pow(0.6, 4.5), SpecialFunctions.regularizedIncompleteBeta(1, 4.5, 0.4), EPS);
    assertEquals(
        2 / Math.PI * Math.asin(Math.sqrt(0.3)),
        SpecialFunctions.regularizedIncompleteBeta(0.5, 0.5, 0.3),
        EPS);
    double[][] ref = {
      {0.5, 0.5, 0.3, 0.36901011956554536},
      {5, 0.5, 0.9, 0.3166429150200122},
      {5, 0.5, 0.2, 8.630216153154252e-05},
      {2.5, 3.5, 0.6, 0.8196850658677839},
      {50, 0.5, 0.99, 0.3173043978741973},
      {0.5, 7.0, 0.01, 0.2874836298717217},
    };
    for (double[] r : ref) {
      assertRelative(
          r[3],
          SpecialFunctions.regularizedIncompleteBeta(r[0], r[1], r[2]),
          REL,
          "I_" + r[2] + "(" + r[0] + ", " + r[1] + ")");
    }
    // a = 5e5 (a t-test on a million users): ln B(a, 1/2) loses ~1e-10 to cancellation.
    assertRelative(
        0.04550010192315519,
        SpecialFunctions.regularizedIncompleteBeta(500000, 0.5, 1 - 4e-6, 4e-6),
        1e-8,
        "large a");
    // Symmetry I_x(a, b) = 1 - I_{1-x}(b, a).
    for (double x = 0.05; x < 1; x += 0.1) {
      assertEquals(
          1 - SpecialFunctions.regularizedIncompleteBeta(3.5, 2, 1 - x),
          SpecialFunctions.regularizedIncompleteBeta(2, 3.5, x),
          EPS);
    }
    assertEquals(0.0, SpecialFunctions.regularizedIncompleteBeta(2, 3, 0));
    assertEquals(1.0, SpecialFunctions.regularizedIncompleteBeta(2, 3, 1));
  }

  @Test
  void tTwoSidedPAtTheTabulatedQuantileIsFivePercent() {
    // Textbook table: t_{0.975, 10} = 2.228, so P(|T| >= 2.228) ≈ 0.05.
    assertEquals(0.05, Distributions.studentTTwoSidedP(2.228, 10), 1e-4);
    assertEquals(0.05001177181711132, Distributions.studentTTwoSidedP(2.228, 10), 1e-15);
  }

  @Test
  void tCdfMatchesClosedFormsForOneAndTwoDegrees() {
    for (double t = -30; t <= 30; t += 0.37) {
      // Cauchy: F(t) = 1/2 + atan(t)/π. Two degrees: F(t) = 1/2 + t / (2 sqrt(t² + 2)).
      assertEquals(0.5 + Math.atan(t) / Math.PI, Distributions.studentTCdf(t, 1), 1e-14);
      assertEquals(0.5 + t / (2 * Math.sqrt(t * t + 2)), Distributions.studentTCdf(t, 2), 1e-14);
    }
  }

  @Test
  void tCdfAndTailsMatchScipy() {
    double[][] ref = {
      {2.228, 10, 0.9749941140914443, 0.05001177181711132},
      {-2.228, 10, 0.02500588590855566, 0.05001177181711132},
      {1.0, 1, 0.75, 0.5000000000000001},
      {0.5, 3, 0.6742760175759245, 0.651447964848151},
      {-4.0, 7, 0.0025949566746484064, 0.005189913349296813},
      {12.0, 4, 0.9998617857257485, 0.000276428548502973},
      {-6.0, 30, 6.971384383602382e-07, 1.3942768767204764e-06},
      {0.001, 2, 0.500353553302205, 0.9992928933955901},
    };
    for (double[] r : ref) {
      String what = "t=" + r[0] + " df=" + r[1];
      assertRelative(r[2], Distributions.studentTCdf(r[0], r[1]), REL, what);
      assertRelative(r[3], Distributions.studentTTwoSidedP(r[0], r[1]), REL, what);
    }
    // Large df (the t-test on many users) approaches the normal; cancellation costs ~1e-10.
    assertRelative(0.04550053385131924, Distributions.studentTTwoSidedP(2.0, 1e6), 1e-8, "1e6");
    assertRelative(0.04999856319430168, Distributions.studentTTwoSidedP(1.96, 1e5), 1e-8, "1e5");
    assertEquals(0.0, Distributions.studentTTwoSidedP(Double.POSITIVE_INFINITY, 5));
    assertEquals(1.0, Distributions.studentTTwoSidedP(0, 5));
  }

  @Test
  void tQuantileInvertsTheCdf() {
    double[][] ref = {
      {0.975, 10, 2.228138851986274},
      {0.975, 1, 12.706204736174694},
      {0.025, 3, -3.1824463052837086},
      {0.995, 29, 2.756385903670605},
      {0.9, 2.5, 1.7302509288071766},
    };
    for (double[] r : ref) {
      assertRelative(r[2], Distributions.studentTQuantile(r[0], r[1]), 1e-12, "p=" + r[0]);
    }
    // df = 1e6 inherits the ~1e-10 cancellation of ln B(a, 1/2) at a = 5e5.
    assertRelative(1.959966356814107, Distributions.studentTQuantile(0.975, 1e6), 1e-9, "1e6");
    assertEquals(0.0, Distributions.studentTQuantile(0.5, 4));
    assertThrows(IllegalArgumentException.class, () -> Distributions.studentTQuantile(1, 4));
    assertThrows(IllegalArgumentException.class, () -> Distributions.studentTQuantile(0.5, 0));
  }

  @Test
  void normalCdfMatchesScipy() {
    double[][] ref = {
      {-8.0, 6.22096057427174e-16},
      {-1.959963984540054, 0.025},
      {-1.0, 0.15865525393145707},
      {0.0, 0.5},
      {0.7, 0.758036347776927},
      {3.0, 0.9986501019683699},
      {1.959963984540054, 0.975},
    };
    for (double[] r : ref) {
      assertRelative(r[1], Distributions.normalCdf(r[0]), REL, "z=" + r[0]);
    }
    assertEquals(0.05, Distributions.normalTwoSidedP(-1.959963984540054), 1e-15);
    assertEquals(2 * 6.22096057427174e-16, Distributions.normalTwoSidedP(8), 1e-27);
  }
}
