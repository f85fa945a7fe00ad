package org.web4rec.analysis;

import org.web4rec.core.data.Dataset;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.projection.Pca;
import org.web4rec.core.projection.PcaModel;
import org.web4rec.core.projection.RandomizedSvd;
import org.web4rec.core.projection.SparseMatrix;
import org.web4rec.core.table.Table;

/**
 * Computes one 2-D map (the body of a 200 answer of the projection route). Source vectors: the
 * experiment's uploaded embeddings for the entity when present; otherwise a 64-dimension
 * randomized truncated SVD of the experiment's candidate-score matrix (users) or of the train
 * interaction matrix (items). Every user / item of the dataset gets a point; an entity without a
 * source row (no embedding, no candidate list, no interaction) sits at the source's origin. PCA
 * always covers every point; UMAP runs on a uniform sample of {@link #UMAP_MAX_POINTS} (seed 42)
 * above that size, because its neighbour graph and layout cost grow too fast for an interactive
 * service on two cores.
 */
public final class Projector {

  static final int SOURCE_DIMS = 64;
  static final int UMAP_MAX_POINTS = 50_000;
  static final long SEED = 42;
  static final String MODEL = "model_embeddings";
  static final String CANDIDATES = "candidate_scores";
  static final String TRAIN = "train_interactions";

  /** Where a running job reports how far it got. */
  public interface Progress {
    void update(String stage, double fraction);
  }

  /** Source vectors of every user or item and where they came from. */
  record Source(String kind, float[][] vectors) {}

  private Projector() {}

  /**
   * @param lists the experiment's candidate lists (needed for users without embeddings)
   * @param embeddings the uploaded embeddings table of the entity, or null
   */
  static Source source(Dataset ds, CandidateLists lists, Table embeddings,
      ProjectionRequest req, int threads, Progress progress) {
    int n = req.users() ? ds.nUsers() : ds.nItems();
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
    if (req.users()) {
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

  /** The map as the projection route answers it (blocking; run on a worker thread). */
  public static JsonObject compute(Dataset ds, CandidateLists lists, Table embeddings,
      ProjectionRequest req, boolean intIds, int threads, Progress progress) {
    return compute(ds, lists, embeddings, req, intIds, threads, progress, UMAP_MAX_POINTS);
  }

  /** As above with the UMAP sample size as a parameter (tests use a small one). */
  static JsonObject compute(Dataset ds, CandidateLists lists, Table embeddings,
      ProjectionRequest req, boolean intIds, int threads, Progress progress, int umapMaxPoints) {
    Source src = source(ds, lists, embeddings, req, threads, progress);
    float[][] v = padTo2(src.vectors());
    int n = v.length;
    String[] ids = req.users() ? ds.userIds() : ds.itemIds();
    JsonObject out = new JsonObject().put("entity", req.entity()).put("method", req.method())
        .put("neighbors", req.neighbors()).put("source", src.kind())
        .put("source_dims", src.vectors().length == 0 ? 0 : src.vectors()[0].length);
    int[] rows;
    double[] x;
    double[] y;
    if (req.method().equals("pca")) {
      progress.update("pca", 0.6);
      PcaModel m = Pca.fit(v, 2, threads);
      out.put("explained_variance", new JsonArray().add(m.explainedVarianceRatio()[0])
          .add(m.explainedVarianceRatio()[1]));
      rows = null;
      x = m.coordinates()[0];
      y = m.coordinates()[1];
      out.put("sampled", false).put("sample_note", null);
    } else {
      rows = n > umapMaxPoints ? sample(n, umapMaxPoints, SEED) : null;
      float[][] input = v;
      if (rows != null) {
        input = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
          input[k] = v[rows[k]];
        }
      }
      progress.update("umap", 0.6);
      float[][] xy = Umap2d.fit(input, req.neighbors(), SEED,
          f -> progress.update("umap", 0.6 + 0.38 * f));
      x = new double[xy.length];
      y = new double[xy.length];
      for (int k = 0; k < xy.length; k++) {
        x[k] = xy[k][0];
        y[k] = xy[k][1];
      }
      out.put("explained_variance", null).put("sampled", rows != null).put("sample_note",
          rows == null ? null : String.format(java.util.Locale.ROOT,
              "uniform random %,d of %,d, seed %d", rows.length, n, SEED));
    }
    progress.update("store", 0.98);
    JsonArray idArray = new JsonArray();
    JsonArray xs = new JsonArray();
    JsonArray ys = new JsonArray();
    int points = rows == null ? n : rows.length;
    for (int k = 0; k < points; k++) {
      int r = rows == null ? k : rows[k];
      idArray.add(ExternalIds.json(ids[r], intIds));
      xs.add(round(x[k]));
      ys.add(round(y[k]));
    }
    return out.put("n_total", n).put("n_points", points).put("ids", idArray).put("x", xs)
        .put("y", ys);
  }

  /**
   * Float precision (about seven significant digits) is more than a screen can show; Jackson
   * writes a float in its shortest form, which halves the blob next to doubles.
   */
  private static float round(double v) {
    return Double.isFinite(v) ? (float) v : 0f;
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
  static int[] sample(int n, int m, long seed) {
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
