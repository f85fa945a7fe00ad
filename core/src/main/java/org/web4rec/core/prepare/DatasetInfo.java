package org.web4rec.core.prepare;

import java.util.List;

/**
 * What a registered dataset holds, as its page and the API summarise it.
 *
 * @param nUsers distinct users (train, ground truth and user side table)
 * @param nItems distinct items (train, ground truth and item side table)
 * @param nTrain train interactions
 * @param nGroundTruth ground-truth interactions
 * @param nUsersWithGroundTruth users with at least one ground-truth item
 * @param integerIds true when every id column was integer-typed
 * @param hasRating whether train has a rating column
 * @param hasTimestamp whether train has a timestamp column
 * @param userColumns user side columns in table order
 * @param itemColumns item side columns in table order
 */
public record DatasetInfo(int nUsers, int nItems, int nTrain, int nGroundTruth,
    int nUsersWithGroundTruth, boolean integerIds, boolean hasRating, boolean hasTimestamp,
    List<SideColumn> userColumns, List<SideColumn> itemColumns) {

  /** A side column and its kind: {@code categorical}, {@code numeric} or {@code multi}. */
  public record SideColumn(String name, String kind) {}
}
