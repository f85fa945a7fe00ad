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
import org.web4rec.core.data.Csr;

/**
 * Kernel 3: unexpectedness:emb sums ê_i · Σ_{j ∈ H_u} ê_j for the K = 20 list items of 138,493
 * users, histories totalling 20M entries (power-law sizes up to 8,000), 26,744 x 64 embeddings.
 * Normalisation is inside every timed call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class HistoryCosineBench {

  /** Tolerance per history entry: float sums of up to 8,000 unit vectors. */
  static final double TOL_PER_ENTRY = 1e-5;

  @Param({"20"})
  public int k;

  @Param({"core", "java", "vector", "nd4j", "nd4jFullProductStage2"})
  public String variant;

  @Param({"2"})
  public int threads;

  float[] emb;
  float[][] emb2d;
  int[] lists;
  Inputs.Histories h;
  Csr train;
  CoreKernels core;
  float[] out;
  INDArray unitPadded;
  INDArray gather;
  INDArray unitNd;
  INDArray sumsNd;
  INDArray block;

  static final int ND4J_ROWS = 1 << 18;
  static final int USER_BLOCK = 4096;

  @Setup(Level.Trial)
  public void setup() {
    int items = Inputs.ML20M_ITEMS;
    int dim = Inputs.DIM;
    emb = Inputs.embeddings(items, dim, 2L);
    emb2d = new float[items][];
    for (int i = 0; i < items; i++) {
      emb2d[i] = java.util.Arrays.copyOfRange(emb, i * dim, (i + 1) * dim);
    }
    lists = Inputs.lists(Inputs.ML20M_USERS, items, k, 3L);
    h = Inputs.histories(Inputs.ML20M_USERS, items, 4L);
    train = new Csr(h.offsets(), h.items());
    core = new CoreKernels(lists, k);
    out = new float[lists.length];
    System.out.println("histories: " + h.items().length + " entries, Σ|H|^2 = " + h.sumSquares());
    if (variant.startsWith("nd4j")) {
      Nd4jKernels.init();
      float[] unit = Inputs.unitRows(emb, dim);
      float[] padded = java.util.Arrays.copyOf(unit, unit.length + dim); // + one zero row
      unitPadded = Nd4j.create(padded, new long[] {items + 1, dim}, 'c');
      unitNd = Nd4j.create(unit, new long[] {items, dim}, 'c');
      gather = Nd4j.create(DataType.FLOAT, ND4J_ROWS, dim);
      float[] sums = new float[Inputs.ML20M_USERS * dim];
      int[] o = h.offsets();
      for (int u = 0; u < Inputs.ML20M_USERS; u++) {
        for (int x = o[u]; x < o[u + 1]; x++) {
          int b = h.items()[x] * dim;
          for (int c = 0; c < dim; c++) {
            sums[u * dim + c] += unit[b + c];
          }
        }
      }
      sumsNd = Nd4j.create(sums, new long[] {Inputs.ML20M_USERS, dim}, 'c');
      block = Nd4j.create(DataType.FLOAT, USER_BLOCK, items);
    }
    double[] ref = core.embedding(emb2d, dim, train, threads)[0];
    run();
    double worst = 0;
    boolean ok = true;
    for (int p = 0; p < ref.length; p++) {
      int u = p / k;
      int n = h.offsets()[u + 1] - h.offsets()[u];
      double err = Math.abs(out[p] - ref[p]);
      worst = Math.max(worst, err / n);
      ok &= err <= TOL_PER_ENTRY * n + 1e-5;
    }
    Check.report("histcos", variant, ok, "max |sum - ref| / |H_u| = " + worst);
  }

  @Benchmark
  public Object run() {
    int dim = Inputs.DIM;
    switch (variant) {
      case "core" -> {
        double[] s = core.embedding(emb2d, dim, train, threads)[0];
        for (int p = 0; p < s.length; p++) {
          out[p] = (float) s[p];
        }
      }
      case "java" -> Cosine.history(Inputs.unitRows(emb, dim), dim, h.offsets(), h.items(),
          lists, k, out, threads);
      case "vector" -> Cosine.historyVector(Inputs.unitRows(emb, dim), dim, h.offsets(),
          h.items(), lists, k, out, threads);
      case "nd4j" -> Nd4jKernels.history(unitPadded, h.offsets(), h.items(), lists, k, ND4J_ROWS,
          gather, out);
      case "nd4jFullProductStage2" ->
          Nd4jKernels.historyFullProduct(sumsNd, unitNd, lists, k, USER_BLOCK, block, out);
      default -> throw new IllegalArgumentException(variant);
    }
    return out;
  }
}
