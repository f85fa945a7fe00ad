package org.web4rec.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small helpers so handlers read as one line. */
public final class Json {

  private Json() {}

  public static void ok(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  public static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject b = ctx.body().asJsonObject();
      if (b == null) {
        throw ApiException.badRequest("request body must be a JSON object",
            "{\"email\": \"a@b.c\", \"password\": \"at-least-8-chars\"}");
      }
      return b;
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      throw ApiException.badRequest("request body must be a JSON object: " + e.getMessage(),
          "{\"email\": \"a@b.c\", \"password\": \"at-least-8-chars\"}");
    }
  }

  public static JsonArray array(Iterable<JsonObject> items) {
    JsonArray a = new JsonArray();
    items.forEach(a::add);
    return a;
  }
}
