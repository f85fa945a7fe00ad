/**
 * Compact, immutable primitive containers shared by the rest of the core: {@link
 * org.web4rec.core.data.Csr} (compressed sparse rows of dense int indices, e.g. a user's train or
 * ground-truth items), plus the allocation-free sorting helpers ({@link
 * org.web4rec.core.data.IndexSort}, {@link org.web4rec.core.data.ScoreKeys}) that let large
 * tables be ordered without boxing. {@link org.web4rec.core.data.Dataset} is a registered dataset
 * as computations see it and {@link org.web4rec.core.data.DatasetStats} its page's summary.
 */
package org.web4rec.core.data;
