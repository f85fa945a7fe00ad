package org.web4rec.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentsTest {

  @Test
  void quintilesOfDistinctSizesAreEqualBlocks() {
    // v = 1..10, (v - 1) smaller sizes each: bin = ⌊5 (v - 1) / 10⌋.
    Binning b = Segments.activityQuintiles(new int[] {5, 1, 9, 3, 7, 2, 8, 4, 10, 6});
    assertArrayEquals(new int[] {2, 0, 4, 1, 3, 0, 3, 1, 4, 2}, b.binOfRow());
    assertEquals(5, b.nBins());
    assertArrayEquals(new int[] {2, 2, 2, 2, 2}, b.count());
    assertArrayEquals(new int[] {1, 3, 5, 7, 9}, b.min());
    assertArrayEquals(new int[] {2, 4, 6, 8, 10}, b.max());
  }

  @Test
  void quintilesKeepTiesTogetherAndMayLeaveBinsEmpty() {
    // Six users with one item: all in quintile 0 (the 20% cut point is 1, the 2nd smallest).
    // Size 2 has 6 smaller users: ⌊5·6/10⌋ = 3; size 3: ⌊3.5⌋ = 3; 4: 4; 5: ⌊4.5⌋ = 4.
    Binning b = Segments.activityQuintiles(new int[] {1, 1, 1, 1, 1, 1, 2, 3, 4, 5});
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 3, 3, 4, 4}, b.binOfRow());
    assertArrayEquals(new int[] {6, 0, 0, 2, 2}, b.count());
    assertArrayEquals(new int[] {1, -1, -1, 2, 4}, b.min());
    assertArrayEquals(new int[] {1, -1, -1, 3, 5}, b.max());
  }

  @Test
  void quintilesWithUnevenCount() {
    // n = 7: bin = ⌊5 v / 7⌋ for v = 0..6.
    Binning b = Segments.activityQuintiles(new int[] {6, 5, 4, 3, 2, 1, 0});
    assertArrayEquals(new int[] {4, 3, 2, 2, 1, 0, 0}, b.binOfRow());
  }

  @Test
  void quantileBinsAreMonotoneTieKeepingAndBalancedWithoutTies() {
    SplittableRandom random = new SplittableRandom(17);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + random.nextInt(200);
      int[] sizes = new int[n];
      for (int i = 0; i < n; i++) {
        sizes[i] = random.nextInt(1 + random.nextInt(50));
      }
      int[] bins = Segments.quantiles(sizes, 5).binOfRow();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (sizes[i] == sizes[j]) {
            assertEquals(bins[i], bins[j]);
          } else if (sizes[i] < sizes[j]) {
            assertTrue(bins[i] <= bins[j]);
          }
        }
      }
      int[] distinct = new int[n];
      for (int i = 0; i < n; i++) {
        distinct[i] = random.nextInt(1000) * n + i; // all different
      }
      int[] count = Segments.quantiles(distinct, 5).count();
      int lo = Integer.MAX_VALUE;
      int hi = 0;
      for (int c : count) {
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
      assertTrue(hi - lo <= 1, "n=" + n);
    }
  }

  @Test
  void coldUsersHaveAtMostFiveTrainItems() {
    Binning b = Segments.cold(new int[] {0, 5, 6, 1, 100});
    assertArrayEquals(
        new int[] {Segments.COLD, Segments.COLD, Segments.WARM, Segments.COLD, Segments.WARM},
        b.binOfRow());
    assertArrayEquals(new int[] {3, 2}, b.count());
    assertArrayEquals(new int[] {Segments.WARM, Segments.WARM, Segments.WARM},
        Segments.cold(new int[] {2, 3, 4}, 1).binOfRow());
  }

  @Test
  void popularityDecilesByPopThenItemOrder() {
    int[] pop = {5, 0, 3, 3, 9, 1, 0, 2, 7, 4, 3, 1};
    // Order by pop desc, index asc: 4, 8, 0, 9, 2, 3, 10, 7, 5, 11, 1, 6; decile ⌊10 r / 12⌋ of
    // r = 0..11 is 0, 0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9.
    Binning b = Segments.popularityDeciles(pop, null);
    assertArrayEquals(new int[] {1, 8, 3, 4, 0, 6, 9, 5, 0, 2, 5, 7}, b.binOfRow());
    assertEquals(10, b.nBins());

    // Reversed tie order flips the order within each pop tie: 3s go 10, 3, 2; 1s go 11, 5;
    // 0s go 6, 1.
    int[] reversed = new int[pop.length];
    for (int i = 0; i < pop.length; i++) {
      reversed[i] = pop.length - 1 - i;
    }
    Binning r = Segments.popularityDeciles(pop, reversed);
    assertArrayEquals(new int[] {1, 9, 5, 4, 0, 7, 8, 5, 0, 2, 3, 6}, r.binOfRow());
  }

  @Test
  void popularityDecilesHaveEqualSizes() {
    int[] pop = new int[95];
    for (int i = 0; i < pop.length; i++) {
      pop[i] = i < 60 ? 0 : i; // heavily tied tail
    }
    int[] count = Segments.popularityDeciles(pop, null).count();
    for (int c : count) {
      assertTrue(c == 9 || c == 10);
    }
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> Segments.activityQuintiles(new int[] {-1}));
    assertThrows(IllegalArgumentException.class,
        () -> Segments.popularityDeciles(new int[] {1, 2}, new int[] {0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> Segments.popularityDeciles(new int[] {1, 2}, new int[] {0}));
    assertEquals(0, Segments.activityQuintiles(new int[0]).binOfRow().length);
  }
}
