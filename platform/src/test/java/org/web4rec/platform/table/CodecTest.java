package org.web4rec.platform.table;

import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodecTest {

  @Test
  void arrowRoundTripsEveryColumnKind() {
    Table t = Table.of(
        new Column.Ints("i", new int[] {1, -2, 3}),
        new Column.Longs("l", new long[] {10L, 0L, Long.MAX_VALUE}, new boolean[] {false, true, false}),
        new Column.Floats("f", new float[] {0.5f, Float.NaN, -1f}),
        new Column.Doubles("d", new double[] {1.5, 0, 2}, new boolean[] {false, true, false}),
        new Column.Strings("s", new String[] {"a", null, "ünï"}),
        new Column.StringLists("g", new String[][] {{"Action", "Comedy"}, null, {}}));
    Table back = ArrowCodec.fromBytes(ArrowCodec.toBytes(t));
    assertEquals(3, back.rows());
    assertEquals(t.names(), back.names());
    // 32-bit ints come back as the generic integer column
    assertArrayEquals(new long[] {1, -2, 3}, ((Column.Longs) back.columns().get(0)).values());
    Column.Longs l = (Column.Longs) back.columns().get(1);
    assertTrue(l.isNull(1));
    assertEquals(Long.MAX_VALUE, l.values()[2]);
    assertTrue(Float.isNaN(((Column.Floats) back.columns().get(2)).values()[1]));
    assertTrue(back.columns().get(3).isNull(1));
    assertArrayEquals(new String[] {"a", null, "ünï"}, ((Column.Strings) back.columns().get(4)).values());
    String[][] g = ((Column.StringLists) back.columns().get(5)).values();
    assertArrayEquals(new String[] {"Action", "Comedy"}, g[0]);
    assertEquals(null, g[1]);
    assertEquals(0, g[2].length);
  }

  @Test
  void arrowListsKeepValuesAfterNullAndEmptyRows() {
    String[][] in = {{"A", "B"}, null, {"C"}, {}, null, {"D", "E", "F"}};
    Table back = ArrowCodec.fromBytes(ArrowCodec.toBytes(
        Table.of(new Column.StringLists("g", in))));
    String[][] out = ((Column.StringLists) back.columns().get(0)).values();
    assertEquals(in.length, out.length);
    for (int r = 0; r < in.length; r++) {
      if (in[r] == null) {
        assertEquals(null, out[r], "row " + r);
      } else {
        assertArrayEquals(in[r], out[r], "row " + r);
      }
    }
  }

  @Test
  void arrowWritesEmptyTablesWithTheirSchema() {
    Table t = Table.of(new Column.Strings("user_id", new String[0]));
    Table back = ArrowCodec.fromBytes(ArrowCodec.toBytes(t));
    assertEquals(0, back.rows());
    assertEquals(java.util.List.of("user_id"), back.names());
  }

  @Test
  void arrowLargeTablesSpanSeveralBatches() {
    int n = (1 << 20) + 5;
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    Table back = ArrowCodec.fromBytes(ArrowCodec.toBytes(Table.of(new Column.Ints("v", v))));
    long[] out = ((Column.Longs) back.columns().get(0)).values();
    assertEquals(n, out.length);
    assertEquals(n - 1, out[n - 1]);
  }

  @Test
  void garbageIsATableFormatError() {
    assertThrows(TableFormatException.class,
        () -> ArrowCodec.fromBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2}));
  }

  @Test
  void csvInfersTypesAndHonoursQuotes() {
    String csv = "user_id,score,name,genres\n1,0.5,\"Smith, J\",Action|Comedy\n2,,\"say \"\"hi\"\"\",\n";
    Table t = CsvCodec.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, t.rows());
    assertTrue(t.columns().get(0) instanceof Column.Longs);
    Column.Doubles score = (Column.Doubles) t.columns().get(1);
    assertEquals(0.5, score.values()[0]);
    assertTrue(score.isNull(1));
    assertEquals("Smith, J", t.columns().get(2).asString(0));
    assertEquals("say \"hi\"", t.columns().get(2).asString(1));
    assertEquals("Action|Comedy", t.columns().get(3).asString(0));
    assertTrue(t.columns().get(3).isNull(1));
  }

  @Test
  void csvRejectsRaggedRowsAndWritesBack() {
    assertThrows(TableFormatException.class, () -> CsvCodec.read(
        new ByteArrayInputStream("a,b\n1\n".getBytes(StandardCharsets.UTF_8))));
    Table t = Table.of(new Column.Strings("s", new String[] {"x,y", null}),
        new Column.Doubles("d", new double[] {1.5, 2}, null));
    StringWriter w = new StringWriter();
    CsvCodec.write(t, w);
    assertEquals("s,d\n\"x,y\",1.5\n,2.0\n", w.toString());
    assertFalse(w.toString().isEmpty());
  }

  @Test
  void csvWriteNeutralisesFormulasButKeepsNumbers() {
    Table t = Table.of(new Column.Strings("s", new String[] {"=HYPERLINK(\"x\")", "+1+2",
        "-cmd", "@SUM(A1)", "\tx", "\rx", "-0.5", "+3", "1e-3", "-Infinity", "plain"}),
        new Column.Doubles("d", new double[] {-0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1e-3}, null));
    StringWriter w = new StringWriter();
    CsvCodec.write(t, w);
    assertEquals("s,d\n\"'=HYPERLINK(\"\"x\"\")\",-0.5\n'+1+2,1.0\n'-cmd,2.0\n'@SUM(A1),3.0\n"
        + "'\tx,4.0\n\"'\rx\",5.0\n-0.5,6.0\n+3,7.0\n1e-3,8.0\n'-Infinity,9.0\nplain,-0.001\n",
        w.toString());
  }
}
