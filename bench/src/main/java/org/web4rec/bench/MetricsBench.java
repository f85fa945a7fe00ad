package org.web4rec.bench;

import org.web4rec.core.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.prepare.DatasetBuilder;
import org.web4rec.core.prepare.Preparation;
import org.web4rec.core.prepare.PreparedDataset;
import org.web4rec.platform.data.MetricsJob;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Runs the service's own metric code path on a generated benchmark scale (bench/generate.py):
 * decode the Arrow files, build the dataset and prepare the candidate lists exactly as ingest
 * does ({@link Preparation}), then compute the whole METRICS.md suite and encode its blobs as the
 * metrics worker does ({@link MetricsJob}), repeated.
 * Prints one JSON line: timings per phase (median over repeats for the metric suite), peak heap,
 * and the metric values. {@code --values FILE} also writes per-user values for cross-checks.
 *
 * <pre>java -Xmx6g --add-opens=java.base/java.nio=ALL-UNNAMED -cp bench/target/web4rec-bench.jar \
 *   org.web4rec.bench.MetricsBench --data bench/out/ml-1m --ks 10,20 --repeat 3</pre>
 */
public final class MetricsBench {

  private MetricsBench() {}

  public static void main(String[] args) throws Exception {
    Path data = null;
    List<Integer> ks = List.of(10, 20);
    int repeat = 3;
    Path values = null;
    int candidates = 100;
    // --cooc-only: leave out the genre column and the embeddings, i.e. only the similarity source
    // that Microsoft Recommenders' co-occurrence metrics share with us (for like-for-like timing).
    boolean coocOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--ks" -> ks = Arrays.stream(args[++i].split(",")).map(String::trim)
            .map(Integer::valueOf).toList();
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--values" -> values = Path.of(args[++i]);
        case "--candidates" -> candidates = Integer.parseInt(args[++i]);
        case "--cooc-only" -> coocOnly = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: --data DIR [--ks 10,20] [--repeat 3] [--values FILE] [--candidates 100]"
            + " [--cooc-only]");
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("--data DIR is required (see bench/generate.py)");
    }
    Map<String, Double> phases = new LinkedHashMap<>();
    long t = System.nanoTime();
    Table train = read(data.resolve("train.arrow"));
    Table gt = read(data.resolve("ground_truth.arrow"));
    Table items = coocOnly ? null : read(data.resolve("items.arrow"));
    Table recs = read(data.resolve("candidates.arrow"));
    Path embFile = data.resolve("item_embeddings.arrow");
    Table emb = !coocOnly && Files.exists(embFile) ? read(embFile) : null;
    phases.put("load", seconds(t));

    t = System.nanoTime();
    PreparedDataset prepared = DatasetBuilder.build(train, gt, null, items);
    // Through the stored blobs, as the workers load it.
    Dataset ds = StoredDataset.decode(ArrowCodec.toBytes(prepared.users()),
        ArrowCodec.toBytes(prepared.items()), ArrowCodec.toBytes(prepared.train()),
        ArrowCodec.toBytes(prepared.groundTruth()));
    prepared = null;
    phases.put("dataset", seconds(t));
    t = System.nanoTime();
    CandidateLists lists = Preparation.candidates(recs, ds, candidates);
    Table storedEmb = emb == null ? null : Preparation.itemEmbeddings(emb, ds);
    phases.put("prepare", seconds(t));
    train = null;
    recs = null;

    List<Double> runs = new ArrayList<>();
    MetricsJob.Result result = null;
    Map<String, List<Double>> inner = new LinkedHashMap<>();
    for (int r = 0; r < repeat; r++) {
      t = System.nanoTime();
      result = MetricsJob.run(ds, lists, ks, storedEmb);
      runs.add(seconds(t));
      result.seconds().forEach((k, v) -> inner.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    // Phases of the metric suite: medians over the repeats, like median_s.
    inner.forEach((k, v) -> {
      List<Double> s = new ArrayList<>(v);
      s.sort(null);
      phases.put(k, s.get(s.size() / 2));
    });
    List<Double> sorted = new ArrayList<>(runs);
    sorted.sort(null);
    double median = sorted.get(sorted.size() / 2);

    if (values != null) {
      writeValues(ArrowCodec.fromBytes(result.perUserArrow()), values);
    }
    StringBuilder json = new StringBuilder();
    json.append("{\"scale\": ").append(quote(data.getFileName().toString()))
        .append(", \"users\": ").append(ds.nUsers())
        .append(", \"items\": ").append(ds.nItems())
        .append(", \"train\": ").append(ds.train().nnz())
        .append(", \"candidates\": ").append(lists.items().length)
        .append(", \"ks\": ").append(ks)
        .append(", \"threads\": ").append(Runtime.getRuntime().availableProcessors())
        .append(", \"runs_s\": ").append(list(runs))
        .append(", \"median_s\": ").append(num(median))
        .append(", \"phases_s\": ").append(map(phases))
        .append(", \"heap_peak_mb\": ").append(heapPeakMb())
        .append(", \"metrics\": ").append(map(result.means()))
        .append("}");
    System.out.println(json);
  }

  private static Table read(Path p) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(p), 1 << 20)) {
      return ArrowCodec.read(in);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Sum of the heap pools' peak usage: an upper bound of the live heap high-water mark. */
  private static long heapPeakMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  private static void writeValues(Table perUser, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{");
      boolean first = true;
      for (Column c : perUser.columns()) {
        w.write((first ? "" : ", ") + quote(c.name()) + ": [");
        first = false;
        for (int r = 0; r < c.size(); r++) {
          if (r > 0) {
            w.write(",");
          }
          if (c instanceof Column.Doubles d) {
            w.write(num(d.values()[r]));
          } else {
            w.write(quote(c.asString(r)));
          }
        }
        w.write("]");
      }
      w.write("}\n");
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  private static String list(List<Double> xs) {
    List<String> out = new ArrayList<>();
    xs.forEach(x -> out.add(num(x)));
    return "[" + String.join(", ", out) + "]";
  }

  private static String map(Map<String, Double> m) {
    List<String> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(quote(k) + ": " + num(v == null ? Double.NaN : v)));
    return "{" + String.join(", ", out) + "}";
  }
}
