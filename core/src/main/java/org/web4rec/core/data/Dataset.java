package org.web4rec.core.data;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * A registered dataset as the computations see it: external ids in dense order, the train and
 * ground-truth interactions as CSR over dense indices, and the user and item side tables (first
 * column the id, in dense order). Where it is stored and how it is decoded is the platform's
 * business ({@code StoredDataset}).
 *
 * @param userIds external user ids, index = dense user
 * @param itemIds external item ids, index = dense item
 * @param train train interactions, rows = users
 * @param groundTruth ground-truth interactions, rows = users
 * @param users user_id + user side columns, rows in dense order
 * @param items item_id + item side columns, rows in dense order
 */
public record Dataset(String[] userIds, String[] itemIds, Csr train, Csr groundTruth,
    Table users, Table items) {

  public int nUsers() {
    return userIds.length;
  }

  public int nItems() {
    return itemIds.length;
  }

  public Map<String, Integer> userIndex() {
    return index(userIds);
  }

  public Map<String, Integer> itemIndex() {
    return index(itemIds);
  }

  private static Map<String, Integer> index(String[] ids) {
    Map<String, Integer> m = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], i);
    }
    return m;
  }

  /** Every multi-valued item side column as sorted distinct value codes per dense item. */
  public Map<String, int[][]> multiValuedColumns() {
    Map<String, int[][]> out = new LinkedHashMap<>();
    for (Column c : items.columns()) {
      if (!(c instanceof Column.StringLists lists)) {
        continue;
      }
      Map<String, Integer> codes = new HashMap<>();
      int[][] perItem = new int[lists.size()][];
      for (int i = 0; i < perItem.length; i++) {
        String[] values = lists.values()[i];
        if (values == null) {
          continue;
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (String v : values) {
          set.add(codes.computeIfAbsent(v, x -> codes.size()));
        }
        perItem[i] = set.stream().mapToInt(Integer::intValue).toArray();
      }
      out.put(c.name(), perItem);
    }
    return out;
  }

  /**
   * An embedding table (dense id column first, then float columns e0..eD) as one vector per dense
   * item, null where an item has none.
   */
  public static float[][] itemVectors(Table t, int nItems) {
    int[] ids = t.ints(t.columns().get(0).name());
    int dims = t.columns().size() - 1;
    float[][] out = new float[nItems][];
    for (int r = 0; r < ids.length; r++) {
      float[] v = new float[dims];
      for (int d = 0; d < dims; d++) {
        v[d] = ((Column.Floats) t.columns().get(d + 1)).values()[r];
      }
      out[ids[r]] = v;
    }
    return out;
  }
}
