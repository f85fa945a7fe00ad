package org.web4rec.platform.blob;

import io.vertx.core.Future;
import java.util.List;

/**
 * Port for large immutable objects (tables, per-user metrics). Keys are relative paths validated
 * by {@link BlobKeys}; every adapter (local directory, S3) passes the same contract suite.
 * A put is atomic: readers see the whole object or nothing.
 */
public interface BlobStore {

  Future<Void> put(String key, byte[] data);

  /** Fails with {@link BlobNotFoundException} when absent. */
  Future<byte[]> get(String key);

  Future<Boolean> exists(String key);

  /** Deleting an absent key succeeds (deletes are retried on cleanup paths). */
  Future<Void> delete(String key);

  /** Deletes every key under the prefix. */
  Future<Void> deletePrefix(String prefix);

  /** Keys under a prefix, sorted. */
  Future<List<String>> list(String prefix);

  /** Answers when the store is usable (for readiness checks). */
  Future<Void> ping();
}
