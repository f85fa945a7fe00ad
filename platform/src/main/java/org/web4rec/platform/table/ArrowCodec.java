package org.web4rec.platform.table;

import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Arrow IPC stream codec for {@link Table}. Reads every record batch of a stream into primitive
 * arrays (integers of any width become {@link Column.Longs}, float32 stays {@link Column.Floats},
 * strings and large strings become {@link Column.Strings}, lists of strings
 * {@link Column.StringLists}); writes tables uncompressed (Java-side LZ4 is far too slow, see
 * STACK.md). Compressed streams written by pyarrow (ZSTD, LZ4) are read: pyarrow users send
 * them, and {@link #read(InputStream, DecodeLimits)} bounds what they may decompress to.
 */
public final class ArrowCodec {

  public static final String MEDIA_TYPE = "application/vnd.apache.arrow.stream";

  private static final BufferAllocator ROOT = new RootAllocator();

  private ArrowCodec() {}

  /** Reads a stream the server wrote itself (a blob): no caps. */
  public static Table read(InputStream in) {
    return read(in, DecodeLimits.TRUSTED);
  }

  /**
   * Reads an untrusted stream (an upload) within {@code limits}: the allocator that holds one
   * record batch (compressed body and decompressed buffers) is capped at the decoded-bytes limit,
   * and every batch's rows and heap cost are charged before it is copied out.
   *
   * @throws TableTooLargeException over the rows or decoded-bytes cap
   * @throws TableFormatException anything else: unreadable, too many columns, a too long value
   */
  public static Table read(InputStream in, DecodeLimits limits) {
    DecodeBudget budget = new DecodeBudget(limits, "Arrow");
    try (BufferAllocator allocator = ROOT.newChildAllocator("read", 0, limits.maxDecodedBytes());
        ArrowStreamReader reader = new BoundedStreamReader(in, allocator, budget)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<Field> fields = root.getSchema().getFields();
      budget.columns(fields.size());
      List<Builder> builders = new ArrayList<>();
      for (Field f : fields) {
        builders.add(Builder.forField(f, budget));
      }
      while (reader.loadNextBatch()) {
        int rows = root.getRowCount();
        budget.rows(rows);
        if (limits != DecodeLimits.TRUSTED) {
          // A forged header may declare more values than its buffers hold.
          ValueVectorUtility.validate(root);
        }
        for (int c = 0; c < fields.size(); c++) {
          builders.get(c).append(root.getVector(c), rows);
        }
      }
      List<Column> columns = new ArrayList<>();
      int rows = 0;
      for (Builder b : builders) {
        Column col = b.build();
        columns.add(col);
        rows = col.size();
      }
      return new Table(columns, rows);
    } catch (TableFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (overAllocatorLimit(e)) {
        throw budget.tooLarge();
      }
      throw new TableFormatException("not a readable Arrow IPC stream: " + e.getMessage(), e);
    }
  }

  /** Arrow wraps the allocator's refusal (e.g. in IllegalArgumentException) when loading. */
  private static boolean overAllocatorLimit(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryException) {
        return true;
      }
    }
    return false;
  }

  public static void write(Table table, OutputStream out) throws IOException {
    List<Field> fields = new ArrayList<>();
    for (Column c : table.columns()) {
      fields.add(fieldFor(c));
    }
    try (BufferAllocator allocator = ROOT.newChildAllocator("write", 0, Long.MAX_VALUE);
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      writer.start();
      int batch = 1 << 20;
      for (int from = 0; from < Math.max(table.rows(), 1); from += batch) {
        int to = Math.min(table.rows(), from + batch);
        root.allocateNew();
        for (int c = 0; c < fields.size(); c++) {
          fill(root.getVector(c), table.columns().get(c), from, to);
        }
        root.setRowCount(to - from);
        writer.writeBatch();
        if (table.rows() == 0) {
          break;
        }
      }
      writer.end();
    }
  }

  public static byte[] toBytes(Table table) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      write(table, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static Table fromBytes(byte[] bytes) {
    return read(new java.io.ByteArrayInputStream(bytes));
  }

  private static Field fieldFor(Column c) {
    ArrowType type;
    if (c instanceof Column.Ints) {
      type = new ArrowType.Int(32, true);
    } else if (c instanceof Column.Longs) {
      type = new ArrowType.Int(64, true);
    } else if (c instanceof Column.Floats) {
      type = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    } else if (c instanceof Column.Doubles) {
      type = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    } else if (c instanceof Column.Strings) {
      type = ArrowType.Utf8.INSTANCE;
    } else {
      type = ArrowType.List.INSTANCE;
    }
    if (c instanceof Column.StringLists) {
      Field item = new Field("item", FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
      return new Field(c.name(), FieldType.nullable(type), List.of(item));
    }
    return new Field(c.name(), FieldType.nullable(type), null);
  }

  private static void fill(FieldVector v, Column c, int from, int to) {
    int n = to - from;
    if (c instanceof Column.Ints ints) {
        IntVector iv = (IntVector) v;
        iv.allocateNew(n);
        for (int r = 0; r < n; r++) {
          iv.set(r, ints.values()[from + r]);
        }
    } else if (c instanceof Column.Longs longs) {
        BigIntVector bv = (BigIntVector) v;
        bv.allocateNew(n);
        for (int r = 0; r < n; r++) {
          if (longs.isNull(from + r)) {
            bv.setNull(r);
          } else {
            bv.set(r, longs.values()[from + r]);
          }
        }
    } else if (c instanceof Column.Floats floats) {
        Float4Vector fv = (Float4Vector) v;
        fv.allocateNew(n);
        for (int r = 0; r < n; r++) {
          fv.set(r, floats.values()[from + r]);
        }
    } else if (c instanceof Column.Doubles doubles) {
        Float8Vector dv = (Float8Vector) v;
        dv.allocateNew(n);
        for (int r = 0; r < n; r++) {
          if (doubles.isNull(from + r)) {
            dv.setNull(r);
          } else {
            dv.set(r, doubles.values()[from + r]);
          }
        }
    } else if (c instanceof Column.Strings strings) {
        VarCharVector sv = (VarCharVector) v;
        sv.allocateNew(n);
        for (int r = 0; r < n; r++) {
          String s = strings.values()[from + r];
          if (s == null) {
            sv.setNull(r);
          } else {
            sv.setSafe(r, s.getBytes(StandardCharsets.UTF_8));
          }
        }
    } else if (c instanceof Column.StringLists lists) {
      // Offsets and validity written row by row, in order: ListVector#setNull after later rows
      // were written rewinds its fill position and erases them.
      ListVector lv = (ListVector) v;
      lv.allocateNew();
      VarCharVector data = (VarCharVector) lv.getDataVector();
      int pos = 0;
      for (int r = 0; r < n; r++) {
        String[] vals = lists.values()[from + r];
        if (vals == null) {
          lv.setNull(r);
          continue;
        }
        lv.startNewValue(r);
        for (String s : vals) {
          data.setSafe(pos++, s.getBytes(StandardCharsets.UTF_8));
        }
        lv.endValue(r, vals.length);
      }
      data.setValueCount(pos);
    }
    v.setValueCount(n);
  }

  /** Accumulates one column across record batches. */
  private abstract static class Builder {
    final String name;
    final DecodeBudget budget;

    Builder(String name, DecodeBudget budget) {
      this.name = name;
      this.budget = budget;
    }

    abstract void append(FieldVector v, int rows);

    abstract Column build();

    /** Doubling, but never past what the rows cap allows (an array index is an int). */
    int grown(int capacity, long needed) {
      long want = Math.max(needed, Math.min(2L * capacity, budget.limits().maxRows()));
      if (want > Integer.MAX_VALUE - 8) {
        throw new TableTooLargeException("column '" + name + "' has more than "
            + (Integer.MAX_VALUE - 8) + " values");
      }
      return (int) want;
    }

    static Builder forField(Field f, DecodeBudget budget) {
      ArrowType t = f.getType();
      if (t instanceof ArrowType.Int) {
        return new LongBuilder(f.getName(), budget);
      }
      if (t instanceof ArrowType.FloatingPoint fp) {
        return fp.getPrecision() == FloatingPointPrecision.SINGLE
            ? new FloatBuilder(f.getName(), budget) : new DoubleBuilder(f.getName(), budget);
      }
      if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8
          || t instanceof ArrowType.Bool) {
        return new StringBuilder(f.getName(), budget);
      }
      if ((t instanceof ArrowType.List || t instanceof ArrowType.LargeList)
          && !f.getChildren().isEmpty()
          && (f.getChildren().get(0).getType() instanceof ArrowType.Utf8
              || f.getChildren().get(0).getType() instanceof ArrowType.LargeUtf8)) {
        return new ListBuilder(f.getName(), budget);
      }
      if (f.getDictionary() != null) {
        throw new TableFormatException("column '" + f.getName()
            + "' is dictionary-encoded; send plain strings (e.g. pandas .astype(str))");
      }
      throw new TableFormatException("column '" + f.getName() + "' has unsupported Arrow type "
          + t + "; supported: integers, float32/float64, utf8, bool, list<utf8>");
    }
  }

  private static final class LongBuilder extends Builder {
    long[] values = new long[16];
    boolean[] nulls;
    int n;

    LongBuilder(String name, DecodeBudget budget) {
      super(name, budget);
    }

    void append(FieldVector v, int rows) {
      if (n + rows > values.length) {
        int capacity = grown(values.length, n + rows);
        budget.bytes(9L * (capacity - values.length));
        values = java.util.Arrays.copyOf(values, capacity);
        if (nulls != null) {
          nulls = java.util.Arrays.copyOf(nulls, values.length);
        }
      }
      BaseIntVector iv = (BaseIntVector) v;
      for (int r = 0; r < rows; r++) {
        if (v.isNull(r)) {
          if (nulls == null) {
            nulls = new boolean[values.length];
          }
          nulls[n + r] = true;
        } else {
          values[n + r] = iv.getValueAsLong(r);
        }
      }
      n += rows;
    }

    Column build() {
      return new Column.Longs(name, java.util.Arrays.copyOf(values, n),
          nulls == null ? null : java.util.Arrays.copyOf(nulls, n));
    }
  }

  private static final class FloatBuilder extends Builder {
    float[] values = new float[16];
    int n;

    FloatBuilder(String name, DecodeBudget budget) {
      super(name, budget);
    }

    void append(FieldVector v, int rows) {
      if (n + rows > values.length) {
        int capacity = grown(values.length, n + rows);
        budget.bytes(4L * (capacity - values.length));
        values = java.util.Arrays.copyOf(values, capacity);
      }
      Float4Vector fv = (Float4Vector) v;
      for (int r = 0; r < rows; r++) {
        values[n + r] = fv.isNull(r) ? Float.NaN : fv.get(r);
      }
      n += rows;
    }

    Column build() {
      return new Column.Floats(name, java.util.Arrays.copyOf(values, n));
    }
  }

  private static final class DoubleBuilder extends Builder {
    double[] values = new double[16];
    boolean[] nulls;
    int n;

    DoubleBuilder(String name, DecodeBudget budget) {
      super(name, budget);
    }

    void append(FieldVector v, int rows) {
      if (n + rows > values.length) {
        int capacity = grown(values.length, n + rows);
        budget.bytes(9L * (capacity - values.length));
        values = java.util.Arrays.copyOf(values, capacity);
        if (nulls != null) {
          nulls = java.util.Arrays.copyOf(nulls, values.length);
        }
      }
      for (int r = 0; r < rows; r++) {
        if (v.isNull(r)) {
          if (nulls == null) {
            nulls = new boolean[values.length];
          }
          nulls[n + r] = true;
          values[n + r] = Double.NaN;
        } else if (v instanceof Float8Vector dv) {
          values[n + r] = dv.get(r);
        } else {
          values[n + r] = ((Number) v.getObject(r)).doubleValue();
        }
      }
      n += rows;
    }

    Column build() {
      return new Column.Doubles(name, java.util.Arrays.copyOf(values, n),
          nulls == null ? null : java.util.Arrays.copyOf(nulls, n));
    }
  }

  private static final class StringBuilder extends Builder {
    final List<String> values = new ArrayList<>();

    StringBuilder(String name, DecodeBudget budget) {
      super(name, budget);
    }

    void append(FieldVector v, int rows) {
      budget.bytes(8L * rows);
      for (int r = 0; r < rows; r++) {
        values.add(stringAt(v, r, budget));
      }
    }

    Column build() {
      return new Column.Strings(name, values.toArray(new String[0]));
    }
  }

  private static final class ListBuilder extends Builder {
    final List<String[]> values = new ArrayList<>();

    ListBuilder(String name, DecodeBudget budget) {
      super(name, budget);
    }

    void append(FieldVector v, int rows) {
      BaseListVector lv = (BaseListVector) v;
      FieldVector data = v instanceof ListVector l ? l.getDataVector()
          : ((LargeListVector) v).getDataVector();
      for (int r = 0; r < rows; r++) {
        if (v.isNull(r)) {
          values.add(null);
          continue;
        }
        int start = (int) lv.getElementStartIndex(r);
        int end = (int) lv.getElementEndIndex(r);
        budget.bytes(DecodeBudget.ARRAY_OVERHEAD + 8L + 4L * (end - start));
        String[] out = new String[end - start];
        for (int j = start; j < end; j++) {
          out[j - start] = stringAt(data, j, budget);
        }
        values.add(out);
      }
    }

    Column build() {
      return new Column.StringLists(name, values.toArray(new String[0][]));
    }
  }

  private static String stringAt(FieldVector v, int r, DecodeBudget budget) {
    if (v.isNull(r)) {
      return null;
    }
    if (v instanceof VarCharVector s) {
      budget.string(s.getValueLength(r));
      return new String(s.get(r), StandardCharsets.UTF_8);
    }
    if (v instanceof LargeVarCharVector s) {
      budget.string(s.getValueLength(r));
      return new String(s.get(r), StandardCharsets.UTF_8);
    }
    if (v instanceof BitVector b) {
      return b.get(r) == 1 ? "true" : "false";
    }
    return String.valueOf(v.getObject(r));
  }
}
