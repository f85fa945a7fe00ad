package org.web4rec.ingest;

import java.util.ArrayList;
import java.util.List;
import org.web4rec.platform.http.ApiException;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Validates an uploaded embedding table (id column + one numeric column per dimension, e.g. the
 * SDK's {@code e0..e63}) and re-encodes it for storage: dense index column {@code i} (or
 * {@code u}) and float32 columns {@code e0..}. Ids must belong to the dataset and appear once;
 * values must be finite. Entities without a row simply have no embedding.
 */
final class Embeddings {

  static final int MAX_DIMS = 1024;

  private Embeddings() {}

  static Table encode(Table t, String part, String idName, String denseName, String[] known) {
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
        throw ApiException.badRequest("part '" + part + "' column '" + c.name()
            + "' is not numeric; send one float column per embedding dimension", example);
      }
      dims.add(c);
    }
    if (dims.isEmpty() || dims.size() > MAX_DIMS) {
      throw ApiException.badRequest("part '" + part + "' needs 1.." + MAX_DIMS
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
        throw ApiException.badRequest("part '" + part + "' has " + idName + " "
            + IdDictionary.display(idCol, r, part) + " on more than one row", example);
      }
      seen[k] = true;
      dense[r] = k;
    }
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("part '" + part + "' names ids that are not in the dataset,"
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
          throw ApiException.badRequest("part '" + part + "' has a missing or non-finite value in"
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
