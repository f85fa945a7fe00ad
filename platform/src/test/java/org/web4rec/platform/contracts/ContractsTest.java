package org.web4rec.platform.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web4rec.core.InvalidInput;

/** The typed contracts round-trip through their one JSON codec and keep the wire spelling. */
class ContractsTest {

  static final RerankLineage LINEAGE =
      new RerankLineage("BPR", "ex_1", "diversity", "cooc", 0.3, 10, 50, 12);

  @Test
  void settingsRoundTripWithAndWithoutLineage() {
    ExperimentSettings uploaded = new ExperimentSettings(List.of(5, 10), 100, 610, 1, 64, null,
        null);
    assertEquals(uploaded, ExperimentSettings.fromJson(uploaded.toJson()));
    assertNull(uploaded.toJson().getValue("rerank"));
    ExperimentSettings derived = new ExperimentSettings(List.of(10), 50, 12, 1, 64, null,
        LINEAGE);
    ExperimentSettings back = ExperimentSettings.fromJson(
        new JsonObject(derived.toJson().encode()));
    assertEquals(derived, back);
    assertTrue(back.isDerived());
    assertEquals("ex_1", back.embeddingOwner("ex_2"));
    assertEquals("ex_2", uploaded.embeddingOwner("ex_2"));
  }

  @Test
  void oneSpellingOnTheWire() {
    JsonObject j = new ExperimentSettings(List.of(10), 50, 12, 1, null, null, LINEAGE).toJson();
    assertEquals(50, j.getInteger("n_candidates"));
    assertEquals(new JsonArray().add(10), j.getJsonArray("ks"));
    JsonObject r = j.getJsonObject("rerank");
    assertEquals(50, r.getInteger("n_candidates"));
    assertEquals(10, r.getInteger("k"));
    assertEquals(0.3, r.getDouble("lambda"));
    assertNull(r.getValue("n"));
  }

  @Test
  void lineageOfRowsWrittenBeforeTheOneSpellingStillReads() {
    JsonObject legacy = new JsonObject().put("parent", "BPR").put("parent_id", "ex_1")
        .put("objective", "novelty").put("sim", null).put("lambda", 0.5).put("k", 10)
        .put("n", 40).put("users", null);
    RerankLineage l = RerankLineage.fromJson(legacy);
    assertEquals(40, l.nCandidates());
    assertEquals(false, l.isGroup());
  }

  @Test
  void eventsCarryTheSettings() {
    ExperimentSettings s = new ExperimentSettings(List.of(10), 50, 12, 1, null, null, LINEAGE);
    Events.ExperimentUploaded e = new Events.ExperimentUploaded("t", "ds", "ex_2", s);
    assertEquals(e, Events.ExperimentUploaded.fromJson(new JsonObject(e.toJson().encode())));
    Events.ExperimentUploaded old = Events.ExperimentUploaded.fromJson(new JsonObject()
        .put("team_id", "t").put("dataset_id", "ds").put("experiment_id", "ex_2"));
    assertNull(old.settings());
  }

  @Test
  void uploadMetaDefaultsAndRefusals() {
    UploadMeta m = UploadMeta.parse(new JsonObject().put("experiment_name", "BPR")
        .put("n_candidates", 15), List.of(5, 10, 20), 100);
    assertEquals(List.of(5, 10), m.ks());
    assertEquals(15, m.nCandidates());
    InvalidInput tooLarge = assertThrows(InvalidInput.class, () -> UploadMeta.parse(
        new JsonObject().put("experiment_name", "BPR").put("ks", new JsonArray().add(50))
            .put("n_candidates", 20), List.of(10), 100));
    assertEquals("the largest K (50) exceeds n_candidates (20)", tooLarge.getMessage());
    assertEquals(UploadMeta.EXAMPLE, tooLarge.example());
    assertThrows(InvalidInput.class, () -> UploadMeta.parse(
        new JsonObject().put("experiment_name", "a/b"), List.of(10), 100));
  }
}
