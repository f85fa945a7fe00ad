package org.web4rec.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web4rec.core.InvalidInput;
import org.web4rec.platform.table.TableFormatException;
import org.web4rec.platform.table.TableTooLargeException;

/**
 * The one failure handler: maps domain exceptions and router status failures to
 * {@code {"error", "message", "example"}} answers, so no handler formats errors by itself. An
 * unexpected exception is logged with the request id and answered with that id only: its text
 * (class names, paths, SQL) stays in the log.
 */
public final class ErrorHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Throwable t = ctx.failure();
    int status;
    String code;
    String message;
    String example = null;
    if (t instanceof ApiException api) {
      status = api.status();
      code = api.code();
      message = api.getMessage();
      example = api.example();
    } else if (t instanceof InvalidInput bad) {
      status = 400;
      code = "bad_request";
      message = bad.getMessage();
      example = bad.example();
    } else if (t instanceof TableTooLargeException) {
      status = 413;
      code = "too_large";
      message = t.getMessage();
      example = "fewer rows or candidates per user (n_candidates=100), or raise the limit it names";
    } else if (t instanceof TableFormatException) {
      status = 400;
      code = "bad_table";
      message = t.getMessage();
      example = "an Arrow IPC stream (pyarrow.ipc.new_stream) or CSV with a header row";
    } else if (t instanceof DecodeException) {
      status = 400;
      code = "bad_json";
      message = "body is not valid JSON: " + t.getMessage();
    } else if (t instanceof HttpException h && h.getStatusCode() < 500) {
      status = h.getStatusCode();
      code = codeFor(status);
      message = h.getPayload() != null ? h.getPayload() : defaultMessage(status);
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      // A status failure, or an exception with a client-error status (a malformed multipart).
      status = ctx.statusCode();
      code = codeFor(status);
      message = defaultMessage(status);
    } else {
      status = t instanceof HttpException h ? h.getStatusCode()
          : t == null && ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      code = codeFor(status);
      message = null;
    }
    if (status == 413 && !(t instanceof ApiException) && !(t instanceof TableTooLargeException)) {
      // The body handler's bare 413: name the route's limit.
      ApiException tooLarge = RequestBodies.tooLarge(ctx);
      message = tooLarge.getMessage();
      example = tooLarge.example();
    }
    if (status >= 500) {
      // What went wrong inside (exception text, a dependency's message) stays in the log.
      LOG.error("request {}: {} {} on {} {}{}", RequestId.of(ctx), status, code,
          ctx.request().method(), ctx.request().path(),
          message == null ? "" : ": " + message, t);
      message = publicMessage(status) + "; quote request id " + RequestId.of(ctx);
      example = null;
    }
    JsonObject body = new JsonObject().put("error", code).put("message", message);
    if (example != null) {
      body.put("example", example);
    }
    if (status >= 500) {
      body.put("request_id", RequestId.of(ctx));
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "too_large";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal" : "error";
    };
  }

  private static String publicMessage(int status) {
    return switch (status) {
      case 502 -> "a service behind the gateway did not answer";
      case 503 -> "temporarily unavailable, retry later";
      default -> "internal error";
    };
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "malformed request";
      case 404 -> "no such resource";
      case 405 -> "method not allowed on this path";
      case 413 -> "request body too large";
      default -> "request failed with status " + status;
    };
  }
}
