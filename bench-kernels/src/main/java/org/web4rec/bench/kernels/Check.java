package org.web4rec.bench.kernels;

/** Prints one CHECK line per (kernel, variant) before timing; a wrong variant is still timed. */
final class Check {

  private Check() {}

  static void report(String kernel, String variant, boolean ok, String detail) {
    System.out.println("CHECK " + kernel + " " + variant + " " + (ok ? "CORRECT" : "WRONG")
        + " " + detail);
  }
}
