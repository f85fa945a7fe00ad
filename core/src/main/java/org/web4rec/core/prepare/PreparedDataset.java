package org.web4rec.core.prepare;

import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * A validated dataset in its stored layout, before it is written anywhere.
 *
 * @param users user_id (canonical external ids in dense order) + aligned user side columns
 * @param items item_id + aligned item side columns
 * @param train u, i [, rating, timestamp] over dense indices
 * @param groundTruth u, i over dense indices
 * @param info the dataset's summary
 */
public record PreparedDataset(Table users, Table items, Table train, Table groundTruth,
    DatasetInfo info) {

  /** The dataset as the computations see it, without a round trip through storage. */
  public Dataset dataset() {
    String[] userIds = ((Column.Strings) users.columns().get(0)).values();
    String[] itemIds = ((Column.Strings) items.columns().get(0)).values();
    return new Dataset(userIds, itemIds,
        Csr.fromPairs(userIds.length, train.ints("u"), train.ints("i")),
        Csr.fromPairs(userIds.length, groundTruth.ints("u"), groundTruth.ints("i")),
        users, items);
  }
}
