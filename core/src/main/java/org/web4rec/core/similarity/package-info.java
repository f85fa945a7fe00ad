/**
 * The similarity sources of METRICS.md ("Similarity sources": {@code cooc}, {@code genre.<col>}
 * Jaccard, {@code emb} cosine), each as one class that serves every consumer: the
 * beyond-accuracy metrics ask for per-position sums over cut lists ({@link
 * org.web4rec.core.similarity.SimilaritySource#listSums}), the re-rankers for candidate columns
 * and history sums ({@link org.web4rec.core.similarity.SimilaritySource#view}, {@link
 * org.web4rec.core.similarity.SimilaritySource#historySums}). One implementation per source, so
 * a definition (an item without a representation has similarity 0 to everything, sim(i,i) of
 * such an item is 0) and its tuned kernels (16-bit labels and the item-major two-part cooc
 * algorithm, the shared {@link org.web4rec.core.data.CoocTable}, vectorisable loops over unit
 * vectors) cannot drift apart between what a re-ranker optimises and what the metrics then
 * report.
 */
package org.web4rec.core.similarity;
