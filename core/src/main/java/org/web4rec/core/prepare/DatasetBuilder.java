package org.web4rec.core.prepare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.ids.IdDictionary;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Validates the tables of a dataset registration and turns them into the stored layout of
 * {@link Dataset}: dense user and item indices in order of first appearance (train, then
 * ground truth, then side tables), side columns aligned to those indices with their kinds
 * (categorical, numeric, multi-valued). Pure computation: runs on a worker thread.
 */
public final class DatasetBuilder {

  public static final String TRAIN_EXAMPLE = "user_id,item_id,rating\n1,31,2.5\n1,1029,3.0";
  public static final String GT_EXAMPLE = "user_id,item_id\n1,1061";

  private final IdDictionary users = new IdDictionary();
  private final IdDictionary items = new IdDictionary();

  private DatasetBuilder() {}

  /**
   * @param train user_id, item_id [, rating, timestamp]
   * @param gt user_id, item_id
   * @param userSide user_id + side columns, or null
   * @param itemSide item_id + side columns, or null
   * @return the four stored tables and the dataset's summary
   * @throws InvalidInput when a table is empty, lacks a column, repeats a pair or side id, or has
   *     a column of the wrong type
   */
  public static PreparedDataset build(Table train, Table gt, Table userSide, Table itemSide) {
    return new DatasetBuilder().run(train, gt, userSide, itemSide);
  }

  private PreparedDataset run(Table train, Table gt, Table userSide, Table itemSide) {
    IdColumns.requireRows(train, "train", TRAIN_EXAMPLE);
    IdColumns.requireRows(gt, "ground_truth", GT_EXAMPLE);
    Column trainUserCol = IdColumns.require(train, "train", "user_id", TRAIN_EXAMPLE);
    Column trainItemCol = IdColumns.require(train, "train", "item_id", TRAIN_EXAMPLE);
    Column gtUserCol = IdColumns.require(gt, "ground_truth", "user_id", GT_EXAMPLE);
    Column gtItemCol = IdColumns.require(gt, "ground_truth", "item_id", GT_EXAMPLE);
    boolean intIds = IdColumns.isIntegerTyped(trainUserCol)
        && IdColumns.isIntegerTyped(trainItemCol);

    int[][] trainPairs = encodePairs(train, "train", trainUserCol, trainItemCol);
    int[][] gtPairs = encodePairs(gt, "ground_truth", gtUserCol, gtItemCol);

    List<Column> userColumns = new ArrayList<>();
    List<DatasetInfo.SideColumn> userKinds = new ArrayList<>();
    if (userSide != null) {
      intIds &= sideColumns(userSide, "user_side", "user_id", users, userColumns, userKinds);
    }
    List<Column> itemColumns = new ArrayList<>();
    List<DatasetInfo.SideColumn> itemKinds = new ArrayList<>();
    if (itemSide != null) {
      intIds &= sideColumns(itemSide, "item_side", "item_id", items, itemColumns, itemKinds);
    }

    List<Column> trainOut = new ArrayList<>(List.of(new Column.Ints("u", trainPairs[0]),
        new Column.Ints("i", trainPairs[1])));
    train.column("rating").ifPresent(c -> trainOut.add(numeric(c, "train", "rating")));
    train.column("timestamp").ifPresent(c -> trainOut.add(timestamps(c)));

    List<Column> userTable = new ArrayList<>();
    userTable.add(new Column.Strings("user_id", users.ids()));
    userTable.addAll(userColumns);
    List<Column> itemTable = new ArrayList<>();
    itemTable.add(new Column.Strings("item_id", items.ids()));
    itemTable.addAll(itemColumns);

    int usersWithGt = (int) Arrays.stream(gtPairs[0]).distinct().count();
    DatasetInfo info = new DatasetInfo(users.size(), items.size(), train.rows(), gt.rows(),
        usersWithGt, intIds, train.column("rating").isPresent(),
        train.column("timestamp").isPresent(), List.copyOf(userKinds), List.copyOf(itemKinds));
    return new PreparedDataset(
        new Table(userTable, users.size()),
        new Table(itemTable, items.size()),
        new Table(trainOut, train.rows()),
        Table.of(new Column.Ints("u", gtPairs[0]), new Column.Ints("i", gtPairs[1])),
        info);
  }

  private int[][] encodePairs(Table t, String part, Column userCol, Column itemCol) {
    int n = t.rows();
    int[] uu = new int[n];
    int[] ii = new int[n];
    long[] packed = new long[n];
    for (int r = 0; r < n; r++) {
      uu[r] = users.add(userCol, r, part);
      ii[r] = items.add(itemCol, r, part);
      packed[r] = IdColumns.pack(uu[r], ii[r]);
    }
    int dup = IdColumns.firstDuplicate(packed);
    if (dup >= 0) {
      throw new InvalidInput("part '" + part + "' has duplicate (user_id, item_id) rows,"
          + " e.g. (" + IdDictionary.display(userCol, dup, part) + ", "
          + IdDictionary.display(itemCol, dup, part) + "); keep one row per pair (pandas:"
          + " df.drop_duplicates(['user_id', 'item_id']))",
          part.equals("train") ? TRAIN_EXAMPLE : GT_EXAMPLE);
    }
    return new int[][] {uu, ii};
  }

