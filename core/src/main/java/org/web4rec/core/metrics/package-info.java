/**
 * Metric definitions of METRICS.md as code: per-user metric values in a {@link
 * org.web4rec.core.metrics.MetricTable} (one row per evaluated user, one column per metric name
 * such as {@code ndcg@10}), so that means, breakdowns by segment and paired significance tests
 * all start from the same numbers. {@link org.web4rec.core.metrics.Definitions} carries the
 * definitions' version recorded with every stored result. {@link
 * org.web4rec.core.metrics.AccuracyMetrics} and {@link
 * org.web4rec.core.metrics.BeyondAccuracyMetrics} (with its {@link
 * org.web4rec.core.metrics.BeyondInput} and {@link org.web4rec.core.metrics.MetricSuite}) compute
 * the two tables of METRICS.md; {@link org.web4rec.core.metrics.ExperimentMetrics} runs the whole
 * suite over one experiment as the metrics worker stores it.
 */
package org.web4rec.core.metrics;
