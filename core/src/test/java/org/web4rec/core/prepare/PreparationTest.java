package org.web4rec.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

class PreparationTest {

  private static Table pairs(long[] users, long[] items) {
    return Table.of(new Column.Longs("user_id", users, null),
        new Column.Longs("item_id", items, null));
  }

  private static final Table TRAIN = pairs(new long[] {7, 7, 3}, new long[] {31, 40, 31});
  private static final Table GT = pairs(new long[] {3, 9}, new long[] {40, 55});

  @Test
  void denseIndicesFollowFirstAppearanceAcrossParts() {
    Table itemSide = Table.of(new Column.Strings("item_id", new String[] {"55", "99"}),
        new Column.Strings("genres", new String[] {"Comedy|Drama", "Drama"}));
    PreparedDataset p = DatasetBuilder.build(TRAIN, GT, null, itemSide);
    Dataset ds = p.dataset();
    assertArrayEquals(new String[] {"7", "3", "9"}, ds.userIds());
    assertArrayEquals(new String[] {"31", "40", "55", "99"}, ds.itemIds());
    assertArrayEquals(new int[] {0, 1}, ds.train().row(0));
    assertArrayEquals(new int[] {1}, ds.groundTruth().row(1));
    DatasetInfo info = p.info();
    assertEquals(3, info.nUsers());
    assertEquals(4, info.nItems());
    assertEquals(2, info.nUsersWithGroundTruth());
    assertFalse(info.integerIds()); // the item side table has string ids
    assertEquals(List.of(new DatasetInfo.SideColumn("genres", "multi")), info.itemColumns());
    assertArrayEquals(new String[] {"Comedy", "Drama"},
        ((Column.StringLists) ds.items().column("genres").orElseThrow()).values()[2]);
    assertTrue(((Column.StringLists) ds.items().column("genres").orElseThrow()).isNull(0));
  }

  @Test
  void duplicatePairsAreRejectedWithTheirIds() {
    InvalidInput e = assertThrows(InvalidInput.class, () -> DatasetBuilder.build(
        pairs(new long[] {1, 1}, new long[] {2, 2}), GT, null, null));
    assertEquals("part 'train' has duplicate (user_id, item_id) rows, e.g. (1, 2); keep one row"
        + " per pair (pandas: df.drop_duplicates(['user_id', 'item_id']))", e.getMessage());
    assertEquals(DatasetBuilder.TRAIN_EXAMPLE, e.example());
  }

  @Test
  void missingColumnNamesThePartAndItsColumns() {
    Table noItem = Table.of(new Column.Longs("user_id", new long[] {1}, null));
    InvalidInput e = assertThrows(InvalidInput.class,
        () -> DatasetBuilder.build(noItem, GT, null, null));
    assertEquals("part 'train' lacks column 'item_id'; it has [user_id]", e.getMessage());
  }

  @Test
  void recommendationsMatchIdsInAnyFormAndDropTrainItems() {
    Dataset ds = Preparation.dataset(TRAIN, GT, null, null);
    Table recs = Table.of(new Column.Strings("user_id", new String[] {"7", "7", " 3 "}),
        new Column.Doubles("item_id", new double[] {55.0, 31.0, 40.0}, null),
        new Column.Doubles("score", new double[] {0.5, 0.9, 0.1}, null));
    CandidateLists lists = Preparation.candidates(recs, ds, 10);
    assertEquals(1, lists.size(0)); // item 31 is in user 7's train
    assertEquals(2, lists.items()[lists.start(0)]); // 55.0 is item 55
    assertEquals(1, lists.items()[lists.start(1)]); // " 3 " is user 3
  }

  @Test
  void unknownRecommendedItemsAreNamed() {
    Dataset ds = Preparation.dataset(TRAIN, GT, null, null);
    Table recs = Table.of(new Column.Longs("user_id", new long[] {7}, null),
        new Column.Longs("item_id", new long[] {1000}, null),
        new Column.Doubles("score", new double[] {1}, null));
    InvalidInput e = assertThrows(InvalidInput.class, () -> Preparation.candidates(recs, ds, 5));
    assertEquals("1 row(s) name item ids that are not in the dataset, e.g. [1000]; recommend only"
        + " the dataset's items", e.getMessage());
  }

  @Test
  void embeddingsAreStoredByDenseIndex() {
    Dataset ds = Preparation.dataset(TRAIN, GT, null, null);
    Table emb = Table.of(new Column.Strings("item_id", new String[] {"55", "31"}),
        new Column.Doubles("e0", new double[] {1, 2}, null),
        new Column.Doubles("e1", new double[] {3, 4}, null));
    Table stored = Preparation.itemEmbeddings(emb, ds);
    assertEquals(List.of("i", "e0", "e1"), stored.names());
    assertArrayEquals(new int[] {2, 0}, stored.ints("i"));
    float[][] vectors = Dataset.itemVectors(stored, ds.nItems());
    assertArrayEquals(new float[] {2, 4}, vectors[0]);
    assertEquals(null, vectors[1]);
  }
}
