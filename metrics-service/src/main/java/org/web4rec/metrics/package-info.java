/**
 * The metrics service: consumes {@code experiment.uploaded}, computes the metric suite of
 * METRICS.md in {@code core/}, stores the per-user values as a columnar blob and the means as
 * metadata rows, and serves experiment results (aggregates and per-user tables).
 */
package org.web4rec.metrics;
