package org.web4rec.core.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The item-side checks every input record over a catalogue of {@code nItems} dense items makes
 * (the metrics' and the re-rankers' alike), so both reject the same data with the same message:
 * item indices in range, multi-valued columns of sorted distinct non-negative codes, embeddings
 * of one dimension. Preconditions, so they throw {@link IllegalArgumentException}.
 */
public final class ItemSide {

  private ItemSide() {}

  /**
   * Validates the item side of an input.
   *
   * @param nItems catalogue size
   * @param train train items per user
   * @param candidates the listed items
   * @param multiValued multi-valued item columns by name, or null for none
   * @param itemEmbeddings per item an embedding or null, or null for none
   * @return the columns as an unmodifiable map in the given order (empty for null)
   * @throws IllegalArgumentException naming the first item, column or row that does not fit
   */
  public static Map<String, int[][]> validate(int nItems, Csr train, int[] candidates,
      Map<String, int[][]> multiValued, float[][] itemEmbeddings) {
    if (nItems < 0) {
      throw new IllegalArgumentException("nItems must be >= 0, got " + nItems);
    }
    requireInRange("train item", train.values(), nItems);
    requireInRange("candidate item", candidates, nItems);
    Map<String, int[][]> columns = columns(nItems, multiValued);
    requireOneDimension(nItems, itemEmbeddings);
    return columns;
  }

  private static void requireInRange(String what, int[] items, int nItems) {
    for (int v : items) {
      if (v < 0 || v >= nItems) {
        throw new IllegalArgumentException(what + " " + v + " is outside [0, " + nItems + ")");
      }
    }
  }

  private static Map<String, int[][]> columns(int nItems, Map<String, int[][]> multiValued) {
    LinkedHashMap<String, int[][]> columns = new LinkedHashMap<>();
    if (multiValued == null) {
      return Collections.unmodifiableMap(columns);
    }
    for (Map.Entry<String, int[][]> e : multiValued.entrySet()) {
      String name = e.getKey();
      int[][] sets = e.getValue();
      if (name == null || name.isEmpty() || sets == null) {
        throw new IllegalArgumentException("multi-valued columns need a name and values");
      }
      if (sets.length != nItems) {
        throw new IllegalArgumentException(
            "column " + name + " has " + sets.length + " rows for " + nItems + " items");
      }
      for (int i = 0; i < nItems; i++) {
        int[] s = sets[i];
        for (int k = 0; s != null && k < s.length; k++) {
          if (s[k] < 0 || (k > 0 && s[k] <= s[k - 1])) {
            throw new IllegalArgumentException("column " + name + ", item " + i
                + ": value codes must be non-negative and strictly ascending");
          }
        }
      }
      columns.put(name, sets);
    }
    return Collections.unmodifiableMap(columns);
  }

  private static void requireOneDimension(int nItems, float[][] itemEmbeddings) {
    if (itemEmbeddings == null) {
      return;
    }
    if (itemEmbeddings.length != nItems) {
      throw new IllegalArgumentException(
          "itemEmbeddings has " + itemEmbeddings.length + " rows for " + nItems + " items");
    }
    int dim = embeddingDimension(itemEmbeddings);
    for (int i = 0; i < nItems; i++) {
      float[] e = itemEmbeddings[i];
      if (e != null && e.length != dim) {
        throw new IllegalArgumentException(
            "embedding of item " + i + " has dimension " + e.length + ", expected " + dim);
      }
    }
  }

  /**
   * @param itemEmbeddings per item an embedding or null, or null for none
   * @return the dimension of the first embedding, or 0 without any
   */
  public static int embeddingDimension(float[][] itemEmbeddings) {
    if (itemEmbeddings != null) {
      for (float[] e : itemEmbeddings) {
        if (e != null) {
          return e.length;
        }
      }
    }
    return 0;
  }
}
