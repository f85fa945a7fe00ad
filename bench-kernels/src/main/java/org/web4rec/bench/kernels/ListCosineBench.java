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
 * Kernel 2: mean pairwise cosine within 138,493 lists of K items, 26,744 x 64 float embeddings
 * (ml-20m shape). Normalisation of the embeddings is inside every timed call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class ListCosineBench {

  static final double TOL = 1e-4;

  @Param({"10", "20"})
  public int k;

  @Param({"core", "pairs", "prefix", "pairsVector", "prefixVector", "sumNormVector",
      "nd4jSumNorm", "nd4jGram", "nd4jFullGramGemmOnly"})
  public String variant;

  @Param({"2"})
  public int threads;

  float[] emb;
  float[][] emb2d;
  int[] lists;
  double[] out;
  CoreKernels core;
  Csr noHistory;
  INDArray e;
  INDArray gather;
  INDArray unitNd;
  INDArray gramBlock;
  double sink;

  static final int ND4J_CHUNK = 8192;
  static final int GRAM_BLOCK = 2048;

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
    core = new CoreKernels(lists, k);
    noHistory = Csr.empty(0);
    out = new double[lists.length / k];
    if (variant.startsWith("nd4j")) {
      Nd4jKernels.init();
      e = Nd4j.create(emb, new long[] {items, dim}, 'c');
      gather = Nd4j.create(DataType.FLOAT, (long) ND4J_CHUNK * k, dim);
      unitNd = Nd4jKernels.unit(e);
      gramBlock = Nd4j.create(DataType.FLOAT, GRAM_BLOCK, items);
    }
    // Reference: core's double-precision kernel.
    double[] ref = coreMeans();
    run();
    if (variant.equals("nd4jFullGramGemmOnly")) {
      Check.report("listcos", variant + " k=" + k, true, "n/a: gemm only, a lower bound");
      return;
    }
    double maxErr = 0;
    for (int r = 0; r < ref.length; r++) {
      maxErr = Math.max(maxErr, Math.abs(out[r] - ref[r]));
    }
    Check.report("listcos", variant + " k=" + k, maxErr <= TOL, "max |mean cos - ref| = " + maxErr);
  }

  double[] coreMeans() {
    double[][] s = core.embedding(emb2d, Inputs.DIM, noHistory, threads);
    double[] means = new double[lists.length / k];
    for (int r = 0; r < means.length; r++) {
      double t = 0;
      for (int p = r * k; p < (r + 1) * k; p++) {
        t += s[1][p];
      }
      means[r] = t / (k * (k - 1) / 2.0);
    }
    return means;
  }

  @Benchmark
  public Object run() {
    int dim = Inputs.DIM;
    switch (variant) {
      case "core" -> System.arraycopy(coreMeans(), 0, out, 0, out.length);
      case "pairs" -> Cosine.listPairs(Inputs.unitRows(emb, dim), dim, lists, k, out, threads);
      case "prefix" -> Cosine.listPrefix(Inputs.unitRows(emb, dim), dim, lists, k, out, threads);
      case "pairsVector" ->
          Cosine.listPairsVector(Inputs.unitRows(emb, dim), dim, lists, k, out, threads);
      case "prefixVector" ->
          Cosine.listPrefixVector(Inputs.unitRows(emb, dim), dim, lists, k, out, threads);
      case "sumNormVector" ->
          Cosine.listSumNormVector(Inputs.unitRows(emb, dim), dim, lists, k, out, threads);
      case "nd4jSumNorm" -> Nd4jKernels.listSumNorm(e, lists, k, ND4J_CHUNK, gather, out);
      case "nd4jGram" -> Nd4jKernels.listGram(e, lists, k, ND4J_CHUNK, gather, out);
      case "nd4jFullGramGemmOnly" -> sink += Nd4jKernels.fullGramGemmOnly(unitNd, GRAM_BLOCK, gramBlock);
      default -> throw new IllegalArgumentException(variant);
    }
    return out;
  }
}
