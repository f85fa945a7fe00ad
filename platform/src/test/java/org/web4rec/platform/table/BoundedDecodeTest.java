package org.web4rec.platform.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.web4rec.core.table.Table;

/** Hostile uploads: each is refused by a named cap before it can take the heap. */
class BoundedDecodeTest {

  private static final long MIB = 1L << 20;
  private static final DecodeLimits SMALL = new DecodeLimits(64 * MIB, 10_000_000, 64, 1024);
  private static final Duration QUICK = Duration.ofSeconds(20);

  @Test
  void zstdBombIsRefusedWithTheDecodedSizeLimitNamed() throws IOException {
    // 20 batches of 1 M rows x 2 constant int64 columns: 320 MB decoded from a few KB.
    byte[] bomb = ZstdBomb.bytes(2, 1_000_000, 20);
    assertTrue(bomb.length * 20L < 320_000_000L, "bomb is " + bomb.length + " bytes");
    TableTooLargeException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(
        TableTooLargeException.class, () -> ArrowCodec.read(new ByteArrayInputStream(bomb),
            SMALL)));
    assertTrue(e.getMessage().contains("64 MiB"), e.getMessage());
    assertTrue(e.getMessage().contains("max-decoded-mb"), e.getMessage());
  }

  @Test
  void oneBatchLargerThanTheAllocatorLimitIsRefusedBeforeItIsDecompressed() throws IOException {
    // One batch that decompresses to 80 MB, over the 64 MiB allocator limit by itself.
    byte[] bomb = ZstdBomb.bytes(2, 5_000_000, 1);
    long before = usedHeap();
    assertTimeoutPreemptively(QUICK, () -> assertThrows(TableTooLargeException.class,
        () -> ArrowCodec.read(new ByteArrayInputStream(bomb), SMALL)));
    assertTrue(usedHeap() - before < 64 * MIB, "heap grew by " + (usedHeap() - before));
  }

  @Test
  void compressedStreamsWithinTheLimitsAreStillRead() throws IOException {
    byte[] small = ZstdBomb.bytes(3, 1000, 2);
    Table t = ArrowCodec.read(new ByteArrayInputStream(small), SMALL);
    assertEquals(2000, t.rows());
    assertEquals(List.of("c0", "c1", "c2"), t.names());
    assertEquals("7", t.column("c1").orElseThrow().asString(1999));
  }

  @Test
  void aDeclaredRowCountOverTheCapIsRefusedAsTooLarge() throws IOException {
    // Arrow sizes the missing validity buffer from the declared count: the allocator stops it.
    byte[] forged = Forged.batch(Integer.MAX_VALUE, 8);
    assertTimeoutPreemptively(QUICK, () -> assertThrows(TableTooLargeException.class,
        () -> ArrowCodec.read(new ByteArrayInputStream(forged), SMALL)));
    DecodeLimits fewRows = new DecodeLimits(64 * MIB, 1000, 64, 1024);
    byte[] honest = Forged.batch(1001, 8 * 1001);
    TableTooLargeException e = assertThrows(TableTooLargeException.class,
        () -> ArrowCodec.read(new ByteArrayInputStream(honest), fewRows));
    assertTrue(e.getMessage().contains("more than 1000 rows"), e.getMessage());
  }

  @Test
  void aDeclaredRowCountBeyondItsBuffersIsRefusedAsMalformed() throws IOException {
    byte[] forged = Forged.batch(5_000_000, 8);
    TableFormatException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(
        TableFormatException.class, () -> ArrowCodec.read(new ByteArrayInputStream(forged),
            SMALL)));
    assertFalse(e instanceof TableTooLargeException, e.getMessage());
  }

  @Test
  void aDeclaredBodyLengthOverTheAllocatorLimitIsRefusedBeforeAllocating() throws IOException {
    byte[] forged = Forged.hugeBody();
    assertTimeoutPreemptively(QUICK, () -> assertThrows(TableTooLargeException.class,
        () -> ArrowCodec.read(new ByteArrayInputStream(forged), SMALL)));
  }

  @Test
  void tooManyArrowColumnsAreRefused() throws IOException {
    byte[] wide = ZstdBomb.bytes(65, 1, 1);
    TableFormatException e = assertThrows(TableFormatException.class,
        () -> ArrowCodec.read(new ByteArrayInputStream(wide), SMALL));
    assertTrue(e.getMessage().contains("65 columns; the limit is 64"), e.getMessage());
  }

  @Test
  void aLongArrowStringIsRefused() {
    Table t = Table.of(new org.web4rec.core.table.Column.Strings("s",
        new String[] {"ok", "x".repeat(2000)}));
    TableFormatException e = assertThrows(TableFormatException.class,
        () -> ArrowCodec.read(new ByteArrayInputStream(ArrowCodec.toBytes(t)), SMALL));
    assertTrue(e.getMessage().contains("2000 bytes"), e.getMessage());
  }

  @Test
  void anEndlessCsvStopsAtTheDecodedSizeLimit() {
    InputStream endless = Endless.of("user_id,item_id,score\n", "123,4567,0.93\n");
    TableTooLargeException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(
        TableTooLargeException.class, () -> CsvCodec.read(endless, SMALL)));
    assertTrue(e.getMessage().startsWith("CSV table decodes to more than 64 MiB"),
        e.getMessage());
  }

  @Test
  void csvRowsOverTheCapAreRefused() {
    DecodeLimits fewRows = new DecodeLimits(64 * MIB, 1000, 64, 1024);
    InputStream endless = Endless.of("u,i\n", "1,2\n");
    TableTooLargeException e = assertThrows(TableTooLargeException.class,
        () -> CsvCodec.read(endless, fewRows));
    assertTrue(e.getMessage().contains("more than 1000 rows"), e.getMessage());
  }

  @Test
  void anEndlessCsvFieldStopsAtTheLengthLimit() {
    InputStream endless = Endless.of("u,\"", "aaaaaaaaaaaaaaaa");
    TableFormatException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(
        TableFormatException.class, () -> CsvCodec.read(endless, SMALL)));
    assertTrue(e.getMessage().contains("limit of 1024 characters per value"), e.getMessage());
  }

  @Test
  void anEndlessCsvHeaderStopsAtTheColumnLimit() {
    InputStream endless = Endless.of("", "a,");
    TableFormatException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(
        TableFormatException.class, () -> CsvCodec.read(endless, SMALL)));
    assertTrue(e.getMessage().contains("65 columns; the limit is 64"), e.getMessage());
  }

  @Test
  void csvWithinTheLimitsReadsAsBefore() {
    String csv = "user_id,item_id,score\n1,10,0.5\n2,\"x,y\",0.25\n";
    Table t = CsvCodec.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), SMALL);
    assertEquals(2, t.rows());
    assertEquals("x,y", t.column("item_id").orElseThrow().asString(1));
  }

  @Test
  void uploadLimitsAreTheLeastOfTheSettingTheBodyMultipleAndHalfTheHeap() {
    DecodeLimits byBody = DecodeLimits.forUploads(8 * MIB, 1L << 30);
    assertEquals(Math.min(8 * MIB * DecodeLimits.EXPANSION, Runtime.getRuntime().maxMemory() / 2),
        byBody.maxDecodedBytes());
    DecodeLimits bySetting = DecodeLimits.forUploads(1L << 30, 16 * MIB);
    assertEquals(16 * MIB, bySetting.maxDecodedBytes());
    assertTrue(DecodeLimits.forUploads(Long.MAX_VALUE, Long.MAX_VALUE).maxDecodedBytes()
        <= Runtime.getRuntime().maxMemory() / 2);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** ZSTD-compressed streams of constant int64 columns: tiny on the wire, large decoded. */
  static final class ZstdBomb {
    static byte[] bytes(int columns, int rows, int batches) throws IOException {
      List<Field> fields = new java.util.ArrayList<>();
      for (int c = 0; c < columns; c++) {
        fields.add(new Field("c" + c, FieldType.notNullable(new ArrowType.Int(64, true)), null));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (BufferAllocator allocator = new RootAllocator();
          VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
          ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out),
              IpcOption.DEFAULT, CommonsCompressionFactory.INSTANCE,
              CompressionUtil.CodecType.ZSTD, Optional.of(1))) {
        for (int c = 0; c < columns; c++) {
          BigIntVector v = (BigIntVector) root.getVector(c);
          v.allocateNew(rows);
          for (int r = 0; r < rows; r++) {
            v.set(r, 7L);
          }
          v.setValueCount(rows);
        }
        root.setRowCount(rows);
        writer.start();
        for (int b = 0; b < batches; b++) {
          writer.writeBatch();
        }
        writer.end();
      }
      return out.toByteArray();
    }
  }

  /** Hand-made IPC messages whose headers lie about their size. */
  static final class Forged {
    private static final Schema ONE_LONG = new Schema(List.of(
        new Field("v", FieldType.notNullable(new ArrowType.Int(64, true)), null)));

    /** One batch declaring {@code rows} values over a data buffer of {@code dataBytes}. */
    static byte[] batch(int rows, int dataBytes) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (BufferAllocator allocator = new RootAllocator();
          ArrowBuf validity = allocator.buffer(0);
          ArrowBuf data = allocator.buffer(dataBytes)) {
        data.setZero(0, dataBytes);
        data.writerIndex(dataBytes);
        WriteChannel channel = new WriteChannel(Channels.newChannel(out));
        MessageSerializer.serialize(channel, ONE_LONG);
        try (ArrowRecordBatch batch = new ArrowRecordBatch(rows,
            List.of(new ArrowFieldNode(rows, 0)), List.of(validity, data))) {
          MessageSerializer.serialize(channel, batch);
        }
        ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
      }
      return out.toByteArray();
    }

    /**
     * A batch whose message says its body is 1 TiB: the body and buffer lengths (a distinctive
     * 98,760 bytes) are patched in the flatbuffer header.
     */
    static byte[] hugeBody() throws IOException {
      int marker = 98_760;
      byte[] bytes = batch(marker / 8, marker);
      int headerEnd = bytes.length - marker - 8;
      for (int i = 0; i + 8 <= headerEnd; i++) {
        if (readLong(bytes, i) == marker) {
          writeLong(bytes, i, 1L << 40);
        }
      }
      return bytes;
    }

    private static long readLong(byte[] b, int at) {
      long v = 0;
      for (int k = 7; k >= 0; k--) {
        v = (v << 8) | (b[at + k] & 0xff);
      }
      return v;
    }

    private static void writeLong(byte[] b, int at, long v) {
      for (int k = 0; k < 8; k++) {
        b[at + k] = (byte) (v >>> (8 * k));
      }
    }
  }

  /** A header, then one line repeated for ever: a giant upload that is never held. */
  static final class Endless {
    static InputStream of(String header, String line) {
      byte[] head = header.getBytes(StandardCharsets.UTF_8);
      byte[] body = line.getBytes(StandardCharsets.UTF_8);
      return new InputStream() {
        private long pos;

        @Override
        public int read() {
          long p = pos++;
          return p < head.length ? head[(int) p] : body[(int) ((p - head.length) % body.length)];
        }
      };
    }
  }
}
