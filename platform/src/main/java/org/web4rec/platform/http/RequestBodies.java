package org.web4rec.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import org.web4rec.platform.config.ServerConfig;

/**
 * How a server reads request bodies, so that a body costs nothing until the caller is known.
 * {@link #hold} (on the root router, before any route) pauses the body and starts the request timeout; after
 * authentication, {@link #json} reads a non-form body up to the small JSON limit on every route,
 * and {@link #upload} (mounted by upload endpoints only, see {@code Endpoint#upload}) reads the
 * multipart form up to the upload limit, with the longer upload timeout. A declared
 * Content-Length over the route's limit answers 413 before a byte is read; a chunked body is cut
 * off at the limit. A body nobody read (401, 404, 413) is discarded up to {@link #DISCARD_BYTES},
 * then the connection is closed, so an unwanted upload costs neither memory nor much bandwidth.
 */
public final class RequestBodies {

  /** Unread body the server still swallows after answering, so a keep-alive client can go on. */
  static final long DISCARD_BYTES = 4L << 20;
  /** JSON bodies larger than this are parsed on a worker thread, not on the event loop. */
  static final int PARSE_OFF_LOOP_BYTES = 64 << 10;

  private static final String KEY = "web4rec.bodies";
  private static final String LIMIT = "web4rec.bodies.limit";
  private static final String TIMER = "web4rec.bodies.timer";
  private static final String STREAMED = "web4rec.bodies.streamed";

  private final long jsonBytes;
  private final long uploadBytes;
  private final long requestTimeoutMs;
  private final long uploadTimeoutMs;
  private final BodyHandler json;
  private final BodyHandler upload;

