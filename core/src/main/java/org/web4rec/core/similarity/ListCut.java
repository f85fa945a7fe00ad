package org.web4rec.core.similarity;

import org.web4rec.core.lists.CandidateLists;

/**
 * The lists cut to the largest K, over users with a non-empty list only: row {@code r} is user
 * {@code users[r]}, its items {@code items[offsets[r] .. offsets[r+1])} best first. Positions
 * index every per-position array of the kernels; {@code rowOf[p]} is the row of position p.
 *
 * @param users the user of each row, ascending
 * @param offsets row starts into {@code items}, rows + 1 entries
 * @param items the cut lists, row after row
 * @param rowOf the row of each position
 */
public record ListCut(int[] users, int[] offsets, int[] items, int[] rowOf) {

  /**
   * @param lists the prepared candidate lists
   * @param maxK positions kept per user
   * @return the first {@code maxK} items of every non-empty list
   */
  public static ListCut of(CandidateLists lists, int maxK) {
    int nUsers = lists.users();
    int rows = 0;
    long total = 0;
    for (int u = 0; u < nUsers; u++) {
      if (lists.size(u) > 0) {
        rows++;
        total += Math.min(lists.size(u), maxK);
      }
    }
    int[] users = new int[rows];
    int[] offsets = new int[rows + 1];
    int[] items = new int[(int) total];
    int[] rowOf = new int[(int) total];
    int[] all = lists.items();
    int r = 0;
    int p = 0;
    for (int u = 0; u < nUsers; u++) {
      int len = Math.min(lists.size(u), maxK);
      if (len == 0) {
        continue;
      }
      users[r] = u;
      System.arraycopy(all, lists.start(u), items, p, len);
      for (int k = 0; k < len; k++) {
        rowOf[p + k] = r;
      }
      p += len;
      offsets[++r] = p;
    }
    return new ListCut(users, offsets, items, rowOf);
  }

  /** @return the number of rows (users with a list) */
  public int rows() {
    return users.length;
  }

  /** @return the first position of {@code row} */
  public int start(int row) {
    return offsets[row];
  }

  /** @return one past the last position of {@code row} */
  public int end(int row) {
    return offsets[row + 1];
  }
}
