package org.web4rec.core.lists;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web4rec.core.data.Csr;

class CandidateListsTest {

  private static int[] itemsOf(CandidateLists lists, int u) {
    return Arrays.copyOfRange(lists.items(), lists.start(u), lists.end(u));
  }

  private static float[] scoresOf(CandidateLists lists, int u) {
    return Arrays.copyOfRange(lists.scores(), lists.start(u), lists.end(u));
  }

  @Test
  void tieOrderComparesNumericIdsAsNumbersBeforeStrings() {
    String[] ids = {"10", "b", "2", "a10", "-3", "07", "7", "A", "99999999999999999999"};
    int[] pos = CandidateLists.tieOrder(ids);
    // Sorted: -3, 2, 07, 7, 10, then strings "99999999999999999999" (too big for a long),
    // "A", "a10", "b".
    String[] sorted = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      sorted[pos[i]] = ids[i];
    }
    assertArrayEquals(
        new String[] {"-3", "2", "07", "7", "10", "99999999999999999999", "A", "a10", "b"},
        sorted);
  }

  @Test
  void scoreTiesAreBrokenByExternalIdNumerically() {
    // Items 0, 1, 2 have external ids "10", "2", "1"; all three scores tie.
    int[] tie = CandidateLists.tieOrder(new String[] {"10", "2", "1", "5"});
    CandidateLists lists = CandidateLists.prepare(1,
        new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}, new float[] {0.5f, 0.5f, 0.5f, 0.9f},
        null, null, tie, 10);
    // 0.9 first, then ids 1, 2, 10 ("2" before "10").
    assertArrayEquals(new int[] {3, 2, 1, 0}, itemsOf(lists, 0));
    assertArrayEquals(new float[] {0.9f, 0.5f, 0.5f, 0.5f}, scoresOf(lists, 0));
  }

  @Test
  void ranksOrderRowsAndTiesFallBackToScoreThenId() {
    int[] tie = {1, 0, 2, 3}; // item 1 sorts before item 0
    CandidateLists lists = CandidateLists.prepare(1,
        new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}, new float[] {0.1f, 0.1f, 0.9f, 0.0f},
        new int[] {2, 2, 2, 1}, null, tie, 10);
    // rank 1: item 3; rank 2: item 2 (higher score), then items 1, 0 by tie order.
    assertArrayEquals(new int[] {3, 2, 1, 0}, itemsOf(lists, 0));
    assertArrayEquals(new float[] {0.0f, 0.9f, 0.1f, 0.1f}, scoresOf(lists, 0));
  }

  @Test
  void trainItemsAreRemovedBeforeTheCut() {
    Csr train = Csr.fromPairs(2, new int[] {0, 0}, new int[] {5, 3});
    CandidateLists lists = CandidateLists.prepare(2,
        new int[] {0, 0, 0, 0, 0, 1, 1},
        new int[] {5, 4, 3, 2, 1, 5, 3},
        new float[] {9, 8, 7, 6, 5, 2, 1},
        null, train, null, 2);
    // User 0: 5 and 3 are train items, so the top 2 are 4 and 2, not 5 and 4.
    assertArrayEquals(new int[] {4, 2}, itemsOf(lists, 0));
    // User 1 has no train items: nothing removed.
    assertArrayEquals(new int[] {5, 3}, itemsOf(lists, 1));
  }

  @Test
  void rankedUploadsAlsoDropTrainItemsBeforeTheCut() {
    Csr train = Csr.fromPairs(1, new int[] {0}, new int[] {7});
    CandidateLists lists = CandidateLists.prepare(1,
        new int[] {0, 0, 0, 0}, new int[] {9, 7, 8, 6}, new float[] {0, 0, 0, 0},
        new int[] {4, 1, 2, 3}, train, null, 2);
    // Rank order 7, 8, 6, 9; 7 is a train item, so the top 2 are 8 and 6.
    assertArrayEquals(new int[] {8, 6}, itemsOf(lists, 0));
  }

  @Test
  void keepsTheFirstMaxCandidatesAndGroupsUsersGivenInAnyOrder() {
    CandidateLists lists = CandidateLists.prepare(3,
        new int[] {2, 0, 2, 0, 2, 0},
        new int[] {0, 1, 1, 2, 2, 3},
        new float[] {0.1f, 0.3f, 0.2f, 0.2f, 0.3f, 0.1f},
        null, Csr.empty(3), null, 2);
    assertEquals(3, lists.users());
    assertArrayEquals(new int[] {0, 2, 2, 4}, lists.offsets());
    assertArrayEquals(new int[] {1, 2}, itemsOf(lists, 0));
    assertEquals(0, lists.size(1));
    assertArrayEquals(new int[] {2, 1}, itemsOf(lists, 2));
  }

  @Test
  void aRepeatedUserItemKeepsItsBestRow() {
    CandidateLists lists = CandidateLists.prepare(1,
        new int[] {0, 0, 0}, new int[] {1, 0, 1}, new float[] {0.2f, 0.5f, 0.7f},
        null, null, null, 10);
    assertArrayEquals(new int[] {1, 0}, itemsOf(lists, 0));
    assertArrayEquals(new float[] {0.7f, 0.5f}, scoresOf(lists, 0));
  }

  @Test
  void rejectsBadInputWithClearMessages() {
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> CandidateLists.prepare(1, new int[] {0}, new int[] {0}, new float[] {Float.NaN},
            null, null, null, 5));
    assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
        () -> CandidateLists.prepare(1, new int[] {1}, new int[] {0}, new float[] {1},
            null, null, null, 5));
    assertTrue(user.getMessage().contains("users[0]=1"), user.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> CandidateLists.prepare(1, new int[] {0}, new int[] {2}, new float[] {1},
            null, null, new int[] {0, 1}, 5));
    assertThrows(IllegalArgumentException.class,
        () -> CandidateLists.prepare(1, new int[] {0}, new int[] {0}, new float[] {1},
            null, null, new int[] {0, 0}, 5));
    assertThrows(IllegalArgumentException.class,
        () -> CandidateLists.prepare(1, new int[] {0}, new int[] {0}, new float[] {1, 2},
            null, null, null, 5));
    assertThrows(IllegalArgumentException.class,
        () -> CandidateLists.prepare(1, new int[] {0}, new int[] {0}, new float[] {1},
            null, null, null, 0));
  }

  @Test
  void ofSortedKeepsTheGivenOrder() {
    CandidateLists lists = CandidateLists.ofSorted(
        new int[] {0, 0, 2}, new int[] {4, 3}, new float[] {1f, 2f});
    assertEquals(2, lists.users());
    assertEquals(0, lists.size(0));
    assertArrayEquals(new int[] {4, 3}, itemsOf(lists, 1));
    assertThrows(IllegalArgumentException.class,
        () -> CandidateLists.ofSorted(new int[] {0, 3}, new int[] {4, 3}, new float[] {1f, 2f}));
  }

  private record Row(int user, int item, float score, int rank) {}

  @Test
  void agreesWithANaiveImplementationOnRandomUploads() {
    SplittableRandom rng = new SplittableRandom(2024);
    for (int trial = 0; trial < 20; trial++) {
      int nUsers = 1 + rng.nextInt(30);
      int nItems = 1 + rng.nextInt(40);
      int n = rng.nextInt(600);
      boolean withRanks = trial % 2 == 1;
      int maxCandidates = 1 + rng.nextInt(12);
      int[] users = new int[n];
      int[] items = new int[n];
      float[] scores = new float[n];
      int[] ranks = withRanks ? new int[n] : null;
      for (int k = 0; k < n; k++) {
        users[k] = rng.nextInt(nUsers);
        items[k] = rng.nextInt(nItems);
        scores[k] = rng.nextInt(5) / 4f - 0.5f; // few values, many ties
        if (withRanks) {
          ranks[k] = 1 + rng.nextInt(6);
        }
      }
      int nTrain = rng.nextInt(100);
      int[] tu = new int[nTrain];
      int[] ti = new int[nTrain];
      for (int k = 0; k < nTrain; k++) {
        tu[k] = rng.nextInt(nUsers);
        ti[k] = rng.nextInt(nItems);
      }
      Csr train = Csr.fromPairs(nUsers, tu, ti);
      String[] ids = new String[nItems];
      for (int i = 0; i < nItems; i++) {
        ids[i] = rng.nextInt(3) == 0 ? "s" + rng.nextInt(1000) : Integer.toString(rng.nextInt(1000));
      }
      int[] tie = CandidateLists.tieOrder(ids);

      CandidateLists lists = CandidateLists.prepare(
          nUsers, users, items, scores, ranks, train, tie, maxCandidates);

      for (int u = 0; u < nUsers; u++) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          if (users[k] == u && !train.contains(u, items[k])) {
            rows.add(new Row(u, items[k], scores[k], withRanks ? ranks[k] : 0));
          }
        }
        rows.sort(Comparator.comparingInt(Row::rank)
            .thenComparing(Row::score, Comparator.reverseOrder())
            .thenComparingInt(r -> tie[r.item()]));
        List<Integer> expected = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Row r : rows) {
          if (expected.size() < maxCandidates && seen.add(r.item())) {
            expected.add(r.item());
          }
        }
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(),
            itemsOf(lists, u), "trial " + trial + ", user " + u);
      }
    }
  }
}
