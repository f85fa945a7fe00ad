package org.web4rec.platform.data;

import org.web4rec.core.data.Dataset;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.BlobStore;

/**
 * Keeps the most recently used decoded datasets, so a burst of uploads on one dataset decodes its
 * blobs once. Keyed by dataset id and version (a new version is a new entry). Event-loop confined.
 */
public final class DatasetCache {

  private final Vertx vertx;
  private final BlobStore blobs;
  private final Map<String, Future<Dataset>> entries;

  public DatasetCache(Vertx vertx, BlobStore blobs, int capacity) {
    this.vertx = vertx;
    this.blobs = blobs;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Future<Dataset>> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Forgets every version of a deleted dataset, with its co-occurrence table, so its memory goes
   * now rather than when newer datasets push it out.
   */
  public synchronized void evict(String datasetId) {
    entries.entrySet().removeIf(e -> {
      if (!e.getKey().startsWith(datasetId + "@")) {
        return false;
      }
      if (e.getValue().succeeded()) {
        CoocTables.forget(e.getValue().result());
      }
      return true;
    });
  }

  public synchronized Future<Dataset> get(String teamId, String datasetId, int version) {
    String key = datasetId + "@" + version;
    Future<Dataset> f = entries.get(key);
    if (f == null || f.failed()) {
      f = StoredDataset.load(vertx, blobs, BlobKeys.dataset(teamId, datasetId));
      entries.put(key, f);
    }
    return f;
  }
}
