package org.web4rec.core.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a {@link SyntheticDataset} from a {@link SyntheticSpec}.
 *
 * <p>Model: items get a random popularity rank r and weight r^-s (s = popularity exponent); users
 * get a random activity rank and a train size ∝ rank^-0.7, scaled so the sizes add up to about
 * {@code nTrain}. Each user's train items and then ground-truth items are drawn from the same
 * popularity law without replacement, so popular items dominate both and a most-popular model
 * scores well above random, as on real data.
 *
 * <p>Why these algorithms: items are drawn with Walker's alias table (O(1) per draw after O(n)
 * setup) and "without replacement" is a rejection against a per-item stamp array ({@code
 * mark[i] == u+1} means taken by the current user, so nothing is ever cleared). Ground truth is
 * drawn under the same stamp, which makes it disjoint from train for free. A user who needs a
 * large share of the catalogue would make rejection slow, so after a bounded number of misses the
 * rest is filled uniformly from the items still free. One million interactions take well under a
 * second; the cost is linear in {@code nTrain}.
 *
 * <p>Randomness comes from one {@link SplittableRandom} seeded with the spec's seed and split into
 * independent streams per aspect in a fixed order, so the dataset depends only on the spec.
 */
public final class SyntheticData {

  /** The 18 genre names (MovieLens). */
  public static final List<String> GENRES = List.of(
      "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
      "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller",
      "War", "Western");

  /** Relative genre frequencies (roughly MovieLens: drama and comedy common, film-noir rare). */
  private static final double[] GENRE_WEIGHTS = {
      10, 6, 2, 3, 16, 6, 2, 20, 3, 1, 5, 2, 3, 8, 4, 8, 2, 1};

  /** The 21 occupations of MovieLens 1M. */
  public static final List<String> OCCUPATIONS = List.of(
      "other", "academic/educator", "artist", "clerical/admin", "college/grad student",
      "customer service", "doctor/health care", "executive/managerial", "farmer", "homemaker",
      "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
      "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer");

  private static final double ACTIVITY_EXPONENT = 0.7;
  /** Share of a user's draws taken from their favourite genres. */
  static final double TASTE_SHARE = 0.5;
  private static final double[] RATING_WEIGHTS = {0.06, 0.11, 0.27, 0.34, 0.22};
  private static final long FIRST_TIMESTAMP = 946_684_800L; // 2000-01-01T00:00:00Z
  private static final long TIMESTAMP_SPAN = 23L * 365 * 86_400; // start times up to ~2023
  private static final double MEAN_GAP_SECONDS = 86_400;

  private SyntheticData() {}

