package org.web4rec.core.metrics;

import org.web4rec.core.lists.CandidateLists;

/**
 * The lists cut to the largest K, over users with a non-empty list only: row {@code r} is user
 * {@code users[r]}, its items {@code items[offsets[r] .. offsets[r+1])} best first. Positions
 * index every per-position array of the kernels; {@code rowOf[p]} is the row of position p.
 */
final class ListCut {

  final int[] users;
  final int[] offsets;
  final int[] items;
  final int[] rowOf;

  private ListCut(int[] users, int[] offsets, int[] items, int[] rowOf) {
    this.users = users;
    this.offsets = offsets;
    this.items = items;
    this.rowOf = rowOf;
  }

  static ListCut of(CandidateLists lists, int maxK) {
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

  int rows() {
    return users.length;
  }

  int start(int row) {
    return offsets[row];
  }

  int end(int row) {
    return offsets[row + 1];
  }
}
