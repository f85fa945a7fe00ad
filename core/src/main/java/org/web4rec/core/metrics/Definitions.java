package org.web4rec.core.metrics;

/**
 * Version of the metric definitions in METRICS.md that this code implements.
 *
 * <p>Why a constant: every stored result records the definitions' version, so a number computed
 * today can be told apart from one computed under a changed definition. Changing what a metric
 * name means requires a new name; anything else that changes a number bumps this version.
 */
public final class Definitions {

  /** The definitions' version stored with every result. */
  public static final String DEFINITIONS_VERSION = "1";

  private Definitions() {}

  /**
   * @param name a metric name such as {@code ndcg}
   * @param k the cut-off
   * @return the result column name, {@code <name>@<K>}
   */
  public static String column(String name, int k) {
    return name + "@" + k;
  }

  /**
   * @param name a metric name such as {@code diversity}
   * @param k the cut-off
   * @param source the similarity source ({@code cooc}, {@code genre.genres}, {@code emb}) or the
   *     column ({@code genres}) the metric used
   * @return the result column name, {@code <name>@<K>:<source>}
   */
  public static String column(String name, int k, String source) {
    return name + "@" + k + ":" + source;
  }
}