  /**
   * Generates the dataset described by {@code spec}.
   *
   * @param spec sizes, popularity law and seed
   * @return the dataset; equal specs give equal datasets
   */
  public static SyntheticDataset generate(SyntheticSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    SplittableRandom root = new SplittableRandom(spec.seed());
    SplittableRandom popularityRng = root.split();
    SplittableRandom activityRng = root.split();
    SplittableRandom drawRng = root.split();
    SplittableRandom historyRng = root.split();
    SplittableRandom userSideRng = root.split();
    SplittableRandom itemSideRng = root.split();

    int nUsers = spec.nUsers();
    int nItems = spec.nItems();

    double[] itemWeights = powerLawWeights(nItems, spec.popularityExponent(), popularityRng);
    Alias itemAlias = new Alias(itemWeights);

    String[][] genres = new String[nItems][];
    int[] year = new int[nItems];
    int[] chosen = new int[3];
    for (int i = 0; i < nItems; i++) {
      double x = itemSideRng.nextDouble();
      int count = x < 0.5 ? 1 : x < 0.85 ? 2 : 3;
      int have = 0;
      while (have < count) {
        int genre = pick(GENRE_WEIGHTS, itemSideRng);
        boolean dup = false;
        for (int k = 0; k < have; k++) {
          dup |= chosen[k] == genre;
        }
        if (!dup) {
          chosen[have++] = genre;
        }
      }
      genres[i] = new String[count];
      for (int k = 0; k < count; k++) {
        genres[i][k] = GENRES.get(chosen[k]);
      }
      // Skewed towards recent years, like real catalogues.
      year[i] = 2025 - (int) (76 * Math.pow(itemSideRng.nextDouble(), 2.0));
    }

    // Taste: each user favours one or two genres; a share of their draws (train and ground
    // truth alike) comes from those genres, popularity-weighted, so models that learn from a
    // user's history (item-kNN) beat a global popularity ranking, as on real data.
    SplittableRandom tasteRng = root.split();
    Alias[] byGenre = genreAliases(genres, itemWeights);
    int[][] taste = new int[nUsers][];
    for (int u = 0; u < nUsers; u++) {
      int first = pick(GENRE_WEIGHTS, tasteRng);
      int second = pick(GENRE_WEIGHTS, tasteRng);
      taste[u] = first == second || tasteRng.nextBoolean() ? new int[] {first}
          : new int[] {first, second};
    }

    int[] trainCounts = trainCounts(spec, activityRng);
    int[] gtCounts = new int[nUsers];
    long trainTotal = 0;
    long gtTotal = 0;
    for (int u = 0; u < nUsers; u++) {
      gtCounts[u] = spec.gtMin() + activityRng.nextInt(spec.gtMax() - spec.gtMin() + 1);
      trainTotal += trainCounts[u];
      gtTotal += gtCounts[u];
    }
    if (trainTotal + gtTotal > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("spec asks for more rows than a Java array can hold");
    }

    int[] trainUsers = new int[(int) trainTotal];
    int[] trainItems = new int[(int) trainTotal];
    float[] ratings = new float[(int) trainTotal];
    long[] timestamps = new long[(int) trainTotal];
    int[] gtUsers = new int[(int) gtTotal];
    int[] gtItems = new int[(int) gtTotal];

    int[] mark = new int[nItems];
    int[] free = new int[nItems];
    int t = 0;
    int g = 0;
    for (int u = 0; u < nUsers; u++) {
      int stamp = u + 1;
      Alias[] liked = tasteAliases(taste[u], byGenre);
      drawDistinct(itemAlias, liked, trainCounts[u], stamp, mark, free, drawRng, trainItems, t);
      long time = FIRST_TIMESTAMP + (long) (historyRng.nextDouble() * TIMESTAMP_SPAN);
      for (int k = t; k < t + trainCounts[u]; k++) {
        trainUsers[k] = u;
        ratings[k] = 1 + pick(RATING_WEIGHTS, historyRng);
        time += 1 + (long) (-Math.log(1 - historyRng.nextDouble()) * MEAN_GAP_SECONDS);
        timestamps[k] = time;
      }
      t += trainCounts[u];
      drawDistinct(itemAlias, liked, gtCounts[u], stamp, mark, free, drawRng, gtItems, g);
      for (int k = g; k < g + gtCounts[u]; k++) {
        gtUsers[k] = u;
      }
      g += gtCounts[u];
    }

    int[] age = new int[nUsers];
    String[] gender = new String[nUsers];
    String[] occupation = new String[nUsers];
    for (int u = 0; u < nUsers; u++) {
      // Sum of two uniforms: a triangular shape peaking in the mid-forties, within 18..70.
      age[u] = 18 + (userSideRng.nextInt(27) + userSideRng.nextInt(27));
      gender[u] = userSideRng.nextDouble() < 0.72 ? "M" : "F";
      occupation[u] = OCCUPATIONS.get(userSideRng.nextInt(OCCUPATIONS.size()));
    }

    return new SyntheticDataset(nUsers, nItems, trainUsers, trainItems, ratings, timestamps,
        gtUsers, gtItems, age, gender, occupation, genres, year);
  }

