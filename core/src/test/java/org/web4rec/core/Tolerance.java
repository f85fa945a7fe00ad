package org.web4rec.core;

/** Shared numeric tolerances for tests. */
public final class Tolerance {

  /** Absolute tolerance for values computed two ways in double precision. */
  public static final double EPS = 1e-9;

  /** Tolerance for values quoted to four decimals in METRICS.md. */
  public static final double QUOTED = 1e-4;

  /** Tolerance for values that went through a float. */
  public static final double FLOAT = 1e-6;

  private Tolerance() {}
}
