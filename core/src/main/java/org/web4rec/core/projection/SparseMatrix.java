package org.web4rec.core.projection;

import org.web4rec.core.data.Csr;

/**
 * A sparse real matrix in compressed-row form: row r holds {@code indices[offsets[r] ..
 * offsets[r+1])} with {@code values} at the same positions ({@code values == null}: every stored
 * entry is 1, e.g. an interaction matrix). Arrays are shared, not copied.
 */
public record SparseMatrix(int rows, int cols, int[] offsets, int[] indices, float[] values) {

  public SparseMatrix {
    if (offsets.length != rows + 1) {
      throw new IllegalArgumentException("offsets must have rows + 1 = " + (rows + 1)
          + " entries, got " + offsets.length);
    }
    if (values != null && values.length != indices.length) {
      throw new IllegalArgumentException("values and indices differ in length: " + values.length
          + " vs " + indices.length);
    }
    for (int k = offsets[0]; k < offsets[rows]; k++) {
      if (indices[k] < 0 || indices[k] >= cols) {
        throw new IllegalArgumentException("column " + indices[k] + " outside [0, " + cols + ")");
      }
    }
  }

  /** A 0/1 matrix with the CSR's rows and {@code cols} columns. */
  public static SparseMatrix ofBinary(Csr csr, int cols) {
    return new SparseMatrix(csr.rows(), cols, csr.offsets(), csr.values(), null);
  }

  public double value(int k) {
    return values == null ? 1.0 : values[k];
  }

  /** The transpose, in O(nnz + rows + cols); rows of the result stay in ascending column order. */
  public SparseMatrix transpose() {
    int[] counts = new int[cols + 1];
    for (int k = offsets[0]; k < offsets[rows]; k++) {
      counts[indices[k] + 1]++;
    }
    for (int c = 0; c < cols; c++) {
      counts[c + 1] += counts[c];
    }
    int[] cursor = java.util.Arrays.copyOf(counts, cols);
    int nnz = offsets[rows] - offsets[0];
    int[] idx = new int[nnz];
    float[] vals = values == null ? null : new float[nnz];
    for (int r = 0; r < rows; r++) {
      for (int k = offsets[r]; k < offsets[r + 1]; k++) {
        int at = cursor[indices[k]]++;
        idx[at] = r;
        if (vals != null) {
          vals[at] = values[k];
        }
      }
    }
    return new SparseMatrix(cols, rows, counts, idx, vals);
  }
}
