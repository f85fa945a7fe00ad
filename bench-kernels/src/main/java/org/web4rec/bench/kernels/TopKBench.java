package org.web4rec.bench.kernels;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Kernel 1: top-100 per row of the ml-1m 6,040 x 3,706 float32 score matrix, exact ties. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class TopKBench {

  static final int K = 100;

  @Param({"sort", "heap", "heapVector", "select", "nd4jSort", "nd4jSortTieFix"})
  public String variant;

  @Param({"2"})
  public int threads;

  float[] m;
  int[] out;
  INDArray src;
  INDArray work;

  @Setup(Level.Trial)
  public void setup() {
    int rows = Inputs.ML1M_USERS;
    int cols = Inputs.ML1M_ITEMS;
    m = Inputs.scoreMatrix(rows, cols, 1L);
    int[] ref = new int[rows * K];
    TopK.sortRows(m, rows, cols, K, ref, threads);
    out = new int[rows * K];
    if (variant.startsWith("nd4j")) {
      Nd4jKernels.init();
      src = Nd4j.create(m, new long[] {rows, cols}, 'c');
      work = Nd4j.create(DataType.FLOAT, rows, cols);
    }
    run();
    int wrongRows = 0;
    for (int r = 0; r < rows; r++) {
      for (int q = 0; q < K; q++) {
        if (out[r * K + q] != ref[r * K + q]) {
          wrongRows++;
          break;
        }
      }
    }
    Check.report("topk", variant, wrongRows == 0, "rows differing from reference: " + wrongRows
        + " of " + rows);
  }

  @Benchmark
  public int[] run() {
    int rows = Inputs.ML1M_USERS;
    int cols = Inputs.ML1M_ITEMS;
    switch (variant) {
      case "sort" -> TopK.sortRows(m, rows, cols, K, out, threads);
      case "heap" -> TopK.heapRows(m, rows, cols, K, out, threads);
      case "heapVector" -> TopK.heapRowsVector(m, rows, cols, K, out, threads);
      case "select" -> TopK.selectRows(m, rows, cols, K, out, threads);
      case "nd4jSort" -> Nd4jKernels.topKSort(src, work, K, out, false);
      case "nd4jSortTieFix" -> Nd4jKernels.topKSort(src, work, K, out, true);
      default -> throw new IllegalArgumentException(variant);
    }
    return out;
  }
}
