package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.ingest.OrphanSweeper;
import org.web4rec.platform.adapters.sql.EmbeddedSql;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.LocalBlobStore;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.Db;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.Schema;

/** The orphan sweep over the embedded adapters, with orphans made by hand (a put without a row). */
class OrphanSweeperTest {

  @TempDir
  Path dir;
  Vertx vertx;
  Db db;
  LocalBlobStore blobs;
  DatasetRepository datasets;
  ExperimentRepository experiments;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = EmbeddedSql.open(vertx, dir.resolve("db"));
    await(Schema.migrate(db));
    blobs = new LocalBlobStore(vertx, dir.resolve("blobs"));
    datasets = new DatasetRepository(db);
    experiments = new ExperimentRepository(db);
  }

  @AfterEach
  void close() throws Exception {
    await(db.close());
    await(vertx.close());
  }

  private void put(String key) throws Exception {
    await(blobs.put(key, "x".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void deletesUnreferencedPrefixesAfterTheGracePeriodAndKeepsReferencedOnes() throws Exception {
    String kept = BlobKeys.dataset("t1", "ds-kept");
    await(datasets.insert(new DatasetRecord("ds-kept", "t1", "kept", 1, new JsonObject(), 0)));
    put(kept + "train.arrow");
    String orphanDs = BlobKeys.dataset("t1", "ds-orphan");
    put(orphanDs + "train.arrow");
    put(orphanDs + "users.arrow");
    String orphanExp = BlobKeys.experiment("t1", "ex-orphan");
    put(orphanExp + "candidates.arrow");
    // A row of another team does not make the prefix referenced.
    String wrongTeam = BlobKeys.dataset("t2", "ds-kept");
    put(wrongTeam + "train.arrow");
    put("elsewhere/not-a-team-key");

    AtomicLong now = new AtomicLong(1_000_000);
    OrphanSweeper sweeper = new OrphanSweeper(blobs, datasets, experiments,
        new OrphanSweeper.Settings(60_000, 3_600_000), now::get);
    assertEquals(List.of(), await(sweeper.sweep()), "inside the grace period nothing goes");
    assertEquals(6, await(blobs.list("")).size());

    now.addAndGet(3_600_000);
    assertEquals(List.of(orphanDs, orphanExp, wrongTeam).stream().sorted().toList(),
        await(sweeper.sweep()).stream().sorted().toList());
    assertEquals(List.of("elsewhere/not-a-team-key", kept + "train.arrow"),
        await(blobs.list("")));
  }

  @Test
  void aGraceOfZeroDeletesOrphansAtTheFirstSweep() throws Exception {
    String orphan = BlobKeys.experiment("t1", "ex-crashed");
    put(orphan + "candidates.arrow");
    OrphanSweeper sweeper = new OrphanSweeper(blobs, datasets, experiments,
        new OrphanSweeper.Settings(60_000, 0), System::currentTimeMillis);
    assertEquals(List.of(orphan), await(sweeper.sweep()));
    assertEquals(List.of(), await(blobs.list("teams/")));
  }

  @Test
  void aPrefixWhoseRowAppearsDuringTheGracePeriodIsKept() throws Exception {
    String prefix = BlobKeys.dataset("t1", "ds-late");
    put(prefix + "train.arrow");
    AtomicLong now = new AtomicLong(0);
    OrphanSweeper sweeper = new OrphanSweeper(blobs, datasets, experiments,
        new OrphanSweeper.Settings(60_000, 1_000), now::get);
    await(sweeper.sweep());
    await(datasets.insert(new DatasetRecord("ds-late", "t1", "late", 1, new JsonObject(), 0)));
    now.set(5_000);
    assertEquals(List.of(), await(sweeper.sweep()));
    assertEquals(List.of(prefix + "train.arrow"), await(blobs.list("teams/")));
  }
}
