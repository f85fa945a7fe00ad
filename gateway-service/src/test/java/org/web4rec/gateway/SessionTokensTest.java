package org.web4rec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.web4rec.platform.http.ApiException;

/** What a session token must carry to be accepted, and every way a forged one is refused. */
class SessionTokensTest {

  static final String KEY = "current-signing-key-0123456789abcdef-xyz";
  static final String OLD = "previous-signing-key-0123456789abcdef-xyz";
  final AtomicLong now = new AtomicLong(1_800_000_000_000L);
  final SessionTokens tokens = new SessionTokens(KEY, OLD, 12 * 3600, now::get);

  @Test
  void aTokenCarriesItsClaimsAndVerifies() {
    String t = tokens.issue("u_1", 3, 1_799_999_000L);
    SessionTokens.Session s = tokens.verify(t);
    assertEquals("u_1", s.userId());
    assertEquals(3, s.version());
    assertEquals(1_799_999_000L, s.authTime());
    assertEquals(1_800_000_000L + 12 * 3600, s.expiresAt());
    JsonObject header = part(t, 0);
    assertEquals("HS256", header.getString("alg"));
    assertEquals(SessionTokens.kid(KEY), header.getString("kid"));
    JsonObject claims = part(t, 1);
    assertEquals("web4rec", claims.getString("iss"));
    assertEquals("web4rec-session", claims.getString("aud"));
    assertNotEquals(s.jti(), tokens.verify(tokens.issue("u_1", 3, 0)).jti(), "jti is unique");
  }

  @Test
  void expiredTokensAreRefused() {
    String t = tokens.issue("u_1", 0, 0);
    now.addAndGet(12 * 3600 * 1000L);
    assertTrue(refused(t).getMessage().contains("expired"));
  }

  @Test
  void forgedSignaturesAreRefused() {
    String t = tokens.issue("u_1", 0, 0);
    String[] p = t.split("\\.");
    // another subject under the original signature
    String otherClaims = b64(part(t, 1).put("sub", "u_admin").encode());
    refused(p[0] + "." + otherClaims + "." + p[2]);
    // a flipped signature byte, a missing signature, junk
    char c = p[2].charAt(0) == 'A' ? 'B' : 'A';
    refused(p[0] + "." + p[1] + "." + c + p[2].substring(1));
    refused(p[0] + "." + p[1] + ".");
    refused(p[0] + "." + p[1]);
    refused("not-a-token");
    refused("a.b.c");
  }

  @Test
  void tokensSignedWithAnotherKeyAreRefusedEvenUnderOurKid() {
    SessionTokens other = new SessionTokens("another-key-entirely-0123456789abcdefgh", null,
        3600, now::get);
    String t = other.issue("u_1", 0, 0);
    refused(t);
    JsonObject header = part(t, 0).put("kid", SessionTokens.kid(KEY));
    refused(sign(header, part(t, 1), "another-key-entirely-0123456789abcdefgh"));
  }

  @Test
  void algNoneAndOtherAlgorithmsAreRefused() {
    String t = tokens.issue("u_1", 0, 0);
    JsonObject claims = part(t, 1);
    String none = b64(new JsonObject().put("alg", "none").put("typ", "JWT")
        .put("kid", SessionTokens.kid(KEY)).encode());
    refused(none + "." + b64(claims.encode()) + ".");
    refused(none + "." + b64(claims.encode()) + "." + t.split("\\.")[2]);
    JsonObject hs512 = part(t, 0).put("alg", "HS512");
    refused(sign(hs512, claims, KEY));
  }

  @Test
  void wrongIssuerOrAudienceIsRefused() {
    String t = tokens.issue("u_1", 0, 0);
    refused(sign(part(t, 0), part(t, 1).put("iss", "someone-else"), KEY));
    refused(sign(part(t, 0), part(t, 1).put("aud", "another-app"), KEY));
    refused(sign(part(t, 0), part(t, 1).put("iss", null), KEY));
    // correctly signed with every claim in place: accepted (the helper itself is sound)
    assertEquals("u_1", tokens.verify(sign(part(t, 0), part(t, 1), KEY)).userId());
  }

  @Test
  void thePreviousKeyStillVerifiesDuringARotationButNeverSigns() {
    SessionTokens before = new SessionTokens(OLD, null, 3600, now::get);
    String t = before.issue("u_1", 0, 0);
    assertEquals("u_1", tokens.verify(t).userId());
    assertEquals(SessionTokens.kid(KEY), part(tokens.issue("u_1", 0, 0), 0).getString("kid"));
    // once the old key is dropped from the configuration, its tokens are refused
    refused(new SessionTokens(KEY, null, 3600, now::get), t);
  }

  @Test
  void weakOrPlaceholderKeysAreRefusedAtStart() {
    assertThrows(IllegalArgumentException.class,
        () -> new SessionTokens("short-key", null, 3600, now::get));
    assertThrows(IllegalArgumentException.class,
        () -> new SessionTokens("change-me-at-least-32-characters-long", null, 3600, now::get));
    assertThrows(IllegalArgumentException.class,
        () -> new SessionTokens(KEY, "change-me-at-least-32-characters-long", 3600, now::get));
  }

  private ApiException refused(String token) {
    return refused(tokens, token);
  }

  private static ApiException refused(SessionTokens by, String token) {
    ApiException e = assertThrows(ApiException.class, () -> by.verify(token));
    assertEquals(401, e.status());
    return e;
  }

  private static JsonObject part(String token, int i) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[i]),
        StandardCharsets.UTF_8));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        s.getBytes(StandardCharsets.UTF_8));
  }

  /** A token signed by hand, as an attacker holding {@code key} would. */
  static String sign(JsonObject header, JsonObject claims, String key) {
    try {
      String input = b64(header.encode()) + "." + b64(claims.encode());
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
          mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
