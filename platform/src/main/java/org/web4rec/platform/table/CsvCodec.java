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

  public static Table read(InputStream in) {
    List<List<String>> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> record;
      while ((record = readRecord(r)) != null) {
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue; // blank line
        }
        rows.add(record);
      }
    } catch (IOException e) {
      throw new TableFormatException("unreadable CSV: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new TableFormatException("CSV has no header row");
    }
    List<String> header = rows.get(0);
    int n = rows.size() - 1;
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      String[] raw = new String[n];
      for (int i = 0; i < n; i++) {
        List<String> row = rows.get(i + 1);
        if (row.size() != header.size()) {
          throw new TableFormatException("CSV line " + (i + 2) + " has " + row.size()
              + " fields, the header has " + header.size());
        }
        String v = row.get(c);
        raw[i] = v.isEmpty() ? null : v;
      }
      columns.add(infer(header.get(c).trim(), raw));
    }
    return new Table(columns, n);
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

  /** One record, honouring quotes that span lines; null at end of input. */
  private static List<String> readRecord(BufferedReader r) throws IOException {
    int ch = r.read();
    if (ch == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    java.lang.StringBuilder cur = new java.lang.StringBuilder();
    boolean quoted = false;
    while (true) {
      if (ch == -1) {
        fields.add(cur.toString());
        return fields;
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
        fields.add(cur.toString());
        cur.setLength(0);
      } else if (c == '\n') {
        fields.add(cur.toString());
        return fields;
      } else if (c != '\r') {
        cur.append(c);
      }
      ch = r.read();
    }
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

  private static String quote(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
