package org.web4rec.core.stats;

import java.util.Arrays;

/**
 * Rows (users or items) assigned to ordered bins by a non-negative count, ready for {@link
 * Breakdown#byGroup(double[], Binning)}. Arrays are shared, not copied: do not modify them.
 *
 * @param binOfRow bin of each row, in [0, nBins)
 * @param nBins number of bins
 * @param count rows in each bin
 * @param min smallest binned value in each bin, -1 for an empty bin
 * @param max largest binned value in each bin, -1 for an empty bin
 */
public record Binning(int[] binOfRow, int nBins, int[] count, int[] min, int[] max) {

  /** Builds the per-bin count, min and max from the assignment and the binned values. */
  static Binning of(int[] binOfRow, int nBins, int[] values) {
    int[] count = new int[nBins];
    int[] min = new int[nBins];
    int[] max = new int[nBins];
    Arrays.fill(min, -1);
    Arrays.fill(max, -1);
    for (int r = 0; r < binOfRow.length; r++) {
      int b = binOfRow[r];
      int v = values[r];
      if (count[b]++ == 0) {
        min[b] = v;
        max[b] = v;
      } else {
        min[b] = Math.min(min[b], v);
        max[b] = Math.max(max[b], v);
      }
    }
    return new Binning(binOfRow, nBins, count, min, max);
  }
}
