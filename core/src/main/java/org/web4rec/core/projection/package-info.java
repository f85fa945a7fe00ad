/**
 * Linear projections for the 2-D maps of the analysis service: {@link
 * org.web4rec.core.projection.RandomizedSvd} reduces a sparse users × items (or items × users)
 * matrix to at most 64 dense dimensions, {@link org.web4rec.core.projection.Pca} turns such
 * vectors (or uploaded model embeddings) into 2-D coordinates with the share of variance each axis
 * explains, both over a shared symmetric eigensolver ({@link
 * org.web4rec.core.projection.SymmetricEigen}). Plain Java on purpose, and measured: PCA of
 * n × 64 is one 64 × 64 covariance (a parallel pass over the rows) and a Jacobi
 * eigendecomposition; bench-kernels' PcaBench has it at 20 ms (6,040 rows) and 230 ms (138,493
 * rows) against ND4J's gemm + LAPACK at 38 ms and 292 ms, so ND4J's ~500 MB of jars and native
 * libraries would buy nothing here (bench/README.md). {@link
 * org.web4rec.core.projection.Umap2d} adapts the external-umap-java library (pure Java, no
 * dependencies of its own), and {@link org.web4rec.core.projection.Projector} puts source vectors,
 * PCA or UMAP and the UMAP sample together into one map.
 */
package org.web4rec.core.projection;
