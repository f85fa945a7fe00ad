package org.web4rec.analysis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.web4rec.platform.blob.BlobStore;

/**
 * The last few decoded experiment blobs (candidate lists, per-user metric tables), so a burst of
 * lasso selections on one experiment decodes its lists once. Keyed by blob key and the
 * experiment's update stamp, so a recomputed experiment is a new entry. Failed loads are not kept.
 */
final class DecodedBlobs<T> {

  private final Vertx vertx;
  private final BlobStore blobs;
  private final Map<String, Future<T>> entries;

  DecodedBlobs(Vertx vertx, BlobStore blobs, int capacity) {
    this.vertx = vertx;
    this.blobs = blobs;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Future<T>> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Future<T> get(String key, long stamp, Function<byte[], T> decode) {
    String k = key + "@" + stamp;
    Future<T> f = entries.get(k);
    if (f == null || f.failed()) {
      f = blobs.get(key).compose(bytes -> vertx.executeBlocking(() -> decode.apply(bytes), false));
      entries.put(k, f);
    }
    return f;
  }
}
