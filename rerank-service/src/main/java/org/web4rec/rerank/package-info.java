/**
 * The re-rank service: re-orders a ready experiment's stored candidates with an objective of
 * METRICS.md "Re-ranking" (MMR objectives, DPP), for all users or a user group, at one λ or a sweep,
 * and stores each result as a derived experiment that the metrics service evaluates like any other.
 */
package org.web4rec.rerank;
