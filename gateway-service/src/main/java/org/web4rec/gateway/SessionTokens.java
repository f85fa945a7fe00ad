package org.web4rec.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.web4rec.platform.config.SecretRules;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.sql.Ids;

/**
 * The web UI's session tokens: compact HS256 JWTs with {@code iss}, {@code aud}, {@code sub},
 * {@code jti}, {@code iat}, {@code exp}, the user's session version {@code sv} and the time of
 * the password login they descend from ({@code auth_time}, which bounds refreshes). The header's
 * {@code kid} names the signing key: tokens signed with the current key or the previous one
 * (during a rotation) verify, anything else is refused. Encoded here rather than through a JWT
 * library so that exactly one algorithm is accepted and every check is visible in one place.
 * Revocation (logout, password change) is {@link Sessions}' part: this class only says whether a
 * token is authentic and current.
 */
final class SessionTokens {

  static final String ISSUER = "web4rec";
  static final String AUDIENCE = "web4rec-session";
  /** Clock difference tolerated between gateway replicas for {@code iat}. */
  private static final long SKEW_S = 60;

  /** A verified session's claims (times in epoch seconds). */
  record Session(String userId, String jti, long issuedAt, long expiresAt, int version,
      long authTime) {}

  private final String currentKid;
  private final Map<String, byte[]> keys = new LinkedHashMap<>();
  private final long lifetimeS;
  private final LongSupplier nowMs;

  /**
   * @param previous the key being rotated out (still verifies, never signs), or null
   */
  SessionTokens(String current, String previous, long lifetimeS, LongSupplier nowMs) {
    SecretRules.requireSigningKey("the session signing secret (gateway.jwt-secret)", current);
    this.currentKid = kid(current);
    keys.put(currentKid, current.getBytes(StandardCharsets.UTF_8));
    if (previous != null) {
      SecretRules.requireSigningKey("the previous session secret (gateway.jwt-previous-secret)",
          previous);
      keys.putIfAbsent(kid(previous), previous.getBytes(StandardCharsets.UTF_8));
    }
    this.lifetimeS = lifetimeS;
    this.nowMs = nowMs;
  }

  long lifetimeSeconds() {
    return lifetimeS;
  }

  /**
   * A key's id: a hash of the key, so replicas agree on it without another setting, and it
   * reveals nothing usable about a 32-byte key.
   */
  static String kid(String secret) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(("web4rec-kid:" + secret).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String issue(String userId, int version, long authTime) {
    long now = nowMs.getAsLong() / 1000;
    JsonObject header = new JsonObject().put("alg", "HS256").put("typ", "JWT")
        .put("kid", currentKid);
    JsonObject claims = new JsonObject().put("iss", ISSUER).put("aud", AUDIENCE)
        .put("sub", userId).put("jti", Ids.random(24)).put("iat", now)
        .put("exp", now + lifetimeS).put("sv", version).put("auth_time", authTime);
    String signingInput = b64(header.encode()) + "." + b64(claims.encode());
    return signingInput + "." + B64.encodeToString(mac(keys.get(currentKid), signingInput));
  }

  /** The session a token carries; 401 unless authentic, for this audience, and not expired. */
  Session verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw invalid();
    }
    JsonObject header = json(parts[0]);
    if (!"HS256".equals(header.getValue("alg"))) {
      throw invalid(); // above all "none", and public-key algorithms with our secret as key
    }
    byte[] key = header.getValue("kid") instanceof String kid ? keys.get(kid) : null;
    if (key == null) {
      throw invalid();
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(signature, mac(key, parts[0] + "." + parts[1]))) {
      throw invalid();
    }
    JsonObject c = json(parts[1]);
    long now = nowMs.getAsLong() / 1000;
    if (!ISSUER.equals(c.getValue("iss")) || !audienceMatches(c.getValue("aud"))
        || !(c.getValue("sub") instanceof String sub) || !(c.getValue("jti") instanceof String jti)
        || !(c.getValue("exp") instanceof Number exp) || !(c.getValue("iat") instanceof Number iat)
        || !(c.getValue("sv") instanceof Number sv)
        || !(c.getValue("auth_time") instanceof Number authTime)) {
      throw invalid();
    }
    if (exp.longValue() <= now) {
      throw ApiException.unauthorized("session expired; log in again (or refresh it before it"
          + " expires: POST /api/v1/auth/refresh)");
    }
    if (iat.longValue() > now + SKEW_S) {
      throw invalid();
    }
    return new Session(sub, jti, iat.longValue(), exp.longValue(), sv.intValue(),
        authTime.longValue());
  }

  private static boolean audienceMatches(Object aud) {
    return AUDIENCE.equals(aud) || aud instanceof JsonArray a && a.contains(AUDIENCE);
  }

  private static JsonObject json(String part) {
    try {
      return new JsonObject(new String(Base64.getUrlDecoder().decode(part),
          StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  static ApiException invalid() {
    return ApiException.unauthorized("invalid session; log in again");
  }

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private static String b64(String s) {
    return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mac(byte[] key, String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
