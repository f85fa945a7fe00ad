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

/** The contract every {@link BlobStore} adapter passes (local directory now, S3 later). */
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
  void pingAnswers() throws Exception {
    await(store.ping());
  }
}
