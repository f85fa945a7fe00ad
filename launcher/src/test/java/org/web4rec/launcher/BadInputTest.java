package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.contracts.Topics;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Every bad input answers a 4xx that names the problem and gives an example, and leaves nothing
 * behind: no blob, no metadata row, no event.
 */
class BadInputTest {

  @TempDir
  static Path dir;
  static ServerFixture fx;
  static ApiClient api;
  static final AtomicInteger uploadedEvents = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    fx = new ServerFixture(dir, 1L << 20); // 1 MiB body limit for the 413 case
    api = fx.signup("bad@example.com");
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables())).statusCode());
    // Observe experiment.uploaded in a consumer group of its own: it sees every event.
    await(fx.server.bus().subscribe(Topics.EXPERIMENT_UPLOADED, "test-observer", p -> {
      uploadedEvents.incrementAndGet();
      return io.vertx.core.Future.succeededFuture();
    }));
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  List<String> blobsBefore;
  int eventsBefore;

  @BeforeEach
  void snapshot() throws Exception {
    blobsBefore = fx.blobFiles();
    eventsBefore = uploadedEvents.get();
  }

  private void assertNothingWritten() throws Exception {
    assertEquals(blobsBefore, fx.blobFiles(), "no blob may be left behind");
    assertEquals(0, await(api.get("/datasets/tiny/experiments")).bodyAsJsonObject()
        .getJsonArray("experiments").size(), "no experiment row may be left behind");
    assertEquals(eventsBefore, uploadedEvents.get(), "no event may be emitted");
  }

  private static void assertError(HttpResponse<Buffer> r, int status, String messagePart) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertNotNull(body.getString("error"));
    assertTrue(body.getString("message").contains(messagePart),
        "message should mention '" + messagePart + "': " + body.getString("message"));
  }

  private HttpResponse<Buffer> upload(Table recs) throws Exception {
    return await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", new JsonObject().put("experiment_name", "bad").encode()),
        Map.of("recommendations", recs)));
  }

  private static Table recs(long[] users, long[] items, float[] scores) {
    return Table.of(new Column.Longs("user_id", users, null), new Column.Longs("item_id", items,
        null), new Column.Floats("score", scores));
  }

  @Test
  void unknownUserIdsAreNamed() throws Exception {
    HttpResponse<Buffer> r = upload(recs(new long[] {1, 99, 98}, new long[] {12, 12, 12},
        new float[] {1, 1, 1}));
    assertError(r, 400, "[99, 98]");
    assertNotNull(r.bodyAsJsonObject().getString("example"));
    assertNothingWritten();
  }

  @Test
  void unknownItemIdsAreNamed() throws Exception {
    assertError(upload(recs(new long[] {1}, new long[] {777}, new float[] {1})), 400, "[777]");
    assertNothingWritten();
  }

  @Test
  void nanAndInfiniteScoresAreRejected() throws Exception {
    assertError(upload(recs(new long[] {1, 2}, new long[] {12, 13}, new float[] {1, Float.NaN})),
        400, "NaN");
    assertError(upload(recs(new long[] {1}, new long[] {12},
        new float[] {Float.POSITIVE_INFINITY})), 400, "Infinity");
    assertNothingWritten();
  }

  @Test
  void duplicatePairsAreRejected() throws Exception {
    assertError(upload(recs(new long[] {1, 1}, new long[] {12, 12}, new float[] {1, 2})), 400,
        "duplicate (user_id, item_id) row (1, 12)");
    assertNothingWritten();
  }

  @Test
  void missingColumnsAndEmptyTablesAreRejected() throws Exception {
    assertError(upload(Table.of(new Column.Longs("user_id", new long[] {1}, null),
        new Column.Longs("item_id", new long[] {12}, null))), 400, "lacks column 'score'");
    assertError(upload(recs(new long[0], new long[0], new float[0])), 400, "empty table");
    assertNothingWritten();
  }

  @Test
  void garbageIsNotATable() throws Exception {
    HttpResponse<Buffer> r = await(api.postRaw("/datasets/tiny/experiments",
        Map.of("meta", "{\"experiment_name\": \"bad\"}"), Map.of("recommendations", "")));
    assertError(r, 400, "recommendations");
    assertNothingWritten();
  }

  @Test
  void badMetaIsRejected() throws Exception {
    HttpResponse<Buffer> r = await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", "{\"hyper_parameters\": {}}"),
        Map.of("recommendations", ServerFixture.recommendations())));
    assertError(r, 400, "experiment_name");
    assertTrue(r.bodyAsJsonObject().getString("example").contains("BPR-MF"));
    assertError(await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", "{\"experiment_name\": \"x\", \"ks\": [0]}"),
        Map.of("recommendations", ServerFixture.recommendations()))), 400, "ks");
    assertNothingWritten();
  }

  @Test
  void hiddenCharactersAndDotNamesAreRejected() throws Exception {
    assertError(await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", new JsonObject().put("experiment_name", "BPR\u202Egnp.exe").encode()),
        Map.of("recommendations", ServerFixture.recommendations()))), 400, "bidi");
    assertError(await(api.postTables("/datasets/tiny/experiments",
        Map.of("meta", new JsonObject().put("experiment_name", "..").encode()),
        Map.of("recommendations", ServerFixture.recommendations()))), 400, "'..'");
    assertError(await(api.postTables("/datasets", Map.of("name", ".."),
        ServerFixture.datasetTables())), 400, "dataset name");
    HttpResponse<Buffer> team = await(api.postJson("/teams",
        new JsonObject().put("name", "lab\u200B")));
    assertError(team, 400, "zero-width");
    assertTrue(team.bodyAsJsonObject().getString("example").contains("recsys-lab"));
    assertNothingWritten();
  }

  @Test
  void badEmbeddingsAreRejected() throws Exception {
    String meta = new JsonObject().put("experiment_name", "bad").encode();
    Table unknownItem = Table.of(new Column.Longs("item_id", new long[] {12, 999}, null),
        new Column.Floats("e0", new float[] {1, 2}));
    assertError(await(api.postTables("/datasets/tiny/experiments", Map.of("meta", meta),
        Map.of("recommendations", ServerFixture.recommendations(), "item_embeddings",
            unknownItem))), 400, "[999]");
    Table nan = Table.of(new Column.Longs("item_id", new long[] {12}, null),
        new Column.Floats("e0", new float[] {Float.NaN}));
    assertError(await(api.postTables("/datasets/tiny/experiments", Map.of("meta", meta),
        Map.of("recommendations", ServerFixture.recommendations(), "item_embeddings", nan))),
        400, "non-finite");
    Table text = Table.of(new Column.Longs("user_id", new long[] {1}, null),
        new Column.Strings("e0", new String[] {"x"}));
    assertError(await(api.postTables("/datasets/tiny/experiments", Map.of("meta", meta),
        Map.of("recommendations", ServerFixture.recommendations(), "user_embeddings", text))),
        400, "not numeric");
    assertNothingWritten();
  }

  @Test
  void experimentForMissingDatasetIs404() throws Exception {
    HttpResponse<Buffer> r = await(api.postTables("/datasets/nope/experiments",
        Map.of("meta", "{\"experiment_name\": \"x\"}"),
        Map.of("recommendations", ServerFixture.recommendations())));
    assertError(r, 404, "dataset 'nope' does not exist");
    assertNothingWritten();
  }

  @Test
  void existingDatasetNameIs409() throws Exception {
    assertError(await(api.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables())), 409, "already exists");
    assertEquals(blobsBefore, fx.blobFiles());
  }

  @Test
  void badDatasetsAreRejectedWithoutBlobs() throws Exception {
    Table dupTrain = Table.of(new Column.Longs("user_id", new long[] {1, 1}, null),
        new Column.Longs("item_id", new long[] {5, 5}, null));
    assertError(await(api.postTables("/datasets", Map.of("name", "dup"),
        Map.of("train", dupTrain, "ground_truth", ServerFixture.groundTruth()))), 400,
        "duplicate (user_id, item_id)");
    assertError(await(api.postTables("/datasets", Map.of("name", "nogt"),
        Map.of("train", ServerFixture.train()))), 400, "ground_truth");
    assertError(await(api.postTables("/datasets", Map.of("name", "bad name!"),
        ServerFixture.datasetTables())), 400, "dataset name");
    Table noItem = Table.of(new Column.Longs("user_id", new long[] {1}, null));
    assertError(await(api.postTables("/datasets", Map.of("name", "noitem"),
        Map.of("train", noItem, "ground_truth", ServerFixture.groundTruth()))), 400,
        "lacks column 'item_id'");
    assertEquals(blobsBefore, fx.blobFiles());
    assertEquals(1, await(api.get("/datasets")).bodyAsJsonObject().getJsonArray("datasets")
        .size());
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    int n = 200_000; // ~ 3.2 MB of Arrow, over the 1 MiB limit
    long[] users = new long[n];
    long[] items = new long[n];
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      users[i] = 1;
      items[i] = i;
      scores[i] = i;
    }
    assertError(upload(recs(users, items, scores)), 413, "limit of 1 MiB");
    assertNothingWritten();
  }

  @Test
  void theObserverSeesASuccessfulUpload() throws Exception {
    // Proves the event check above can fail: a good upload is counted (then cleaned up by name).
    ApiClient other = fx.signup("observer@example.com");
    assertEquals(201, await(other.postTables("/datasets", Map.of("name", "tiny"),
        ServerFixture.datasetTables())).statusCode());
    assertEquals(202, await(other.postTables("/datasets/tiny/experiments",
        Map.of("meta", "{\"experiment_name\": \"ok\"}"),
        Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
    long deadline = System.currentTimeMillis() + 10_000;
    while (uploadedEvents.get() == eventsBefore && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(eventsBefore + 1, uploadedEvents.get());
    // Let its metrics land before the next test snapshots the blob directory.
    assertEquals("ready", fx.waitReady(other, "tiny", "ok").getString("status"));
  }

  @Test
  void missingOrBadCredentialsAre401() throws Exception {
    assertError(await(fx.client().get("/datasets")), 401, "Authorization");
    assertError(await(fx.client().token("w4r_00000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        .get("/datasets")), 401, "invalid");
    assertError(await(fx.client().token("not-a-jwt").get("/datasets")), 401, "session");
  }

  @Test
  void signupValidatesAndRejectsTakenEmails() throws Exception {
    // An existing email with another password: 409 that does not say whether the account exists
    // (docs/api.md "Accounts"); with its own password the signup signs in instead.
    assertError(await(fx.client().postJson("/auth/signup", new JsonObject()
        .put("email", "bad@example.com").put("password", "another-password-9"))), 409,
        "cannot sign up");
    assertError(await(fx.client().postJson("/auth/signup", new JsonObject()
        .put("email", "short@example.com").put("password", "123"))), 400, "8-200");
    assertError(await(fx.client().postJson("/auth/signup", new JsonObject()
        .put("email", "not-an-email").put("password", "password-123"))), 400, "email");
  }

  @Test
  void unknownRoutesAnswerJson404() throws Exception {
    assertError(await(api.get("/nothing-here")), 404, "no API route");
  }

  @Test
  void perUserBeforeReadyIsAConflictAndUnknownExperiment404() throws Exception {
    assertError(await(api.get("/datasets/tiny/experiments/ghost/per-user")), 404, "ghost");
  }

}
