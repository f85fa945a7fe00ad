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
 * {@code {"error", "message", "example"}} answers, so no handler formats errors by itself.
 */
public final class ErrorHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  private final long maxBodyBytes;

  public ErrorHandler(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
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
    } else if (t instanceof HttpException h) {
      status = h.getStatusCode();
      code = codeFor(status);
      message = h.getPayload() != null ? h.getPayload() : defaultMessage(status);
    } else if (t == null) {
      status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      code = codeFor(status);
      message = defaultMessage(status);
    } else {
      status = 500;
      code = "internal";
      message = "internal error: " + t.getClass().getSimpleName()
          + (t.getMessage() == null ? "" : ": " + t.getMessage());
      LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), t);
    }
    if (status == 413 && !(t instanceof TableTooLargeException)) {
      message = "request body is larger than the server's limit of " + (maxBodyBytes >> 20)
          + " MiB";
      example = "upload fewer candidates per user (n_candidates=100) or raise --max-upload-mb";
    }
    if (ctx.response().ended()) {
      return;
    }
    JsonObject body = new JsonObject().put("error", code).put("message", message);
    if (example != null) {
      body.put("example", example);
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

  private static String defaultMessage(int status) {
    return switch (status) {
      case 404 -> "no such resource";
      case 405 -> "method not allowed on this path";
      case 413 -> "request body too large";
      default -> "request failed with status " + status;
    };
  }
}
