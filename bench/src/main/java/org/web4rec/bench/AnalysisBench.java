package org.web4rec.bench;

import org.web4rec.core.data.Dataset;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.web4rec.core.explore.Named;
import org.web4rec.core.explore.RequestedIds;
import org.web4rec.core.explore.Selections;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.projection.Projector;
import org.web4rec.core.projection.Projector.Method;
import org.web4rec.core.prepare.Preparation;
import org.web4rec.platform.data.MetricsJob;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Analysis-service benchmark on a generated scale (bench/generate.py), on the service's code
 * path minus the JSON rendering: {@link Projector#compute} (the projection job's blocking part:
 * source vectors, PCA or UMAP) and {@link Selections#users} (the user-selection panels, ids
 * resolved as the route does). The generator writes no user side table, so the bench adds a seeded one
 * (gender, age) to exercise the side-column panels. Prints one JSON line per task with every run
 * and the median.
 *
 * <pre>java -Xmx6g --add-opens=java.base/java.nio=ALL-UNNAMED -cp bench/target/web4rec-bench.jar \
 *   org.web4rec.bench.AnalysisBench --data bench/out/ml-1m --tasks pca-users,umap-items,selection \
 *   --repeat 3 --selection 10000</pre>
 */
public final class AnalysisBench {

  /** The projection route's default neighbour count. */
  private static final int NEIGHBORS = 15;

  private AnalysisBench() {}

  public static void main(String[] args) throws Exception {
    Path data = null;
    List<String> tasks = List.of("pca-users", "umap-items", "selection");
    int repeat = 3;
    int selection = 10_000;
    int threads = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--tasks" -> tasks = List.of(args[++i].split(","));
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--selection" -> selection = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: --data DIR [--tasks pca-users,pca-items,umap-items,umap-users,selection]"
            + " [--repeat 3] [--selection 10000] [--threads 2]");
      }
    }
    long t = System.nanoTime();
    Table train = read(data.resolve("train.arrow"));
    Dataset ds = Preparation.dataset(train, read(data.resolve("ground_truth.arrow")),
        userSide(train), read(data.resolve("items.arrow")));
    CandidateLists lists = Preparation.candidates(read(data.resolve("candidates.arrow")), ds, 100);
    Path embFile = data.resolve("item_embeddings.arrow");
    Table emb = Files.exists(embFile) ? Preparation.itemEmbeddings(read(embFile), ds) : null;
    double loadS = (System.nanoTime() - t) / 1e9;
    System.err.printf(Locale.ROOT, "loaded %s in %.1f s%n", data.getFileName(), loadS);
    for (String task : tasks) {
      List<Double> runs = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      Map<String, Object> info = new LinkedHashMap<>();
      List<Named<Table>> perUser = null;
      List<Object> ids = null;
      if (task.equals("selection")) {
        // per-user metrics as the metrics worker stores them (not timed)
        MetricsJob.Result r = MetricsJob.run(ds, lists, List.of(10), emb);
        perUser = List.of(new Named<>("bench", ArrowCodec.fromBytes(r.perUserArrow())));
        int[] chosen = Projector.sample(ds.nUsers(), Math.min(selection, ds.nUsers()), 7);
        ids = new ArrayList<>();
        for (int u : chosen) {
          ids.add(Long.parseLong(ds.userIds()[u]));
        }
      }
      for (int rep = 0; rep < repeat; rep++) {
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        Map<String, Long> stages = new LinkedHashMap<>();
        Projector.Progress progress = (stage, f) -> stages.putIfAbsent(stage, System.nanoTime());
        Projector.Map2d map = null;
        Selections.Users users = null;
        switch (task) {
          case "pca-users" -> map = Projector.compute(ds, lists, null, true, Method.PCA, 0,
              threads, progress);
          case "pca-items" -> map = Projector.compute(ds, lists, emb, false, Method.PCA, 0,
              threads, progress);
          case "umap-items" -> map = Projector.compute(ds, lists, emb, false, Method.UMAP,
              NEIGHBORS, threads, progress);
          case "umap-users" -> map = Projector.compute(ds, lists, null, true, Method.UMAP,
              NEIGHBORS, threads, progress);
          case "selection" -> users = Selections.users(ds, lists, 10,
              RequestedIds.users(ds, ids, ""), perUser);
          default -> throw new IllegalArgumentException("unknown task " + task);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        runs.add(s);
        cpu.add((processCpuNanos() - c0) / 1e9);
        if (rep == 0) {
          info.put("points", map != null ? map.nPoints() : users.nSelected());
          info.put("source", map == null ? null : map.source());
          double[] ev = map == null ? null : map.explainedVariance();
          info.put("explained_variance", ev == null ? null : Arrays.toString(ev));
          StringBuilder split = new StringBuilder();
          for (Map.Entry<String, Long> e : stages.entrySet()) {
            split.append(String.format(Locale.ROOT, "%s@%.2fs ", e.getKey(),
                (e.getValue() - t0) / 1e9));
          }
          info.put("stages", split.toString().trim());
        }
      }
      double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "{\"scale\": \"%s\", \"task\": \"%s\", \"threads\": %d,"
              + " \"runs_s\": %s, \"median_s\": %.3f, \"cpu_s\": %s, \"load_avg\": %.1f,"
              + " \"info\": %s}%n", data.getFileName(), task, threads, fmt(runs),
          sorted[sorted.length / 2], fmt(cpu), java.lang.management.ManagementFactory
              .getOperatingSystemMXBean().getSystemLoadAverage(), new JsonObject(info).encode());
    }
  }

  private static String fmt(List<Double> xs) {
    return Arrays.toString(xs.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toArray());
  }

  /** CPU time of the whole process (all threads): wall time alone says little on a shared box. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** A seeded user side table over the train users: gender (F/M) and age (18..67). */
  private static Table userSide(Table train) {
    Column users = train.column("user_id").orElseThrow();
    java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>();
    for (int r = 0; r < users.size(); r++) {
      distinct.add(users.asString(r));
    }
    long[] ids = new long[distinct.size()];
    String[] gender = new String[ids.length];
    long[] age = new long[ids.length];
    SplittableRandom rng = new SplittableRandom(42);
    int k = 0;
    for (String id : distinct) {
      ids[k] = Long.parseLong(id);
      gender[k] = rng.nextInt(10) < 3 ? "F" : "M";
      age[k] = 18 + rng.nextInt(50);
      k++;
    }
    return Table.of(new Column.Longs("user_id", ids, null), new Column.Strings("gender", gender),
        new Column.Longs("age", age, null));
  }

  private static Table read(Path p) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(p), 1 << 20)) {
      return ArrowCodec.read(in);
    }
  }
}
