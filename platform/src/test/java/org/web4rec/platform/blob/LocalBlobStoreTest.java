package org.web4rec.platform.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest extends BlobStoreContract {

  @TempDir
  Path root;

  @Override
  protected BlobStore create(Vertx vertx) {
    return new LocalBlobStore(vertx, root);
  }

  @Test
  void writesLeaveNoTemporaryFiles() throws Exception {
    await(store.put("teams/t/x", new byte[1000]));
    try (var s = Files.list(root.resolve(".tmp"))) {
      assertEquals(0, s.count());
    }
  }
}
