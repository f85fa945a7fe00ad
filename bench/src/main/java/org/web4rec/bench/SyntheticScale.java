package org.web4rec.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.web4rec.core.data.Csr;
import org.web4rec.core.synth.SyntheticData;
import org.web4rec.core.synth.SyntheticDataset;
import org.web4rec.core.synth.SyntheticSpec;

/**
 * The in-process synthetic inputs of the kernel benchmarks ({@link BeyondKernelBench}, {@link
 * RerankKernelBench}), so both time the same data: core's generator at a named scale, its genres
 * as a multi-valued column and random 64-dimensional embeddings.
 *
 * @param data the generated dataset
 * @param train its train rows, capped for {@code 20m-capped}
 * @param genres per item its sorted genre codes
 * @param embeddings per item a random vector in [-1, 1)^64
 */
record SyntheticScale(SyntheticDataset data, Csr train, int[][] genres, float[][] embeddings) {

  /** Largest ml-20m history: the generator's heaviest users hold the whole catalogue. */
  private static final int ML20M_LONGEST_HISTORY = 9_254;

  /**
   * @param scale {@code 1m} (6,040 users, 3,706 items, 1M train), {@code 20m} (138,493 users,
   *     26,744 items, 20M train) or {@code 20m-capped} (the same with histories capped at ml-20m's
   *     largest, 9,254 items)
   * @return the inputs, generated with fixed seeds
   */
  static SyntheticScale of(String scale) {
    SyntheticSpec spec = scale.startsWith("20m")
        ? new SyntheticSpec(138_493, 26_744, 20_000_000, 5, 20, 1.0, 42L)
        : new SyntheticSpec(6_040, 3_706, 1_000_000, 5, 20, 1.0, 42L);
    SyntheticDataset data = SyntheticData.generate(spec);
    Csr train = data.train();
    if (scale.equals("20m-capped")) {
      // Keep the first train items by index (a random popularity rank), so Σ|H_u|², which
      // drives cooc, is closer to the real data.
      train = cap(train, ML20M_LONGEST_HISTORY);
    }
    int nItems = data.nItems();
    int[][] genres = new int[nItems][];
    for (int i = 0; i < nItems; i++) {
      String[] g = data.genres()[i];
      int[] codes = new int[g.length];
      for (int x = 0; x < g.length; x++) {
        codes[x] = SyntheticData.GENRES.indexOf(g[x]);
      }
      Arrays.sort(codes);
      genres[i] = codes;
    }
    SplittableRandom rng = new SplittableRandom(3);
    float[][] emb = new float[nItems][64];
    for (float[] e : emb) {
      for (int x = 0; x < e.length; x++) {
        e[x] = (float) rng.nextDouble(-1, 1);
      }
    }
    return new SyntheticScale(data, train, genres, emb);
  }

  private static Csr cap(Csr train, int max) {
    int[] offsets = new int[train.rows() + 1];
    for (int u = 0; u < train.rows(); u++) {
      offsets[u + 1] = offsets[u] + Math.min(max, train.size(u));
    }
    int[] values = new int[offsets[train.rows()]];
    for (int u = 0; u < train.rows(); u++) {
      System.arraycopy(train.values(), train.start(u), values, offsets[u],
          offsets[u + 1] - offsets[u]);
    }
    return new Csr(offsets, values);
  }
}
