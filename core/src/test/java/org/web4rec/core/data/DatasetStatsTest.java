package org.web4rec.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

class DatasetStatsTest {

  @Test
  void handComputedLongTailAndColumns() {
    // pop: item 0 by 3 users, item 1 by 1, item 2 by none
    Csr train = Csr.fromPairs(3, new int[] {0, 1, 2, 0}, new int[] {0, 0, 0, 1});
    Table users = Table.of(new Column.Strings("user_id", new String[] {"a", "b", "c"}),
        new Column.Strings("gender", new String[] {"F", "M", "F"}),
        new Column.Longs("age", new long[] {20, 40, 0}, new boolean[] {false, false, true}));
    Table items = Table.of(new Column.Strings("item_id", new String[] {"1", "2", "3"}));
    Dataset ds = new Dataset(new String[] {"a", "b", "c"}, new String[] {"1", "2", "3"}, train,
        Csr.empty(3), users, items);
    DatasetStats s = DatasetStats.of(ds);
    assertEquals(3, s.nItems());
    assertArrayEquals(new int[] {1, 2, 3}, s.popularityRank());
    assertArrayEquals(new int[] {3, 1, 0}, s.popularityCount());
    // 80% of the 4 interactions takes items 0 and 1 (item 0 alone holds 75%)
    assertEquals(2.0 / 3, s.headShare(), 1e-12);
    List<DatasetStats.ColumnStats> cols = s.userColumns();
    DatasetStats.ValueCounts gender = (DatasetStats.ValueCounts) cols.get(0);
    assertEquals(List.of("F", "M"), gender.values());
    assertArrayEquals(new int[] {2, 1}, gender.counts());
    DatasetStats.Histogram age = (DatasetStats.Histogram) cols.get(1);
    assertEquals(DatasetStats.BINS, age.counts().length);
    assertEquals(20.0, age.binEdges()[0]);
    assertEquals(40.0, age.binEdges()[DatasetStats.BINS], 1e-12);
    assertEquals(1, age.counts()[0]);
    assertEquals(1, age.counts()[DatasetStats.BINS - 1]);
  }
}
