package org.web4rec.gateway;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.InternalAuth;
import org.web4rec.platform.http.RequestBodies;
import org.web4rec.platform.http.RequestId;
import org.web4rec.platform.service.Endpoint;

/**
 * The gateway's half of distributed mode: every endpoint of every service (its
 * {@code ServiceModule#endpoints}, passed in as the route table) is authenticated here, then
 * forwarded over HTTP to its owning service with the caller signed in headers
 * ({@link InternalAuth}). Bodies stream both ways (the request is paused before authentication
 * by {@link RequestBodies#hold} and piped afterwards), so a large upload is never buffered in the
 * gateway; the gateway refuses a declared Content-Length over the route's limit (the upload limit
 * on {@link Endpoint#upload} routes, the JSON limit elsewhere) once the caller is known, and the
 * service, with the same limits, cuts off a chunked body.
 */
public final class ServiceProxy {

  /** Connection-level headers that must not be forwarded (RFC 9110 section 7.6.1). */
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding",
      "upgrade", "host");

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ServiceProxy.class);

  private final Map<String, List<Endpoint>> routeTable;
  private final Map<String, String> baseUrls;
  private final InternalAuth signer;

  /**
   * @param routeTable service name to the endpoints it owns
   * @param baseUrls service name to base URL (scheme, host, port), e.g. http://web4rec-ingest:8080
   */
  public ServiceProxy(Map<String, List<Endpoint>> routeTable, Map<String, String> baseUrls,
      InternalAuth signer) {
    for (String service : routeTable.keySet()) {
      if (!baseUrls.containsKey(service)) {
        throw new IllegalArgumentException("no URL for the " + service + " service (gateway."
            + service + "-url)");
      }
    }
    this.routeTable = Map.copyOf(routeTable);
    this.baseUrls = Map.copyOf(baseUrls);
    this.signer = signer;
  }

  /** Mounts the forwarding routes; call after {@link RequestBodies#hold}, before any body step. */
  public void mount(Router api, HttpClient client, Handler<RoutingContext> authenticate) {
    routeTable.forEach((service, endpoints) -> {
      String base = stripSlash(baseUrls.get(service));
      for (Endpoint e : endpoints) {
        api.route(e.method(), e.path())
            .handler(authenticate)
            .handler(ctx -> {
              if (RequestBodies.admit(ctx, e.upload())) {
                forward(ctx, client, service, base);
              }
            });
      }
    });
  }

  private void forward(RoutingContext ctx, HttpClient client, String service, String base) {
    HttpServerRequest in = ctx.request();
    MultiMap headers = HttpHeaders.headers();
    for (Map.Entry<String, String> h : in.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !name.equals("authorization") && !name.equals("cookie")
          && !name.startsWith("x-web4rec-caller-")) {
        headers.add(h.getKey(), h.getValue());
      }
    }
    signer.sign(headers, in.method().name(), in.uri(), Caller.of(ctx),
        System.currentTimeMillis());
    headers.set(RequestId.HEADER, RequestId.of(ctx));
    boolean hasBody = in.getHeader(HttpHeaders.CONTENT_LENGTH) != null
        || in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    RequestOptions options = new RequestOptions().setMethod(in.method())
        .setAbsoluteURI(base + in.uri()).setHeaders(headers);
    client.request(options)
        .compose(out -> {
          if (!hasBody) {
            return out.send();
          }
          if (in.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            out.setChunked(true);
          }
          RequestBodies.streamed(ctx);
          return out.send(in);
        })
        .onSuccess(resp -> relay(ctx, resp))
        .onFailure(t -> {
          LOG.warn("request {}: the {} service did not answer", RequestId.of(ctx), service, t);
          ctx.fail(new ApiException(502, "bad_gateway", "the " + service
              + " service did not answer; quote request id " + RequestId.of(ctx), null));
        });
  }

  private static void relay(RoutingContext ctx, HttpClientResponse resp) {
    HttpServerResponse out = ctx.response().setStatusCode(resp.statusCode());
    for (Map.Entry<String, String> h : resp.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      // The gateway's own request id header is already on the answer (the same value).
      if (!HOP_BY_HOP.contains(name) && !name.equals("x-request-id")) {
        out.headers().add(h.getKey(), h.getValue());
      }
    }
    if (resp.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
      out.setChunked(true);
    }
    resp.pipeTo(out);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
