package org.web4rec.launcher;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/** A real all-in-one server on a free port over a temporary data directory, plus helpers. */
final class ServerFixture implements AutoCloseable {

  final Path dataDir;
  final long maxUploadBytes;
  /** PBKDF2 iterations of the server; may change between a stop and a start. */
  int passwordIterations;
  Web4RecServer server;

  ServerFixture(Path dataDir, long maxUploadBytes) throws Exception {
    this(dataDir, maxUploadBytes, TEST_PASSWORD_ITERATIONS);
  }

  ServerFixture(Path dataDir, long maxUploadBytes, int passwordIterations) throws Exception {
    this.dataDir = dataDir;
    this.maxUploadBytes = maxUploadBytes;
    this.passwordIterations = passwordIterations;
    start();
  }

  /**
   * PBKDF2 iterations of the fixtures' servers: signing up dozens of users at the production
   * count (about 0.3 s each) would add minutes to the suite without testing anything more.
   * AccountSecurityTest and DistributedModeTest run at the production count.
   */
  static final int TEST_PASSWORD_ITERATIONS = 1_000;

  void start() throws Exception {
    server = await(Web4RecServer.start(new ServerConfig(0, dataDir, maxUploadBytes,
        ServerConfig.DEFAULT_KS, 100), passwordIterations));
  }

  void stop() throws Exception {
    await(server.stop());
  }

  ApiClient client() {
    return new ApiClient(server.vertx(), server.port());
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  static <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  /** Signs up a new user and returns a client carrying its API token. */
  ApiClient signup(String email) throws Exception {
    ApiClient api = client();
    HttpResponse<Buffer> r = await(api.postJson("/auth/signup",
        new JsonObject().put("email", email).put("password", "password-123")));
    if (r.statusCode() != 201) {
      throw new AssertionError("signup failed: " + r.bodyAsString());
    }
    return api.token(r.bodyAsJsonObject().getString("token"));
  }

  /** Polls the experiment until it leaves uploaded/computing. */
  JsonObject waitReady(ApiClient api, String dataset, String name) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      JsonObject e = await(api.get("/datasets/" + dataset + "/experiments/" + name))
          .bodyAsJsonObject();
      String status = e.getString("status");
      if (!status.equals("uploaded") && !status.equals("computing")) {
        return e;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("experiment still " + status);
      }
      Thread.sleep(50);
    }
  }

  /** Every file under the blob directory (to prove failed requests leave nothing behind). */
  List<String> blobFiles() throws IOException {
    Path blobs = dataDir.resolve("blobs");
    if (!Files.exists(blobs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(blobs)) {
      return s.filter(Files::isRegularFile).map(p -> blobs.relativize(p).toString()).sorted()
          .toList();
    }
  }

  // ---- the tiny hand-checkable dataset used by the API tests ----
  // users 1..4, items 10..16; user 4 has no ground truth; user 3 gets no list.

  static Table train() {
    return Table.of(
        new Column.Longs("user_id", new long[] {1, 1, 2, 2, 3, 4}, null),
        new Column.Longs("item_id", new long[] {10, 11, 10, 12, 13, 10}, null),
        new Column.Doubles("rating", new double[] {5, 4, 3, 5, 4, 2}, null));
  }

  static Table groundTruth() {
    return Table.of(
        new Column.Longs("user_id", new long[] {1, 1, 2, 3}, null),
        new Column.Longs("item_id", new long[] {12, 14, 15, 10}, null));
  }

  static Table userSide() {
    return Table.of(
        new Column.Longs("user_id", new long[] {1, 2, 3, 4}, null),
        new Column.Strings("gender", new String[] {"F", "M", "F", "M"}),
        new Column.Longs("age", new long[] {25, 31, 40, 19}, null));
  }

  static Table itemSide() {
    return Table.of(
        new Column.Longs("item_id", new long[] {10, 11, 12, 13, 14, 15, 16}, null),
        new Column.Strings("genres", new String[] {"Action|Comedy", "Drama", "Drama|Romance",
            "Comedy", "Action", null, "Horror"}),
        new Column.Longs("year", new long[] {1995, 1999, 2001, 1980, 2010, 2011, 1970}, null));
  }

  static Map<String, Table> datasetTables() {
    return Map.of("train", train(), "ground_truth", groundTruth(), "user_side", userSide(),
        "item_side", itemSide());
  }

  /**
   * User 1: [11 (train, removed), 12 (hit), 13, 14 (hit), 15, 16]  → L@5 = [12, 13, 14, 15, 16]
   * User 2: [15 (hit), 14, 13] (a list shorter than K = 5)
   * User 4: [16, 15] (no ground truth: not evaluated).
   */
  static Table recommendations() {
    return Table.of(
        new Column.Longs("user_id", new long[] {1, 1, 1, 1, 1, 1, 2, 2, 2, 4, 4}, null),
        new Column.Longs("item_id", new long[] {11, 12, 13, 14, 15, 16, 15, 14, 13, 16, 15}, null),
        new Column.Floats("score", new float[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 2, 1}));
  }
}
