package org.web4rec.core.projection;

/**
 * A fitted PCA: what the map shows (coordinates) and what it says about itself (variance shares).
 *
 * @param mean the column means that were subtracted, length d
 * @param axes k unit principal axes of length d, by decreasing variance
 * @param variance the sample variance (divisor n − 1) along each axis
 * @param explainedVarianceRatio each axis's share of the total variance (trace of the covariance)
 * @param coordinates {@code coordinates[c][r]}: row r's coordinate on axis c
 */
public record PcaModel(double[] mean, double[][] axes, double[] variance,
    double[] explainedVarianceRatio, double[][] coordinates) {}
