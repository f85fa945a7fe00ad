package org.web4rec.core.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares several experiments on one metric (METRICS.md, "Breakdowns and significance").
 *
 * <p>Every unordered pair (i, j), i before j in the order given, is compared with {@link
 * PairedComparison#compare}(values_i, values_j, seed), so A is the earlier experiment and the
 * differences are later minus earlier. All pairs rather than each against the first because the
 * service cannot know which experiment is the baseline (a baseline-only family of k - 1 tests
 * would be {@link PairedComparison#compare} per experiment and {@link Holm#adjust} over their
 * p-values). Each pair uses {@code seed} itself, so a
 * pair's interval is the one {@code PairedComparison.compare} gives for those two alone.
 *
 * <p>The pairs form one family of m = k(k-1)/2 tests: t-test and Wilcoxon p-values are each
 * Holm-adjusted across the pairs ({@link Holm#adjust}). With exactly two experiments there is one
 * test and the adjusted p-values equal the raw ones.
 *
 * <p>Users: the arrays are aligned by user; a pair drops the users that are NaN in either of its
 * two experiments, so different pairs may use different users when experiments miss different
 * users.
 */
public final class Comparisons {

  /**
   * @param nameA name of the earlier experiment (A)
   * @param nameB name of the later experiment (B); differences are B minus A
   * @param comparison the paired comparison of B against A
   * @param tTestPAdjusted Holm-adjusted t-test p-value across all pairs
   * @param wilcoxonPAdjusted Holm-adjusted Wilcoxon p-value across all pairs
   */
  public record PairResult(
      String nameA,
      String nameB,
      PairedComparison.Result comparison,
      double tTestPAdjusted,
      double wilcoxonPAdjusted) {}

  private Comparisons() {}

  /**
   * @param names experiment names, distinct, at least two
   * @param perUserValues per-user values of each experiment on one metric, aligned by user (same
   *     length); NaN marks a missing value
   * @param seed bootstrap seed used for every pair
   * @return one result per unordered pair, in the order (0,1), (0,2), ..., (1,2), ...
   * @throws IllegalArgumentException on fewer than two experiments, mismatched list sizes or array
   *     lengths, null or repeated names
   */
  public static List<PairResult> compareAll(
      List<String> names, List<double[]> perUserValues, long seed) {
    if (names == null || perUserValues == null) {
      throw new IllegalArgumentException("names and perUserValues must not be null");
    }
    int k = names.size();
    if (perUserValues.size() != k) {
      throw new IllegalArgumentException(
          k + " names but " + perUserValues.size() + " value arrays");
    }
    if (k < 2) {
      throw new IllegalArgumentException("need at least two experiments, got " + k);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < k; i++) {
      String name = names.get(i);
      if (name == null || !seen.add(name)) {
        throw new IllegalArgumentException("experiment names must be distinct and non-null: "
            + names);
      }
      double[] values = perUserValues.get(i);
      if (values == null || values.length != perUserValues.get(0).length) {
        throw new IllegalArgumentException("values of '" + name + "' must be an array aligned by"
            + " user with the others (length " + perUserValues.get(0).length + ")");
      }
    }

    List<PairedComparison.Result> results = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        results.add(PairedComparison.compare(perUserValues.get(i), perUserValues.get(j), seed));
      }
    }
    int m = results.size();
    double[] tP = new double[m];
    double[] wP = new double[m];
    for (int q = 0; q < m; q++) {
      tP[q] = results.get(q).tTestP();
      wP[q] = results.get(q).wilcoxonP();
    }
    double[] tAdjusted = Holm.adjust(tP);
    double[] wAdjusted = Holm.adjust(wP);

    List<PairResult> out = new ArrayList<>(m);
    int q = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        out.add(new PairResult(
            names.get(i), names.get(j), results.get(q), tAdjusted[q], wAdjusted[q]));
        q++;
      }
    }
    return List.copyOf(out);
  }
}
