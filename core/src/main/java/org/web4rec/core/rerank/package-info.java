/**
 * Re-ranking of a parent experiment's candidate lists by a beyond-accuracy objective (METRICS.md,
 * "Re-ranking"): {@link org.web4rec.core.rerank.Reranker} takes a {@link
 * org.web4rec.core.rerank.RerankInput} (candidates C_u, train, popularity, item side data) and an
 * {@link org.web4rec.core.rerank.Objective} (diversity, novelty, unexpectedness, calibration or
 * dpp, with its similarity source or column) and returns a {@link
 * org.web4rec.core.rerank.RerankResult} whose lists the metrics evaluate like any experiment's. A
 * λ sweep shares the λ-independent work through {@link org.web4rec.core.rerank.PreparedRerank}.
 */
package org.web4rec.core.rerank;
