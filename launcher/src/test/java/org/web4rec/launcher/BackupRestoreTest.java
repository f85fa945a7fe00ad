package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded-mode backup and restore: back up, wipe the data directory, restore, read back. */
class BackupRestoreTest {

  @TempDir
  Path dir;

  @Test
  void aRestoredDataDirectoryServesTheSameExperimentAndMetrics() throws Exception {
    Path data = dir.resolve("data");
    Path backup = dir.resolve("backup");
    ServerFixture fx = new ServerFixture(data, 64L << 20);
    JsonObject before;
    String token;
    List<String> blobs;
    try {
      var signup = await(fx.client().postJson("/auth/signup", new JsonObject()
          .put("email", "backup@example.com").put("password", "password-123")));
      assertEquals(201, signup.statusCode(), signup.bodyAsString());
      token = signup.bodyAsJsonObject().getString("token");
      ApiClient api = fx.client().token(token);
      assertEquals(201, await(api.postTables("/datasets", Map.of("name", "kept"),
          ServerFixture.datasetTables())).statusCode());
      assertEquals(202, await(api.postTables("/datasets/kept/experiments",
          Map.of("meta", "{\"experiment_name\": \"hand\", \"ks\": [5, 1], \"n_candidates\": 5}"),
          Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
      before = fx.waitReady(api, "kept", "hand");
      assertEquals("ready", before.getString("status"));
      blobs = fx.blobFiles();
      // Another process (the command) meets the server's file lock and says what to do.
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
          "backup", dir.resolve("refused").toString(), "--data-dir", data.toString())
          .redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes());
      assertEquals(1, p.waitFor(), said);
      assertTrue(said.contains("stop the Web4Rec server first"), said);
    } finally {
      fx.stop();
    }

    Backup.backup(data, backup);
    wipe(data);
    assertFalse(Files.exists(data));
    Backup.restore(backup, data);
    assertThrows(java.io.IOException.class, () -> Backup.restore(backup, data),
        "a restore never overwrites data");

    fx.start();
    try {
      // The API token, the dataset, the experiment and its metrics all come back.
      ApiClient again = fx.client().token(token);
      JsonObject after = fx.waitReady(again, "kept", "hand");
      assertEquals(before.getString("id"), after.getString("id"));
      assertEquals(before.getJsonObject("metrics"), after.getJsonObject("metrics"));
      assertEquals(200, await(again.get("/datasets/kept/stats")).statusCode());
      assertEquals(blobs, fx.blobFiles());
    } finally {
      fx.stop();
    }
  }

  private static void wipe(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
