package org.web4rec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.blob.LocalBlobStore;

/** One job per key, progress while running, the blob afterwards, a failure reported once. */
class ProjectionJobsTest {

  @TempDir
  Path dir;
  Vertx vertx;
  LocalBlobStore blobs;
  ProjectionJobs jobs;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    blobs = new LocalBlobStore(vertx, dir);
    jobs = new ProjectionJobs(vertx, blobs);
  }

  @AfterEach
  void stop() throws Exception {
    await(jobs.close());
    await(vertx.close());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void concurrentRequestsShareOneJobAndTheResultIsStored() throws Exception {
    String key = "teams/t/experiments/e/projection-user-pca.json";
    AtomicInteger started = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ProjectionJobs.Computation work = progress -> {
      progress.update("svd", 0.3);
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new JsonObject().put("ids", 1);
    };
    ProjectionJobs.Answer first = await(jobs.get(key, () -> {
      started.incrementAndGet();
      return Future.succeededFuture(work);
    }));
    assertInstanceOf(ProjectionJobs.Running.class, first);
    // while it runs, further requests see the same job (and its progress), start nothing new
    ProjectionJobs.Answer second;
    long deadline = System.currentTimeMillis() + 10_000;
    do {
      second = await(jobs.get(key, () -> {
        started.incrementAndGet();
        return Future.succeededFuture(work);
      }));
      Thread.sleep(10);
    } while (((ProjectionJobs.Running) second).stage().equals("queued")
        && System.currentTimeMillis() < deadline);
    assertEquals("svd", ((ProjectionJobs.Running) second).stage());
    assertEquals(0.3, ((ProjectionJobs.Running) second).progress(), 1e-12);
    assertEquals(1, started.get());
    release.countDown();
    ProjectionJobs.Answer done;
    do {
      done = await(jobs.get(key, () -> Future.failedFuture("must not start again")));
      Thread.sleep(10);
    } while (done instanceof ProjectionJobs.Running && System.currentTimeMillis() < deadline + 10_000);
    assertInstanceOf(ProjectionJobs.Done.class, done);
    assertEquals(new JsonObject().put("ids", 1), ((ProjectionJobs.Done) done).body().toJsonObject());
    assertEquals(new JsonObject().put("ids", 1), new JsonObject(new String(await(blobs.get(key)))));
    assertEquals(1, started.get());
  }

  @Test
  void aFailureIsReportedOnceThenRetried() throws Exception {
    String key = "teams/t/experiments/e/projection-item-umap-n15.json";
    AtomicInteger runs = new AtomicInteger();
    ProjectionJobs.Computation failing = progress -> {
      runs.incrementAndGet();
      throw new IllegalArgumentException("UMAP needs at least 3 points, got 2");
    };
    assertInstanceOf(ProjectionJobs.Running.class,
        await(jobs.get(key, () -> Future.succeededFuture(failing))));
    ProjectionJobs.Answer a;
    long deadline = System.currentTimeMillis() + 10_000;
    do {
      a = await(jobs.get(key, () -> Future.succeededFuture(failing)));
      Thread.sleep(10);
    } while (a instanceof ProjectionJobs.Running && System.currentTimeMillis() < deadline);
    assertInstanceOf(ProjectionJobs.Failed.class, a);
    assertTrue(((ProjectionJobs.Failed) a).message().contains("at least 3 points"));
    assertEquals(1, runs.get());
    // reported once: the next request starts a new job
    assertInstanceOf(ProjectionJobs.Running.class,
        await(jobs.get(key, () -> Future.succeededFuture(failing))));
    deadline = System.currentTimeMillis() + 10_000;
    while (runs.get() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(2, runs.get());
  }
}