  /** Adds side ids to the dictionary, aligns every other column; true when ids are integers. */
  private static boolean sideColumns(Table side, String part, String idName,
      IdDictionary dict, List<Column> out, List<DatasetInfo.SideColumn> kinds) {
    String example = idName + (idName.equals("user_id") ? ",age,gender\n1,25,F"
        : ",genres,year\n31,Comedy|Drama,1995");
    IdColumns.requireRows(side, part, example);
    Column idCol = IdColumns.require(side, part, idName, example);
    int[] rowOf = new int[side.rows()];
    boolean[] seen = new boolean[dict.size() + side.rows()];
    for (int r = 0; r < rowOf.length; r++) {
      rowOf[r] = dict.add(idCol, r, part);
      if (seen[rowOf[r]]) {
        throw new InvalidInput("part '" + part + "' has " + idName + " "
            + IdDictionary.display(idCol, r, part) + " on more than one row; one row per id",
            example);
      }
      seen[rowOf[r]] = true;
    }
    int n = dict.size();
    for (Column c : side.columns()) {
      if (c.name().equals(idName)) {
        continue;
      }
      Column aligned = align(c, rowOf, n);
      String kind = aligned instanceof Column.StringLists ? "multi"
          : aligned instanceof Column.Strings ? "categorical" : "numeric";
      kinds.add(new DatasetInfo.SideColumn(c.name(), kind));
      out.add(aligned);
    }
    return IdColumns.isIntegerTyped(idCol);
  }

  /**
   * Places row r of a side column at dense index rowOf[r] of an n-row column; ids without a side
   * row get nulls. A string column with any '|' becomes multi-valued.
   */
  private static Column align(Column c, int[] rowOf, int n) {
    if (c instanceof Column.Longs l) {
      long[] v = new long[n];
      boolean[] nulls = new boolean[n];
      Arrays.fill(nulls, true);
      for (int r = 0; r < rowOf.length; r++) {
        v[rowOf[r]] = l.values()[r];
        nulls[rowOf[r]] = l.isNull(r);
      }
      return new Column.Longs(c.name(), v, nulls);
    }
    if (c instanceof Column.Doubles || c instanceof Column.Floats || c instanceof Column.Ints) {
      double[] v = new double[n];
      boolean[] nulls = new boolean[n];
      Arrays.fill(v, Double.NaN);
      Arrays.fill(nulls, true);
      for (int r = 0; r < rowOf.length; r++) {
        if (!c.isNull(r)) {
          v[rowOf[r]] = Double.parseDouble(c.asString(r));
          nulls[rowOf[r]] = false;
        }
      }
      return new Column.Doubles(c.name(), v, nulls);
    }
    boolean multi = c instanceof Column.StringLists;
    if (!multi) {
      for (int r = 0; r < rowOf.length && !multi; r++) {
        String s = c.asString(r);
        multi = s != null && s.indexOf('|') >= 0;
      }
    }
    if (multi) {
      String[][] v = new String[n][];
      for (int r = 0; r < rowOf.length; r++) {
        if (c instanceof Column.StringLists sl) {
          v[rowOf[r]] = sl.values()[r];
        } else if (c.asString(r) != null) {
          v[rowOf[r]] = Arrays.stream(c.asString(r).split("\\|")).map(String::trim)
              .filter(s -> !s.isEmpty()).toArray(String[]::new);
        }
      }
      return new Column.StringLists(c.name(), v);
    }
    String[] v = new String[n];
    for (int r = 0; r < rowOf.length; r++) {
      v[rowOf[r]] = c.asString(r);
    }
    return new Column.Strings(c.name(), v);
  }

  private static Column numeric(Column c, String part, String name) {
    if (c instanceof Column.Doubles d) {
      return d;
    }
    if (c instanceof Column.Longs || c instanceof Column.Floats || c instanceof Column.Ints) {
      double[] v = new double[c.size()];
      for (int r = 0; r < v.length; r++) {
        v[r] = c.isNull(r) ? Double.NaN : Double.parseDouble(c.asString(r));
      }
      return new Column.Doubles(name, v, null);
    }
    throw new InvalidInput("column '" + name + "' of part '" + part + "' must be numeric",
        TRAIN_EXAMPLE);
  }

  private static Column timestamps(Column c) {
    if (c instanceof Column.Longs l) {
      return new Column.Longs("timestamp", l.values(), l.nulls());
    }
    throw new InvalidInput("column 'timestamp' of part 'train' must be integer (epoch"
        + " seconds)", "user_id,item_id,timestamp\n1,31,964982703");
  }
}
