package org.web4rec.core.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * One side column's distribution over a selection next to all rows. Numeric columns: counts per
 * equal-width bin on {@code edges} ({@code values} null). Categorical and multi-valued columns:
 * counts per label, labels by overall count descending ({@code edges} null).
 */
public record SideCounts(SideColumn column, double[] edges, String[] values, int[] selected,
    int[] all) {

  /** Every column's distribution over the selected rows and over all rows. */
  public static List<SideCounts> of(List<SideColumn> cols, int[] selected) {
    List<SideCounts> out = new ArrayList<>();
    for (SideColumn c : cols) {
      if (c.numeric()) {
        double[] edges = Aggregates.equalWidthEdges(c.numbers(), Counting.NUMERIC_BINS);
        out.add(new SideCounts(c, edges, null,
            Aggregates.histogram(c.numbers(), edges, selected),
            Aggregates.histogram(c.numbers(), edges, null)));
      } else {
        int[] sel = c.count(selected);
        int[] all = c.count(null);
        int[] order = Counting.order(all);
        out.add(new SideCounts(c, null, Counting.permute(c.labels(), order),
            Counting.permute(sel, order), Counting.permute(all, order)));
      }
    }
    return out;
  }
}
