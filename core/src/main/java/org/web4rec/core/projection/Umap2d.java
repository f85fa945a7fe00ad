package org.web4rec.core.projection;

import java.util.function.DoubleConsumer;
import tagbio.umap.ProgressListener;
import tagbio.umap.Umap;
import tagbio.umap.UmapProgress;

/**
 * UMAP to two dimensions with a fixed seed, on one thread: the library's parallel neighbour
 * search is not reproducible and brings nothing on two cores (STACK.md, "Projections"), while a
 * map that moves between two requests would confuse the user.
 */
public final class Umap2d {

  static final long SEED = 42;

  private Umap2d() {}

  /**
   * @param rows at least 3 vectors of one dimension
   * @param neighbors wanted neighbours; capped at rows − 1 for tiny inputs
   * @return {@code [n][2]} coordinates
   */
  public static float[][] fit(float[][] rows, int neighbors, long seed) {
    return fit(rows, neighbors, seed, null);
  }

  /**
   * @param progress receives the library's progress in [0, 1]; the library reports through one
   *     global listener list, which is fine because projection jobs run one at a time
   */
  public static float[][] fit(float[][] rows, int neighbors, long seed, DoubleConsumer progress) {
    if (rows.length < 3) {
      throw new IllegalArgumentException("UMAP needs at least 3 points, got " + rows.length);
    }
    Umap umap = new Umap();
    umap.setNumberComponents(2);
    umap.setNumberNearestNeighbours(Math.min(neighbors, rows.length - 1));
    umap.setSeed(seed);
    umap.setThreads(1);
    umap.setVerbose(false);
    ProgressListener listener = progress == null ? null : state -> {
      if (state.getTotal() > 0) {
        progress.accept(Math.min(1.0, (double) state.getCount() / state.getTotal()));
      }
    };
    if (listener != null) {
      UmapProgress.addProgressListener(listener);
    }
    try {
      return umap.fitTransform(rows);
    } finally {
      if (listener != null) {
        UmapProgress.removeProgressListener(listener);
      }
    }
  }
}
