package org.web4rec.core.projection;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Table;

/**
 * Computes one 2-D map of an experiment's users or items. Source vectors: the experiment's
 * uploaded embeddings for the entity when present; otherwise a 64-dimension randomized truncated
 * SVD of the experiment's candidate-score matrix (users) or of the train interaction matrix
 * (items). Every user / item of the dataset gets a point; an entity without a source row (no
 * embedding, no candidate list, no interaction) sits at the source's origin. PCA always covers
 * every point; UMAP runs on a uniform sample of {@link #UMAP_MAX_POINTS} (seed 42) above that
 * size, because its neighbour graph and layout cost grow too fast for an interactive service on
 * two cores.
 */
public final class Projector {

  public static final int SOURCE_DIMS = 64;
  public static final int UMAP_MAX_POINTS = 50_000;
  public static final long SEED = 42;
  public static final String MODEL = "model_embeddings";
  public static final String CANDIDATES = "candidate_scores";
  public static final String TRAIN = "train_interactions";

  /** Where a running job reports how far it got. */
  public interface Progress {
    void update(String stage, double fraction);
  }

  public enum Method { PCA, UMAP }

  /** Source vectors of every user or item and where they came from. */
  public record Source(String kind, float[][] vectors) {}

  /**
   * A computed map: point k is dense row {@code rows[k]} ({@code rows} null = every row in order)
   * at ({@code x[k]}, {@code y[k]}).
   *
   * @param explainedVariance share of variance of the two PCA axes; null for UMAP
   * @param sampleNote how the UMAP sample was drawn; null when every point is mapped
   */
  public record Map2d(String source, int sourceDims, int nTotal, int[] rows, double[] x,
      double[] y, double[] explainedVariance, String sampleNote) {

    public boolean sampled() {
      return rows != null;
    }

    public int nPoints() {
      return x.length;
    }

    /** Dense row of point k. */
    public int row(int k) {
      return rows == null ? k : rows[k];
    }
  }

  private Projector() {}

  /**
   * @param lists the experiment's candidate lists (needed for users without embeddings)
   * @param embeddings the uploaded embeddings table of the entity, or null
   */
  public static Source source(Dataset ds, CandidateLists lists, Table embeddings, boolean users,
      int threads, Progress progress) {
    int n = users ? ds.nUsers() : ds.nItems();
    if (embeddings != null) {
      float[][] v = Dataset.itemVectors(embeddings, n);
      int dims = embeddings.columns().size() - 1;
      for (int r = 0; r < n; r++) {
        if (v[r] == null) {
          v[r] = new float[dims];
        }
      }
      return new Source(MODEL, v);
    }
    SparseMatrix m;
    String kind;
    if (users) {
      m = new SparseMatrix(ds.nUsers(), ds.nItems(), lists.offsets(), lists.items(),
          lists.scores());
      kind = CANDIDATES;
    } else {
      m = SparseMatrix.ofBinary(ds.train().transpose(ds.nItems()), ds.nUsers());
      kind = TRAIN;
    }
    int powerIterations = 1;
    int steps = 2 + 2 * powerIterations;
    progress.update("svd", 0.05);
    RandomizedSvd.Result svd = RandomizedSvd.fit(m, SOURCE_DIMS, 10, powerIterations, SEED,
        threads, s -> progress.update("svd", 0.05 + 0.5 * s / steps));
    return new Source(kind, svd.rowEmbedding());
  }

  /**
   * The map (blocking; run it on a worker thread).
   *
   * @param neighbors UMAP's neighbour count (ignored for PCA)
   */
  public static Map2d compute(Dataset ds, CandidateLists lists, Table embeddings, boolean users,
      Method method, int neighbors, int threads, Progress progress) {
    return compute(ds, lists, embeddings, users, method, neighbors, threads, progress,
        UMAP_MAX_POINTS);
  }

  /** As above with the UMAP sample size as a parameter (tests use a small one). */
  public static Map2d compute(Dataset ds, CandidateLists lists, Table embeddings, boolean users,
      Method method, int neighbors, int threads, Progress progress, int umapMaxPoints) {
    Source src = source(ds, lists, embeddings, users, threads, progress);
    float[][] v = padTo2(src.vectors());
    int n = v.length;
    int sourceDims = src.vectors().length == 0 ? 0 : src.vectors()[0].length;
    Map2d map;
    if (method == Method.PCA) {
      progress.update("pca", 0.6);
      PcaModel m = Pca.fit(v, 2, threads);
      double[] explained = {m.explainedVarianceRatio()[0], m.explainedVarianceRatio()[1]};
      map = new Map2d(src.kind(), sourceDims, n, null, m.coordinates()[0], m.coordinates()[1],
          explained, null);
    } else {
      int[] rows = n > umapMaxPoints ? sample(n, umapMaxPoints, SEED) : null;
      float[][] input = v;
      if (rows != null) {
        input = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
          input[k] = v[rows[k]];
        }
      }
      progress.update("umap", 0.6);
      float[][] xy = Umap2d.fit(input, neighbors, SEED,
          f -> progress.update("umap", 0.6 + 0.38 * f));
      double[] x = new double[xy.length];
      double[] y = new double[xy.length];
      for (int k = 0; k < xy.length; k++) {
        x[k] = xy[k][0];
        y[k] = xy[k][1];
      }
      map = new Map2d(src.kind(), sourceDims, n, rows, x, y, null, rows == null ? null
          : String.format(Locale.ROOT, "uniform random %,d of %,d, seed %d", rows.length, n,
              SEED));
    }
    progress.update("store", 0.98);
    return map;
  }

  private static float[][] padTo2(float[][] v) {
    if (v.length == 0 || v[0].length >= 2) {
      return v;
    }
    float[][] out = new float[v.length][];
    for (int r = 0; r < v.length; r++) {
      out[r] = Arrays.copyOf(v[r], 2);
    }
    return out;
  }

  /** A sorted uniform sample of m of the n indices (partial Fisher-Yates). */
  public static int[] sample(int n, int m, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, m);
    Arrays.sort(out);
    return out;
  }
}
