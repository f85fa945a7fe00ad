package org.web4rec.bench.kernels;

import org.web4rec.core.data.Parallel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.web4rec.core.data.Labels;

/**
 * The cooc row build of core's counted list sums ({@code CoocSimilarity#listSums} without a
 * dataset table): for each item label r (labels by
 * popularity, most popular first; every item counted as recommended, the worst case), the half
 * row acc[l] = n_rl for l ≥ r, built by walking the suffix from r of each of r's users' label-
 * sorted histories. Each row is then consumed by a checksum sweep that also clears it (the same
 * for every variant), so variants are compared on the build alone and checked exactly.
 */
final class Cooc {

  final int nItems;
  final int[] hOff; // user -> history labels, ascending
  final int[] hist;
  final int[] iOff; // label -> users, ascending
  final int[] iUsers;
  final int users;

  Cooc(Inputs.Histories h, int nItems) {
    this.nItems = nItems;
    this.users = h.users();
    this.hOff = h.offsets();
    int[] pop = new int[nItems];
    for (int i : h.items()) {
      pop[i]++;
    }
    long[] keys = new long[nItems];
    for (int i = 0; i < nItems; i++) {
      keys[i] = ((long) (Integer.MAX_VALUE - pop[i]) << 31) | i;
    }
    Arrays.sort(keys);
    int[] label = new int[nItems];
    iOff = new int[nItems + 1];
    for (int r = 0; r < nItems; r++) {
      int i = (int) (keys[r] & 0x7fffffffL);
      label[i] = r;
      iOff[r + 1] = iOff[r] + pop[i];
    }
    iUsers = new int[iOff[nItems]];
    int[] fill = Arrays.copyOf(iOff, nItems);
    for (int u = 0; u < users; u++) {
      for (int x = hOff[u]; x < hOff[u + 1]; x++) {
        int r = label[h.items()[x]];
        iUsers[fill[r]++] = u;
      }
    }
    // Histories as labels, ascending: append in label order.
    hist = new int[iUsers.length];
    int[] at = Arrays.copyOf(hOff, users);
    for (int r = 0; r < nItems; r++) {
      for (int k = iOff[r]; k < iOff[r + 1]; k++) {
        hist[at[iUsers[k]]++] = r;
      }
    }
  }

  /** Σ_v |H_v|(|H_v|+1)/2: the increments of the int variant. */
  long increments() {
    long s = 0;
    for (int u = 0; u < users; u++) {
      long n = hOff[u + 1] - hOff[u];
      s += n * (n + 1) / 2;
    }
    return s;
  }

  private static long mix(int l) {
    return (l * 0x9E3779B9L) & 0xffff;
  }

  /** int[] counters, exactly core's loop. @return checksum */
  long intCounters(int threads) {
    AtomicLong total = new AtomicLong();
    Parallel.forRanges(nItems, 1, threads, () -> new int[nItems], (acc, from, to) -> {
      long cs = 0;
      for (int r = from; r < to; r++) {
        for (int k = iOff[r]; k < iOff[r + 1]; k++) {
          int v = iUsers[k];
          int end = hOff[v + 1];
          for (int x = Arrays.binarySearch(hist, hOff[v], end, r); x < end; x++) {
            acc[hist[x]]++;
          }
        }
        cs += consume(acc, r);
      }
      total.addAndGet(cs);
    });
    return total.get();
  }

  /** char[] (16-bit) counters; rows whose item has more than 65,535 users fall back to int. */
  long charCounters(int threads) {
    AtomicLong total = new AtomicLong();
    Parallel.forRanges(nItems, 1, threads, () -> new Object[] {new char[nItems], new int[nItems]},
        (s, from, to) -> {
          char[] acc = (char[]) s[0];
          long cs = 0;
          for (int r = from; r < to; r++) {
            if (iOff[r + 1] - iOff[r] > Character.MAX_VALUE) {
              int[] wide = (int[]) s[1];
              for (int k = iOff[r]; k < iOff[r + 1]; k++) {
                int v = iUsers[k];
                int end = hOff[v + 1];
                for (int x = Arrays.binarySearch(hist, hOff[v], end, r); x < end; x++) {
                  wide[hist[x]]++;
                }
              }
              cs += consume(wide, r);
              continue;
            }
            for (int k = iOff[r]; k < iOff[r + 1]; k++) {
              int v = iUsers[k];
              int end = hOff[v + 1];
              for (int x = Arrays.binarySearch(hist, hOff[v], end, r); x < end; x++) {
                acc[hist[x]]++;
              }
            }
            long c = 0;
            for (int l = r; l < nItems; l++) {
              c += acc[l] * mix(l);
              acc[l] = 0;
            }
            cs += c;
          }
          total.addAndGet(cs);
        });
    return total.get();
  }

  /**
   * Dense head as bitsets: the {@code head} most popular labels each get a bitset over users;
   * for a head row r, acc[l] for r ≤ l < head is popcount(B_r & B_l) (4 columns per pass, so
   * B_r's words are loaded once per 4), and the per-user suffix walk starts at the head's end.
   * Rows outside the head are unchanged. Bitset build included in the time.
   */
  long bitsetHead(int head, int threads) {
    int h = Math.min(head, nItems);
    int words = (users + 63) >>> 6;
    long[] bits = new long[h * words];
    for (int r = 0; r < h; r++) {
      int base = r * words;
      for (int k = iOff[r]; k < iOff[r + 1]; k++) {
        int v = iUsers[k];
        bits[base + (v >>> 6)] |= 1L << v;
      }
    }
    AtomicLong total = new AtomicLong();
    Parallel.forRanges(nItems, 1, threads, () -> new int[nItems], (acc, from, to) -> {
      long cs = 0;
      for (int r = from; r < to; r++) {
        int start = r;
        if (r < h) {
          int a = r * words;
          int l = r;
          for (; l + 4 <= h; l += 4) {
            int b0 = l * words;
            int b1 = b0 + words;
            int b2 = b1 + words;
            int b3 = b2 + words;
            int c0 = 0;
            int c1 = 0;
            int c2 = 0;
            int c3 = 0;
            for (int w = 0; w < words; w++) {
              long x = bits[a + w];
              c0 += Long.bitCount(x & bits[b0 + w]);
              c1 += Long.bitCount(x & bits[b1 + w]);
              c2 += Long.bitCount(x & bits[b2 + w]);
              c3 += Long.bitCount(x & bits[b3 + w]);
            }
            acc[l] = c0;
            acc[l + 1] = c1;
            acc[l + 2] = c2;
            acc[l + 3] = c3;
          }
          for (; l < h; l++) {
            int b = l * words;
            int c = 0;
            for (int w = 0; w < words; w++) {
              c += Long.bitCount(bits[a + w] & bits[b + w]);
            }
            acc[l] = c;
          }
          start = h;
        }
        for (int k = iOff[r]; k < iOff[r + 1]; k++) {
          int v = iUsers[k];
          int end = hOff[v + 1];
          int x = Labels.lowerBound(hist, hOff[v], end, start);
          for (; x < end; x++) {
            acc[hist[x]]++;
          }
        }
        cs += consume(acc, r);
      }
      total.addAndGet(cs);
    });
    return total.get();
  }

  private long consume(int[] acc, int r) {
    long c = 0;
    for (int l = r; l < nItems; l++) {
      c += acc[l] * mix(l);
      acc[l] = 0;
    }
    return c;
  }
}
