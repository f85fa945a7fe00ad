package org.web4rec.core.metrics;

import org.web4rec.core.data.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.data.CoocTable;
import org.web4rec.core.data.Csr;
import org.web4rec.core.similarity.CoocSimilarity;
import org.web4rec.core.similarity.EmbeddingSimilarity;
import org.web4rec.core.similarity.JaccardSimilarity;
import org.web4rec.core.similarity.ListCut;
import org.web4rec.core.similarity.ListSums;
import org.web4rec.core.similarity.SimilaritySource;

/**
 * Beyond-accuracy metrics of METRICS.md ("Beyond accuracy") at each cut-off K: per user {@code
 * novelty}, {@code novelty_norm}, {@code avg_popularity}, {@code tail_share}, {@code
 * diversity:<sim>}, {@code unexpectedness:<sim>}, {@code serendipity:<sim>} and {@code
 * miscalibration:<col>}; globally {@code coverage}, {@code gini}, {@code entropy} and {@code
 * personalization}.
 *
 * <p>Similarity sources: {@code cooc} always; {@code genre.<col>} for each multi-valued item
 * column; {@code emb} when embeddings are given. An item without an embedding (or with a zero
 * vector) has {@code emb} similarity 0 to every item.
 *
 * <p>How: the lists are cut once to the largest K. Each similarity source then fills, per list
 * position p (item i of user u), Σ_{j ∈ H_u} sim(i,j) and Σ_{q<p} sim(i, L_u[q]) with an exact
 * algorithm suited to it (see {@link SimilaritySource#listSums}: item-major co-occurrence accumulators for
 * {@code cooc}, so no per-pair set intersection and no item × item table; value-set histograms
 * for Jaccard; linearity of cosine for embeddings). A last pass walks each user's positions once,
 * updating running sums and snapshotting them at every K, as {@link AccuracyMetrics} does. Users
 * are independent, so the kernels and the last pass run on a few threads. The dominant cost is
 * {@code cooc}: about Σ_v |H_v ∩ R| · |H_v| - |H_v ∩ R|^2 / 2 counter increments, R the recommended
 * items (Σ_v |H_v|^2 / 2 when every item is recommended); Jaccard and embeddings cost
 * O(Σ_u |L_u| · |H_u|) at most. Measured (bench: BeyondKernelBench, K = 10 and 20, 100
 * candidates): a 6,040 × 3,706 catalogue with 1M train interactions takes about 0.5 s; 138,493 × 26,744 with 20M
 * takes 19-46 CPU-seconds depending on Σ_v |H_v|^2 and on how many items are recommended.
 *
 * <p>Users and skips: one row per user with a non-empty list. A metric the definition does not
 * define for a user is NaN in that row, and {@link MetricTable#means()} skips it: diversity needs
 * |L_u| ≥ 2; unexpectedness and serendipity need a non-empty H_u; miscalibration needs an item
 * with a value of the column in H_u; novelty and avg_popularity need |U_train| ≥ 1 and
 * novelty_norm |U_train| ≥ 2 (log |U_train| > 0).
 *
 * <p>Global choices: {@code personalization} averages over unordered pairs of users with a
 * non-empty list (users without a list take part in no pair), still divided by K as written even
 * when lists are shorter; it is NaN with fewer than two such users. {@code gini} and {@code
 * entropy} are NaN when no item is exposed at all; {@code coverage} is then 0.
 */
public final class BeyondAccuracyMetrics {

  /** Per-user metric names without a source, in column order. */
  public static final List<String> PLAIN_NAMES =
      List.of("novelty", "novelty_norm", "avg_popularity", "tail_share");

  /** Per-user metric names per similarity source, in column order. */
  public static final List<String> SIM_NAMES =
      List.of("diversity", "unexpectedness", "serendipity");

  /** Per-user metric name per multi-valued column. */
  public static final String MISCALIBRATION = "miscalibration";

  /** Global metric names, in order. */
  public static final List<String> GLOBAL_NAMES =
      List.of("coverage", "gini", "entropy", "personalization");

  /** The co-occurrence similarity source. */
  public static final String COOC = SimilaritySource.COOC;

  /** The embedding similarity source. */
  public static final String EMB = SimilaritySource.EMB;

  /** Prefix of the Jaccard similarity source of a multi-valued column. */
  public static final String GENRE_PREFIX = SimilaritySource.GENRE_PREFIX;

  /** Weight of the list distribution q in Steck's smoothed q̃ = 0.99 q + 0.01 p. */
  static final double CALIBRATION_ALPHA = 0.01;

  private static final double LN2 = Math.log(2);