  /** Weights r^-s for a random assignment of ranks r = 1..n to the indices. */
  private static double[] powerLawWeights(int n, double exponent, SplittableRandom rng) {
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = rank[i];
      rank[i] = rank[j];
      rank[j] = tmp;
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = Math.pow(rank[i] + 1, -exponent);
    }
    return w;
  }

  /**
   * Train size per user: ∝ activity weight, at least 1 (when nTrain > 0), at most nItems - gtMax.
   * The scale is found by bisection so the capped sizes add up to about nTrain.
   */
  private static int[] trainCounts(SyntheticSpec spec, SplittableRandom rng) {
    int nUsers = spec.nUsers();
    int[] counts = new int[nUsers];
    if (spec.nTrain() == 0) {
      return counts;
    }
    double[] w = powerLawWeights(nUsers, ACTIVITY_EXPONENT, rng);
    int cap = spec.nItems() - spec.gtMax();
    double lo = 0;
    double hi = (double) spec.nTrain() / min(w) + 1;
    for (int iter = 0; iter < 60; iter++) {
      double mid = (lo + hi) / 2;
      if (total(w, mid, cap) < spec.nTrain()) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    for (int u = 0; u < nUsers; u++) {
      counts[u] = count(w[u], hi, cap);
    }
    return counts;
  }

  private static double min(double[] w) {
    double m = Double.MAX_VALUE;
    for (double v : w) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static long total(double[] w, double scale, int cap) {
    long sum = 0;
    for (double v : w) {
      sum += count(v, scale, cap);
    }
    return sum;
  }

  private static int count(double weight, double scale, int cap) {
    return (int) Math.max(1, Math.min(cap, Math.round(weight * scale)));
  }

  /**
   * Writes {@code n} distinct items not yet stamped with {@code stamp} into {@code out[at..]},
   * stamping them. Draws by popularity; falls back to uniform over free items after too many
   * repeats.
   */
  private static void drawDistinct(
      Alias alias, Alias[] liked, int n, int stamp, int[] mark, int[] free, SplittableRandom rng,
      int[] out, int at) {
    int have = 0;
    int misses = 0;
    int maxMisses = 4 * n + 64;
    while (have < n && misses < maxMisses) {
      Alias from = liked.length > 0 && rng.nextDouble() < TASTE_SHARE
          ? liked[rng.nextInt(liked.length)] : alias;
      int item = from.sample(rng);
      if (mark[item] == stamp) {
        misses++;
      } else {
        mark[item] = stamp;
        out[at + have++] = item;
      }
    }
    if (have < n) {
      int nFree = 0;
      for (int i = 0; i < mark.length; i++) {
        if (mark[i] != stamp) {
          free[nFree++] = i;
        }
      }
      for (; have < n; have++) {
        int j = rng.nextInt(nFree);
        int item = free[j];
        free[j] = free[--nFree];
        mark[item] = stamp;
        out[at + have] = item;
      }
    }
  }

  /** One popularity-weighted sampler per genre over the items that carry it (null if none). */
  private static Alias[] genreAliases(String[][] genres, double[] itemWeights) {
    Alias[] out = new Alias[GENRES.size()];
    for (int gi = 0; gi < out.length; gi++) {
      String name = GENRES.get(gi);
      double[] w = new double[itemWeights.length];
      boolean any = false;
      for (int i = 0; i < w.length; i++) {
        for (String x : genres[i]) {
          if (x.equals(name)) {
            w[i] = itemWeights[i];
            any = true;
          }
        }
      }
      out[gi] = any ? new Alias(w) : null;
    }
    return out;
  }

  private static Alias[] tasteAliases(int[] taste, Alias[] byGenre) {
    return java.util.Arrays.stream(taste).mapToObj(g -> byGenre[g])
        .filter(java.util.Objects::nonNull).toArray(Alias[]::new);
  }

  /** Index drawn with probability ∝ weights (linear scan; for short tables only). */
  private static int pick(double[] weights, SplittableRandom rng) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double x = rng.nextDouble() * sum;
    for (int k = 0; k < weights.length - 1; k++) {
      x -= weights[k];
      if (x < 0) {
        return k;
      }
    }
    return weights.length - 1;
  }

  /** Walker's alias table (Vose's construction): O(n) setup, O(1) per draw. */
  private static final class Alias {
    private final double[] prob;
    private final int[] alias;

    Alias(double[] weights) {
      int n = weights.length;
      prob = new double[n];
      alias = new int[n];
      double sum = 0;
      for (double w : weights) {
        sum += w;
      }
      double[] scaled = new double[n];
      int[] small = new int[n];
      int[] large = new int[n];
      int ns = 0;
      int nl = 0;
      for (int i = 0; i < n; i++) {
        scaled[i] = weights[i] * n / sum;
        if (scaled[i] < 1) {
          small[ns++] = i;
        } else {
          large[nl++] = i;
        }
      }
      while (ns > 0 && nl > 0) {
        int s = small[--ns];
        int l = large[--nl];
        prob[s] = scaled[s];
        alias[s] = l;
        scaled[l] = scaled[l] + scaled[s] - 1;
        if (scaled[l] < 1) {
          small[ns++] = l;
        } else {
          large[nl++] = l;
        }
      }
      // Leftovers are 1 up to rounding error.
      while (nl > 0) {
        prob[large[--nl]] = 1;
      }
      while (ns > 0) {
        prob[small[--ns]] = 1;
      }
    }

    int sample(SplittableRandom rng) {
      int i = rng.nextInt(prob.length);
      return rng.nextDouble() < prob[i] ? i : alias[i];
    }
  }
}
