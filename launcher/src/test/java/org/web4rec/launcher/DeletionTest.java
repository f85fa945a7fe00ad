package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DELETE of datasets and experiments end to end: rows, blobs, tenancy, derived re-ranks. */
class DeletionTest {

  @TempDir
  static Path dir;
  static ServerFixture fx;

  @BeforeAll
  static void start() throws Exception {
    fx = new ServerFixture(dir, 64L << 20);
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  /** Registers {@code ds} with one ready experiment {@code base} and its re-rank {@code nov}. */
  static void seed(ApiClient api, String ds) throws Exception {
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", ds),
        ServerFixture.datasetTables())).statusCode());
    assertEquals(202, await(api.postTables("/datasets/" + ds + "/experiments",
        Map.of("meta", "{\"experiment_name\": \"base\", \"ks\": [3], \"n_candidates\": 5}"),
        Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
    assertEquals("ready", fx.waitReady(api, ds, "base").getString("status"));
    var r = await(api.postJson("/datasets/" + ds + "/experiments/base/rerank", new JsonObject()
        .put("objective", "novelty").put("lambda", 0.5).put("k", 3).put("name", "nov")));
    assertEquals(202, r.statusCode(), r.bodyAsString());
    assertEquals("ready", fx.waitReady(api, ds, "nov").getString("status"));
  }

  @Test
  void deletingADatasetReturnsTheBlobCountToWhatItWasAndItsGetAnswers404() throws Exception {
    ApiClient api = fx.signup("delete-ds@example.com");
    List<String> before = fx.blobFiles();
    seed(api, "gone");
    assertTrue(fx.blobFiles().size() > before.size());

    assertEquals(204, await(api.delete("/datasets/gone")).statusCode());

    assertEquals(before, fx.blobFiles());
    assertEquals(404, await(api.get("/datasets/gone")).statusCode());
    assertEquals(404, await(api.get("/datasets/gone/experiments/base")).statusCode());
    assertEquals(404, await(api.delete("/datasets/gone")).statusCode());
    // The name is free again, and the new dataset starts empty.
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", "gone"),
        ServerFixture.datasetTables())).statusCode());
    assertEquals(0, await(api.get("/datasets/gone/experiments")).bodyAsJsonObject()
        .getJsonArray("experiments").size());
  }

  @Test
  void anotherTeamGets404AndTheDataStays() throws Exception {
    ApiClient alice = fx.signup("delete-alice@example.com");
    ApiClient bob = fx.signup("delete-bob@example.com");
    seed(alice, "mine");
    List<String> blobs = fx.blobFiles();

    assertEquals(404, await(bob.delete("/datasets/mine")).statusCode());
    assertEquals(404, await(bob.delete("/datasets/mine/experiments/base")).statusCode());
    assertEquals(401, await(fx.client().delete("/datasets/mine")).statusCode());

    assertEquals(blobs, fx.blobFiles());
    assertEquals("ready", fx.waitReady(alice, "mine", "base").getString("status"));
  }

  @Test
  void deletingAnExperimentTakesItsReranksAndLeavesTheRest() throws Exception {
    ApiClient api = fx.signup("delete-exp@example.com");
    seed(api, "keep");
    assertEquals(202, await(api.postTables("/datasets/keep/experiments",
        Map.of("meta", "{\"experiment_name\": \"other\", \"ks\": [3], \"n_candidates\": 5}"),
        Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
    JsonObject other = fx.waitReady(api, "keep", "other");
    String baseId = fx.waitReady(api, "keep", "base").getString("id");
    String novId = fx.waitReady(api, "keep", "nov").getString("id");

    assertEquals(404, await(api.delete("/datasets/keep/experiments/ghost")).statusCode());
    assertEquals(204, await(api.delete("/datasets/keep/experiments/base")).statusCode());

    assertEquals(404, await(api.get("/datasets/keep/experiments/base")).statusCode());
    assertEquals(404, await(api.get("/datasets/keep/experiments/nov")).statusCode());
    JsonArray left = await(api.get("/datasets/keep/experiments")).bodyAsJsonObject()
        .getJsonArray("experiments");
    assertEquals(1, left.size());
    assertEquals(other.getString("id"), left.getJsonObject(0).getString("id"));
    assertEquals(other.getJsonObject("metrics"), fx.waitReady(api, "keep", "other")
        .getJsonObject("metrics"));
    assertEquals(200, await(api.get("/datasets/keep")).statusCode());
    List<String> blobs = fx.blobFiles();
    assertFalse(blobs.stream().anyMatch(b -> b.contains(baseId) || b.contains(novId)), blobs::toString);
    assertTrue(blobs.stream().anyMatch(b -> b.contains(other.getString("id"))));
  }
}
