package org.web4rec.launcher;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.web4rec.platform.adapters.blob.S3BlobStore;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.sql.Db;

/**
 * The ports one service process holds. The gateway only needs SQL (accounts), so its blob store
 * and bus are null. Tests pass one instance to several services to share embedded stores.
 */
public record Adapters(Db db, BlobStore blobs, MessageBus bus) {

  public Future<Void> close() {
    List<Future<Void>> all = new ArrayList<>();
    if (bus != null) {
      all.add(bus.close());
    }
    all.add(db.close());
    if (blobs instanceof S3BlobStore s3) {
      s3.close();
    }
    return Future.join(all).mapEmpty();
  }
}
