package org.web4rec.bench.kernels;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.web4rec.core.projection.Pca;
import org.web4rec.core.projection.PcaModel;

/**
 * PCA of n × 64 float vectors to 2-D, the projection job's PCA step: core's plain-Java covariance
 * + Jacobi ({@link Pca}) vs ND4J's covariance by gemm + LAPACK symmetric eigensolver. Both start
 * from the float[][] the service holds and end with the 2 × n coordinates, so the copy into an
 * INDArray is part of the ND4J time (the service would pay it). Setup checks that both give the
 * same explained variance.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class PcaBench {

  @Param({"6040", "138493"})
  public int n;

  @Param({"core", "nd4jCovEig"})
  public String variant;

  static final int D = 64;
  float[][] rows;

  @Setup
  public void setup() {
    Nd4jKernels.init();
    SplittableRandom rng = new SplittableRandom(42);
    rows = new float[n][D];
    for (float[] r : rows) {
      double a = rng.nextGaussian(0, 3);
      double b = rng.nextGaussian(0, 2);
      for (int j = 0; j < D; j++) {
        r[j] = (float) (a * Math.sin(j) + b * Math.cos(3 * j) + rng.nextGaussian(0, 0.5));
      }
    }
    double[] core = Pca.fit(rows, 2, 2).explainedVarianceRatio();
    double[] nd = nd4jRatio(rows);
    if (Math.abs(core[0] - nd[0]) > 1e-3 || Math.abs(core[1] - nd[1]) > 1e-3) {
      throw new IllegalStateException("core " + core[0] + ", " + core[1] + " vs nd4j " + nd[0]
          + ", " + nd[1]);
    }
  }

  @Benchmark
  public Object pca() {
    if (variant.equals("core")) {
      PcaModel m = Pca.fit(rows, 2, 2);
      return m.coordinates();
    }
    return nd4j(rows)[0];
  }

  /** {coordinates (n × 2), eigenvalues ascending}. */
  static INDArray[] nd4j(float[][] rows) {
    INDArray x = Nd4j.createFromArray(rows);
    INDArray c = x.subRowVector(x.mean(0));
    INDArray cov = Nd4j.gemm(c, c, true, false).divi(rows.length - 1);
    INDArray values = Eigen.symmetricGeneralizedEigenvalues(cov, true);
    INDArray axes = cov.get(NDArrayIndex.all(), NDArrayIndex.interval(D - 2, D));
    return new INDArray[] {c.mmul(axes), values};
  }

  static double[] nd4jRatio(float[][] rows) {
    INDArray v = nd4j(rows)[1].castTo(DataType.DOUBLE);
    double total = v.sumNumber().doubleValue();
    return new double[] {v.getDouble(D - 1) / total, v.getDouble(D - 2) / total};
  }
}
