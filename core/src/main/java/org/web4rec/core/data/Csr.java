package org.web4rec.core.data;

import java.util.Arrays;

/**
 * Compressed sparse rows of int values: row {@code r} holds {@code values[offsets[r] ..
 * offsets[r+1])}, sorted strictly ascending.
 *
 * <p>Why this layout: the core asks "does user u have item i?" millions of times (removing train
 * items from candidates, marking hits against ground truth). Two flat int arrays cost 4 bytes per
 * entry, need no hashing or boxing, and keep each row contiguous so a binary search over a sorted
 * row answers in O(log |row|) with good cache behaviour. A hash set per user would cost an order
 * of magnitude more memory at 20M interactions.
 *
 * <p>The arrays are shared, not copied (they can be hundreds of megabytes): callers must not
 * mutate them after construction.
 */
public final class Csr {

  private final int[] offsets;
  private final int[] values;

  /**
   * Wraps already-compressed rows.
   *
   * @param offsets {@code rows()+1} non-decreasing offsets, starting at 0 and ending at {@code
   *     values.length}
   * @param values the row contents, each row sorted strictly ascending (use {@link #fromPairs} to
   *     build from unsorted pairs)
   * @throws IllegalArgumentException if the offsets are inconsistent or a row is not strictly
   *     ascending
   */
  public Csr(int[] offsets, int[] values) {
    if (offsets == null || values == null) {
      throw new IllegalArgumentException("offsets and values must not be null");
    }
    if (offsets.length == 0) {
      throw new IllegalArgumentException("offsets must have rows+1 entries, got an empty array");
    }
    if (offsets[0] != 0) {
      throw new IllegalArgumentException("offsets[0] must be 0, got " + offsets[0]);
    }
    if (offsets[offsets.length - 1] != values.length) {
      throw new IllegalArgumentException(
          "last offset must equal values.length (" + values.length + "), got "
              + offsets[offsets.length - 1]);
    }
    for (int r = 0; r + 1 < offsets.length; r++) {
      int from = offsets[r];
      int to = offsets[r + 1];
      if (to < from) {
        throw new IllegalArgumentException(
            "offsets must be non-decreasing, but offsets[" + (r + 1) + "]=" + to + " < offsets["
                + r + "]=" + from);
      }
      for (int k = from + 1; k < to; k++) {
        if (values[k] <= values[k - 1]) {
          throw new IllegalArgumentException(
              "row " + r + " is not strictly ascending at position " + (k - from) + " ("
                  + values[k - 1] + " then " + values[k] + "); build it with Csr.fromPairs");
        }
      }
    }
    this.offsets = offsets;
    this.values = values;
  }

  /**
   * Builds rows from (row, col) pairs in any order; each row is sorted ascending and duplicate
   * pairs are removed. Runs in O(n + Σ |row| log |row|): one counting pass places pairs by row,
   * then each row is sorted on its own.
   *
   * @param nRows number of rows; every {@code rows[k]} must lie in {@code [0, nRows)}
   * @param rows row index of each pair
   * @param cols value of each pair, non-negative
   * @return the compressed rows
   * @throws IllegalArgumentException on length mismatch or out-of-range indices
   */
  public static Csr fromPairs(int nRows, int[] rows, int[] cols) {
    if (nRows < 0) {
      throw new IllegalArgumentException("nRows must be >= 0, got " + nRows);
    }
    if (rows == null || cols == null) {
      throw new IllegalArgumentException("rows and cols must not be null");
    }
    if (rows.length != cols.length) {
      throw new IllegalArgumentException(
          "rows and cols must have the same length, got " + rows.length + " and " + cols.length);
    }
    int n = rows.length;
    int[] counts = new int[nRows + 1];
    for (int k = 0; k < n; k++) {
      int r = rows[k];
      if (r < 0 || r >= nRows) {
        throw new IllegalArgumentException(
            "rows[" + k + "]=" + r + " is outside [0, " + nRows + ")");
      }
      if (cols[k] < 0) {
        throw new IllegalArgumentException("cols[" + k + "]=" + cols[k] + " is negative");
      }
      counts[r + 1]++;
    }
    for (int r = 0; r < nRows; r++) {
      counts[r + 1] += counts[r];
    }
    int[] placed = new int[n];
    int[] cursor = Arrays.copyOf(counts, nRows);
    for (int k = 0; k < n; k++) {
      placed[cursor[rows[k]]++] = cols[k];
    }
    // Sort each row, then compact duplicates in place (write position never passes read position).
    int[] offsets = new int[nRows + 1];
    int write = 0;
    for (int r = 0; r < nRows; r++) {
      int from = counts[r];
      int to = counts[r + 1];
      Arrays.sort(placed, from, to);
      offsets[r] = write;
      for (int k = from; k < to; k++) {
        if (k == from || placed[k] != placed[k - 1]) {
          placed[write++] = placed[k];
        }
      }
    }
    offsets[nRows] = write;
    int[] values = write == n ? placed : Arrays.copyOf(placed, write);
    return new Csr(offsets, values);
  }

