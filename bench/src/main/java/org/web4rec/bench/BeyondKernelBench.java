package org.web4rec.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import org.web4rec.core.baselines.Baselines;
import org.web4rec.core.baselines.Recommendations;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.AccuracyMetrics;
import org.web4rec.core.metrics.BeyondAccuracyMetrics;
import org.web4rec.core.metrics.BeyondInput;
import org.web4rec.core.metrics.MetricSuite;
import org.web4rec.core.metrics.MetricTable;
import org.web4rec.core.synth.SyntheticDataset;

/**
 * Timing of list preparation + accuracy + beyond-accuracy metrics at K = 10, 20 on core's kernels
 * directly, with a synthetic dataset generated in process (no files, no service code path: see
 * {@link MetricsBench} for that). Run from the worktree:
 *
 * <pre>
 * mvn -q -B -pl bench -am package -DskipTests
 * java -Xmx6g -cp bench/target/web4rec-bench.jar org.web4rec.bench.BeyondKernelBench 20m random 3
 * </pre>
 *
 * Arguments: scale {@code 1m} (6,040 users, 3,706 items, 1M train), {@code 20m} (138,493 users,
 * 26,744 items, 20M train) or {@code 20m-capped} (the same with histories capped at ml-20m's
 * largest, 9,254 items); candidates {@code random} (every item gets recommended: the worst case
 * for cooc) or {@code pop} (most popular); repetitions. 100 candidates per user, an 18-value genre
 * column and 64-dimensional embeddings.
 */
public final class BeyondKernelBench {

  private BeyondKernelBench() {}

  public static void main(String[] args) {
    String scale = args.length > 0 ? args[0] : "1m";
    String mode = args.length > 1 ? args[1] : "random";
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int threads = args.length > 3 ? Integer.parseInt(args[3])
        : Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    SyntheticScale synth = SyntheticScale.of(scale);
    SyntheticDataset data = synth.data();
    Csr train = synth.train();
    Csr gt = data.groundTruth();
    int nItems = data.nItems();
    Recommendations recs = mode.equals("pop")
        ? Baselines.mostPopular(train, nItems, 100)
        : Baselines.random(train, nItems, 100, 7L);
    int[][] genres = synth.genres();
    float[][] emb = synth.embeddings();
    int[] tie = CandidateLists.tieOrder(data.itemIds());
    double sumSq = 0;
    for (int u = 0; u < train.rows(); u++) {
      sumSq += (double) train.size(u) * train.size(u);
    }
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    System.out.printf("%s/%s: users %d, items %d, train %d, candidates %d, Σ|H_u|² %.3g, "
            + "threads %d, setup %.1f s%n", scale, mode, data.nUsers(), nItems, train.nnz(),
        recs.size(), sumSq, threads, (System.nanoTime() - t0) / 1e9);

    int[] ks = {10, 20};
    for (int rep = 0; rep < reps; rep++) {
      System.gc();
      long base = heapUsed();
      resetPeaks();
      long cpu = os.getProcessCpuTime();
      long a = System.nanoTime();
      CandidateLists lists = CandidateLists.prepare(data.nUsers(), recs.users(), recs.items(),
          recs.scores(), null, train, tie, 100);
      long b = System.nanoTime();
      MetricTable acc = AccuracyMetrics.compute(lists, gt, ks);
      long c = System.nanoTime();
      BeyondInput in = new BeyondInput(nItems, train, gt, lists, tie,
          Map.of("genres", genres), emb);
      MetricSuite s = BeyondAccuracyMetrics.compute(in, ks, threads);
      long d = System.nanoTime();
      Map<String, Double> means = s.perUser().means();
      long e = System.nanoTime();
      System.out.printf(
          "rep %d: prepare %.2f s, accuracy %.2f s, beyond %.2f s, means %.2f s, total %.2f s "
              + "wall, %.2f s CPU; heap peak %.2f GiB (%.2f GiB above inputs)%n",
          rep, (b - a) / 1e9, (c - b) / 1e9, (d - c) / 1e9, (e - d) / 1e9, (e - a) / 1e9,
          (os.getProcessCpuTime() - cpu) / 1e9,
          peakHeap() / 1073741824.0, (peakHeap() - base) / 1073741824.0);
      if (rep == reps - 1) {
        System.out.println("  ndcg@10 " + acc.means().get("ndcg@10") + ", " + means);
        System.out.println("  " + s.global());
      }
    }
  }

  private static long heapUsed() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks: an upper bound of the peak heap in use. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
