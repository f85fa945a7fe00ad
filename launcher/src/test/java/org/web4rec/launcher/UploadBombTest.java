package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compression bomb against the real server: a signed-in user uploads a ZSTD Arrow
 * stream of 20 batches of 10 M rows x 3 int64 columns (4.8 GB decoded) and gets a 413 naming the
 * limit, quickly, while the server stays live and its heap stays bounded.
 */
class UploadBombTest {

  @TempDir
  Path dir;

  @Test
  void aZstdBombAnswers413AndTheServerStaysLive() throws Exception {
    byte[] bomb = bomb(3, 10_000_000, 20);
    try (ServerFixture fx = new ServerFixture(dir, 256L << 20)) {
      ApiClient api = fx.signup("bomb@example.com");
      assertEquals(201, await(api.postTables("/datasets", Map.of("name", "tiny"),
          ServerFixture.datasetTables())).statusCode());
      long heapBefore = usedHeap();
      ManagementFactory.getMemoryPoolMXBeans().forEach(p -> p.resetPeakUsage());
      long rssBefore = rss();
      long t0 = System.nanoTime();
      HttpResponse<Buffer> r = await(api.postArrowBytes("/datasets/tiny/experiments",
          Map.of("meta", new JsonObject().put("experiment_name", "bomb").encode()),
          Map.of("recommendations", bomb)));
      double seconds = (System.nanoTime() - t0) / 1e9;
      long heapPeakGrowth = peakHeap() - heapBefore;
      System.out.printf("bomb: %d bytes on the wire, answered %d in %.1f s; heap used before"
          + " %d MB, peak old+young after %d MB; RSS %d -> %d MB%n", bomb.length,
          r.statusCode(), seconds, heapBefore >> 20, (heapBefore + heapPeakGrowth) >> 20,
          rssBefore >> 20, rss() >> 20);
      assertEquals(413, r.statusCode(), r.bodyAsString());
      assertEquals("too_large", r.bodyAsJsonObject().getString("error"));
      String message = r.bodyAsJsonObject().getString("message");
      assertTrue(message.contains("part 'recommendations'") && message.contains("max-decoded-mb"),
          message);
      assertTrue(seconds < 20, "answered after " + seconds + " s");
      assertEquals(200, await(fx.client().getRoot("/health/live")).statusCode());
      assertTrue(usedHeap() - heapBefore < 256L << 20,
          "heap still holds " + ((usedHeap() - heapBefore) >> 20) + " MB more");
    }
  }

  @Test
  void deeplyNestedMetaJsonIs400() throws Exception {
    assertMetaRefused("{\"experiment_name\": \"deep\","
        + " \"hyper_parameters\": " + "[".repeat(1500) + "]".repeat(1500) + "}");
  }

  // The HTTP server's form decoder throws a plain IOException past 8 KiB and ErrorHandler answers
  // 500: the request-pipeline work (body limits, ErrorHandler) owns that fix.
  @Test
  void hugeMetaJsonIs4xx() throws Exception {
    assertMetaRefused("{\"experiment_name\": \"" + "x".repeat(1 << 20) + "\"}");
  }

  private void assertMetaRefused(String meta) throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 16L << 20)) {
      ApiClient api = fx.signup("meta@example.com");
      assertEquals(201, await(api.postTables("/datasets", Map.of("name", "tiny"),
          ServerFixture.datasetTables())).statusCode());
      HttpResponse<Buffer> r = await(api.postTables("/datasets/tiny/experiments",
          Map.of("meta", meta), Map.of("recommendations", ServerFixture.recommendations())));
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500,
          r.statusCode() + " " + r.bodyAsString());
      assertEquals(200, await(fx.client().getRoot("/health/live")).statusCode());
    }
  }

  /** One compressed batch written once and repeated: compressing 4.8 GB would take minutes. */
  static byte[] bomb(int columns, int rows, int batches) throws IOException {
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      fields.add(new Field("c" + c, FieldType.notNullable(new ArrowType.Int(64, true)), null));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int schemaEnd;
    int batchEnd;
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out),
            IpcOption.DEFAULT, CommonsCompressionFactory.INSTANCE,
            CompressionUtil.CodecType.ZSTD, Optional.empty())) {
      for (int c = 0; c < columns; c++) {
        BigIntVector v = (BigIntVector) root.getVector(c);
        v.allocateNew(rows);
        for (int r = 0; r < rows; r++) {
          v.set(r, 42L);
        }
        v.setValueCount(rows);
      }
      root.setRowCount(rows);
      writer.start();
      schemaEnd = out.size();
      writer.writeBatch();
      batchEnd = out.size();
      writer.end();
    }
    byte[] one = out.toByteArray();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.write(one, 0, schemaEnd);
    for (int b = 0; b < batches; b++) {
      stream.write(one, schemaEnd, batchEnd - schemaEnd);
    }
    stream.write(one, batchEnd, one.length - batchEnd);
    return stream.toByteArray();
  }

  private static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Sum of the heap pools' peaks since the reset (an upper bound of the heap in use). */
  private static long peakHeap() {
    long peak = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static long rss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) << 10;
      }
    }
    return -1;
  }
}
