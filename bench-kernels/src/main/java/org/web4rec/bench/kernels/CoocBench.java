package org.web4rec.bench.kernels;

import java.util.concurrent.TimeUnit;
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

/**
 * Kernel 4: the cooc half-row build over all 26,744 items (every item recommended: the worst
 * case, Σ_v |H_v|(|H_v|+1)/2 increments) on the ml-20m-shaped histories.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class CoocBench {

  @Param({"int", "char", "bitset256", "bitset1024", "bitset2048", "bitset4096"})
  public String variant;

  @Param({"2"})
  public int threads;

  Cooc cooc;

  @Setup(Level.Trial)
  public void setup() {
    Inputs.Histories h = Inputs.histories(Inputs.ML20M_USERS, Inputs.ML20M_ITEMS, 4L);
    cooc = new Cooc(h, Inputs.ML20M_ITEMS);
    System.out.println("increments (int variant): " + cooc.increments());
    long ref = cooc.intCounters(threads);
    long got = run();
    Check.report("cooc", variant, got == ref, "checksum " + got + " vs reference " + ref);
  }

  @Benchmark
  public long run() {
    if (variant.startsWith("bitset")) {
      return cooc.bitsetHead(Integer.parseInt(variant.substring("bitset".length())), threads);
    }
    return switch (variant) {
      case "int" -> cooc.intCounters(threads);
      case "char" -> cooc.charCounters(threads);
      default -> throw new IllegalArgumentException(variant);
    };
  }
}
