/**
 * Breakdowns and significance tests of METRICS.md ("Breakdowns and significance"), in pure Java:
 * paired comparison of two experiments on the same users ({@link
 * org.web4rec.core.stats.PairedComparison}: mean difference, bootstrap confidence interval, paired
 * t-test, Wilcoxon signed-rank test), all pairs of several experiments with Holm-Bonferroni
 * adjustment ({@link org.web4rec.core.stats.Comparisons}, {@link org.web4rec.core.stats.Holm}),
 * user and item segments ({@link org.web4rec.core.stats.Segments}) and per-segment means with
 * confidence intervals ({@link org.web4rec.core.stats.Breakdown}), applied to stored per-user and
 * exposure tables by {@link org.web4rec.core.stats.MetricBreakdowns} and {@link
 * org.web4rec.core.stats.MetricComparisons}. The distribution functions
 * they need ({@link org.web4rec.core.stats.Distributions}) are implemented here rather than taken
 * from a library, so the core keeps no dependencies.
 */
package org.web4rec.core.stats;
