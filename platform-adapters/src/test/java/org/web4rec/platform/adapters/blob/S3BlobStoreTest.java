package org.web4rec.platform.adapters.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.blob.BlobStoreContract;
import org.web4rec.testing.LocalS3;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * S3 adapter against a real S3-compatible HTTP server on loopback (s3proxy, filesystem backend),
 * path-style, v4-signed, SDK default checksums. Part size 5 MiB so the contract's large blobs go
 * up as multipart uploads.
 */
class S3BlobStoreTest extends BlobStoreContract {

  private static final String BUCKET = "web4rec-test";
  private static LocalS3 s3;
  private static int bucketNo;
  private final List<S3BlobStore> opened = new ArrayList<>();
  private S3Config config;

  @BeforeAll
  static void startServer() {
    s3 = new LocalS3().start();
  }

  @AfterAll
  static void stopServer() {
    if (s3 != null) {
      s3.close();
    }
  }

  private static synchronized String freshBucket() {
    String name = BUCKET + "-" + (++bucketNo);
    s3.createBucket(name);
    return name;
  }

  private S3BlobStore open(S3Config c) {
    S3BlobStore store = new S3BlobStore(vertx, c);
    opened.add(store);
    return store;
  }

  @Override
  protected BlobStore create(Vertx vertx) {
    this.vertx = vertx;
    config = S3Config.compatible(s3.endpoint().toString(), LocalS3.REGION, freshBucket(),
        LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY).withPartSize(S3Config.MIN_PART_SIZE);
    return open(config);
  }

  @AfterEach
  void closeClients() {
    // Closing the SDK's Netty client waits out a ~2 s quiet period: do it off the test thread.
    List<S3BlobStore> toClose = new ArrayList<>(opened);
    opened.clear();
    new Thread(() -> toClose.forEach(S3BlobStore::close), "s3-client-close").start();
  }

  @Test
  void largeObjectsAreUploadedInParts() throws Exception {
    byte[] big = new byte[(11 << 20) + 7];
    new Random(3).nextBytes(big);
    await(store.put("teams/t1/big", big));
    try (S3AsyncClient client = S3BlobStore.client(config)) {
      String etag = client.headObject(r -> r.bucket(config.bucket()).key("teams/t1/big")).join()
          .eTag();
      // S3 gives multipart objects an ETag "<md5 of part md5s>-<number of parts>".
      assertTrue(etag.replace("\"", "").endsWith("-3"), etag);
      String small = client.headObject(r -> r.bucket(config.bucket()).key("teams/t1/big2"))
          .handle((r, e) -> e == null ? r.eTag() : "absent").join();
      assertEquals("absent", small);
    }
    assertArrayEquals(big, await(store.get("teams/t1/big")));
  }

  @Test
  void rootPrefixesSeparateInstallationsSharingABucket() throws Exception {
    BlobStore a = open(config.withRootPrefix("install-a/"));
    BlobStore b = open(config.withRootPrefix("install-b/"));
    await(a.put("teams/t1/x", new byte[] {1}));
    await(b.put("teams/t1/x", new byte[] {2}));
    assertArrayEquals(new byte[] {1}, await(a.get("teams/t1/x")));
    assertEquals(List.of("teams/t1/x"), await(a.list("teams/")));
    await(a.deletePrefix("teams/"));
    assertFalse(await(a.exists("teams/t1/x")));
    assertArrayEquals(new byte[] {2}, await(b.get("teams/t1/x")));
    // the bucket root (no prefix) sees both installations' objects under their prefixes
    assertEquals(List.of("install-b/teams/t1/x"), await(store.list("")));
  }

  @Test
  void wrongCredentialsAndMissingBucketFailPing() {
    BlobStore wrongKey = open(S3Config.compatible(s3.endpoint().toString(), LocalS3.REGION,
        config.bucket(), LocalS3.ACCESS_KEY, "not-the-secret"));
    assertThrows(Exception.class, () -> await(wrongKey.ping()));
    assertThrows(Exception.class, () -> await(wrongKey.put("teams/t1/x", new byte[] {1})));
    BlobStore noBucket = open(S3Config.compatible(s3.endpoint().toString(), LocalS3.REGION,
        "no-such-bucket", LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY));
    assertThrows(Exception.class, () -> await(noBucket.ping()));
  }

  @Test
  void clientWithChecksumsOnlyWhenRequiredWorksToo() throws Exception {
    S3Config c = new S3Config(config.endpoint(), config.region(), config.bucket(), true,
        config.accessKeyId(), config.secretAccessKey(), S3Config.MIN_PART_SIZE, "", true);
    BlobStore plain = open(c);
    byte[] data = new byte[(6 << 20) + 1];
    new Random(5).nextBytes(data);
    await(plain.put("teams/t1/c", data));
    assertArrayEquals(data, await(plain.get("teams/t1/c")));
    await(plain.deletePrefix("teams/t1/"));
    assertEquals(List.of(), await(plain.list("teams/t1/")));
  }

  @Test
  void storeWorksAgainAfterTheServerRestartsAndKeepsItsObjects() throws Exception {
    await(store.put("teams/t1/kept", new byte[] {4, 2}));
    s3.stop();
    try {
      assertThrows(Exception.class, () -> await(store.ping()));
      assertThrows(Exception.class, () -> await(store.put("teams/t1/lost", new byte[] {1})));
    } finally {
      s3.start();
    }
    await(store.ping());
    assertArrayEquals(new byte[] {4, 2}, await(store.get("teams/t1/kept")));
    assertFalse(await(store.exists("teams/t1/lost")));
    await(store.put("teams/t1/new", new byte[] {7}));
    assertEquals(List.of("teams/t1/kept", "teams/t1/new"), await(store.list("teams/t1/")));
  }
}
