package org.web4rec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void acceptsOrdinaryNames() {
    assertEquals("BPR-MF (dim 64) ünïcode 推荐", Names.name("name",
        "BPR-MF (dim 64) ünïcode 推荐", Names.NAME_EXAMPLE));
    assertEquals("ml-latest-small", Names.dataset("dataset name", "ml-latest-small"));
    assertEquals("a..b", Names.dataset("dataset name", "a..b"));
    assertEquals("x".repeat(200), Names.name("name", "x".repeat(200), "e"));
    assertEquals("x".repeat(128), Names.dataset("d", "x".repeat(128)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", ".", "..", "a/b", "a\nb", "a\u0000b", "a\u007Fb", "a\u202Eb",
      "a\u2066b", "a\u200Fb", "a\u200Bb", "a\u200Db", "a\u2060b", "\uFEFFa"})
  void refusesHiddenOrPathLikeNames(String bad) {
    InvalidInput e = assertThrows(InvalidInput.class, () -> Names.name("name", bad, "BPR"));
    assertTrue(e.getMessage().startsWith("name must"), e.getMessage());
    assertEquals("BPR", e.example());
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertTrue(message(() -> Names.name("n", "a\u202Eb", "e")).contains("bidi"));
    assertTrue(message(() -> Names.name("n", "a\u200Bb", "e")).contains("zero-width"));
    assertTrue(message(() -> Names.name("n", "a\tb", "e")).contains("control"));
    assertTrue(message(() -> Names.name("n", "x".repeat(201), "e")).contains("at most 200"));
    assertTrue(message(() -> Names.name("n", 5, "e")).contains("string"));
    assertTrue(message(() -> Names.dataset("dataset name", "..")).contains("'..'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a b", "a/b", "é"})
  void refusesDatasetNamesOutsideTheAlphabet(String bad) {
    InvalidInput e = assertThrows(InvalidInput.class, () -> Names.dataset("dataset name", bad));
    assertEquals(Names.DATASET_EXAMPLE, e.example());
  }

  @Test
  void refusesTooLongDatasetNames() {
    assertThrows(InvalidInput.class, () -> Names.dataset("d", "x".repeat(129)));
    assertThrows(InvalidInput.class, () -> Names.dataset("d", null));
  }

  private static String message(Runnable r) {
    return assertThrows(InvalidInput.class, r::run).getMessage();
  }
}
