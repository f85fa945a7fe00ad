package org.web4rec.bench;

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
import org.web4rec.core.rerank.RerankInput;
import org.web4rec.core.rerank.RerankResult;
import org.web4rec.core.rerank.Reranker;
import org.web4rec.ingest.Preparation;
import org.web4rec.metrics.MetricsJob;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.platform.table.Table;

/**
 * Re-ranking benchmark on a generated scale (bench/generate.py), on the service's code path: the
 * re-rank worker's {@link Reranker#sweep} and the metrics worker's {@link MetricsJob} for every λ.
 * Prints one JSON line per objective: re-rank time, metric time and their sum per λ and in total.
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
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    long t = System.nanoTime();
    StoredDataset ds = Preparation.dataset(read(data.resolve("train.arrow")),
        read(data.resolve("ground_truth.arrow")), null, read(data.resolve("items.arrow")));
    CandidateLists lists = Preparation.candidates(read(data.resolve("candidates.arrow")), ds, n);
    Path embFile = data.resolve("item_embeddings.arrow");
    Table emb = Files.exists(embFile)
        ? Preparation.itemEmbeddings(read(embFile), ds) : null;
    float[][] vectors = emb == null ? null : StoredDataset.itemVectors(emb, ds.nItems());
    double loadS = (System.nanoTime() - t) / 1e9;
    RerankInput in = RerankInput.of(lists, ds.train(), ds.nItems(), ds.multiValuedColumns(),
        vectors).cut(n);
    for (String o : objectives) {
      Objective objective = Objective.parse(o);
      long t0 = System.nanoTime();
      List<RerankResult> results = Reranker.sweep(in, objective, lambdas, k, null,
          Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
      double rerankS = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      Map<String, Double> last = null;
      List<String> frontier = new ArrayList<>();
      for (int r = 0; r < results.size(); r++) {
        last = MetricsJob.run(ds, results.get(r).lists(), List.of(k), emb).means();
        frontier.add(String.format(Locale.ROOT, "{\"lambda\": %.1f, \"ndcg\": %.5f, \"beyond\": %.5f}",
            lambdas[r], last.get("ndcg@" + k), beyond(last, objective, k)));
      }
      double metricsS = (System.nanoTime() - t1) / 1e9;
      System.out.printf(Locale.ROOT, "{\"scale\": \"%s\", \"users\": %d, \"objective\": \"%s\","
              + " \"lambdas\": %d, \"k\": %d, \"n\": %d, \"load_s\": %.3f, \"rerank_s\": %.3f,"
              + " \"metrics_s\": %.3f, \"total_s\": %.3f, \"frontier\": %s}%n",
          data.getFileName(), ds.nUsers(), o, lambdas.length, k, n, loadS, rerankS, metricsS,
          rerankS + metricsS, frontier);
    }
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
