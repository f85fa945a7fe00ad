package org.web4rec.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.web4rec.core.rerank.Objective;
import org.web4rec.core.rerank.PreparedRerank;
import org.web4rec.core.rerank.RerankInput;
import org.web4rec.core.rerank.RerankResult;
import org.web4rec.core.rerank.Reranker;
import org.web4rec.core.synth.SyntheticDataset;

/**
 * Timing of core's re-rankers on a synthetic dataset generated in process (no files, no service
 * code path: see {@link RerankBench} for that). Run from the worktree:
 *
 * <pre>
 * mvn -q -B -pl bench -am package -DskipTests
 * java -Xmx8g -cp bench/target/web4rec-bench.jar org.web4rec.bench.RerankKernelBench 1m pop sweep
 * </pre>
 *
 * Arguments: scale {@code 1m} (6,040 users, 3,706 items, 1M train), {@code 20m} (138,493 users,
 * 26,744 items, 20M train) or {@code 20m-capped} (histories capped at ml-20m's largest, 9,254);
 * candidates {@code pop} (most popular), {@code random} (every item a candidate: the worst case
 * for the cooc pair table) or {@code knn} (item kNN, 1m only); mode
 * {@code sweep} (11 λ of diversity:cooc with metrics, then every objective once at λ = 0.5) or
 * {@code once} (diversity:cooc and dpp:cooc once at λ = 0.5 with metrics, then the other
 * objectives); threads (default: all processors). N = 100 candidates, K = 10, an 18-value genre
 * column and 64-dimensional embeddings.
 */
public final class RerankKernelBench {

