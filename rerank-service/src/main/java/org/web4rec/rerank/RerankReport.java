package org.web4rec.rerank;

import org.web4rec.core.data.Dataset;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.web4rec.platform.contracts.RerankLineage;
import org.web4rec.platform.http.Views;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.platform.http.ApiException;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * What a re-rank changed, computed from stored tables: per-user metric means of parent and derived
 * on the same users (the derived experiment's users), the items most recommended in the parent's
 * and the derived top-K for those users, the items new after re-ranking, and one user's lists.
 */
final class RerankReport {

  private RerankReport() {}

  static JsonObject build(Dataset ds, Table parentPerUser, Table derivedPerUser,
      CandidateLists parentLists, CandidateLists derivedLists, RerankLineage lineage) {
    int k = lineage.k();
    String[] derivedUsers = ((Column.Strings) derivedPerUser.columns().get(0)).values();
    Map<String, Integer> parentRow = new HashMap<>();
    String[] parentUsers = ((Column.Strings) parentPerUser.columns().get(0)).values();
    for (int r = 0; r < parentUsers.length; r++) {
      parentRow.put(parentUsers[r], r);
    }
    JsonArray deltas = new JsonArray();
    for (Column c : derivedPerUser.columns().subList(1, derivedPerUser.columns().size())) {
      Column pc = parentPerUser.column(c.name()).orElse(null);
      if (pc == null) {
        continue;
      }
      double[] dv = ((Column.Doubles) c).values();
      double[] pv = ((Column.Doubles) pc).values();
      double ds1 = 0;
      double ps1 = 0;
      int n = 0;
      for (int r = 0; r < derivedUsers.length; r++) {
        Integer pr = parentRow.get(derivedUsers[r]);
        if (pr == null || Double.isNaN(dv[r]) || Double.isNaN(pv[pr])) {
          continue;
        }
        ds1 += dv[r];
        ps1 += pv[pr];
        n++;
      }
      if (n == 0) {
        continue;
      }
      double parent = ps1 / n;
      double derived = ds1 / n;
      double delta = derived - parent;
      deltas.add(new JsonObject().put("metric", c.name()).put("users", n).put("parent", parent)
          .put("derived", derived).put("delta", delta)
          .put("direction", Math.abs(delta) < 1e-12 ? "same" : delta > 0 ? "up" : "down"));
    }
    int[] counts = new int[ds.nItems()];
    int[] before = new int[ds.nItems()];
    int[] fresh = new int[ds.nItems()];
    int users = 0;
    for (int u = 0; u < derivedLists.users(); u++) {
      if (derivedLists.size(u) == 0) {
        continue;
      }
      users++;
      Set<Integer> old = new HashSet<>();
      int end = Math.min(parentLists.end(u), parentLists.start(u) + k);
      for (int x = parentLists.start(u); x < end; x++) {
        before[parentLists.items()[x]]++;
        old.add(parentLists.items()[x]);
      }
      for (int x = derivedLists.start(u); x < derivedLists.end(u); x++) {
        int i = derivedLists.items()[x];
        counts[i]++;
        if (!old.contains(i)) {
          fresh[i]++;
        }
      }
    }
    return Views.lineage(new JsonObject(), lineage)
        .put("k", k)
        .put("users", users)
        .put("deltas", deltas)
        .put("top_before", top(ds, before))
        .put("top_after", top(ds, counts))
        .put("new_items", top(ds, fresh));
  }

  /** The {@link RerankRoutes#TOP} items with the highest count, with their side columns. */
  private static JsonArray top(Dataset ds, int[] count) {
    Integer[] order = new Integer[count.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> count[b] != count[a] ? Integer.compare(count[b], count[a])
        : Integer.compare(a, b));
    JsonArray out = new JsonArray();
    for (int r = 0; r < Math.min(RerankRoutes.TOP, order.length) && count[order[r]] > 0; r++) {
      out.add(item(ds, order[r]).put("count", count[order[r]]));
    }
    return out;
  }

  /** An item's id and side columns (multi-valued columns as lists). */
  static JsonObject item(Dataset ds, int i) {
    JsonObject o = new JsonObject().put("item_id", ds.itemIds()[i]);
    for (Column c : ds.items().columns().subList(1, ds.items().columns().size())) {
      if (c.isNull(i)) {
        o.putNull(c.name());
      } else if (c instanceof Column.StringLists l) {
        o.put(c.name(), new JsonArray(List.of((Object[]) l.values()[i])));
      } else if (c instanceof Column.Longs l) {
        o.put(c.name(), l.values()[i]);
      } else if (c instanceof Column.Doubles d) {
        o.put(c.name(), d.values()[i]);
      } else {
        o.put(c.name(), c.asString(i));
      }
    }
    return o;
  }

  static JsonObject userDiff(Dataset ds, CandidateLists parent, Table positions,
      String userId, int k) {
    Integer u = ds.userIndex().get(userId);
    if (u == null) {
      throw ApiException.notFound("user " + userId + " is not in the dataset");
    }
    int[] pu = positions.ints("u");
    int[] pi = positions.ints("i");
    int[] pos = positions.ints("parent_pos");
    JsonArray after = new JsonArray();
    int rank = 0;
    for (int x = 0; x < pu.length; x++) {
      if (pu[x] != u) {
        continue;
      }
      rank++;
      int original = pos[x] + 1;
      after.add(item(ds, pi[x]).put("rank", rank).put("original_rank", original)
          .put("shift", original - rank).put("new", original > k));
    }
    if (after.isEmpty()) {
      throw ApiException.notFound("user " + userId + " has no re-ranked list in this experiment");
    }
    JsonArray before = new JsonArray();
    int end = Math.min(parent.end(u), parent.start(u) + k);
    for (int x = parent.start(u); x < end; x++) {
      before.add(item(ds, parent.items()[x]).put("rank", x - parent.start(u) + 1)
          .put("score", (double) parent.scores()[x]));
    }
    return new JsonObject().put("user_id", userId).put("before", before).put("after", after);
  }
}
