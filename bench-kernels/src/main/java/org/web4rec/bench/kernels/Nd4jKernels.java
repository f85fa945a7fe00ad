package org.web4rec.bench.kernels;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.segment.SegmentSum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The same kernels in ND4J (nd4j-native 1.0.0-M2.1, its bundled OpenMP/BLAS on all cores), in
 * the fairest formulation found: preallocated outputs, chunked gathers ({@code pullRows}), one
 * op per chunk rather than per list, results read back through the buffer's NIO view.
 */
final class Nd4jKernels {

  private Nd4jKernels() {}

  static void init() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
  }

  static FloatBuffer floats(INDArray a) {
    return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** Full per-row sort with {@code Nd4j.sortWithIndices}, first k indices. In place: work is overwritten. */
  static void topKSort(INDArray src, INDArray work, int k, int[] out, boolean fixTies) {
    work.assign(src);
    INDArray[] r = Nd4j.sortWithIndices(work, 1, false);
    int rows = (int) src.rows();
    int cols = (int) src.columns();
    INDArray idx = r[0];
    INDArray val = r[1];
    // Both are c-order rows x cols; read the indices as long or int depending on the type.
    long[] rowIdx = new long[cols];
    float[] rowVal = new float[cols];
    FloatBuffer vb = floats(val);
    boolean longIdx = idx.dataType() == DataType.LONG;
    LongBuffer lb = longIdx ? idx.data().asNio().order(ByteOrder.nativeOrder()).asLongBuffer() : null;
    FloatBuffer ib = longIdx ? null : floats(idx);
    int window = Math.min(cols, k + 64);
    for (int row = 0; row < rows; row++) {
      int base = row * cols;
      for (int c = 0; c < window; c++) {
        rowIdx[c] = longIdx ? lb.get(base + c) : (long) ib.get(base + c);
        rowVal[c] = vb.get(base + c);
      }
      if (fixTies) {
        // Sort each run of equal scores by index; a run crossing the boundary is taken whole.
        int a = 0;
        while (a < k) {
          int b = a + 1;
          while (b < window && rowVal[b] == rowVal[a]) {
            b++;
          }
          if (b == window && window < cols) {
            throw new IllegalStateException("tie run longer than the window in row " + row);
          }
          Arrays.sort(rowIdx, a, b);
          a = b;
        }
      }
      for (int q = 0; q < k; q++) {
        out[row * k + q] = (int) rowIdx[q];
      }
    }
  }

  /** Unit rows of E in ND4J (a fresh array). */
  static INDArray unit(INDArray e) {
    return e.divColumnVector(e.norm2(1).reshape(e.rows(), 1));
  }

  /**
   * Mean pairwise cosine per list from the norm of the list's sum: gather the list vectors
   * ([chunk*K, d]), sum over K, squared norm; pairs = (|S|^2 - K) / 2 (rows are unit).
   */
  static void listSumNorm(INDArray e, int[] lists, int k, int chunk, INDArray gather, double[] out) {
    INDArray unit = unit(e);
    int n = lists.length / k;
    int dim = (int) e.columns();
    for (int r0 = 0; r0 < n; r0 += chunk) {
      int m = Math.min(chunk, n - r0);
      INDArray g = m == chunk ? gather : Nd4j.create(DataType.FLOAT, (long) m * k, dim);
      Nd4j.pullRows(unit, g, 1, Arrays.copyOfRange(lists, r0 * k, (r0 + m) * k));
      INDArray s = g.reshape(m, k, dim).sum(1);
      INDArray sq = s.muli(s).sum(1);
      FloatBuffer b = floats(sq);
      for (int r = 0; r < m; r++) {
        out[r0 + r] = (b.get(r) - k) / 2 / (k * (k - 1) / 2.0);
      }
    }
  }

  /** Mean pairwise cosine per list from a batched Gram matrix [chunk, K, K] (batched matmul). */
  static void listGram(INDArray e, int[] lists, int k, int chunk, INDArray gather, double[] out) {
    INDArray unit = unit(e);
    int n = lists.length / k;
    int dim = (int) e.columns();
    for (int r0 = 0; r0 < n; r0 += chunk) {
      int m = Math.min(chunk, n - r0);
      INDArray g = m == chunk ? gather : Nd4j.create(DataType.FLOAT, (long) m * k, dim);
      Nd4j.pullRows(unit, g, 1, Arrays.copyOfRange(lists, r0 * k, (r0 + m) * k));
      INDArray x = g.reshape(m, k, dim);
      INDArray gram = Nd4j.matmul(x, x, null, false, true, false);
      INDArray tot = gram.sum(1, 2);
      FloatBuffer b = floats(tot);
      for (int r = 0; r < m; r++) {
        out[r0 + r] = (b.get(r) - k) / 2 / (k * (k - 1) / 2.0);
      }
    }
  }

  /**
   * Lower bound for "one big Gram, then look pairs up": just the gemm of every item against every
   * item, in row blocks into one preallocated block (lookups not included).
   *
   * @return a checksum so the work cannot be skipped
   */
  static double fullGramGemmOnly(INDArray unit, int block, INDArray result) {
    int items = (int) unit.rows();
    double sum = 0;
    for (int i0 = 0; i0 < items; i0 += block) {
      int m = Math.min(block, items - i0);
      INDArray a = unit.get(NDArrayIndex.interval(i0, i0 + m), NDArrayIndex.all());
      INDArray res = m == block ? result : Nd4j.create(DataType.FLOAT, m, items);
      Nd4j.gemm(a, unit, res, false, true, 1.0, 0.0);
      sum += res.getFloat(0, 0);
    }
    return sum;
  }

  /**
   * History sums with {@code pullRows} + {@code segment_sum} per chunk of users (history rows
   * padded to a fixed chunk with a zero row), then per user the K dots as a batched matmul
   * [m, K, d] x [m, d, 1].
   */
  static void history(
      INDArray unitPadded, int[] hOff, int[] hItems, int[] lists, int k, int rowsPerChunk,
      INDArray gather, float[] out) {
    int users = hOff.length - 1;
    int dim = (int) unitPadded.columns();
    int zeroRow = (int) unitPadded.rows() - 1;
    int[] idx = new int[rowsPerChunk];
    int u0 = 0;
    while (u0 < users) {
      int u1 = u0;
      while (u1 < users && hOff[u1 + 1] - hOff[u0] <= rowsPerChunk) {
        u1++;
      }
      int m = u1 - u0;
      int nnz = hOff[u1] - hOff[u0];
      System.arraycopy(hItems, hOff[u0], idx, 0, nnz);
      Arrays.fill(idx, nnz, rowsPerChunk, zeroRow);
      float[] seg = new float[rowsPerChunk];
      for (int u = u0; u < u1; u++) {
        Arrays.fill(seg, hOff[u] - hOff[u0], hOff[u + 1] - hOff[u0], u - u0);
      }
      Arrays.fill(seg, nnz, rowsPerChunk, m); // padding goes to a dummy segment m
      Nd4j.pullRows(unitPadded, gather, 1, idx);
      INDArray ids = Nd4j.createFromArray(seg).castTo(DataType.INT);
      INDArray sums = Nd4j.exec(new SegmentSum(gather, ids))[0]; // [m+1, dim]
      INDArray us = sums.get(NDArrayIndex.interval(0, m), NDArrayIndex.all()).dup()
          .reshape(m, 1, dim);
      INDArray li = Nd4j.pullRows(unitPadded, 1, Arrays.copyOfRange(lists, u0 * k, u1 * k))
          .reshape(m, k, dim);
      INDArray dots = Nd4j.matmul(li, us, null, false, true, false); // [m, k, 1]
      FloatBuffer b = floats(dots.dup());
      for (int q = 0; q < m * k; q++) {
        out[u0 * k + q] = b.get(q);
      }
      u0 = u1;
    }
  }

  /**
   * Second stage only, the full product: U (users x d, the history sums) times Eᵀ in user blocks
   * into one preallocated block, then the K needed entries per user read back.
   */
  static void historyFullProduct(
      INDArray sums, INDArray unit, int[] lists, int k, int block, INDArray result, float[] out) {
    int users = (int) sums.rows();
    int items = (int) unit.rows();
    for (int u0 = 0; u0 < users; u0 += block) {
      int m = Math.min(block, users - u0);
      INDArray a = sums.get(NDArrayIndex.interval(u0, u0 + m), NDArrayIndex.all());
      INDArray res = m == block ? result : Nd4j.create(DataType.FLOAT, m, items);
      Nd4j.gemm(a, unit, res, false, true, 1.0, 0.0);
      FloatBuffer b = floats(res);
      for (int u = 0; u < m; u++) {
        for (int p = 0; p < k; p++) {
          out[(u0 + u) * k + p] = b.get(u * items + lists[(u0 + u) * k + p]);
        }
      }
    }
  }
}
