package org.web4rec.platform.table;

import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV with a header row (RFC 4180 quoting) for small tables and curl users. Column types are
 * inferred: all values integers → {@link Column.Longs}, all numbers → {@link Column.Doubles},
 * otherwise {@link Column.Strings}; an empty field is null.
 */
public final class CsvCodec {

  public static final String MEDIA_TYPE = "text/csv";

  private CsvCodec() {}

  /** Reads CSV with no caps (tests and tools). */
  public static Table read(InputStream in) {
    return read(in, DecodeLimits.TRUSTED);
  }

  /**
   * Reads CSV record by record within {@code limits}: a field's length, the columns, the rows and
   * the heap the values take are checked as they are read, so a giant input stops at the first
   * cap instead of after it has been held whole.
   *
   * @throws TableTooLargeException over the rows or decoded-bytes cap
   * @throws TableFormatException anything else: no header, ragged rows, too many columns, a too
   *     long field
   */
  public static Table read(InputStream in, DecodeLimits limits) {
    DecodeBudget budget = new DecodeBudget(limits, "CSV");
    List<String> header = null;
    RawColumn[] columns = null;
    int n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> record;
      while ((record = readRecord(r, budget)) != null) {
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue; // blank line
        }
        if (header == null) {
          header = record;
          columns = new RawColumn[header.size()];
          for (int c = 0; c < columns.length; c++) {
            columns[c] = new RawColumn();
          }
          continue;
        }
        if (record.size() != header.size()) {
          throw new TableFormatException("CSV line " + (n + 2) + " has " + record.size()
              + " fields, the header has " + header.size());
        }
        budget.rows(1);
        for (int c = 0; c < columns.length; c++) {
          columns[c].add(record.get(c), budget);
        }
        n++;
      }
    } catch (IOException e) {
      throw new TableFormatException("unreadable CSV: " + e.getMessage(), e);
    }
    if (header == null) {
      throw new TableFormatException("CSV has no header row");
    }
    List<Column> out = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      out.add(infer(header.get(c).trim(), columns[c].values(n)));
    }
    return new Table(out, n);
  }

  /** One column's raw values as read; an empty field is null. */
  private static final class RawColumn {
    private String[] values = new String[16];
    private int size;

    void add(String v, DecodeBudget budget) {
      if (size == values.length) {
        budget.bytes(8L * values.length);
        values = java.util.Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = v.isEmpty() ? null : v;
    }

    String[] values(int n) {
      return size == values.length ? values : java.util.Arrays.copyOf(values, n);
    }
  }

  private static Column infer(String name, String[] raw) {
    boolean allLong = true;
    boolean allNumber = true;
    for (String v : raw) {
      if (v == null) {
        continue;
      }
      if (allLong && !isLong(v)) {
        allLong = false;
      }
      if (!allLong && allNumber && !isNumber(v)) {
        allNumber = false;
        break;
      }
    }
    if (allLong) {
      long[] values = new long[raw.length];
      boolean[] nulls = null;
      for (int i = 0; i < raw.length; i++) {
        if (raw[i] == null) {
          nulls = nulls == null ? new boolean[raw.length] : nulls;
          nulls[i] = true;
        } else {
          values[i] = Long.parseLong(raw[i].trim());
        }
      }
      return new Column.Longs(name, values, nulls);
    }
    if (allNumber) {
      double[] values = new double[raw.length];
      boolean[] nulls = null;
      for (int i = 0; i < raw.length; i++) {
        if (raw[i] == null) {
          nulls = nulls == null ? new boolean[raw.length] : nulls;
          nulls[i] = true;
          values[i] = Double.NaN;
        } else {
          values[i] = Double.parseDouble(raw[i].trim());
        }
      }
      return new Column.Doubles(name, values, nulls);
    }
    return new Column.Strings(name, raw);
  }

  private static boolean isLong(String v) {
    String t = v.trim();
    if (t.isEmpty() || t.length() > 18) {
      return false;
    }
    int i = t.charAt(0) == '-' ? 1 : 0;
    if (i == t.length()) {
      return false;
    }
    for (; i < t.length(); i++) {
      if (!Character.isDigit(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumber(String v) {
    try {
      Double.parseDouble(v.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * One record, honouring quotes that span lines; null at end of input. Each field's length and
   * heap cost are charged as it ends, and a field stops growing at the length cap.
   */
  private static List<String> readRecord(BufferedReader r, DecodeBudget budget)
      throws IOException {
    int ch = r.read();
    if (ch == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    java.lang.StringBuilder cur = new java.lang.StringBuilder();
    boolean quoted = false;
    while (true) {
      if (ch == -1) {
        fields.add(field(cur, budget, fields.size()));
        return fields;
      }
      if (cur.length() > budget.limits().maxStringBytes()) {
        budget.string(cur.length());
      }
      char c = (char) ch;
      if (quoted) {
        if (c == '"') {
          r.mark(1);
          int next = r.read();
          if (next == '"') {
            cur.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              r.reset();
            }
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field(cur, budget, fields.size()));
        cur.setLength(0);
      } else if (c == '\n') {
        fields.add(field(cur, budget, fields.size()));
        return fields;
      } else if (c != '\r') {
        cur.append(c);
      }
      ch = r.read();
    }
  }

  private static String field(java.lang.StringBuilder cur, DecodeBudget budget, int index) {
    budget.columns(index + 1);
    budget.string(cur.length());
    return cur.toString();
  }

  public static void write(Table table, Writer out) {
    try {
      List<Column> cols = table.columns();
      for (int c = 0; c < cols.size(); c++) {
        out.write((c > 0 ? "," : "") + quote(cols.get(c).name()));
      }
      out.write("\n");
      for (int i = 0; i < table.rows(); i++) {
        for (int c = 0; c < cols.size(); c++) {
          String v = cols.get(c).asString(i);
          out.write((c > 0 ? "," : "") + (v == null ? "" : quote(v)));
        }
        out.write("\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A cell a spreadsheet would run as a formula (OWASP CSV injection: a leading '=', '+', '-',
   * '@', tab or CR) gets a leading apostrophe, unless it is a number such as -0.5, which stays a
   * number.
   */
  static String neutralise(String v) {
    if (v.isEmpty() || "=+-@\t\r".indexOf(v.charAt(0)) < 0 || isPlainNumber(v)) {
      return v;
    }
    return "'" + v;
  }

  private static boolean isPlainNumber(String v) {
    try {
      Double.parseDouble(v);
      // parseDouble also takes "-Infinity", "+NaN" and padded text; only plain digits count.
      return v.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || "+-.eE".indexOf(ch) >= 0);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String quote(String raw) {
    String v = neutralise(raw);
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0
        && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