  /**
   * An all-empty matrix.
   *
   * @param nRows number of rows
   * @return rows with no values
   */
  public static Csr empty(int nRows) {
    if (nRows < 0) {
      throw new IllegalArgumentException("nRows must be >= 0, got " + nRows);
    }
    return new Csr(new int[nRows + 1], new int[0]);
  }

  /** @return number of rows */
  public int rows() {
    return offsets.length - 1;
  }

  /** @return first index into {@link #values()} of {@code row} */
  public int start(int row) {
    return offsets[row];
  }

  /** @return one past the last index into {@link #values()} of {@code row} */
  public int end(int row) {
    return offsets[row + 1];
  }

  /** @return number of values in {@code row} */
  public int size(int row) {
    return offsets[row + 1] - offsets[row];
  }

  /**
   * @param row a row index in {@code [0, rows())}
   * @param value the value to look for
   * @return whether {@code row} holds {@code value} (binary search)
   */
  public boolean contains(int row, int value) {
    return Arrays.binarySearch(values, offsets[row], offsets[row + 1], value) >= 0;
  }

  /** @return total number of stored values */
  public long nnz() {
    return values.length;
  }

  /** @return the shared offsets array ({@code rows()+1} entries); do not mutate */
  public int[] offsets() {
    return offsets;
  }

  /** @return the shared values array; do not mutate */
  public int[] values() {
    return values;
  }

  /** @return a copy of the values of {@code row}, ascending */
  public int[] row(int row) {
    return Arrays.copyOfRange(values, offsets[row], offsets[row + 1]);
  }

  /**
   * The transpose (e.g. user→items into item→users), in O(nnz + nCols).
   *
   * @param nCols number of rows of the result; every value must be below it
   * @return the transposed matrix, rows again sorted ascending
   */
  public Csr transpose(int nCols) {
    if (nCols < 0) {
      throw new IllegalArgumentException("nCols must be >= 0, got " + nCols);
    }
    int[] counts = new int[nCols + 1];
    for (int v : values) {
      if (v >= nCols) {
        throw new IllegalArgumentException("value " + v + " is outside [0, " + nCols + ")");
      }
      counts[v + 1]++;
    }
    for (int c = 0; c < nCols; c++) {
      counts[c + 1] += counts[c];
    }
    int[] cursor = Arrays.copyOf(counts, nCols);
    int[] out = new int[values.length];
    // Visiting rows in ascending order keeps every transposed row ascending without a sort.
    for (int r = 0; r < rows(); r++) {
      for (int k = offsets[r]; k < offsets[r + 1]; k++) {
        out[cursor[values[k]]++] = r;
      }
    }
    return new Csr(counts, out);
  }

  @Override
  public String toString() {
    return "Csr[rows=" + rows() + ", nnz=" + values.length + "]";
  }
}
