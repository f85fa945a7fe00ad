package org.web4rec.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.util.Map;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Table;

/**
 * A minimal Java client of the HTTP API, for the demo seeder and the JVM tests (the Python SDK is
 * the user-facing client). Answers with any status; callers check it.
 */
public final class ApiClient {

  private final WebClient client;
  private String token;

  public ApiClient(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(port));
  }

  public ApiClient token(String token) {
    this.token = token;
    return this;
  }

  public Future<HttpResponse<Buffer>> postJson(String path, JsonObject body) {
    var req = client.post("/api/v1" + path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return req.sendJsonObject(body);
  }

  public Future<HttpResponse<Buffer>> get(String path) {
    var req = client.get("/api/v1" + path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return req.send();
  }

  /** GET acting on a named team ({@code X-Web4Rec-Team}). */
  public Future<HttpResponse<Buffer>> getWithTeam(String path, String teamId) {
    var req = client.get("/api/v1" + path).putHeader("X-Web4Rec-Team", teamId);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return req.send();
  }

  public Future<HttpResponse<Buffer>> delete(String path) {
    var req = client.delete("/api/v1" + path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return req.send();
  }

  /** GET outside the API prefix (health, UI). */
  public Future<HttpResponse<Buffer>> getRoot(String path) {
    return client.get(path).send();
  }

  /** Multipart POST: text fields as attributes, tables as Arrow IPC file parts. */
  public Future<HttpResponse<Buffer>> postTables(String path, Map<String, String> fields,
      Map<String, Table> tables) {
    return postTables(path, fields, tables, null);
  }

  public Future<HttpResponse<Buffer>> postTables(String path, Map<String, String> fields,
      Map<String, Table> tables, String idempotencyKey) {
    MultipartForm form = MultipartForm.create();
    fields.forEach(form::attribute);
    tables.forEach((name, table) -> form.binaryFileUpload(name, name + ".arrow",
        Buffer.buffer(ArrowCodec.toBytes(table)), ArrowCodec.MEDIA_TYPE));
    return send(path, form, idempotencyKey);
  }

  /** Multipart POST with raw file parts (CSV text, or arbitrary bytes for error tests). */
  public Future<HttpResponse<Buffer>> postRaw(String path, Map<String, String> fields,
      Map<String, String> files) {
    MultipartForm form = MultipartForm.create();
    fields.forEach(form::attribute);
    files.forEach((name, text) -> form.textFileUpload(name, name + ".csv", Buffer.buffer(text),
        "text/csv"));
    return send(path, form, null);
  }

  /** Multipart POST with Arrow parts given as bytes (hand-made streams for hostile tests). */
  public Future<HttpResponse<Buffer>> postArrowBytes(String path, Map<String, String> fields,
      Map<String, byte[]> parts) {
    MultipartForm form = MultipartForm.create();
    fields.forEach(form::attribute);
    parts.forEach((name, bytes) -> form.binaryFileUpload(name, name + ".arrow",
        Buffer.buffer(bytes), ArrowCodec.MEDIA_TYPE));
    return send(path, form, null);
  }

  /** Multipart POST of tables acting on a named team. */
  public Future<HttpResponse<Buffer>> postTablesInTeam(String path, String teamId,
      Map<String, String> fields, Map<String, Table> tables) {
    MultipartForm form = MultipartForm.create();
    fields.forEach(form::attribute);
    tables.forEach((name, table) -> form.binaryFileUpload(name, name + ".arrow",
        Buffer.buffer(ArrowCodec.toBytes(table)), ArrowCodec.MEDIA_TYPE));
    var req = client.post("/api/v1" + path).putHeader("X-Web4Rec-Team", teamId);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return req.sendMultipartForm(form);
  }

  private Future<HttpResponse<Buffer>> send(String path, MultipartForm form, String key) {
    var req = client.post("/api/v1" + path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    if (key != null) {
      req.putHeader("Idempotency-Key", key);
    }
    return req.sendMultipartForm(form);
  }

  public void close() {
    client.close();
  }
}
