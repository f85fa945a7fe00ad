package org.web4rec.platform.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BlobStore} adapter passes: the local directory here, S3 in
 * platform-adapters (this test-jar is how it reuses the suite).
 */
public abstract class BlobStoreContract {

  protected Vertx vertx;
  protected BlobStore store;

  protected abstract BlobStore create(Vertx vertx) throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = create(vertx);
  }

  @AfterEach
  void tearDown() throws Exception {
    await(vertx.close());
  }

  protected static <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  @Test
  void putGetExistsDelete() throws Exception {
    byte[] data = "hello".getBytes();
    await(store.put("teams/t1/datasets/d1/train.arrow", data));
    assertArrayEquals(data, await(store.get("teams/t1/datasets/d1/train.arrow")));
    assertTrue(await(store.exists("teams/t1/datasets/d1/train.arrow")));
    await(store.delete("teams/t1/datasets/d1/train.arrow"));
    assertFalse(await(store.exists("teams/t1/datasets/d1/train.arrow")));
    await(store.delete("teams/t1/datasets/d1/train.arrow")); // absent: still fine
  }

  @Test
  void missingBlobFailsWithNotFound() {
    assertInstanceOf(BlobNotFoundException.class,
        assertThrows(Exception.class, () -> await(store.get("teams/t1/none"))));
  }

  @Test
  void overwriteReplacesAndLargeBlobsRoundTrip() throws Exception {
    byte[] big = new byte[12 << 20];
    new Random(7).nextBytes(big);
    await(store.put("teams/t1/big", "small".getBytes()));
    await(store.put("teams/t1/big", big));
    assertArrayEquals(big, await(store.get("teams/t1/big")));
  }

  @Test
  void listAndDeleteByPrefixStayInsideThePrefix() throws Exception {
    await(store.put("teams/t1/experiments/e1/a", new byte[] {1}));
    await(store.put("teams/t1/experiments/e1/b", new byte[] {2}));
    await(store.put("teams/t1/experiments/e10/a", new byte[] {3}));
    await(store.put("teams/t2/experiments/e1/a", new byte[] {4}));
    assertEquals(List.of("teams/t1/experiments/e1/a", "teams/t1/experiments/e1/b"),
        await(store.list("teams/t1/experiments/e1/")));
    await(store.deletePrefix("teams/t1/experiments/e1/"));
    assertEquals(List.of(), await(store.list("teams/t1/experiments/e1/")));
    assertEquals(List.of("teams/t1/experiments/e10/a"),
        await(store.list("teams/t1/experiments/e10/")));
    assertTrue(await(store.exists("teams/t2/experiments/e1/a")));
  }

  @Test
  void keysCannotEscapeTheStore() {
    for (String bad : List.of("../x", "teams/../../etc/passwd", "/abs", "a//b", "a/./b", "a b",
        "")) {
      assertThrows(Exception.class, () -> await(store.put(bad, new byte[] {1})), bad);
    }
  }

  @Test
  void keysAndPrefixesCannotEscapeATeamPrefixOnAnyOperation() throws Exception {
    await(store.put("teams/t2/experiments/e1/a", new byte[] {9}));
    for (String bad : List.of("teams/t1/../t2/experiments/e1/a", "../teams/t2/experiments/e1/a",
        "teams/t1/./x", "/teams/t2/experiments/e1/a", "teams\\t2", "teams/t1/%2e%2e/t2")) {
      assertThrows(Exception.class, () -> await(store.get(bad)), bad);
      assertThrows(Exception.class, () -> await(store.exists(bad)), bad);
      assertThrows(Exception.class, () -> await(store.delete(bad)), bad);
      assertThrows(Exception.class, () -> await(store.put(bad, new byte[] {1})), bad);
    }
    for (String bad : List.of("teams/t1/../", "teams/t1/../t2/", "../", "/teams/",
        "teams//t2/", "teams/t1/..")) {
      assertThrows(Exception.class, () -> await(store.list(bad)), bad);
      assertThrows(Exception.class, () -> await(store.deletePrefix(bad)), bad);
    }
    assertArrayEquals(new byte[] {9}, await(store.get("teams/t2/experiments/e1/a")));
    assertEquals(List.of("teams/t2/experiments/e1/a"), await(store.list("teams/t2/")));
  }

  @Test
  void largeBlobOfUnevenSizeRoundTrips() throws Exception {
    // Larger than two 8 MiB parts with a short last part: exercises multipart uploads.
    byte[] big = new byte[(17 << 20) + 123];
    new Random(11).nextBytes(big);
    await(store.put("teams/t1/experiments/e1/recs.arrow", big));
    assertArrayEquals(big, await(store.get("teams/t1/experiments/e1/recs.arrow")));
    assertEquals(List.of("teams/t1/experiments/e1/recs.arrow"),
        await(store.list("teams/t1/experiments/e1/")));
  }

  @Test
  void listAndDeletePrefixCoverMoreKeysThanOnePage() throws Exception {
    // S3 lists and deletes at most 1000 keys per request.
    int n = 1010;
    List<Future<Void>> puts = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      puts.add(store.put(String.format("teams/t1/experiments/many/k%05d", i), new byte[] {1}));
      if (puts.size() == 50) {
        await(Future.all(puts));
        puts.clear();
      }
    }
    await(Future.all(puts));
    await(store.put("teams/t1/experiments/other/k", new byte[] {2}));
    List<String> keys = await(store.list("teams/t1/experiments/many/"));
    assertEquals(n, keys.size());
    assertEquals("teams/t1/experiments/many/k00000", keys.get(0));
    assertEquals(String.format("teams/t1/experiments/many/k%05d", n - 1), keys.get(n - 1));
    await(store.deletePrefix("teams/t1/experiments/many/"));
    assertEquals(List.of(), await(store.list("teams/t1/experiments/many/")));
    assertEquals(List.of("teams/t1/experiments/other/k"), await(store.list("teams/t1/")));
  }

  @Test
  void pingAnswers() throws Exception {
    await(store.ping());
  }
}