  private RerankKernelBench() {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  /** @return CPU seconds used by this process so far */
  private static double cpu() {
    return OS.getProcessCpuTime() / 1e9;
  }

  public static void main(String[] args) {
    String scale = args.length > 0 ? args[0] : "1m";
    String mode = args.length > 1 ? args[1] : "pop";
    String what = args.length > 2 ? args[2] : "sweep";
    int threads = args.length > 3 ? Integer.parseInt(args[3])
        : Runtime.getRuntime().availableProcessors();
    int n = 100;
    int k = 10;
    long t0 = System.nanoTime();
    SyntheticScale synth = SyntheticScale.of(scale);
    SyntheticDataset data = synth.data();
    Csr train = synth.train();
    Csr gt = data.groundTruth();
    int nItems = data.nItems();
    Recommendations recs = switch (mode) {
      case "random" -> Baselines.random(train, nItems, n, 7L);
      case "knn" -> Baselines.itemKnn(train, nItems, n, 50);
      default -> Baselines.mostPopular(train, nItems, n);
    };
    int[] tie = CandidateLists.tieOrder(data.itemIds());
    CandidateLists lists = CandidateLists.prepare(data.nUsers(), recs.users(), recs.items(),
        recs.scores(), null, train, tie, n);
    int[][] genres = synth.genres();
    float[][] emb = synth.embeddings();
    RerankInput in = RerankInput.of(lists, train, nItems, Map.of("genres", genres), emb);
    int distinct = 0;
    boolean[] seen = new boolean[nItems];
    for (int i : lists.items()) {
      if (!seen[i]) {
        seen[i] = true;
        distinct++;
      }
    }
    double sumSq = 0;
    double sumSqR = 0;
    for (int u = 0; u < train.rows(); u++) {
      int inR = 0;
      for (int x = train.start(u); x < train.end(u); x++) {
        inR += seen[train.values()[x]] ? 1 : 0;
      }
      sumSq += (double) train.size(u) * train.size(u);
      sumSqR += (double) inR * inR;
    }
    System.out.printf("%s/%s: users %d, items %d, train %d, candidates %d (|R| = %d), "
            + "Σ|H_u|² %.3g, Σ|H_u ∩ R|²/2 %.3g, threads %d, setup %.1f s%n", scale, mode,
        data.nUsers(), nItems, train.nnz(), lists.total(), distinct, sumSq, sumSqR / 2, threads,
        (System.nanoTime() - t0) / 1e9);

    // Metrics the sweep reports: accuracy@10 and beyond-accuracy@10 with the cooc source only
    // (the input without side data), and once with every source for comparison.
    BeyondInput coocOnly = new BeyondInput(nItems, train, gt, lists, tie, null, null);
    if (what.equals("sweep")) {
      for (int rep = 0; rep < 2; rep++) {
        double cpu0 = cpu();
        long a = System.nanoTime();
        PreparedRerank prepared = Reranker.prepare(in, Objective.diversity("cooc"), null,
            threads);
        long b = System.nanoTime();
        double cpu1 = cpu();
        double rerankS = 0;
        double metricS = 0;
        double rerankCpu = 0;
        List<String> lines = new ArrayList<>();
        for (double lambda : Reranker.sweepLambdas()) {
          double cc = cpu();
          long c = System.nanoTime();
          RerankResult r = prepared.rerank(lambda, k);
          long d = System.nanoTime();
          rerankCpu += cpu() - cc;
          Map<String, Double> m = metrics(coocOnly, r.lists(), gt, tie, k, threads);
          long e = System.nanoTime();
          rerankS += (d - c) / 1e9;
          metricS += (e - d) / 1e9;
          lines.add(String.format("  λ=%.1f rerank %.3f s, metrics %.3f s: ndcg %.4f, "
                  + "diversity:cooc %.4f, novelty %.3f, coverage %.3f", lambda, (d - c) / 1e9,
              (e - d) / 1e9, m.get("ndcg@10"), m.get("diversity@10:cooc"), m.get("novelty@10"),
              m.get("coverage@10")));
        }
        long f = System.nanoTime();
        System.out.printf("sweep rep %d, diversity:cooc × 11 λ: prepare (pair table) %.3f s "
                + "(%.3f CPU-s), re-rank %.3f s (%.3f CPU-s), metrics %.3f s, total %.2f s wall, "
                + "%.2f CPU-s%n", rep, (b - a) / 1e9, cpu1 - cpu0, rerankS, rerankCpu, metricS,
            (f - a) / 1e9, cpu() - cpu0);
        if (rep == 1) {
          lines.forEach(System.out::println);
        }
      }
      RerankResult r = Reranker.rerank(in, Objective.diversity("cooc"), 0.5, k, null, threads);
      long a = System.nanoTime();
      metrics(new BeyondInput(nItems, train, gt, lists, tie, Map.of("genres", genres), emb),
          r.lists(), gt, tie, k, threads);
      System.out.printf("metrics with every source (cooc, genre.genres, emb, miscalibration) "
          + "on one re-ranked list set: %.3f s%n", (System.nanoTime() - a) / 1e9);
    } else {
      for (String o : List.of("diversity:cooc", "dpp:cooc")) {
        double cpu0 = cpu();
        long a = System.nanoTime();
        RerankResult r = Reranker.rerank(in, Objective.parse(o), 0.5, k, null, threads);
        long b = System.nanoTime();
        double cpu1 = cpu();
        Map<String, Double> m = metrics(coocOnly, r.lists(), gt, tie, k, threads);
        long c = System.nanoTime();
        System.out.printf("%s λ=0.5: re-rank %.2f s (%.2f CPU-s, incl. prepare), metrics %.2f s "
                + "(%.2f CPU-s), total %.2f s: ndcg %.4f, diversity:cooc %.4f%n", o,
            (b - a) / 1e9, cpu1 - cpu0, (c - b) / 1e9, cpu() - cpu1, (c - a) / 1e9,
            m.get("ndcg@10"), m.get("diversity@10:cooc"));
      }
    }
    objectives(in, k, threads);
  }

  /** Times every objective once at λ = 0.5: preparation and the re-rank itself. */
  private static void objectives(RerankInput in, int k, int threads) {
    for (String o : List.of("diversity:cooc", "dpp:cooc", "diversity:genre.genres",
        "dpp:genre.genres", "diversity:emb", "dpp:emb", "novelty", "unexpectedness:cooc",
        "unexpectedness:genre.genres", "unexpectedness:emb", "calibration:genres")) {
      double c0 = cpu();
      long a = System.nanoTime();
      PreparedRerank p = Reranker.prepare(in, Objective.parse(o), null, threads);
      long b = System.nanoTime();
      double c1 = cpu();
      p.rerank(0.5, k);
      long c = System.nanoTime();
      double c2 = cpu();
      p.rerank(0.5, k);
      long d = System.nanoTime();
      System.out.printf("  %-28s prepare %.3f s (%.3f CPU-s), re-rank %.3f s (%.3f CPU-s), "
              + "again %.3f s (%.3f CPU-s)%n", o, (b - a) / 1e9, c1 - c0, (c - b) / 1e9,
          c2 - c1, (d - c) / 1e9, cpu() - c2);
    }
  }

  private static Map<String, Double> metrics(BeyondInput base, CandidateLists lists, Csr gt,
      int[] tie, int k, int threads) {
    int[] ks = {k};
    MetricTable acc = AccuracyMetrics.compute(lists, gt, ks);
    BeyondInput in = new BeyondInput(base.nItems(), base.train(), gt, lists, tie,
        base.multiValued(), base.itemEmbeddings());
    MetricSuite s = BeyondAccuracyMetrics.compute(in, ks, threads);
    Map<String, Double> out = new LinkedHashMap<>(acc.means());
    out.putAll(s.perUser().means());
    out.putAll(s.global());
    return out;
  }
}
