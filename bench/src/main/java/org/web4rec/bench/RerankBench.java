package org.web4rec.bench;

import org.web4rec.core.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.rerank.Objective;
import org.web4rec.core.rerank.PreparedRerank;
import org.web4rec.core.rerank.RerankInput;
import org.web4rec.core.rerank.RerankResult;
import org.web4rec.core.rerank.Reranker;
import org.web4rec.core.prepare.Preparation;
import org.web4rec.platform.data.MetricsJob;
import org.web4rec.platform.data.CoocTables;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Table;

/**
 * Re-ranking benchmark on a generated scale (bench/generate.py), on the service's code path: the
 * re-rank worker's {@link Reranker#sweep} and the metrics worker's {@link MetricsJob} for every λ.
 * Prints one JSON line per objective: re-rank time, metric time and their sum per λ and in total.
 * First, as in the service, the parent's own metrics are computed (its upload), which leaves the
 * dataset's co-occurrence table held ({@code --no-parent-metrics} skips that: a cold re-rank that
 * builds the table itself). {@code --repeat R} runs everything R times in the one JVM.
 *
 * <pre>java -Xmx6g --add-opens=java.base/java.nio=ALL-UNNAMED -cp bench/target/web4rec-bench.jar \
 *   org.web4rec.bench.RerankBench --data bench/out/ml-1m --objectives diversity:cooc,dpp:cooc \
 *   --lambdas sweep --k 10 --n 100</pre>
 */
public final class RerankBench {

  private RerankBench() {}

  public static void main(String[] args) throws Exception {
    Path data = null;
    List<String> objectives = List.of("diversity:cooc");
    double[] lambdas = Reranker.sweepLambdas();
    int k = 10;
    int n = 100;
    int repeat = 1;
    boolean parentMetrics = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--objectives" -> objectives = List.of(args[++i].split(","));
        case "--lambdas" -> {
          String v = args[++i];
          lambdas = v.equals("sweep") ? Reranker.sweepLambdas()
              : java.util.Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        case "--k" -> k = Integer.parseInt(args[++i]);
        case "--n" -> n = Integer.parseInt(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--no-parent-metrics" -> parentMetrics = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    long t = System.nanoTime();
    Dataset ds = Preparation.dataset(read(data.resolve("train.arrow")),
        read(data.resolve("ground_truth.arrow")), null, read(data.resolve("items.arrow")));
    CandidateLists lists = Preparation.candidates(read(data.resolve("candidates.arrow")), ds, n);
    Path embFile = data.resolve("item_embeddings.arrow");
    Table emb = Files.exists(embFile)
        ? Preparation.itemEmbeddings(read(embFile), ds) : null;
    float[][] vectors = emb == null ? null : Dataset.itemVectors(emb, ds.nItems());
    double loadS = (System.nanoTime() - t) / 1e9;
    RerankInput in = RerankInput.of(lists, ds.train(), ds.nItems(), ds.multiValuedColumns(),
        vectors).cut(n);
    if (parentMetrics) {
      // As in the service: the parent's metrics were computed at its upload (K = 10, 20), which
      // leaves the dataset's co-occurrence table held for the re-ranks that follow.
      long tp = System.nanoTime();
      MetricsJob.run(ds, lists, List.of(10, 20), emb);
      System.out.printf(Locale.ROOT, "{\"parent_metrics_s\": %.3f, \"cooc_table_held\": %s}%n",
          (System.nanoTime() - tp) / 1e9, CoocTables.cached(ds) != null);
    }
    for (int run = 1; run <= repeat; run++) {
    for (String o : objectives) {
      Objective objective = Objective.parse(o);
      long t0 = System.nanoTime();
      long c0 = cpuNanos();
      int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
      // As the re-rank worker: the dataset's co-occurrence table (built by the first run,
      // held for the next runs and for the metrics).
      PreparedRerank prepared = Reranker.prepare(in, objective, null, threads,
          CoocTables.forRerank(ds, in, objective, null, threads));
      double prepareS = (System.nanoTime() - t0) / 1e9;
      double prepareCpuS = (cpuNanos() - c0) / 1e9;
      List<RerankResult> results = new ArrayList<>();
      for (double l : lambdas) {
        results.add(prepared.rerank(l, k));
      }
      double rerankS = (System.nanoTime() - t0) / 1e9;
      double rerankCpuS = (cpuNanos() - c0) / 1e9;
      long t1 = System.nanoTime();
      Map<String, Double> last = null;
      List<String> frontier = new ArrayList<>();
      for (int r = 0; r < results.size(); r++) {
        last = MetricsJob.run(ds, results.get(r).lists(), List.of(k), emb).means();
        frontier.add(String.format(Locale.ROOT, "{\"lambda\": %.1f, \"ndcg\": %.5f, \"beyond\": %.5f}",
            lambdas[r], last.get("ndcg@" + k), beyond(last, objective, k)));
      }
      double metricsS = (System.nanoTime() - t1) / 1e9;
      double metricsCpuS = (cpuNanos() - c0) / 1e9 - rerankCpuS;
      System.out.printf(Locale.ROOT, "{\"scale\": \"%s\", \"users\": %d, \"objective\": \"%s\","
              + " \"lambdas\": %d, \"k\": %d, \"n\": %d, \"load_s\": %.3f, \"prepare_s\": %.3f,"
              + " \"rerank_s\": %.3f, \"metrics_s\": %.3f, \"total_s\": %.3f,"
              + " \"cpu_s\": {\"prepare\": %.2f, \"rerank\": %.2f, \"metrics\": %.2f},"
              + " \"frontier\": %s}%n",
          data.getFileName(), ds.nUsers(), o, lambdas.length, k, n, loadS, prepareS, rerankS,
          metricsS, rerankS + metricsS, prepareCpuS, rerankCpuS, metricsCpuS, frontier);
    }
    }
  }

  /** CPU time of the whole process (all threads, GC included): stable on a shared machine. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double beyond(Map<String, Double> m, Objective o, int k) {
    String key = switch (o.kind()) {
      case NOVELTY -> "novelty@" + k;
      case CALIBRATION -> "miscalibration@" + k + ":" + o.source();
      case UNEXPECTEDNESS -> "unexpectedness@" + k + ":" + o.source();
      default -> "diversity@" + k + ":" + o.source();
    };
    Double v = m.get(key);
    return v == null ? Double.NaN : v;
  }

  private static Table read(Path p) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(p), 1 << 20)) {
      return ArrowCodec.read(in);
    }
  }
}
