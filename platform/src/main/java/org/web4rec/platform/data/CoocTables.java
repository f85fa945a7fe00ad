package org.web4rec.platform.data;

import org.web4rec.core.data.Dataset;
import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Csr;
import org.web4rec.core.rerank.Objective;
import org.web4rec.core.rerank.RerankInput;
import org.web4rec.core.similarity.SimilaritySource;

/**
 * One {@link CoocTable} per loaded dataset version, shared by the metrics worker and the re-rank
 * worker of a process: a re-rank reads its pairs from it and the metrics of every later
 * experiment on the dataset (re-ranks included) read their cooc sums from it instead of counting
 * co-occurrences again.
 *
 * <p>Memory: the table takes 4 bytes a pair of train items (27 MB at ml-1m, 1.4 GB at ml-20m).
 * It is built only when it fits a quarter of the maximum heap, and held through a soft reference
 * keyed weakly by the dataset's train matrix: the garbage collector drops it under memory
 * pressure, and it goes when the dataset leaves the {@link DatasetCache}. Without it the callers
 * count what they need themselves (the results are the same).
 *
 * <p>Cost: building it counts Σ_v |H_v|²/2 co-occurrences; a caller asks for it with the count
 * its own algorithm would do instead, and the table is built when that is at least half of the
 * table's (so building never costs a caller more than twice its own work, and every later caller
 * gets it free).
 */
public final class CoocTables {

  private static final Logger LOG = LoggerFactory.getLogger(CoocTables.class);
  private static final Map<Csr, SoftReference<CoocTable>> TABLES = new WeakHashMap<>();
  private static final Map<Csr, Long> TABLE_INCREMENTS = new WeakHashMap<>();
  /** Benchmarks only: {@code -Dweb4rec.coocTable=off} never builds one (A/B in bench/README.md). */
  private static final boolean OFF = "off".equals(System.getProperty("web4rec.coocTable"));

  private CoocTables() {}

  /** @return the dataset's table if one is held, else null */
  public static CoocTable cached(Dataset ds) {
    synchronized (TABLES) {
      SoftReference<CoocTable> ref = TABLES.get(ds.train());
      return ref == null ? null : ref.get();
    }
  }

  /** Drops the dataset's table (the dataset was deleted). */
  public static void forget(Dataset ds) {
    synchronized (TABLES) {
      TABLES.remove(ds.train());
      TABLE_INCREMENTS.remove(ds.train());
    }
  }

  /**
   * The dataset's table, built now when it is worth it.
   *
   * @param ds the dataset
   * @param ownIncrements co-occurrence increments the caller would do without the table (asked
   *     only when no table is held and one would fit: counting them is a pass over the data)
   * @param threads threads for the build
   * @return the table, or null when it is not held and not worth building (or too large)
   */
  public static CoocTable forWork(Dataset ds, LongSupplier ownIncrements,
      int threads) {
    CoocTable t = cached(ds);
    if (t != null || OFF) {
      return t;
    }
    Csr train = ds.train();
    // One build per dataset at a time: a second caller waits for the first one's table.
    synchronized (train) {
      t = cached(ds);
      if (t != null) {
        return t;
      }
      long bytes = CoocTable.bytesForAll(train, ds.nItems());
      if (bytes > Runtime.getRuntime().maxMemory() / 4) {
        return null;
      }
      long tableIncrements = tableIncrements(train);
      if (2 * ownIncrements.getAsLong() < tableIncrements) {
        return null;
      }
      long t0 = System.nanoTime();
      t = CoocTable.build(train, ds.nItems(), null, threads);
      LOG.info("co-occurrence table of {} items ({} MB) built in {} s", t.size(),
          bytes >> 20, String.format("%.2f", (System.nanoTime() - t0) / 1e9));
      synchronized (TABLES) {
        TABLES.put(train, new SoftReference<>(t));
      }
      return t;
    }
  }

  private static long tableIncrements(Csr train) {
    synchronized (TABLES) {
      Long n = TABLE_INCREMENTS.get(train);
      if (n != null) {
        return n;
      }
    }
    long n = CoocTable.buildIncrements(train, null);
    synchronized (TABLES) {
      TABLE_INCREMENTS.put(train, n);
    }
    return n;
  }

  /**
   * The dataset's co-occurrence table when the objective reads cooc pairs: the one held already,
   * or for a re-rank of every user a new one (the derived experiments' metrics read it next);
   * a group re-rank without one counts the pairs of its own candidates instead.
   */
  public static CoocTable forRerank(Dataset ds, RerankInput in, Objective objective, int[] users,
      int threads) {
    boolean pairs = (objective.kind() == Objective.Kind.DIVERSITY
        || objective.kind() == Objective.Kind.DPP)
        && SimilaritySource.COOC.equals(objective.source());
    if (!pairs) {
      return null;
    }
    if (users != null) {
      return cached(ds);
    }
    return forWork(ds, () -> {
      boolean[] candidates = new boolean[ds.nItems()];
      for (int i : in.candidates().items()) {
        candidates[i] = true;
      }
      return CoocTable.buildIncrements(ds.train(), candidates);
    }, threads);
  }
}
