package org.web4rec.platform.config;

/**
 * How much an HTTP request may cost the server before it is refused: body sizes (a small one for
 * JSON and auth routes, the upload limit only on upload routes), how long a request may run and
 * how long a connection may stay silent. One record so the gateway and every service server read
 * the same settings; documented in the README's Configure table and docs/api.md.
 *
 * @param maxJsonBytes body limit of every route but the uploads
 * @param requestTimeoutMs a non-upload request not answered by then answers 503
 * @param uploadTimeoutMs the same for upload routes (a slow client sending a large file)
 * @param idleTimeoutS a connection with no byte read or written for this long is closed; at least
 *     the request timeout, so a long read that writes nothing until it is done is not cut
 * @param trustForwardedProto whether {@code X-Forwarded-Proto: https} from the proxy in front
 *     counts as TLS (only true behind a proxy that sets it; otherwise a client could fake it)
 */
public record HttpLimits(long maxJsonBytes, long requestTimeoutMs, long uploadTimeoutMs,
    int idleTimeoutS, boolean trustForwardedProto) {

  public static final long DEFAULT_MAX_JSON_MB = 1;
  public static final long DEFAULT_REQUEST_TIMEOUT_S = 300;
  public static final long DEFAULT_UPLOAD_TIMEOUT_S = 3600;
  public static final int DEFAULT_IDLE_TIMEOUT_S = 300;

  public static final HttpLimits DEFAULTS = new HttpLimits(DEFAULT_MAX_JSON_MB << 20,
      DEFAULT_REQUEST_TIMEOUT_S * 1000, DEFAULT_UPLOAD_TIMEOUT_S * 1000, DEFAULT_IDLE_TIMEOUT_S,
      false);

  public HttpLimits {
    if (maxJsonBytes < 1024 || requestTimeoutMs < 1 || uploadTimeoutMs < 1 || idleTimeoutS < 1) {
      throw new IllegalArgumentException("HTTP limits must be positive (JSON limit at least"
          + " 1 KiB): " + maxJsonBytes + " bytes, " + requestTimeoutMs + " ms, "
          + uploadTimeoutMs + " ms, " + idleTimeoutS + " s");
    }
    if (idleTimeoutS * 1000L < requestTimeoutMs) {
      throw new IllegalArgumentException("the idle timeout (" + idleTimeoutS + " s) must be at"
          + " least the request timeout (" + requestTimeoutMs / 1000 + " s): a long read writes"
          + " nothing until it is done");
    }
  }

  /** From whole seconds and MiB, as flags and config files give them. */
  public static HttpLimits of(long maxJsonMb, long requestTimeoutS, long uploadTimeoutS,
      int idleTimeoutS, boolean trustForwardedProto) {
    return new HttpLimits(maxJsonMb << 20, requestTimeoutS * 1000, uploadTimeoutS * 1000,
        idleTimeoutS, trustForwardedProto);
  }
}
