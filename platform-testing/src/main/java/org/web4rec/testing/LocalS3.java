package org.web4rec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible HTTP server on a free loopback port: s3proxy in this JVM over a jclouds
 * filesystem store in a temporary directory, with AWS v4 signatures checked against fixed test
 * credentials. {@link #stop} and {@link #start} keep the port and the data (fault tests);
 * {@link #close} deletes the data.
 *
 * <p>s3proxy 2.9.0 answers 501 to the request-checksum headers that the AWS SDK v2 sends by
 * default; the server here ignores unknown headers, so the production client keeps its defaults.
 */
public final class LocalS3 implements AutoCloseable {

  public static final String ACCESS_KEY = "web4rec-test-access";
  public static final String SECRET_KEY = "web4rec-test-secret-key";
  public static final String REGION = "us-east-1";

  private final Path dir;
  private final int port;
  private final BlobStoreContext context;
  private S3Proxy proxy;

  public LocalS3() {
    this(tempDir(), FreePorts.next());
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("w4r-s3");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server whose objects stay in {@code dir} across runs ({@link DevInfra}). */
  public LocalS3(Path dir, int port) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.dir = dir;
    this.port = port;
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", dir.toString());
    context = ContextBuilder.newBuilder("filesystem").overrides(props)
        .build(BlobStoreContext.class);
  }

  public synchronized LocalS3 start() {
    if (proxy != null) {
      return this;
    }
    S3Proxy p = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(endpoint())
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .ignoreUnknownHeaders(true)
        .build();
    try {
      p.start();
      long deadline = System.currentTimeMillis() + 30_000;
      while (!"STARTED".equals(p.getState())) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("s3proxy not started within 30 s: " + p.getState());
        }
        Thread.sleep(20);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not start s3proxy on port " + port, e);
    }
    proxy = p;
    return this;
  }

  /** Creates a bucket directly in the backing store. */
  public LocalS3 createBucket(String name) {
    BlobStore store = context.getBlobStore();
    store.createContainerInLocation(null, name);
    return this;
  }

  /** Stops the HTTP server; the port and data stay for {@link #start}. */
  public synchronized void stop() {
    if (proxy == null) {
      return;
    }
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop s3proxy", e);
    }
    proxy = null;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The backing directory: one folder per bucket, one file per object. */
  public Path directory() {
    return dir;
  }

  @Override
  public void close() {
    stop();
    context.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temp data only
    }
  }
}
