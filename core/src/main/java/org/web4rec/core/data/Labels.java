package org.web4rec.core.data;

import java.util.Arrays;

/**
 * Train histories re-expressed as item labels (ascending within each user's run), as the
 * co-occurrence kernels stream them about Σ|H_v|²/2 times: 16-bit labels when every label fits
 * (half the memory traffic, which is what bounds those loops), else 32-bit. Two final classes,
 * so the per-row calls stay bimorphic and inline. Used by the metrics' cooc kernel and the
 * re-ranker's cooc pair table.
 */
public abstract sealed class Labels permits Labels.IntLabels, Labels.CharLabels {

  /** Largest label count that fits the 16-bit form. */
  public static final int CHAR_LIMIT = 1 << 16;

  /**
   * Benchmarks only: {@code -Dweb4rec.labels=int} forces 32-bit labels, to measure what the
   * 16-bit form buys back to back (bench/README.md).
   */
  private static final boolean FORCE_INT = "int".equals(System.getProperty("web4rec.labels"));

  /**
   * @param size number of entries
   * @param nLabels labels are in [0, nLabels)
   */
  public static Labels of(int size, int nLabels) {
    return nLabels <= CHAR_LIMIT && !FORCE_INT ? new CharLabels(new char[size])
        : new IntLabels(new int[size]);
  }

  /**
   * The 32-bit form's search, open to kernels that keep their labels in a plain int[] (the
   * bench-kernels baselines).
   *
   * @return the first position in the ascending run {@code a[from, to)} with a value >= key
   */
  public static int lowerBound(int[] a, int from, int to, int key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  public abstract void set(int x, int label);

  public abstract int get(int x);

  /** Position of {@code key} in the ascending run [from, to), where it is present. */
  public abstract int find(int from, int to, int key);

  /** First position in the ascending run [from, to) with a label >= key. */
  public abstract int lowerBound(int from, int to, int key);

  /** acc[label]++ for every label in [from, to). */
  public abstract void count(int from, int to, int[] acc);

  /** row[label - base]++ for every label in [from, to) (all of them >= base). */
  public abstract void countShifted(int from, int to, int[] row, int base);

  /** Σ acc[label]·w[label] over [from, to). */
  public abstract double dot(int from, int to, int[] acc, double[] w);

  /** acc[label] = 0 for every label in [from, to). */
  public abstract void clear(int from, int to, int[] acc);

  static final class IntLabels extends Labels {
    final int[] a;

    IntLabels(int[] a) {
      this.a = a;
    }

    @Override
    public void set(int x, int label) {
      a[x] = label;
    }

    @Override
    public int get(int x) {
      return a[x];
    }

    @Override
    public int find(int from, int to, int key) {
      return Arrays.binarySearch(a, from, to, key);
    }

    @Override
    public int lowerBound(int from, int to, int key) {
      return Labels.lowerBound(a, from, to, key);
    }

    @Override
    public void count(int from, int to, int[] acc) {
      for (int x = from; x < to; x++) {
        acc[a[x]]++;
      }
    }

    @Override
    public void countShifted(int from, int to, int[] row, int base) {
      for (int x = from; x < to; x++) {
        row[a[x] - base]++;
      }
    }

    @Override
    public double dot(int from, int to, int[] acc, double[] w) {
      double s = 0;
      for (int x = from; x < to; x++) {
        int l = a[x];
        s += acc[l] * w[l];
      }
      return s;
    }

    @Override
    public void clear(int from, int to, int[] acc) {
      for (int x = from; x < to; x++) {
        acc[a[x]] = 0;
      }
    }
  }

  static final class CharLabels extends Labels {
    final char[] a;

    CharLabels(char[] a) {
      this.a = a;
    }

    @Override
    public void set(int x, int label) {
      a[x] = (char) label;
    }

    @Override
    public int get(int x) {
      return a[x];
    }

    @Override
    public int find(int from, int to, int key) {
      return Arrays.binarySearch(a, from, to, (char) key);
    }

    @Override
    public int lowerBound(int from, int to, int key) {
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    @Override
    public void count(int from, int to, int[] acc) {
      for (int x = from; x < to; x++) {
        acc[a[x]]++;
      }
    }

    @Override
    public void countShifted(int from, int to, int[] row, int base) {
      for (int x = from; x < to; x++) {
        row[a[x] - base]++;
      }
    }

    @Override
    public double dot(int from, int to, int[] acc, double[] w) {
      double s = 0;
      for (int x = from; x < to; x++) {
        int l = a[x];
        s += acc[l] * w[l];
      }
      return s;
    }

    @Override
    public void clear(int from, int to, int[] acc) {
      for (int x = from; x < to; x++) {
        acc[a[x]] = 0;
      }
    }
  }
}
