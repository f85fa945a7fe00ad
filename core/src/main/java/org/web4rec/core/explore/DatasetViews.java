package org.web4rec.core.explore;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Lookups every analysis request needs and that cost more than the request's own counting at
 * ML-20M scale (hashing 138,000 ids, coding side columns): built once per loaded dataset and kept
 * as long as the caller's dataset cache keeps the dataset (weak keys, so eviction there frees them
 * here).
 */
public final class DatasetViews {

  private static final Map<Dataset, DatasetViews> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<String, Integer> userIndex;
  private final Map<String, Integer> itemIndex;
  private final List<SideColumn> userColumns;
  private final List<SideColumn> itemColumns;
  private final Map<Table, int[]> tableUsers = Collections.synchronizedMap(new WeakHashMap<>());

  private DatasetViews(Dataset ds) {
    userIndex = ds.userIndex();
    itemIndex = ds.itemIndex();
    userColumns = List.copyOf(SideColumn.all(ds.users()));
    itemColumns = List.copyOf(SideColumn.all(ds.items()));
  }

  public static DatasetViews of(Dataset ds) {
    return CACHE.computeIfAbsent(ds, DatasetViews::new);
  }

  /** External user id → dense user. */
  public Map<String, Integer> userIndex() {
    return userIndex;
  }

  /** External item id → dense item. */
  public Map<String, Integer> itemIndex() {
    return itemIndex;
  }

  public List<SideColumn> userColumns() {
    return userColumns;
  }

  public List<SideColumn> itemColumns() {
    return itemColumns;
  }

  public List<SideColumn> columns(Entity entity) {
    return entity == Entity.USER ? userColumns : itemColumns;
  }

  /** Dense user of each row of a per-user metric table (−1 when the id is not in the dataset). */
  public int[] denseUsers(Table perUser) {
    return tableUsers.computeIfAbsent(perUser, t -> {
      Column ids = t.columns().get(0);
      int[] out = new int[t.rows()];
      for (int r = 0; r < out.length; r++) {
        Integer u = userIndex.get(ids.asString(r));
        out[r] = u == null ? -1 : u;
      }
      return out;
    });
  }
}
