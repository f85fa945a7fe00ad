package org.web4rec.core.metrics;

import java.util.Arrays;
import org.web4rec.core.data.Csr;

/**
 * Item popularity and the head/tail split of METRICS.md: pop(i) is the number of distinct train
 * users of item i, {@code usersWithTrain} is |U_train|, and the head is the fewest most-popular
 * items whose train interactions reach 80% of all train interactions.
 *
 * <p>Why exact integer arithmetic for the cut: "reach 80%" is tested as {@code 5 · cumulative >=
 * 4 · total} in {@code long}, so no floating-point rounding can move an item across the boundary.
 * Items are ordered by pop descending, ties by the caller's item tie order (the position of the
 * item in external-id order), so equal inputs always give the same head. Since train holds no
 * duplicate (user, item) pairs, an item's train interactions are its pop. With no train
 * interaction at all the head is empty and every item is in the tail.
 *
 * <p>Arrays are shared; do not mutate.
 *
 * @param pop pop(i) for every catalogue item {@code 0..nItems-1}
 * @param usersWithTrain |U_train|, users with at least one train item
 * @param head whether each item is in the head; the tail is every other catalogue item
 */
public record ItemPopularity(int[] pop, int usersWithTrain, boolean[] head) {

  /** Validates alignment. */
  public ItemPopularity {
    if (pop == null || head == null || pop.length != head.length) {
      throw new IllegalArgumentException("pop and head must be non-null and of equal length");
    }
    if (usersWithTrain < 0) {
      throw new IllegalArgumentException("usersWithTrain must be >= 0, got " + usersWithTrain);
    }
  }

  /** Share of all train interactions the head must reach, as the fraction 4/5. */
  private static final int HEAD_NUM = 4;

  private static final int HEAD_DEN = 5;

  /**
   * Computes popularity and the head of the catalogue {@code 0..nItems-1}.
   *
   * @param train train items per user; every value must be below {@code nItems}
   * @param nItems catalogue size |I_cat|
   * @param itemTieOrder position of each item in external-id order (a permutation of {@code
   *     0..nItems-1}), or null to break ties by dense index
   * @return popularity, |U_train| and the head
   * @throws IllegalArgumentException if a train item is outside the catalogue or the tie order has
   *     the wrong length
   */
  public static ItemPopularity of(Csr train, int nItems, int[] itemTieOrder) {
    if (train == null) {
      throw new IllegalArgumentException("train must not be null");
    }
    if (itemTieOrder != null && itemTieOrder.length != nItems) {
      throw new IllegalArgumentException(
          "itemTieOrder has " + itemTieOrder.length + " entries for " + nItems + " items");
    }
    int[] pop = new int[nItems];
    int[] values = train.values();
    for (int v : values) {
      if (v < 0 || v >= nItems) {
        throw new IllegalArgumentException("train item " + v + " is outside [0, " + nItems + ")");
      }
      pop[v]++;
    }
    int users = 0;
    for (int u = 0; u < train.rows(); u++) {
      if (train.size(u) > 0) {
        users++;
      }
    }
    // Key: pop descending in the high half, tie order ascending in the low half.
    long[] keys = new long[nItems];
    for (int i = 0; i < nItems; i++) {
      int tie = itemTieOrder != null ? itemTieOrder[i] : i;
      keys[i] = ((long) (Integer.MAX_VALUE - pop[i]) << 32) | (tie & 0xffffffffL);
    }
    Arrays.sort(keys);
    int[] itemAtTie = new int[nItems];
    Arrays.fill(itemAtTie, -1);
    for (int i = 0; i < nItems; i++) {
      int t = itemTieOrder != null ? itemTieOrder[i] : i;
      if (t < 0 || t >= nItems || itemAtTie[t] >= 0) {
        throw new IllegalArgumentException(
            "itemTieOrder must be a permutation of 0.." + (nItems - 1) + ", but itemTieOrder["
                + i + "]=" + t + " is out of range or repeated");
      }
      itemAtTie[t] = i;
    }
    long total = values.length;
    long cumulative = 0;
    boolean[] head = new boolean[nItems];
    for (int r = 0; r < nItems && HEAD_DEN * cumulative < HEAD_NUM * total; r++) {
      int item = itemAtTie[(int) keys[r]];
      head[item] = true;
      cumulative += pop[item];
    }
    return new ItemPopularity(pop, users, head);
  }

  /** @return number of head items */
  public int headSize() {
    int n = 0;
    for (boolean h : head) {
      if (h) {
        n++;
      }
    }
    return n;
  }
}