  private BeyondAccuracyMetrics() {}

  /**
   * Computes the suite on as many threads as there are processors.
   *
   * @see #compute(BeyondInput, int[], int)
   */
  public static MetricSuite compute(BeyondInput input, int[] ks) {
    return compute(input, ks, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Computes every beyond-accuracy metric at every cut-off.
   *
   * @param input train, ground truth, lists and item side data
   * @param ks cut-offs, each >= 1, no repeats; columns are grouped by K in this order
   * @param threads threads to use, >= 1
   * @return per-user table (columns per K: {@link #PLAIN_NAMES}, then {@link #SIM_NAMES} for each
   *     source in the order cooc, genre.&lt;col&gt;..., emb, then miscalibration per column),
   *     global metrics, exposure per K and the popularity used
   * @throws IllegalArgumentException on bad cut-offs or thread count
   */
  public static MetricSuite compute(BeyondInput input, int[] ks, int threads) {
    return compute(input, ks, threads, null);
  }

  /**
   * As {@link #compute(BeyondInput, int[], int)}, reading {@code cooc} from the dataset's
   * co-occurrence table when given (it must cover every train item of {@code input}); the values
   * equal those without it up to the rounding of the fixed-point partial sums (below 1e-9), and
   * come much faster: nothing is counted.
   *
   * @param cooc the dataset's table over every train item, or null to count co-occurrences here
   */
  public static MetricSuite compute(BeyondInput input, int[] ks, int threads, CoocTable cooc) {
    if (input == null) {
      throw new IllegalArgumentException("input must not be null");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    int[] sortedKs = AccuracyMetrics.validateKs(ks);
    int maxK = sortedKs[sortedKs.length - 1];
    int nItems = input.nItems();
    Csr train = input.train();
    ItemPopularity popularity = ItemPopularity.of(train, nItems, input.itemTieOrder());
    ListCut cut = ListCut.of(input.lists(), maxK);

    List<String> sources = new ArrayList<>();
    List<ListSums> sims = new ArrayList<>();
    sources.add(COOC);
    sims.add(new CoocSimilarity(train, nItems, cooc).listSums(train, cut, threads));
    for (Map.Entry<String, int[][]> e : input.multiValued().entrySet()) {
      sources.add(GENRE_PREFIX + e.getKey());
      sims.add(new JaccardSimilarity(e.getValue()).listSums(train, cut, threads));
    }
    if (input.itemEmbeddings() != null) {
      sources.add(EMB);
      sims.add(new EmbeddingSimilarity(input.itemEmbeddings(), input.embeddingDimension())
          .listSums(train, cut, threads));
    }
    List<String> calibrationColumns = new ArrayList<>(input.multiValued().keySet());

    List<String> names = new ArrayList<>(PLAIN_NAMES);
    for (String s : sources) {
      for (String n : SIM_NAMES) {
        names.add(n + ":" + s);
      }
    }
    for (String c : calibrationColumns) {
      names.add(MISCALIBRATION + ":" + c);
    }

    double[][][] out = perUser(input, sortedKs, cut, popularity, sims, names.size(), threads);

    LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
    for (int k : ks) {
      int kk = Arrays.binarySearch(sortedKs, k);
      for (int m = 0; m < names.size(); m++) {
        String n = names.get(m);
        int colon = n.indexOf(':');
        String column = colon < 0
            ? Definitions.column(n, k)
            : Definitions.column(n.substring(0, colon), k, n.substring(colon + 1));
        columns.put(column, out[kk][m]);
      }
    }
    MetricTable table = new MetricTable(cut.users(), columns);

    LinkedHashMap<String, Double> global = new LinkedHashMap<>();
    LinkedHashMap<Integer, int[]> exposure = new LinkedHashMap<>();
    for (int k : ks) {
      int[] c = exposure(cut, nItems, k);
      exposure.put(k, c);
      global.put(Definitions.column("coverage", k), coverage(c));
      global.put(Definitions.column("gini", k), gini(c));
      global.put(Definitions.column("entropy", k), entropy(c));
      global.put(Definitions.column("personalization", k), personalization(c, cut.rows(), k));
    }
    return new MetricSuite(table, Collections.unmodifiableMap(global),
        Collections.unmodifiableMap(exposure), popularity);
  }

  /** Per-thread scratch for miscalibration: weights of p and q per column. */
  private static final class Scratch {
    final double[][] p;
    final double[][] q;
    final int[][] touched;

    Scratch(int[] valueCounts) {
      int n = valueCounts.length;
      p = new double[n][];
      q = new double[n][];
      touched = new int[n][];
      for (int c = 0; c < n; c++) {
        p[c] = new double[valueCounts[c]];
        q[c] = new double[valueCounts[c]];
        touched[c] = new int[valueCounts[c]];
      }
    }
  }

  /** @return out[kIndex][metric][row] for the sorted cut-offs */
  private static double[][][] perUser(
      BeyondInput input, int[] sortedKs, ListCut cut, ItemPopularity popularity,
      List<ListSums> sims, int nNames, int threads) {
    int nItems = input.nItems();
    int rows = cut.rows();
    int nk = sortedKs.length;
    double[][][] out = new double[nk][nNames][rows];

    int nUsers = popularity.usersWithTrain();
    double[] novelty = new double[nItems];
    double[] share = new double[nItems];
    double[] tail = new double[nItems];
    for (int i = 0; i < nItems; i++) {
      int pop = popularity.pop()[i];
      novelty[i] = nUsers > 0 ? -log2((double) Math.max(pop, 1) / nUsers) : Double.NaN;
      share[i] = nUsers > 0 ? (double) pop / nUsers : Double.NaN;
      tail[i] = popularity.head()[i] ? 0.0 : 1.0;
    }
    double logUsers = nUsers >= 2 ? log2(nUsers) : Double.NaN;

    int nSrc = sims.size();
    double[][] toHistory = new double[nSrc][];
    double[][] toEarlier = new double[nSrc][];
    for (int s = 0; s < nSrc; s++) {
      toHistory[s] = sims.get(s).toHistory();
      toEarlier[s] = sims.get(s).toEarlier();
    }
    int[][][] cols = input.multiValued().values().toArray(new int[0][][]);
    int nCol = cols.length;
    int[] valueCounts = new int[nCol];
    for (int c = 0; c < nCol; c++) {
      int max = -1;
      for (int[] v : cols[c]) {
        if (v != null && v.length > 0) {
          max = Math.max(max, v[v.length - 1]);
        }
      }
      valueCounts[c] = max + 1;
    }

    Csr train = input.train();
    Csr gt = input.groundTruth();
    int[] trainOff = train.offsets();
    int[] hist = train.values();
    int misc0 = PLAIN_NAMES.size() + SIM_NAMES.size() * nSrc;

    Parallel.forRanges(rows, 512, threads,
        () -> new Scratch(valueCounts), (sc, from, to) -> {
          double[] unexp = new double[nSrc];
          double[] seren = new double[nSrc];
          double[] pairs = new double[nSrc];
          int[] np = new int[nCol];
          int[] nTouched = new int[nCol];
          int[] nq = new int[nCol];
          for (int r = from; r < to; r++) {
            int u = cut.users()[r];
            int start = cut.start(r);
            int len = cut.end(r) - start;
            boolean hasTrainRow = u < train.rows();
            int hStart = hasTrainRow ? trainOff[u] : 0;
            int hEnd = hasTrainRow ? trainOff[u + 1] : 0;
            int hSize = hEnd - hStart;
            boolean hasGt = u < gt.rows() && gt.size(u) > 0;
            // p(g|u) weights per column from H_u.
            for (int c = 0; c < nCol; c++) {
              np[c] = 0;
              nTouched[c] = 0;
              nq[c] = 0;
              double[] pw = sc.p[c];
              for (int x = hStart; x < hEnd; x++) {
                int[] g = cols[c][hist[x]];
                if (g == null || g.length == 0) {
                  continue;
                }
                np[c]++;
                double wgt = 1.0 / g.length;
                for (int code : g) {
                  if (pw[code] == 0) {
                    sc.touched[c][nTouched[c]++] = code;
                  }
                  pw[code] += wgt;
                }
              }
            }
            double nov = 0;
            double pop = 0;
            double tails = 0;
            Arrays.fill(unexp, 0);
            Arrays.fill(seren, 0);
            Arrays.fill(pairs, 0);
            int p = 0;
            for (int kk = 0; kk < nk; kk++) {
              int stop = Math.min(sortedKs[kk], len);
              for (; p < stop; p++) {
                int pos = start + p;
                int i = cut.items()[pos];
                nov += novelty[i];
                pop += share[i];
                tails += tail[i];
                boolean rel = hasGt && gt.contains(u, i);
                for (int s = 0; s < nSrc; s++) {
                  pairs[s] += toEarlier[s][pos];
                  if (hSize > 0) {
                    double un = 1.0 - toHistory[s][pos] / hSize;
                    unexp[s] += un;
                    if (rel) {
                      seren[s] += un;
                    }
                  }
                }
                for (int c = 0; c < nCol; c++) {
                  int[] g = cols[c][i];
                  if (np[c] == 0 || g == null || g.length == 0) {
                    continue;
                  }
                  nq[c]++;
                  double wgt = 1.0 / g.length;
                  double[] pw = sc.p[c];
                  double[] qw = sc.q[c];
                  for (int code : g) {
                    if (pw[code] > 0) { // q only matters where p > 0
                      qw[code] += wgt;
                    }
                  }
                }
              }
              double[][] m = out[kk];
              int n = stop;
              double noveltyMean = nov / n;
              m[0][r] = noveltyMean;
              m[1][r] = noveltyMean / logUsers;
              m[2][r] = pop / n;
              m[3][r] = tails / n;
              int col = PLAIN_NAMES.size();
              for (int s = 0; s < nSrc; s++) {
                m[col++][r] = n >= 2 ? 1.0 - pairs[s] / (n * (n - 1) / 2.0) : Double.NaN;
                m[col++][r] = hSize > 0 ? unexp[s] / n : Double.NaN;
                m[col++][r] = hSize > 0 ? seren[s] / n : Double.NaN;
              }
              for (int c = 0; c < nCol; c++) {
                m[misc0 + c][r] = np[c] == 0 ? Double.NaN
                    : klDivergence(sc.p[c], sc.q[c], sc.touched[c], nTouched[c], np[c], nq[c]);
              }
            }
            for (int c = 0; c < nCol; c++) {
              for (int t = 0; t < nTouched[c]; t++) {
                int code = sc.touched[c][t];
                sc.p[c][code] = 0;
                sc.q[c][code] = 0;
              }
            }
          }
        });
    return out;
  }

  /**
   * KL(p ‖ q̃) in bits over the values with p > 0, p = pw/np, q = qw/nq (0 when nq = 0), q̃ =
   * (1-α) q + α p.
   */
  private static double klDivergence(
      double[] pw, double[] qw, int[] support, int nSupport, int np, int nq) {
    double kl = 0;
    for (int t = 0; t < nSupport; t++) {
      int g = support[t];
      double p = pw[g] / np;
      double q = nq > 0 ? qw[g] / nq : 0.0;
      double smoothed = (1 - CALIBRATION_ALPHA) * q + CALIBRATION_ALPHA * p;
      kl += p * log2(p / smoothed);
    }
    return kl;
  }

  /** @return c_i = number of lists whose first K items contain i */
  private static int[] exposure(ListCut cut, int nItems, int k) {
    int[] c = new int[nItems];
    for (int r = 0; r < cut.rows(); r++) {
      int end = Math.min(cut.end(r), cut.start(r) + k);
      for (int p = cut.start(r); p < end; p++) {
        c[cut.items()[p]]++;
      }
    }
    return c;
  }

  /** @return |∪ L_u| / |I_cat|, NaN for an empty catalogue */
  static double coverage(int[] c) {
    int covered = 0;
    for (int v : c) {
      if (v > 0) {
        covered++;
      }
    }
    return c.length == 0 ? Double.NaN : (double) covered / c.length;
  }

  /** @return Σ_j (2j - n - 1) c_(j) / (n Σ c) over ascending c; NaN when Σ c = 0 */
  static double gini(int[] c) {
    int n = c.length;
    int[] sorted = c.clone();
    Arrays.sort(sorted);
    long total = 0;
    double weighted = 0;
    for (int j = 1; j <= n; j++) {
      int v = sorted[j - 1];
      total += v;
      weighted += (double) (2L * j - n - 1) * v;
    }
    return total == 0 ? Double.NaN : weighted / ((double) n * total);
  }

  /** @return -Σ p_i log2 p_i, p_i = c_i / Σ c; NaN when Σ c = 0 */
  static double entropy(int[] c) {
    long total = 0;
    for (int v : c) {
      total += v;
    }
    if (total == 0) {
      return Double.NaN;
    }
    double h = 0;
    for (int v : c) {
      if (v > 0) {
        double p = (double) v / total;
        h -= p * log2(p);
      }
    }
    return h;
  }

  /**
   * @return 1 - (Σ_i c_i(c_i-1)/2 / pairs) / K over the pairs of the {@code listUsers} users with
   *     a non-empty list; NaN with fewer than two such users
   */
  static double personalization(int[] c, int listUsers, int k) {
    if (listUsers < 2) {
      return Double.NaN;
    }
    double overlap = 0;
    for (int v : c) {
      overlap += (double) v * (v - 1) / 2;
    }
    double pairs = (double) listUsers * (listUsers - 1) / 2;
    return 1.0 - overlap / pairs / k;
  }

  private static double log2(double x) {
    return Math.log(x) / LN2;
  }
}
