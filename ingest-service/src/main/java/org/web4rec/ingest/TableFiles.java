package org.web4rec.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.platform.table.CsvCodec;
import org.web4rec.platform.table.DecodeLimits;
import org.web4rec.core.table.Table;
import org.web4rec.platform.table.TableFormatException;

/**
 * Decodes an uploaded part as Arrow IPC or CSV by its content type, sniffing when unspecific,
 * within the server's {@link DecodeLimits}.
 */
final class TableFiles {

  private TableFiles() {}

  static Table decode(String part, Path file, String contentType, DecodeLimits limits) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      boolean arrow;
      if (contentType != null && contentType.startsWith(ArrowCodec.MEDIA_TYPE)) {
        arrow = true;
      } else if (contentType != null && contentType.startsWith("text/")) {
        arrow = false;
      } else {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        // Arrow IPC streams start with the 0xFFFFFFFF continuation marker.
        arrow = head.length == 4 && (head[0] & head[1] & head[2] & head[3]) == (byte) 0xFF;
      }
      return arrow ? ArrowCodec.read(in, limits) : CsvCodec.read(in, limits);
    } catch (TableFormatException e) {
      throw e.inPart(part);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
