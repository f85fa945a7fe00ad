package org.web4rec.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.web4rec.platform.config.SecretRules;

/**
 * How a service trusts the gateway in distributed mode. The gateway authenticates the caller
 * (token or session) and forwards the request with the caller's user and team in headers, signed
 * with HMAC-SHA256 under a secret shared by the gateway and the services. A service accepts a
 * request only when the signature over method, URI, user, team and timestamp matches and the
 * timestamp is recent, so a client that reaches a service directly cannot claim a team, and a
 * captured header set is useless for another request or after the window. The body is not
 * signed (uploads stream through the gateway); network policy or mTLS protect it in transit.
 */
public final class InternalAuth {

  public static final String USER = "X-Web4Rec-Caller-User";
  public static final String TEAM = "X-Web4Rec-Caller-Team";
  public static final String TIMESTAMP = "X-Web4Rec-Caller-Timestamp";
  public static final String SIGNATURE = "X-Web4Rec-Caller-Signature";
  /** Accepted clock difference between gateway and service, either way. */
  public static final long WINDOW_MS = 5 * 60_000;
  /** Shorter secrets are refused (in UTF-8 bytes): HMAC is only as strong as its key. */
  public static final int MIN_SECRET_LENGTH = SecretRules.MIN_KEY_BYTES;

  private final byte[] key;

  public InternalAuth(String secret) {
    SecretRules.requireSigningKey("the internal signing secret (internal.secret,"
        + " WEB4REC_INTERNAL_SECRET)", secret);
    this.key = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** Sets the caller and signature headers on a request about to be forwarded. */
  public void sign(MultiMap headers, String method, String uri, Caller caller, long nowMs) {
    String ts = Long.toString(nowMs);
    headers.set(USER, caller.userId());
    headers.set(TEAM, caller.teamId());
    headers.set(TIMESTAMP, ts);
    headers.set(SIGNATURE, signature(method, uri, caller.userId(), caller.teamId(), ts));
  }

  /** The caller the headers vouch for; a missing, stale or wrong signature answers 401. */
  public Caller verify(MultiMap headers, String method, String uri, long nowMs) {
    String user = headers.get(USER);
    String team = headers.get(TEAM);
    String ts = headers.get(TIMESTAMP);
    String sig = headers.get(SIGNATURE);
    if (user == null || team == null || ts == null || sig == null) {
      throw reject("unsigned request: services only answer requests forwarded by the gateway");
    }
    long t;
    try {
      t = Long.parseLong(ts);
    } catch (NumberFormatException e) {
      throw reject("malformed " + TIMESTAMP);
    }
    if (Math.abs(nowMs - t) > WINDOW_MS) {
      throw reject("stale signature (clock difference over " + WINDOW_MS / 1000 + " s)");
    }
    byte[] expected = signature(method, uri, user, team, ts).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.UTF_8))) {
      throw reject("bad signature");
    }
    return new Caller(user, team);
  }

  /** A route handler that verifies the request and attaches its {@link Caller}. */
  public Handler<RoutingContext> handler() {
    return ctx -> {
      Caller c = verify(ctx.request().headers(), ctx.request().method().name(),
          ctx.request().uri(), System.currentTimeMillis());
      c.attach(ctx);
      ctx.next();
    };
  }

  private String signature(String method, String uri, String user, String team, String ts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String payload = method + "\n" + uri + "\n" + user + "\n" + team + "\n" + ts;
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static ApiException reject(String why) {
    return new ApiException(401, "unauthorized", why, null);
  }
}
