package org.web4rec.platform.table;

import java.io.InputStream;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * An Arrow stream reader that refuses a record batch whose declared size does not fit the
 * allocator before any of it is decompressed. Arrow's loader leaks the buffers it already
 * decompressed when a later one fails to allocate, so the allocator limit alone would let every
 * refused bomb keep part of its memory.
 */
final class BoundedStreamReader extends ArrowStreamReader {

  private final DecodeBudget budget;

  BoundedStreamReader(InputStream in, BufferAllocator allocator, DecodeBudget budget) {
    super(in, allocator, CommonsCompressionFactory.INSTANCE);
    this.budget = budget;
  }

  @Override
  protected void loadRecordBatch(ArrowRecordBatch batch) {
    try {
      if (batch.getLength() > budget.limits().maxRows()) {
        budget.rows(batch.getLength());
      }
      if (declaredBytes(batch) > allocator.getHeadroom()) {
        throw budget.tooLarge();
      }
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
    super.loadRecordBatch(batch);
  }

  /** What loading the batch will allocate: decompressed buffers and any missing validity. */
  private static long declaredBytes(ArrowRecordBatch batch) {
    boolean compressed = batch.getBodyCompression() != null
        && batch.getBodyCompression().getCodec()
            != CompressionUtil.CodecType.NO_COMPRESSION.getType();
    long total = 0;
    for (ArrowBuf buf : batch.getBuffers()) {
      long written = buf.writerIndex();
      if (compressed && written >= CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH) {
        long declared = buf.getLong(0);
        total += declared == CompressionUtil.NO_COMPRESSION_LENGTH
            ? written - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH : Math.max(0, declared);
      }
    }
    for (ArrowFieldNode node : batch.getNodes()) {
      total += (node.getLength() + 7) / 8;
    }
    return total;
  }
}
