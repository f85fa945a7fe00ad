/**
 * From decoded upload tables to core structures: a dataset registration to its stored tables and
 * summary ({@link org.web4rec.core.prepare.DatasetBuilder}), recommendations to prepared candidate
 * lists ({@link org.web4rec.core.prepare.ExperimentBuilder}), embeddings to their stored form
 * ({@link org.web4rec.core.prepare.Embeddings}). Every rejection is an {@link
 * org.web4rec.core.InvalidInput} whose message names the part, column or id at fault, so the
 * service answers it as it stands.
 */
package org.web4rec.core.prepare;
