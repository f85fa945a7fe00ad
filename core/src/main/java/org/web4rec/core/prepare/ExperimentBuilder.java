package org.web4rec.core.prepare;

import org.web4rec.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.ids.IdDictionary;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Validates an uploaded recommendations table against its dataset and prepares the candidate
 * lists C_u: ids mapped to dense indices, scores finite, one row per (user, item), train items
 * removed, ordered by rank or by score with ties by external item id, cut to N.
 */
public final class ExperimentBuilder {

  public static final String EXAMPLE = "user_id,item_id,score\n1,1061,0.93\n1,2571,0.91";

  private ExperimentBuilder() {}

  /**
   * @param recs the uploaded recommendations: user_id, item_id, score [, rank]
   * @param ds the dataset the experiment belongs to
   * @param nCandidates N, the length lists are cut to
   * @return the prepared candidate lists C_u (METRICS.md "Preparing lists")
   * @throws InvalidInput on an empty table, missing or mistyped columns, unknown ids, a
   *     non-finite score or a repeated (user, item) pair
   */
  public static CandidateLists build(Table recs, Dataset ds, int nCandidates) {
    IdColumns.requireRows(recs, "recommendations", EXAMPLE);
    Column userCol = IdColumns.require(recs, "recommendations", "user_id", EXAMPLE);
    Column itemCol = IdColumns.require(recs, "recommendations", "item_id", EXAMPLE);
    float[] scores = scores(IdColumns.require(recs, "recommendations", "score", EXAMPLE));
    int[] ranks = recs.column("rank").map(ExperimentBuilder::ranks).orElse(null);

    IdDictionary userIndex = IdDictionary.of(ds.userIds());
    IdDictionary itemIndex = IdDictionary.of(ds.itemIds());
    int n = recs.rows();
    int[] u = new int[n];
    int[] i = new int[n];
    long[] packed = new long[n];
    List<String> unknownUsers = new ArrayList<>();
    List<String> unknownItems = new ArrayList<>();
    int unknownUserCount = 0;
    int unknownItemCount = 0;
    for (int r = 0; r < n; r++) {
      int uu = userIndex.get(userCol, r, "recommendations");
      int ii = itemIndex.get(itemCol, r, "recommendations");
      if (uu < 0) {
        String id = IdDictionary.display(userCol, r, "recommendations");
        if (unknownUserCount++ < 5 && !unknownUsers.contains(id)) {
          unknownUsers.add(id);
        }
      } else {
        u[r] = uu;
      }
      if (ii < 0) {
        String id = IdDictionary.display(itemCol, r, "recommendations");
        if (unknownItemCount++ < 5 && !unknownItems.contains(id)) {
          unknownItems.add(id);
        }
      } else {
        i[r] = ii;
      }
      packed[r] = IdColumns.pack(u[r], i[r]);
    }
    if (!unknownUsers.isEmpty()) {
      throw new InvalidInput(unknownUserCount + " row(s) name user ids that are not in the"
          + " dataset, e.g. " + unknownUsers + "; upload lists only for the dataset's users",
          "user ids seen in the dataset's train, ground truth or user side table");
    }
    if (!unknownItems.isEmpty()) {
      throw new InvalidInput(unknownItemCount + " row(s) name item ids that are not in the"
          + " dataset, e.g. " + unknownItems + "; recommend only the dataset's items",
          "item ids seen in the dataset's train, ground truth or item side table");
    }
    for (int r = 0; r < n; r++) {
      if (!Float.isFinite(scores[r])) {
        throw new InvalidInput("score of (user_id "
            + IdDictionary.display(userCol, r, "recommendations") + ", item_id "
            + IdDictionary.display(itemCol, r, "recommendations") + ") is " + scores[r]
            + "; every score must be a finite number", EXAMPLE);
      }
    }
    int dup = IdColumns.firstDuplicate(packed);
    if (dup >= 0) {
      throw new InvalidInput("duplicate (user_id, item_id) row ("
          + IdDictionary.display(userCol, dup, "recommendations") + ", "
          + IdDictionary.display(itemCol, dup, "recommendations") + "); one row per pair",
          EXAMPLE);
    }
    int[] tieOrder = CandidateLists.tieOrder(ds.itemIds());
    return CandidateLists.prepare(ds.nUsers(), u, i, scores, ranks, ds.train(), tieOrder,
        nCandidates);
  }

  private static float[] scores(Column c) {
    float[] out = new float[c.size()];
    for (int r = 0; r < out.length; r++) {
      if (c.isNull(r)) {
        out[r] = Float.NaN;
      } else if (c instanceof Column.Floats f) {
        out[r] = f.values()[r];
      } else if (c instanceof Column.Doubles d) {
        out[r] = (float) d.values()[r];
      } else if (c instanceof Column.Longs l) {
        out[r] = l.values()[r];
      } else if (c instanceof Column.Ints in) {
        out[r] = in.values()[r];
      } else {
        throw new InvalidInput("column 'score' must be numeric, got text", EXAMPLE);
      }
    }
    return out;
  }

  private static int[] ranks(Column c) {
    if (!(c instanceof Column.Longs l)) {
      throw new InvalidInput("column 'rank' must be integer (1 = best)",
          "user_id,item_id,score,rank\n1,1061,0.93,1");
    }
    int[] out = new int[l.size()];
    for (int r = 0; r < out.length; r++) {
      if (l.isNull(r) || l.values()[r] < 1) {
        throw new InvalidInput("rank must be an integer >= 1 on every row",
            "user_id,item_id,score,rank\n1,1061,0.93,1");
      }
      out[r] = (int) l.values()[r];
    }
    return out;
  }
}
