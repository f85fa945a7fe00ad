package org.web4rec.platform.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.metrics.ExperimentMetrics;
import org.web4rec.core.table.Table;
import org.web4rec.platform.table.ArrowCodec;

/**
 * One experiment's metrics as the worker stores them: the suite computed by {@link
 * ExperimentMetrics} over the dataset's shared co-occurrence table ({@link CoocTables}), encoded
 * into the per_user.arrow and exposure.arrow blobs.
 */
public final class MetricsJob {

  public record Result(byte[] perUserArrow, byte[] exposureArrow, Map<String, Double> means,
      int evaluatedUsers, List<String> similaritySources, List<String> calibrationColumns,
      Map<String, Double> seconds) {}

  private MetricsJob() {}

  public static Result run(Dataset ds, CandidateLists lists, List<Integer> ks, Table embeddings) {
    return run(ds, lists, ks, embeddings, null);
  }

  /**
   * As {@link #run(Dataset, CandidateLists, List, Table)}, evaluating accuracy only on
   * {@code group} (ascending dense user indices) when given.
   */
  public static Result run(Dataset ds, CandidateLists lists, List<Integer> ks,
      Table embeddings, int[] group) {
    float[][] vectors = embeddings == null ? null : Dataset.itemVectors(embeddings, ds.nItems());
    ExperimentMetrics m = ExperimentMetrics.compute(ds, lists,
        ks.stream().mapToInt(Integer::intValue).toArray(), vectors, group,
        (own, threads) -> CoocTables.forWork(ds, own, threads));
    long t = System.nanoTime();
    byte[] perUser = ArrowCodec.toBytes(m.perUserTable());
    byte[] exposure = ArrowCodec.toBytes(m.exposureTable());
    Map<String, Double> seconds = new LinkedHashMap<>(m.seconds());
    seconds.put("encode", (System.nanoTime() - t) / 1e9);
    return new Result(perUser, exposure, m.means(), m.evaluatedUsers(), m.similaritySources(),
        m.calibrationColumns(), seconds);
  }
}
