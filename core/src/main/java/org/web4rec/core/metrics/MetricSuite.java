package org.web4rec.core.metrics;

import java.util.Map;

/**
 * The beyond-accuracy results of one list set.
 *
 * @param perUser one row per user with a non-empty list (ascending), a column per per-user metric
 *     and K; NaN where the definition skips the user (e.g. diversity with |L_u| < 2). Take means
 *     with {@link MetricTable#means()}.
 * @param global the global metrics ({@code coverage@K}, {@code gini@K}, {@code entropy@K}, {@code
 *     personalization@K}) in column order; only these, not the per-user means
 * @param exposure for each K (in the order given) the exposure c_i of every catalogue item, the
 *     number of lists L_u containing it, for breakdowns by popularity bin
 * @param popularity pop(i), |U_train| and the head/tail split used for the numbers
 */
public record MetricSuite(
    MetricTable perUser,
    Map<String, Double> global,
    Map<Integer, int[]> exposure,
    ItemPopularity popularity) {

  /** Validates presence. */
  public MetricSuite {
    if (perUser == null || global == null || exposure == null || popularity == null) {
      throw new IllegalArgumentException("all parts of a metric suite must be present");
    }
  }
}
