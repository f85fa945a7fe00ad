package org.web4rec.core.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.ids.ExternalId;

/**
 * Ids named in a request (a lasso selection, a list of items) as dense indices. Requests may name
 * an id as a number or a string; the comparison is on
 * {@link ExternalId#canonical}, the form ingest stores ids in.
 */
public final class RequestedIds {

  private RequestedIds() {}

  /**
   * Dense indices of the requested ids, in request order without repeats; unknown ids fail naming
   * up to five of them.
   */
  public static int[] resolve(List<Object> ids, Map<String, Integer> index, String field,
      String example) {
    if (ids == null || ids.isEmpty()) {
      throw new InvalidInput("give a non-empty '" + field + "' list", example);
    }
    List<String> unknown = new ArrayList<>();
    boolean[] seen = new boolean[index.size()];
    int[] out = new int[ids.size()];
    int n = 0;
    for (Object o : ids) {
      String k = ExternalId.canonical(o);
      Integer d = k == null ? null : index.get(k);
      if (d == null) {
        if (unknown.size() < 5) {
          unknown.add(String.valueOf(o));
        }
        continue;
      }
      if (!seen[d]) {
        seen[d] = true;
        out[n++] = d;
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInput("'" + field + "' names ids that are not in the dataset, e.g. "
          + unknown, example);
    }
    return Arrays.copyOf(out, n);
  }

  /** {@link #resolve} against the dataset's users (cached index). */
  public static int[] users(Dataset ds, List<Object> ids, String example) {
    return resolve(ids, DatasetViews.of(ds).userIndex(), "user_ids", example);
  }

  /** {@link #resolve} against the dataset's items (cached index). */
  public static int[] items(Dataset ds, List<Object> ids, String example) {
    return resolve(ids, DatasetViews.of(ds).itemIndex(), "item_ids", example);
  }
}
