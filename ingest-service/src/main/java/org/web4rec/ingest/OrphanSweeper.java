package org.web4rec.ingest;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.ExperimentRepository;

/**
 * Deletes blobs that no row references: what a crash between a blob write and its row insert, or
 * between a row delete and its blobs' delete ({@link Deletions}), leaves behind. Looks at every
 * {@code teams/<team>/datasets/<id>/} and {@code teams/<team>/experiments/<id>/} prefix and
 * deletes the ones whose id has no row of that team once they have been unreferenced for the
 * grace period.
 *
 * <p>The grace period is measured from the first sweep that found the prefix unreferenced (the
 * blob port has no modification times, and an upload in flight has its blobs before its row): a
 * prefix whose row appears in the meantime is kept. Ids are never reused, so an orphan stays one.
 * Replicas may sweep concurrently; deleting an absent key succeeds.
 */
public final class OrphanSweeper extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanSweeper.class);

  /**
   * @param intervalMs time between sweeps ({@code WEB4REC_ORPHAN_SWEEP_MINUTES}, default 15)
   * @param graceMs how long a prefix stays unreferenced before it goes
   *     ({@code WEB4REC_ORPHAN_GRACE_MINUTES}, default 60)
   */
  public record Settings(long intervalMs, long graceMs) {

    public static Settings fromEnvironment(Map<String, String> env) {
      return new Settings(minutes(env, "WEB4REC_ORPHAN_SWEEP_MINUTES", 15),
          minutes(env, "WEB4REC_ORPHAN_GRACE_MINUTES", 60));
    }

    private static long minutes(Map<String, String> env, String name, long fallback) {
      String v = env.get(name);
      long m = v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
      if (m < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, got " + m);
      }
      return m * 60_000L;
    }
  }

  /** A blob prefix of one dataset or experiment. */
  private record Owner(String teamId, boolean dataset, String id) {}

  private final BlobStore blobs;
  private final DatasetRepository datasets;
  private final ExperimentRepository experiments;
  private final Settings settings;
  private final LongSupplier clock;
  private final Map<String, Long> unreferencedSince = new HashMap<>();
  private long timer = -1;

  public OrphanSweeper(BlobStore blobs, DatasetRepository datasets,
      ExperimentRepository experiments, Settings settings, LongSupplier clock) {
    this.blobs = blobs;
    this.datasets = datasets;
    this.experiments = experiments;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(settings.intervalMs(), settings.intervalMs(), id -> sweep()
        .onFailure(t -> LOG.warn("orphan sweep failed; the next one retries", t)));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }

  /**
   * One sweep: rows without a parent row first (their blobs become orphans), then blob prefixes.
   *
   * @return the blob prefixes deleted
   */
  public Future<List<String>> sweep() {
    long now = clock.getAsLong();
    return experiments.deleteDetached()
        .compose(rows -> blobs.list("teams/"))
        .compose(keys -> {
          Map<String, Owner> owners = owners(keys);
          unreferencedSince.keySet().retainAll(owners.keySet());
          Future<List<String>> chain = Future.succeededFuture(new java.util.ArrayList<>());
          for (Map.Entry<String, Owner> e : owners.entrySet()) {
            chain = chain.compose(deleted -> visit(e.getKey(), e.getValue(), now)
                .map(gone -> {
                  if (gone) {
                    deleted.add(e.getKey());
                  }
                  return deleted;
                }));
          }
          return chain;
        })
        .onSuccess(deleted -> {
          if (!deleted.isEmpty()) {
            LOG.info("orphan sweep deleted {} blob prefixes: {}", deleted.size(), deleted);
          }
        });
  }

  private Future<Boolean> visit(String prefix, Owner owner, long now) {
    return referenced(owner).compose(yes -> {
      if (yes) {
        unreferencedSince.remove(prefix);
        return Future.succeededFuture(false);
      }
      long since = unreferencedSince.computeIfAbsent(prefix, k -> now);
      if (now - since < settings.graceMs()) {
        return Future.succeededFuture(false);
      }
      return blobs.deletePrefix(prefix).map(v -> {
        unreferencedSince.remove(prefix);
        return true;
      });
    });
  }

  private Future<Boolean> referenced(Owner o) {
    return o.dataset()
        ? datasets.findById(o.id()).map(d -> d.isPresent() && d.get().teamId().equals(o.teamId()))
        : experiments.findById(o.id())
            .map(e -> e.isPresent() && e.get().teamId().equals(o.teamId()));
  }

  /** Prefix → owner for every key of the layout in {@code BlobKeys}; other keys are left alone. */
  static Map<String, Owner> owners(List<String> keys) {
    Map<String, Owner> out = new LinkedHashMap<>();
    for (String key : keys) {
      String[] seg = key.split("/");
      if (seg.length < 5 || !seg[0].equals("teams")
          || !(seg[2].equals("datasets") || seg[2].equals("experiments"))) {
        continue;
      }
      String prefix = String.join("/", seg[0], seg[1], seg[2], seg[3]) + "/";
      out.putIfAbsent(prefix, new Owner(seg[1], seg[2].equals("datasets"), seg[3]));
    }
    return out;
  }
}
