package org.web4rec.core.synth;

import org.web4rec.core.data.Csr;

/**
 * A generated dataset in dense indices. The external id of user {@code u} is {@code u + 1} and of
 * item {@code i} is {@code i + 1} (see {@link #userId}, {@link #itemId}), so ids look like
 * MovieLens ids and sort numerically in index order.
 *
 * <p>Train rows are grouped by user (ascending), never repeat a (user, item) pair, and carry a
 * rating (1..5) and a Unix timestamp in seconds increasing within each user. Ground-truth rows are
 * grouped by user and never contain one of the user's train items. Arrays are shared; do not
 * mutate.
 *
 * @param nUsers number of users
 * @param nItems number of items
 * @param trainUsers user of each train interaction
 * @param trainItems item of each train interaction
 * @param trainRatings rating of each train interaction, 1..5
 * @param trainTimestamps Unix time (seconds) of each train interaction
 * @param gtUsers user of each ground-truth row
 * @param gtItems item of each ground-truth row
 * @param age age of each user, 18..70
 * @param gender "F" or "M" for each user
 * @param occupation occupation of each user, one of {@link SyntheticData#OCCUPATIONS}
 * @param genres 1 to 3 distinct genres of each item, from {@link SyntheticData#GENRES}
 * @param year release year of each item, 1950..2025
 */
public record SyntheticDataset(
    int nUsers,
    int nItems,
    int[] trainUsers,
    int[] trainItems,
    float[] trainRatings,
    long[] trainTimestamps,
    int[] gtUsers,
    int[] gtItems,
    int[] age,
    String[] gender,
    String[] occupation,
    String[][] genres,
    int[] year) {

  /** @return the external id of dense user {@code u} */
  public static String userId(int u) {
    return Integer.toString(u + 1);
  }

  /** @return the external id of dense item {@code i} */
  public static String itemId(int i) {
    return Integer.toString(i + 1);
  }

  /** @return the train items of each user */
  public Csr train() {
    return Csr.fromPairs(nUsers, trainUsers, trainItems);
  }

  /** @return the ground-truth items of each user */
  public Csr groundTruth() {
    return Csr.fromPairs(nUsers, gtUsers, gtItems);
  }

  /** @return the external ids of all items, {@code "1".."nItems"} */
  public String[] itemIds() {
    String[] ids = new String[nItems];
    for (int i = 0; i < nItems; i++) {
      ids[i] = itemId(i);
    }
    return ids;
  }
}
