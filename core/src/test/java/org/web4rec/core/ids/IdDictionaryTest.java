package org.web4rec.core.ids;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.table.Column;

class IdDictionaryTest {

  @Test
  void idsAreEqualWhenTheirCanonicalStringsAre() {
    IdDictionary d = new IdDictionary();
    Column longs = new Column.Longs("user_id", new long[] {12, 7, -3}, null);
    Column strings = new Column.Strings("user_id", new String[] {"12", "012", "u1", " 7 ", "-3"});
    Column doubles = new Column.Doubles("user_id", new double[] {12.0, 2.5}, null);
    assertEquals(0, d.add(longs, 0, "train"));
    assertEquals(1, d.add(longs, 1, "train"));
    assertEquals(2, d.add(longs, 2, "train"));
    assertEquals(0, d.add(strings, 0, "train")); // "12" is 12
    assertEquals(3, d.add(strings, 1, "train")); // "012" is another id
    assertEquals(4, d.add(strings, 2, "train"));
    assertEquals(1, d.add(strings, 3, "train")); // trimmed
    assertEquals(2, d.add(strings, 4, "train"));
    assertEquals(0, d.get(doubles, 0, "train")); // 12.0 is 12
    assertEquals(-1, d.get(doubles, 1, "train"));
    assertArrayEquals(new String[] {"12", "7", "-3", "012", "u1"}, d.ids());
    IdDictionary copy = IdDictionary.of(d.ids());
    for (int r = 0; r < 3; r++) {
      assertEquals(d.get(longs, r, "x"), copy.get(longs, r, "x"));
    }
    assertEquals(3, copy.get(strings, 1, "x"));
  }

  @Test
  void nullIdsAreRejected() {
    Column c = new Column.Longs("item_id", new long[] {1, 0}, new boolean[] {false, true});
    InvalidInput e = assertThrows(InvalidInput.class, () -> new IdDictionary().add(c, 1, "train"));
    assertEquals("part 'train' row 2 has no item_id", e.getMessage());
    assertEquals("item_id must be set on every row", e.example());
  }

  @Test
  void agreesWithAHashMapOnManyRandomIds() {
    SplittableRandom rnd = new SplittableRandom(3);
    IdDictionary d = new IdDictionary();
    Map<Long, Integer> ref = new HashMap<>();
    long[] values = new long[200_000];
    for (int r = 0; r < values.length; r++) {
      values[r] = rnd.nextLong(50_000) * (rnd.nextBoolean() ? 1 : -1_000_003L);
    }
    Column c = new Column.Longs("u", values, null);
    for (int r = 0; r < values.length; r++) {
      int got = d.add(c, r, "t");
      Integer want = ref.putIfAbsent(values[r], ref.size());
      assertEquals(want == null ? ref.size() - 1 : want, got);
    }
    assertEquals(ref.size(), d.size());
  }
}
