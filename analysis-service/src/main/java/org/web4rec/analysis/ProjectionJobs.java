package org.web4rec.analysis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.web4rec.core.projection.Projector.Progress;
import org.web4rec.platform.blob.BlobNotFoundException;
import org.web4rec.platform.blob.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous, cached projection jobs. A map is computed at most once per blob key (experiment ×
 * entity × method × neighbours) in this process: concurrent requests share the running job and see
 * its stage and progress; the result is written as a JSON blob under the experiment's prefix, so
 * it survives restarts and goes away with the experiment's blobs. A failed job is reported once
 * (500) and forgotten, so the next request retries. Jobs run one at a time on their own worker
 * thread: a long UMAP must neither block the event loop nor starve the shared worker pool that
 * uploads and metric jobs use.
 */
final class ProjectionJobs {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionJobs.class);

  /** The answer to one projection request. */
  sealed interface Answer permits Done, Running, Failed {}

  /** The stored map, as the JSON bytes that were written. */
  record Done(Buffer body) implements Answer {}

  record Running(String stage, double progress) implements Answer {}

  record Failed(String message) implements Answer {}

  private static final class Job implements Progress {
    volatile String stage = "queued";
    volatile double progress;
    volatile Buffer result;
    volatile String error;

    @Override
    public void update(String stage, double fraction) {
      this.stage = stage;
      this.progress = Math.max(progress, Math.min(1, fraction));
    }
  }

  private final BlobStore blobs;
  private final WorkerExecutor worker;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  /**
   * Keys whose blob this process wrote: a request whose blob read missed just before the write
   * finished must not start the job again.
   */
  private final java.util.Set<String> stored = ConcurrentHashMap.newKeySet();

  ProjectionJobs(Vertx vertx, BlobStore blobs) {
    this.blobs = blobs;
    this.worker = vertx.createSharedWorkerExecutor("web4rec-projection", 1, 60, TimeUnit.MINUTES);
  }

  /**
   * @param key the blob key of the map
   * @param compute the computation; runs on the projection worker (blocking allowed), reporting
   *     progress to the given sink
   */
  Future<Answer> get(String key, Supplier<Future<Computation>> compute) {
    Job job = jobs.get(key);
    if (job != null) {
      return Future.succeededFuture(answer(key, job));
    }
    return blobs.get(key).<Answer>map(bytes -> new Done(Buffer.buffer(bytes)))
        .recover(t -> {
          if (!(t instanceof BlobNotFoundException)) {
            return Future.failedFuture(t);
          }
          if (stored.contains(key)) {
            return blobs.get(key).map(bytes -> new Done(Buffer.buffer(bytes)));
          }
          Job fresh = new Job();
          Job existing = jobs.putIfAbsent(key, fresh);
          if (existing != null) {
            return Future.succeededFuture(answer(key, existing));
          }
          start(key, fresh, compute);
          // The request that starts a job always answers 202, even if the job already ended
          // (possible off the event loop): its result or error goes to the next request.
          return Future.succeededFuture(new Running("queued", 0));
        });
  }

  /** A loaded job, ready to run off the event loop. */
  interface Computation {
    JsonObject run(Progress progress);
  }

  private void start(String key, Job job, Supplier<Future<Computation>> compute) {
    Future<Computation> inputs;
    try {
      inputs = compute.get();
    } catch (RuntimeException e) {
      inputs = Future.failedFuture(e);
    }
    inputs.compose(c -> worker.executeBlocking(() -> {
      long t = System.nanoTime();
      Buffer body = c.run(job).toBuffer();
      LOG.info("projection {} computed in {} ms", key, (System.nanoTime() - t) / 1_000_000);
      return body;
    }, false)).compose(body -> blobs.put(key, body.getBytes()).map(v -> body))
        .onSuccess(body -> {
          job.result = body;
          job.update("done", 1);
          stored.add(key);
          // The blob is stored: later requests read it; this one finished job can go.
          jobs.remove(key, job);
        })
        .onFailure(t -> {
          LOG.warn("projection {} failed", key, t);
          job.error = t.getMessage() == null ? t.toString() : t.getMessage();
        });
  }

  private Answer answer(String key, Job job) {
    if (job.result != null) {
      return new Done(job.result);
    }
    if (job.error != null) {
      jobs.remove(key, job);
      return new Failed(job.error);
    }
    return new Running(job.stage, job.progress);
  }

  /** Drops nothing but lets tests and shutdown wait for the worker. */
  Future<Void> close() {
    return worker.close();
  }
}
