package org.web4rec.bench.kernels;

import org.web4rec.core.data.Parallel;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.web4rec.core.data.ScoreKeys;

/**
 * Top-K per row of a dense row-major score matrix, exact order: score descending, then column
 * index ascending. Output: {@code rows x k} column indices, best first. Every variant packs
 * (score, index) into one {@code long} with {@link ScoreKeys#descending} so that ascending long
 * order is the wanted order and ties cannot be mis-ordered.
 */
final class TopK {

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  private TopK() {}

  /** Reference: sort every key of the row (what CandidateLists.prepare does per user slice). */
  static void sortRows(float[] m, int rows, int cols, int k, int[] out, int threads) {
    Parallel.forRanges(rows, 64, threads, () -> new long[cols], (keys, from, to) -> {
      for (int r = from; r < to; r++) {
        int base = r * cols;
        for (int c = 0; c < cols; c++) {
          keys[c] = ScoreKeys.descending(m[base + c], c);
        }
        Arrays.sort(keys, 0, cols);
        for (int q = 0; q < k; q++) {
          out[r * k + q] = ScoreKeys.tie(keys[q]);
        }
      }
    });
  }

  /**
   * Bounded max-heap of the k best keys; a cell is only turned into a key when its score is at
   * least the current k-th score (a float compare), so most cells cost one compare.
   */
  static void heapRows(float[] m, int rows, int cols, int k, int[] out, int threads) {
    Parallel.forRanges(rows, 64, threads, () -> new long[k], (heap, from, to) -> {
      for (int r = from; r < to; r++) {
        int base = r * cols;
        for (int c = 0; c < k; c++) {
          heap[c] = ScoreKeys.descending(m[base + c], c);
        }
        heapify(heap, k);
        float threshold = ScoreKeys.score(heap[0]);
        for (int c = k; c < cols; c++) {
          float s = m[base + c];
          if (s >= threshold) {
            long key = ScoreKeys.descending(s, c);
            if (key < heap[0]) {
              heap[0] = key;
              siftDown(heap, 0, k);
              threshold = ScoreKeys.score(heap[0]);
            }
          }
        }
        finish(heap, k, out, r);
      }
    });
  }

  /**
   * The heap of {@link #heapRows}, but the scan compares a whole vector of scores against the
   * threshold and only visits lanes that pass.
   */
  static void heapRowsVector(float[] m, int rows, int cols, int k, int[] out, int threads) {
    int lanes = F.length();
    Parallel.forRanges(rows, 64, threads, () -> new long[k], (heap, from, to) -> {
      for (int r = from; r < to; r++) {
        int base = r * cols;
        for (int c = 0; c < k; c++) {
          heap[c] = ScoreKeys.descending(m[base + c], c);
        }
        heapify(heap, k);
        float threshold = ScoreKeys.score(heap[0]);
        int c = k;
        int vecEnd = k + (cols - k) / lanes * lanes;
        for (; c < vecEnd; c += lanes) {
          FloatVector v = FloatVector.fromArray(F, m, base + c);
          long bits = v.compare(VectorOperators.GE, threshold).toLong();
          while (bits != 0) {
            int lane = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            int col = c + lane;
            long key = ScoreKeys.descending(m[base + col], col);
            if (key < heap[0]) {
              heap[0] = key;
              siftDown(heap, 0, k);
              threshold = ScoreKeys.score(heap[0]);
            }
          }
        }
        for (; c < cols; c++) {
          long key = ScoreKeys.descending(m[base + c], c);
          if (key < heap[0]) {
            heap[0] = key;
            siftDown(heap, 0, k);
          }
        }
        finish(heap, k, out, r);
      }
    });
  }

  /** Quickselect (nth_element) on the row's keys, then a sort of the first k. */
  static void selectRows(float[] m, int rows, int cols, int k, int[] out, int threads) {
    Parallel.forRanges(rows, 64, threads, () -> new long[cols], (keys, from, to) -> {
      for (int r = from; r < to; r++) {
        int base = r * cols;
        for (int c = 0; c < cols; c++) {
          keys[c] = ScoreKeys.descending(m[base + c], c);
        }
        select(keys, 0, cols - 1, k - 1);
        Arrays.sort(keys, 0, k);
        for (int q = 0; q < k; q++) {
          out[r * k + q] = ScoreKeys.tie(keys[q]);
        }
      }
    });
  }

  private static void finish(long[] heap, int k, int[] out, int r) {
    long[] sorted = heap.clone();
    Arrays.sort(sorted);
    for (int q = 0; q < k; q++) {
      out[r * k + q] = ScoreKeys.tie(sorted[q]);
    }
  }

  private static void heapify(long[] h, int n) {
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(h, i, n);
    }
  }

  /** Max-heap on long: the root is the worst of the k kept keys. */
  private static void siftDown(long[] h, int i, int n) {
    long x = h[i];
    while (true) {
      int c = 2 * i + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && h[c + 1] > h[c]) {
        c++;
      }
      if (h[c] <= x) {
        break;
      }
      h[i] = h[c];
      i = c;
    }
    h[i] = x;
  }

  /** Rearranges a[lo..hi] so that a[n] holds the value a sort would put there, smaller before. */
  private static void select(long[] a, int lo, int hi, int n) {
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      // median of three as pivot
      if (a[mid] < a[lo]) swap(a, mid, lo);
      if (a[hi] < a[lo]) swap(a, hi, lo);
      if (a[hi] < a[mid]) swap(a, hi, mid);
      long pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          swap(a, i++, j--);
        }
      }
      if (n <= j) {
        hi = j;
      } else if (n >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void swap(long[] a, int i, int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
