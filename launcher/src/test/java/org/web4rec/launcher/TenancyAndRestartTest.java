package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another team's data answers 404; everything survives a restart of the server. */
class TenancyAndRestartTest {

  @TempDir
  Path dir;

  @Test
  void anotherTeamsDataIsNotFound() throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 64L << 20)) {
      ApiClient alice = fx.signup("alice@example.com");
      ApiClient bob = fx.signup("bob@example.com");
      assertEquals(201, await(alice.postTables("/datasets", Map.of("name", "private"),
          ServerFixture.datasetTables())).statusCode());
      assertEquals(202, await(alice.postTables("/datasets/private/experiments",
          Map.of("meta", "{\"experiment_name\": \"m\"}"),
          Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
      fx.waitReady(alice, "private", "m");

      assertEquals(404, await(bob.get("/datasets/private")).statusCode());
      assertEquals(404, await(bob.get("/datasets/private/experiments")).statusCode());
      assertEquals(404, await(bob.get("/datasets/private/experiments/m")).statusCode());
      assertEquals(404, await(bob.get("/datasets/private/experiments/m/per-user")).statusCode());
      assertEquals(404, await(bob.postTables("/datasets/private/experiments",
          Map.of("meta", "{\"experiment_name\": \"steal\"}"),
          Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
      assertEquals(0, await(bob.get("/datasets")).bodyAsJsonObject().getJsonArray("datasets")
          .size());
      // Naming Alice's team explicitly does not help Bob either.
      String aliceTeam = await(alice.get("/me")).bodyAsJsonObject().getJsonObject("team")
          .getString("id");
      assertEquals(404, await(bob.getWithTeam("/datasets/private", aliceTeam)).statusCode());
      // Bob may use the same dataset name in his own team.
      assertEquals(201, await(bob.postTables("/datasets", Map.of("name", "private"),
          ServerFixture.datasetTables())).statusCode());
    }
  }

  @Test
  void sharedTeamsGiveMembersTheSameData() throws Exception {
    try (ServerFixture fx = new ServerFixture(dir, 64L << 20)) {
      ApiClient owner = fx.signup("owner@example.com");
      ApiClient member = fx.signup("member@example.com");
      ApiClient outsider = fx.signup("outsider@example.com");
      JsonObject team = await(owner.postJson("/teams", new JsonObject().put("name", "lab")))
          .bodyAsJsonObject();
      String teamId = team.getString("id");
      assertEquals("owner", team.getString("role"));
      assertEquals(201, await(owner.postJson("/teams/" + teamId + "/members",
          new JsonObject().put("email", "member@example.com"))).statusCode());
      assertEquals(409, await(owner.postJson("/teams/" + teamId + "/members",
          new JsonObject().put("email", "member@example.com"))).statusCode());
      // An address without an account is invited, with the same answer as an existing one
      // (member-add must not tell whether an account exists; AccountSecurityTest).
      assertEquals(201, await(owner.postJson("/teams/" + teamId + "/members",
          new JsonObject().put("email", "nobody@example.com"))).statusCode());
      assertEquals(403, await(member.postJson("/teams/" + teamId + "/members",
          new JsonObject().put("email", "outsider@example.com"))).statusCode());
      assertEquals(404, await(outsider.get("/teams/" + teamId + "/members")).statusCode());
      // owner, member and the invited address
      assertEquals(3, await(member.get("/teams/" + teamId + "/members")).bodyAsJsonObject()
          .getJsonArray("members").size());
      // A dataset registered in the team is visible to its members, not in their personal team.
      assertEquals(201, await(owner.postTablesInTeam("/datasets", teamId, Map.of("name", "shared"),
          ServerFixture.datasetTables())).statusCode());
      assertEquals(200, await(member.getWithTeam("/datasets/shared", teamId)).statusCode());
      assertEquals(404, await(member.get("/datasets/shared")).statusCode());
      assertEquals(404, await(outsider.getWithTeam("/datasets/shared", teamId)).statusCode());
      assertEquals(2, await(member.get("/me")).bodyAsJsonObject().getJsonArray("teams").size());
    }
  }

  @Test
  void dataSurvivesARestart() throws Exception {
    String token;
    JsonObject before;
    try (ServerFixture fx = new ServerFixture(dir, 64L << 20)) {
      ApiClient api = fx.signup("restart@example.com");
      token = await(api.postJson("/tokens", new JsonObject().put("name", "ci")))
          .bodyAsJsonObject().getString("token");
      assertEquals(201, await(api.postTables("/datasets", Map.of("name", "keep"),
          ServerFixture.datasetTables())).statusCode());
      assertEquals(202, await(api.postTables("/datasets/keep/experiments",
          Map.of("meta", "{\"experiment_name\": \"m\", \"ks\": [5]}"),
          Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
      before = fx.waitReady(api, "keep", "m");
      assertEquals("ready", before.getString("status"));
    }
    try (ServerFixture fx = new ServerFixture(dir, 64L << 20)) {
      ApiClient api = fx.client().token(token);
      JsonObject after = await(api.get("/datasets/keep/experiments/m")).bodyAsJsonObject();
      assertEquals(before, after);
      assertEquals(200, await(api.get("/datasets/keep/experiments/m/per-user")).statusCode());
      assertEquals(200, await(fx.client().postJson("/auth/login", new JsonObject()
          .put("email", "restart@example.com").put("password", "password-123"))).statusCode());
      // The restarted server still accepts new uploads on the old dataset.
      assertEquals(202, await(api.postTables("/datasets/keep/experiments",
          Map.of("meta", "{\"experiment_name\": \"m2\", \"ks\": [5]}"),
          Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
      JsonObject m2 = fx.waitReady(api, "keep", "m2");
      assertEquals(before.getJsonObject("metrics"), m2.getJsonObject("metrics"));
    }
  }

  @Test
  void anExperimentLeftUnfinishedIsComputedAfterRestart() throws Exception {
    String token;
    try (ServerFixture fx = new ServerFixture(dir, 64L << 20)) {
      ApiClient api = fx.signup("resume@example.com");
      token = await(api.postJson("/tokens", new JsonObject().put("name", "ci")))
          .bodyAsJsonObject().getString("token");
      assertEquals(201, await(api.postTables("/datasets", Map.of("name", "d"),
          ServerFixture.datasetTables())).statusCode());
      // Stop the metrics worker's consumers so the upload stays 'uploaded', as after a crash.
      await(fx.server.bus().close());
      assertEquals(202, await(api.postTables("/datasets/d/experiments",
          Map.of("meta", "{\"experiment_name\": \"pending\"}"),
          Map.of("recommendations", ServerFixture.recommendations()))).statusCode());
      Thread.sleep(300);
      assertEquals("uploaded", await(api.get("/datasets/d/experiments/pending"))
          .bodyAsJsonObject().getString("status"));
    }
    try (ServerFixture fx = new ServerFixture(dir, 64L << 20)) {
      JsonObject e = fx.waitReady(fx.client().token(token), "d", "pending");
      assertEquals("ready", e.getString("status"));
      assertTrue(e.getJsonObject("metrics").containsKey("ndcg@10"));
    }
  }
}
