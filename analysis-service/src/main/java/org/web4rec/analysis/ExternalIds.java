package org.web4rec.analysis;

import io.vertx.core.json.JsonArray;

/**
 * The user's own ids in JSON: datasets registered with integer ids ({@code id_type = "int"}) answer
 * numbers, others strings. Requests may name ids either way; resolving them is {@link
 * org.web4rec.core.explore.RequestedIds}.
 */
final class ExternalIds {

  private ExternalIds() {}

  static Object json(String id, boolean intIds) {
    if (intIds) {
      try {
        return Long.parseLong(id);
      } catch (NumberFormatException e) {
        return id;
      }
    }
    return id;
  }

  /** The ids of the given dense rows (null = every row, in order). */
  static JsonArray json(String[] ids, int[] rows, boolean intIds) {
    JsonArray a = new JsonArray();
    int n = rows == null ? ids.length : rows.length;
    for (int k = 0; k < n; k++) {
      a.add(json(ids[rows == null ? k : rows[k]], intIds));
    }
    return a;
  }
}
