/**
 * Counting for the post-hoc analysis panels: value counts of categorical and multi-valued columns
 * over a subset of rows, histograms on shared edges (so a selection and "all" line up bin by bin)
 * and logarithmic popularity bins. Columns arrive as integer codes ({@code -1} = missing) or
 * doubles ({@code NaN} = missing) so the kernels stay free of table types.
 */
package org.web4rec.core.explore;