  public RequestBodies(ServerConfig config) {
    this.jsonBytes = config.http().maxJsonBytes();
    this.uploadBytes = config.maxUploadBytes();
    this.requestTimeoutMs = config.http().requestTimeoutMs();
    this.uploadTimeoutMs = config.http().uploadTimeoutMs();
    this.json = BodyHandler.create(false).setBodyLimit(jsonBytes);
    this.upload = BodyHandler.create(config.uploadDir().toString()).setBodyLimit(uploadBytes)
        .setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true);
  }

  /** A route's body limit, named in its 413. */
  private record Limit(long bytes, boolean upload) {}

  /**
   * An early handler of the server's root router: pauses the body (nothing is read until a body
   * step asks), refuses a declared length no route accepts, and starts the request timeout.
   */
  public void hold(RoutingContext ctx) {
    ctx.put(KEY, this);
    HttpServerRequest req = ctx.request();
    if (!req.isEnded()) {
      req.pause();
    }
    if (declaredLength(req) > Math.max(jsonBytes, uploadBytes)) {
      ctx.put(LIMIT, new Limit(Math.max(jsonBytes, uploadBytes), uploadBytes >= jsonBytes));
      ctx.addBodyEndHandler(v -> discardRest(req));
      ctx.fail(tooLarge(ctx));
      return;
    }
    startTimer(ctx, requestTimeoutMs);
    ctx.addBodyEndHandler(v -> {
      Long timer = ctx.get(TIMER);
      if (timer != null) {
        ctx.vertx().cancelTimer(timer);
      }
      // A streamed body belongs to its pipe; any other unread rest was not wanted.
      if (ctx.get(STREAMED) == null) {
        discardRest(req);
      }
    });
    ctx.next();
  }

  /** Reads a JSON (non-form) body up to the JSON limit; forms are only read by upload routes. */
  public static void json(RoutingContext ctx) {
    RequestBodies b = ctx.get(KEY);
    if (b == null || isForm(ctx.request())) {
      ctx.next();
      return;
    }
    read(ctx, b.json, false);
  }

  /** Reads a multipart upload up to the upload limit, under the upload timeout. */
  public static void upload(RoutingContext ctx) {
    RequestBodies b = ctx.get(KEY);
    if (b == null) {
      // No pipeline on this router: nothing is read, so the handler sees no parts (fails closed).
      ctx.next();
      return;
    }
    read(ctx, b.upload, true);
  }

  /**
   * Parses a large JSON body on a worker thread; the parsed object is cached in the request body,
   * so the handler's {@code Json.body} on the event loop finds it ready. Invalid JSON is left
   * for the handler to report.
   */
  public static void parseLargeJson(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() < PARSE_OFF_LOOP_BYTES || isForm(ctx.request())) {
      ctx.next();
      return;
    }
    ctx.vertx().executeBlocking(() -> ctx.body().asJsonObject(), false)
        .onComplete(ar -> ctx.next());
  }

  /** Marks the body as streamed elsewhere (the gateway's proxy pipes it to a service). */
  public static void streamed(RoutingContext ctx) {
    ctx.put(STREAMED, Boolean.TRUE);
  }

  /**
   * Applies the route's limit to the declared length without reading: false (and the request
   * failed with 413) when it is over; an upload also gets the upload timeout from here on. Used
   * directly for a body streamed elsewhere, which no step here reads.
   */
  public static boolean admit(RoutingContext ctx, boolean upload) {
    RequestBodies b = ctx.get(KEY);
    if (b == null) {
      return true;
    }
    Limit limit = upload ? new Limit(b.uploadBytes, true) : new Limit(b.jsonBytes, false);
    ctx.put(LIMIT, limit);
    if (upload) {
      b.startTimer(ctx, b.uploadTimeoutMs);
    }
    if (declaredLength(ctx.request()) > limit.bytes()) {
      ctx.fail(tooLarge(ctx));
      return false;
    }
    return true;
  }

  /** The 413 answer naming the route's limit and how to raise it. */
  public static ApiException tooLarge(RoutingContext ctx) {
    Limit limit = ctx.get(LIMIT);
    if (limit == null) {
      return new ApiException(413, "too_large", "request body too large", null);
    }
    if (limit.upload()) {
      return new ApiException(413, "too_large", "request body is larger than the upload limit"
          + " of " + size(limit.bytes()) + "; the operator raises it with --max-upload-mb"
          + " (WEB4REC_MAX_UPLOAD_MB, upload.max-mb in a service config)",
          "upload fewer candidates per user (n_candidates=100) or split the upload");
    }
    return new ApiException(413, "too_large", "request body is larger than the limit of "
        + size(limit.bytes()) + " for JSON requests; the operator raises it with --max-json-mb"
        + " (WEB4REC_MAX_JSON_MB, http.max-json-mb in a service config)",
        "send fewer ids per request");
  }

  private static void read(RoutingContext ctx, BodyHandler handler, boolean upload) {
    if (admit(ctx, upload)) {
      handler.handle(ctx);
    }
  }

  private void startTimer(RoutingContext ctx, long ms) {
    Long previous = ctx.get(TIMER);
    if (previous != null) {
      ctx.vertx().cancelTimer(previous);
    }
    ctx.put(TIMER, ctx.vertx().setTimer(ms, id -> {
      if (!ctx.response().headWritten()) {
        ctx.fail(new ApiException(503, "timeout", "the request did not complete within "
            + ms / 1000 + " s", null));
      }
    }));
  }

  /**
   * Swallows what the client still sends after the answer, up to {@link #DISCARD_BYTES}, then
   * closes the connection: cheaper than reading a large body to its end, and the client has its
   * answer by then.
   */
  private static void discardRest(HttpServerRequest req) {
    if (req.isEnded()) {
      return;
    }
    long[] seen = {0};
    req.handler(b -> {
      seen[0] += b.length();
      if (seen[0] > DISCARD_BYTES) {
        req.connection().close();
      }
    });
    if (req.isExpectMultipart()) {
      // Parts after the answer must not reach the upload directory.
      req.uploadHandler(u -> u.handler(b -> { }));
    }
    req.resume();
  }

  private static long declaredLength(HttpServerRequest req) {
    String v = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isForm(HttpServerRequest req) {
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("multipart/") || t.startsWith("application/x-www-form-urlencoded");
  }

  private static String size(long bytes) {
    return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
  }
}
