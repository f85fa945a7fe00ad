package org.web4rec.core.table;

/**
 * One named column of a {@link Table}. The variants cover what crosses the wire: integer ids and
 * counts, floating scores, strings (ids, categories) and multi-valued string lists (genres).
 */
public sealed interface Column permits Column.Ints, Column.Longs, Column.Floats, Column.Doubles,
    Column.Strings, Column.StringLists {

  String name();

  int size();

  /** True when row {@code i} holds no value. */
  boolean isNull(int i);

  /** The value of row {@code i} as a string (ids are compared by this form); null when null. */
  String asString(int i);

  /** 32-bit ints without nulls; used for dense indices in stored blobs. */
  record Ints(String name, int[] values) implements Column {
    public int size() { return values.length; }
    public boolean isNull(int i) { return false; }
    public String asString(int i) { return Integer.toString(values[i]); }
  }

  /** 64-bit integers; {@code nulls} may be null when no row is null. */
  record Longs(String name, long[] values, boolean[] nulls) implements Column {
    public int size() { return values.length; }
    public boolean isNull(int i) { return nulls != null && nulls[i]; }
    public String asString(int i) { return isNull(i) ? null : Long.toString(values[i]); }
  }

  /** 32-bit floats without nulls (NaN stands for missing); used for scores. */
  record Floats(String name, float[] values) implements Column {
    public int size() { return values.length; }
    public boolean isNull(int i) { return false; }
    public String asString(int i) { return Float.toString(values[i]); }
  }

  /** 64-bit floats; {@code nulls} may be null when no row is null. */
  record Doubles(String name, double[] values, boolean[] nulls) implements Column {
    public int size() { return values.length; }
    public boolean isNull(int i) { return nulls != null && nulls[i]; }
    public String asString(int i) { return isNull(i) ? null : Double.toString(values[i]); }
  }

  /** UTF-8 strings; a null element is a null value. */
  record Strings(String name, String[] values) implements Column {
    public int size() { return values.length; }
    public boolean isNull(int i) { return values[i] == null; }
    public String asString(int i) { return values[i]; }
  }

  /** Multi-valued string column (e.g. genres); a null element is a null value. */
  record StringLists(String name, String[][] values) implements Column {
    public int size() { return values.length; }
    public boolean isNull(int i) { return values[i] == null; }
    public String asString(int i) { return values[i] == null ? null : String.join("|", values[i]); }
  }
}
