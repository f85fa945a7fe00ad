package org.web4rec.core.prepare;

import java.util.ArrayList;
import java.util.List;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.ids.IdDictionary;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Validates an uploaded embedding table (id column + one numeric column per dimension, e.g. the
 * SDK's {@code e0..e63}) and re-encodes it for storage: dense index column {@code i} (or
 * {@code u}) and float32 columns {@code e0..}. Ids must belong to the dataset and appear once;
 * values must be finite. Entities without a row simply have no embedding.
 */
public final class Embeddings {

  public static final int MAX_DIMS = 1024;

  private Embeddings() {}

  /**
   * @param t the uploaded table: id column + numeric dimension columns
   * @param part the upload part, named in errors ({@code item_embeddings})
   * @param idName the id column ({@code item_id} or {@code user_id})
   * @param denseName the stored dense index column ({@code i} or {@code u})
   * @param known the dataset's external ids of that kind, in dense order
   * @return the stored table: {@code denseName}, e0..eD as float32
   * @throws InvalidInput on an empty table, a missing id column, a text or non-finite value, an
   *     unknown or repeated id, or a dimension count outside 1..{@value #MAX_DIMS}
   */
  public static Table encode(Table t, String part, String idName, String denseName,
      String[] known) {
    IdDictionary index = IdDictionary.of(known);
    String example = idName + ",e0,e1,...\n" + (idName.equals("item_id") ? "31" : "1")
        + ",0.12,-0.40,...";
    IdColumns.requireRows(t, part, example);
    Column idCol = IdColumns.require(t, part, idName, example);
    int rows = t.rows();
    List<Column> dims = new ArrayList<>();
    for (Column c : t.columns()) {
      if (c.name().equals(idName)) {
        continue;
      }
      if (c instanceof Column.Strings || c instanceof Column.StringLists) {
        throw new InvalidInput("part '" + part + "' column '" + c.name()
            + "' is not numeric; send one float column per embedding dimension", example);
      }
      dims.add(c);
    }
    if (dims.isEmpty() || dims.size() > MAX_DIMS) {
      throw new InvalidInput("part '" + part + "' needs 1.." + MAX_DIMS
          + " numeric dimension columns, got " + dims.size(), example);
    }
    int[] dense = new int[rows];
    boolean[] seen = new boolean[index.size()];
    List<String> unknown = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int k = index.get(idCol, r, part);
      if (k < 0) {
        if (unknown.size() < 5) {
          unknown.add(IdDictionary.display(idCol, r, part));
        }
        continue;
      }
      if (seen[k]) {
        throw new InvalidInput("part '" + part + "' has " + idName + " "
            + IdDictionary.display(idCol, r, part) + " on more than one row", example);
      }
      seen[k] = true;
      dense[r] = k;
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInput("part '" + part + "' names ids that are not in the dataset,"
          + " e.g. " + unknown, example);
    }
    List<Column> out = new ArrayList<>();
    out.add(new Column.Ints(denseName, dense));
    for (int d = 0; d < dims.size(); d++) {
      Column c = dims.get(d);
      float[] v = new float[rows];
      for (int r = 0; r < v.length; r++) {
        double x = c.isNull(r) ? Double.NaN : Double.parseDouble(c.asString(r));
        if (!Double.isFinite(x)) {
          throw new InvalidInput("part '" + part + "' has a missing or non-finite value in"
              + " column '" + c.name() + "' for " + idName + " "
              + IdDictionary.display(idCol, r, part), example);
        }
        v[r] = (float) x;
      }
      out.add(new Column.Floats("e" + d, v));
    }
    return new Table(out, rows);
  }
}
