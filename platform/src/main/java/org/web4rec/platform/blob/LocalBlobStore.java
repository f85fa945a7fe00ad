package org.web4rec.platform.blob;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Blobs as files under a root directory (the embedded default, {@code ./data/blobs}). Writes go to
 * a temporary file that is then renamed into place, so a crash never leaves a half-written blob
 * under a real key. File I/O runs on worker threads.
 */
public final class LocalBlobStore implements BlobStore {

  private final Vertx vertx;
  private final Path root;
  private final Path tmp;

  public LocalBlobStore(Vertx vertx, Path root) {
    this.vertx = vertx;
    this.root = root.toAbsolutePath().normalize();
    this.tmp = this.root.resolve(".tmp");
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create blob directory " + root, e);
    }
  }

  private Path pathOf(String key) {
    Path p = root.resolve(BlobKeys.validate(key)).normalize();
    if (!p.startsWith(root) || p.startsWith(tmp)) {
      throw new IllegalArgumentException("blob key escapes the store: " + key);
    }
    return p;
  }

  @Override
  public Future<Void> put(String key, byte[] data) {
    return vertx.executeBlocking(() -> {
      Path target = pathOf(key);
      Files.createDirectories(target.getParent());
      Path part = tmp.resolve(UUID.randomUUID() + ".part");
      Files.write(part, data);
      try {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return null;
    }, false);
  }

  @Override
  public Future<byte[]> get(String key) {
    return vertx.executeBlocking(() -> {
      try {
        return Files.readAllBytes(pathOf(key));
      } catch (NoSuchFileException e) {
        throw new BlobNotFoundException(key);
      }
    }, false);
  }

  @Override
  public Future<Boolean> exists(String key) {
    return vertx.executeBlocking(() -> Files.isRegularFile(pathOf(key)), false);
  }

  @Override
  public Future<Void> delete(String key) {
    return vertx.executeBlocking(() -> {
      Files.deleteIfExists(pathOf(key));
      return null;
    }, false);
  }

  @Override
  public Future<Void> deletePrefix(String prefix) {
    return vertx.executeBlocking(() -> {
      for (String key : listSync(prefix)) {
        Files.deleteIfExists(pathOf(key));
      }
      Path dir = root.resolve(BlobKeys.validatePrefix(prefix)).normalize();
      if (prefix.endsWith("/") && Files.isDirectory(dir) && dir.startsWith(root)) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException e) {
          if (!(e.getCause() instanceof NoSuchFileException)) {
            throw e;
          }
          // deleted meanwhile by another deletePrefix: what this call wanted
        }
      }
      return null;
    }, false);
  }

  @Override
  public Future<List<String>> list(String prefix) {
    return vertx.executeBlocking(() -> listSync(prefix), false);
  }

  private List<String> listSync(String prefix) throws IOException {
    BlobKeys.validatePrefix(prefix);
    // Walk only the prefix's deepest directory, not the whole store: cheaper, and a concurrent
    // deletePrefix elsewhere cannot pull a directory from under this walk.
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash)).normalize();
    for (int attempt = 1; ; attempt++) {
      if (!start.startsWith(root) || !Files.isDirectory(start)) {
        return List.of();
      }
      List<String> keys = new ArrayList<>();
      try (Stream<Path> s = Files.walk(start)) {
        s.filter(Files::isRegularFile)
            .filter(p -> !p.startsWith(tmp))
            .map(p -> root.relativize(p).toString().replace('\\', '/'))
            .filter(k -> k.startsWith(prefix))
            .sorted()
            .forEach(keys::add);
        return keys;
      } catch (UncheckedIOException e) {
        // A concurrent deletePrefix removed a directory below the prefix mid-walk: walk again.
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == 3) {
          throw e;
        }
      }
    }
  }


  @Override
  public Future<Void> ping() {
    return vertx.executeBlocking(() -> {
      if (!Files.isDirectory(root) || !Files.isWritable(root)) {
        throw new IOException("blob directory not writable: " + root);
      }
      return null;
    }, false);
  }
}
