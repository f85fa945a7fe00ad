package org.web4rec.core.explore;

import java.util.Arrays;

/**
 * Subset-versus-all aggregates. Every method takes the rows to count as an index array ({@code
 * null} = every row), so the same code answers "selection" and "all" and the two can never drift
 * apart. Row indices may repeat only where the caller wants repeats counted (recommendation slots).
 */
public final class Aggregates {

  private Aggregates() {}

  /**
   * @param codes value code of each row in [0, nCodes), −1 when missing
   * @param rows rows to count, null for all
   * @return count of each code over the rows (missing values are not counted)
   */
  public static int[] countCodes(int[] codes, int nCodes, int[] rows) {
    int[] out = new int[nCodes];
    if (rows == null) {
      for (int c : codes) {
        if (c >= 0) {
          out[c]++;
        }
      }
    } else {
      for (int r : rows) {
        if (codes[r] >= 0) {
          out[codes[r]]++;
        }
      }
    }
    return out;
  }

  /**
   * Multi-valued column: each row counts once for every distinct code it holds.
   *
   * @param codes distinct codes per row (null = missing)
   */
  public static int[] countMulti(int[][] codes, int nCodes, int[] rows) {
    int[] out = new int[nCodes];
    if (rows == null) {
      for (int[] cs : codes) {
        add(out, cs);
      }
    } else {
      for (int r : rows) {
        add(out, codes[r]);
      }
    }
    return out;
  }

  private static void add(int[] out, int[] cs) {
    if (cs != null) {
      for (int c : cs) {
        out[c]++;
      }
    }
  }

  /**
   * Equal-width edges over the finite values ({@code bins + 1} of them, the last bin closed); a
   * single distinct value gives one bin [v, v + 1]; no finite value gives no edges.
   */
  public static double[] equalWidthEdges(double[] values, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      return new double[0];
    }
    if (min == max) {
      return new double[] {min, min + 1};
    }
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = min + (max - min) * b / bins;
    }
    edges[bins] = max;
    return edges;
  }

  /**
   * Logarithmic count bins [0, 1), [1, 2), [2, 4), [4, 8) ... up to the first edge above max.
   */
  public static double[] logEdges(double max) {
    double[] edges = new double[64];
    int n = 0;
    edges[n++] = 0;
    double e = 1;
    edges[n++] = e;
    while (e <= max) {
      e *= 2;
      edges[n++] = e;
    }
    return Arrays.copyOf(edges, n);
  }

  /** Bin of v on the edges (bins are [e_b, e_{b+1}), the last one closed); −1 when outside or NaN. */
  public static int bin(double[] edges, double v) {
    if (!Double.isFinite(v) || edges.length < 2 || v < edges[0] || v > edges[edges.length - 1]) {
      return -1;
    }
    int b = Arrays.binarySearch(edges, v);
    if (b < 0) {
      b = -b - 2;
    }
    return Math.min(b, edges.length - 2);
  }

  /** Counts of the rows' values per bin of {@code edges} (missing and out-of-range not counted). */
  public static int[] histogram(double[] values, double[] edges, int[] rows) {
    int[] out = new int[Math.max(0, edges.length - 1)];
    if (rows == null) {
      for (double v : values) {
        int b = bin(edges, v);
        if (b >= 0) {
          out[b]++;
        }
      }
    } else {
      for (int r : rows) {
        int b = bin(edges, values[r]);
        if (b >= 0) {
          out[b]++;
        }
      }
    }
    return out;
  }

  /** Mean of the rows' finite values; NaN when there is none. */
  public static double mean(double[] values, int[] rows) {
    double sum = 0;
    int n = 0;
    int count = rows == null ? values.length : rows.length;
    for (int k = 0; k < count; k++) {
      double v = values[rows == null ? k : rows[k]];
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Median of the rows' finite values (mean of the middle two for an even count); NaN if none. */
  public static double median(double[] values, int[] rows) {
    int count = rows == null ? values.length : rows.length;
    double[] v = new double[count];
    int n = 0;
    for (int k = 0; k < count; k++) {
      double x = values[rows == null ? k : rows[k]];
      if (Double.isFinite(x)) {
        v[n++] = x;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(v, 0, n);
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /**
   * Indices of the {@code limit} largest positive counts, by count descending then index ascending.
   */
  public static int[] top(int[] counts, int limit) {
    return java.util.stream.IntStream.range(0, counts.length).filter(i -> counts[i] > 0).boxed()
        .sorted((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
            : Integer.compare(a, b))
        .limit(limit).mapToInt(Integer::intValue).toArray();
  }
}
