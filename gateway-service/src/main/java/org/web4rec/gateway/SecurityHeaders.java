package org.web4rec.gateway;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Browser hardening headers on every gateway answer (UI, API, errors, forwarded answers). The
 * policy allows scripts only from the gateway's own origin (the built UI has no inline script;
 * {@code 'unsafe-eval'} because Plotly's WebGL traces (regl) compile their shaders' glue code with
 * {@code Function} at run time: without it the scattergl maps and Pareto charts do not draw),
 * styles inline too (Plotly and React set style attributes and Plotly injects a style element),
 * images from data: and blob: URLs (the favicon, chart downloads), and no framing at all.
 * HSTS is sent only on a request that reached us over TLS: directly (an https server) or, when
 * the operator says a proxy in front sets it ({@code trustForwardedProto}), per
 * {@code X-Forwarded-Proto: https}; over plain HTTP a browser ignores it anyway, and trusting the
 * header without such a proxy would let a client turn it on for a plain-HTTP deployment.
 */
final class SecurityHeaders {

  static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  private final boolean trustForwardedProto;

  SecurityHeaders(boolean trustForwardedProto) {
    this.trustForwardedProto = trustForwardedProto;
  }

  /** A root router handler: the headers are set just before the answer's headers go out. */
  void handle(RoutingContext ctx) {
    boolean tls = overTls(ctx.request());
    ctx.addHeadersEndHandler(v -> {
      var h = ctx.response().headers();
      h.set("Content-Security-Policy", CSP);
      h.set("X-Content-Type-Options", "nosniff");
      h.set("X-Frame-Options", "DENY");
      h.set("Referrer-Policy", "no-referrer");
      if (tls) {
        h.set("Strict-Transport-Security", HSTS);
      }
    });
    ctx.next();
  }

  private boolean overTls(HttpServerRequest req) {
    if (req.isSSL()) {
      return true;
    }
    String proto = req.getHeader("X-Forwarded-Proto");
    return trustForwardedProto && proto != null && proto.trim().equalsIgnoreCase("https");
  }
}
