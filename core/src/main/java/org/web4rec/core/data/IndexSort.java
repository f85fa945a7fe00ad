package org.web4rec.core.data;

/**
 * Sorts a range of an int array with a primitive comparator, typically an array of row indices
 * ordered by keys that live in other arrays.
 *
 * <p>Why: {@code Arrays.sort(T[], Comparator)} needs boxed {@code Integer}s (16+ bytes each plus
 * pointer chasing), which is ruinous for tables with millions of rows. This is a plain
 * median-of-three quicksort with insertion sort for short ranges and recursion on the smaller
 * half only (so the stack stays O(log n)). It is not stable: give the comparator a final tie
 * breaker (e.g. the index itself) when the order must be deterministic.
 */
public final class IndexSort {

  /** Compares two ints (usually indices) without boxing. */
  @FunctionalInterface
  public interface IntComparator {
    /**
     * @return negative, zero or positive as {@code a} orders before, with, or after {@code b}
     */
    int compare(int a, int b);
  }

  private static final int INSERTION_THRESHOLD = 16;

  private IndexSort() {}

  /**
   * Sorts {@code a[from, to)} by {@code cmp}.
   *
   * @param a the array to sort in place
   * @param from first index, inclusive
   * @param to last index, exclusive
   * @param cmp the order
   */
  public static void sort(int[] a, int from, int to, IntComparator cmp) {
    if (from < 0 || to > a.length || from > to) {
      throw new IllegalArgumentException(
          "range [" + from + ", " + to + ") is not within [0, " + a.length + ")");
    }
    quicksort(a, from, to - 1, cmp);
  }

  /** Sorts the whole array by {@code cmp}. */
  public static void sort(int[] a, IntComparator cmp) {
    sort(a, 0, a.length, cmp);
  }

  private static void quicksort(int[] a, int lo, int hi, IntComparator cmp) {
    while (hi - lo >= INSERTION_THRESHOLD) {
      int mid = (lo + hi) >>> 1;
      // Median of three, moved to a[mid]; it is the pivot value.
      if (cmp.compare(a[mid], a[lo]) < 0) swap(a, mid, lo);
      if (cmp.compare(a[hi], a[lo]) < 0) swap(a, hi, lo);
      if (cmp.compare(a[hi], a[mid]) < 0) swap(a, hi, mid);
      int pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (cmp.compare(a[i], pivot) < 0) i++;
        while (cmp.compare(a[j], pivot) > 0) j--;
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      // Recurse into the smaller part, loop on the larger one.
      if (j - lo < hi - i) {
        quicksort(a, lo, j, cmp);
        lo = i;
      } else {
        quicksort(a, i, hi, cmp);
        hi = j;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      int v = a[i];
      int j = i - 1;
      while (j >= lo && cmp.compare(a[j], v) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
