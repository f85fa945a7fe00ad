package org.web4rec.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** Signing and verification of the gateway's forwarded caller headers. */
class InternalAuthTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef-shared";
  final InternalAuth auth = new InternalAuth(SECRET);
  final long now = 1_800_000_000_000L;

  MultiMap signed(String method, String uri) {
    MultiMap h = MultiMap.caseInsensitiveMultiMap();
    auth.sign(h, method, uri, new Caller("u1", "t1"), now);
    return h;
  }

  @Test
  void aSignedRequestYieldsItsCaller() {
    assertEquals(new Caller("u1", "t1"), auth.verify(signed("GET", "/api/v1/datasets?x=1"),
        "GET", "/api/v1/datasets?x=1", now + 1000));
  }

  @Test
  void anyChangeOrMissingPartIsRejected() {
    MultiMap h = signed("GET", "/api/v1/datasets");
    assertEquals(401, reject(h, "POST", "/api/v1/datasets", now));
    assertEquals(401, reject(h, "GET", "/api/v1/datasets/other", now));
    assertEquals(401, reject(h, "GET", "/api/v1/datasets", now + InternalAuth.WINDOW_MS + 1));
    MultiMap otherTeam = signed("GET", "/api/v1/datasets").set(InternalAuth.TEAM, "t2");
    assertEquals(401, reject(otherTeam, "GET", "/api/v1/datasets", now));
    MultiMap unsigned = signed("GET", "/api/v1/datasets").remove(InternalAuth.SIGNATURE);
    assertEquals(401, reject(unsigned, "GET", "/api/v1/datasets", now));
    MultiMap otherKey = MultiMap.caseInsensitiveMultiMap();
    new InternalAuth(SECRET + "-other").sign(otherKey, "GET", "/api/v1/datasets",
        new Caller("u1", "t1"), now);
    assertEquals(401, reject(otherKey, "GET", "/api/v1/datasets", now));
  }

  @Test
  void shortSecretsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new InternalAuth("short"));
    // 31 bytes of 2-byte characters is 62 bytes: the limit counts bytes, not characters
    new InternalAuth("\u00e9".repeat(16));
    assertThrows(IllegalArgumentException.class, () -> new InternalAuth("\u00e9".repeat(15)));
  }

  @Test
  void placeholdersAreRefusedWhateverTheirLength() {
    // the value deploy/base/secret.yaml used to ship, 37 characters
    assertThrows(IllegalArgumentException.class,
        () -> new InternalAuth("change-me-at-least-32-characters-long"));
    assertThrows(IllegalArgumentException.class,
        () -> new InternalAuth("CHANGEME-0123456789abcdef0123456789abcdef"));
  }

  private int reject(MultiMap h, String method, String uri, long at) {
    return assertThrows(ApiException.class, () -> auth.verify(h, method, uri, at)).status();
  }
}
