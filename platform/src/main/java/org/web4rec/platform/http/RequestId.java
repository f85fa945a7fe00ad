package org.web4rec.platform.http;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.web4rec.platform.sql.Ids;

/**
 * The id that ties an answer to the server's log lines: taken from the caller's
 * {@code X-Request-Id} when it is short and plain (a proxy or the gateway set it), else generated,
 * and echoed on every response. A 5xx answer quotes it instead of the exception.
 */
public final class RequestId {

  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "web4rec.request-id";
  /** Only characters that cannot break a log line or a header. */
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestId() {}

  /** The first handler of a server's root router. */
  public static void assign(RoutingContext ctx) {
    String incoming = ctx.request().getHeader(HEADER);
    String id = incoming != null && SANE.matcher(incoming).matches() ? incoming
        : Ids.random(20);
    ctx.put(KEY, id);
    // Set as the headers go out: a handler that resets the answer's headers cannot drop it.
    ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
    ctx.next();
  }

  /** The request's id ({@code "-"} when {@link #assign} did not run, e.g. in a bare router). */
  public static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "-" : id;
  }
}
