package org.web4rec.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web4rec.launcher.ServerFixture.await;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web4rec.platform.config.HttpLimits;
import org.web4rec.platform.config.ServerConfig;

/**
 * The request pipeline as an attacker meets it, against a real server with the shipped limits
 * (1 GiB uploads, 1 MiB JSON): no body is read before authentication, a declared length over the
 * route's limit is refused before a byte is read, a chunked body is cut off at the limit, none of
 * it costs the server memory; methods without a route answer 4xx whatever their body; every
 * answer carries the hardening headers and a request id, and a 5xx quotes only that id.
 */
class RequestPipelineTest {

  static final long MB = 1L << 20;
  static final String MULTIPART = "Content-Type: multipart/form-data; boundary=xyz";

  @TempDir
  static Path dir;
  static ServerFixture fx;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    fx = new ServerFixture(dir, 1L << 30);
    token = await(fx.client().postJson("/auth/signup", new JsonObject()
        .put("email", "pipe@example.com").put("password", "password-123")))
        .bodyAsJsonObject().getString("token");
    assertEquals(201, await(fx.client().token(token).postTables("/datasets",
        Map.of("name", "tiny"), ServerFixture.datasetTables())).statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  RawHttp raw() throws Exception {
    return new RawHttp(fx.server.port(), 3_000);
  }

  @Test
  void bigBodiesAreRefusedWithinSecondsWithoutCostingMemory() throws Exception {
    System.gc();
    long rssBefore = rssBytes();
    long start = System.nanoTime();
    // 1. An unauthenticated 400 MB upload that declares its length and never sends it.
    try (RawHttp c = raw()) {
      RawHttp.Answer a = c.head("POST /api/v1/datasets/tiny/experiments HTTP/1.1", MULTIPART,
          "Content-Length: " + 400 * MB).read();
      assertEquals(401, a.status(), a.body());
    }
    // 2. The same as a chunked stream that goes on after the answer: cut off, not read to its end.
    try (RawHttp c = raw()) {
      RawHttp.Answer a = c.head("POST /api/v1/datasets/tiny/experiments HTTP/1.1", MULTIPART,
          "Transfer-Encoding: chunked").stream(400 * MB, true, (byte) 'x').read();
      assertEquals(401, a.status(), a.body());
      assertTrue(c.writerStopped(3_000), "the server keeps reading the refused body");
      assertTrue(c.sent() < 64 * MB, "sent " + c.sent() / MB + " MB before the server hung up");
      System.out.println("refused chunked upload: client got " + c.sent() / MB
          + " MB out before the server closed the connection");
    }
    // 3. A 200 MB sign-in body: 413 from the declared length, the body streaming meanwhile.
    try (RawHttp c = raw()) {
      RawHttp.Answer a = c.head("POST /api/v1/auth/login HTTP/1.1",
          "Content-Type: application/json", "Content-Length: " + 200 * MB)
          .stream(200 * MB, false, (byte) ' ').read();
      assertEquals(413, a.status(), a.body());
      JsonObject body = new JsonObject(a.body());
      assertTrue(body.getString("message").contains("limit of 1 MiB"), a.body());
      assertTrue(body.getString("message").contains("--max-json-mb"), a.body());
      assertTrue(c.writerStopped(3_000), "the server keeps reading the refused body");
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(seconds < 3 * 3, "three refusals took " + seconds + " s");
    long growth = rssBytes() - rssBefore;
    System.out.println("RSS growth over the refused requests (400 MB declared, 400 MB offered chunked, 200 MB login): "
        + growth / MB + " MB (before " + rssBefore / MB + " MB)");
    assertTrue(growth < 300 * MB, "RSS grew by " + growth / MB + " MB");
  }

  @Test
  void aChunkedJsonBodyIsCutOffAtTheJsonLimit() throws Exception {
    try (RawHttp c = raw()) {
      RawHttp.Answer a = c.head("POST /api/v1/teams HTTP/1.1", "Authorization: Bearer " + token,
          "Content-Type: application/json", "Transfer-Encoding: chunked")
          .stream(50 * MB, true, (byte) ' ').read();
      assertEquals(413, a.status(), a.body());
      assertTrue(new JsonObject(a.body()).getString("message").contains("limit of 1 MiB"));
    }
  }

  @Test
  void anUploadRouteAcceptsMoreThanTheJsonLimitButNotMoreThanItsOwn() throws Exception {
    // Declared over 1 GiB: no route takes it, refused before authentication.
    try (RawHttp c = raw()) {
      RawHttp.Answer a = c.head("POST /api/v1/datasets/tiny/experiments HTTP/1.1", MULTIPART,
          "Content-Length: " + 2048 * MB).read();
      assertEquals(413, a.status(), a.body());
      assertTrue(new JsonObject(a.body()).getString("message").contains("upload limit of 1024"
          + " MiB"), a.body());
    }
    // Signed in, a 2 MB multipart upload is read (past the JSON limit) and judged by ingest.
    byte[] junk = new byte[2 * (int) MB];
    java.util.Arrays.fill(junk, (byte) 'a');
    String head = "--xyz\r\nContent-Disposition: form-data; name=\"recommendations\";"
        + " filename=\"r.csv\"\r\nContent-Type: text/csv\r\n\r\n";
    byte[] body = concat(head.getBytes(StandardCharsets.US_ASCII), junk,
        "\r\n--xyz--\r\n".getBytes(StandardCharsets.US_ASCII));
    try (RawHttp c = raw()) {
      RawHttp.Answer a = c.head("POST /api/v1/datasets/tiny/experiments HTTP/1.1",
          "Authorization: Bearer " + token, MULTIPART, "Content-Length: " + body.length)
          .body(body).read();
      assertEquals(400, a.status(), a.body());
    }
  }

  @Test
  void traceAndOtherUnroutedMethodsWithAMultipartBodyAreNot5xx() throws Exception {
    String body = "--xyz\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\n{}\r\n--xyz--\r\n";
    for (String target : new String[] {"/api/v1/datasets/tiny/experiments", "/api/v1/datasets",
        "/"}) {
      for (String method : new String[] {"TRACE", "GET", "PATCH", "OPTIONS"}) {
        for (boolean signedIn : new boolean[] {true, false}) {
          try (RawHttp c = raw()) {
            RawHttp.Answer a = c.head(method + " " + target + " HTTP/1.1", MULTIPART,
                signedIn ? "Authorization: Bearer " + token : "X-Anonymous: yes",
                "Content-Length: " + body.length())
                .body(body.getBytes(StandardCharsets.US_ASCII)).read();
            String what = method + " " + target + (signedIn ? " signed in" : "") + ": "
                + a.status() + " " + a.body();
            // GET lists the experiments or serves the UI (body ignored); the others have no route.
            assertTrue(method.equals("GET") ? a.status() < 500
                : a.status() >= 400 && a.status() < 500, what);
          }
        }
      }
    }
  }

  @Test
  void everyAnswerCarriesTheHardeningHeadersAndARequestId() throws Exception {
    for (String path : new String[] {"/", "/api/v1/datasets", "/health/live", "/nope"}) {
      try (RawHttp c = raw()) {
        RawHttp.Answer a = c.head("GET " + path + " HTTP/1.1", "X-Forwarded-Proto: https")
            .read();
        String csp = a.headers().get("content-security-policy");
        assertTrue(csp != null && csp.contains("frame-ancestors 'none'")
            && csp.contains("script-src 'self' 'unsafe-eval';")
            && !csp.matches(".*script-src[^;]*unsafe-inline.*"), path + ": " + csp);
        assertEquals("nosniff", a.headers().get("x-content-type-options"), path);
        assertEquals("DENY", a.headers().get("x-frame-options"), path);
        assertEquals("no-referrer", a.headers().get("referrer-policy"), path);
        assertTrue(String.valueOf(a.headers().get("x-request-id")).matches("[a-z0-9]{20}"),
            path + ": " + a.headers());
        // Plain HTTP and no trusted proxy: the forwarded header is not believed.
        assertNull(a.headers().get("strict-transport-security"), path);
      }
    }
    try (RawHttp c = raw()) {
      assertEquals("abc-123.x", c.head("GET /health/live HTTP/1.1", "X-Request-Id: abc-123.x")
          .read().headers().get("x-request-id"));
    }
    try (RawHttp c = raw()) {
      String id = c.head("GET /health/live HTTP/1.1", "X-Request-Id: not plain; <script>")
          .read().headers().get("x-request-id");
      assertTrue(id.matches("[a-z0-9]{20}"), id);
    }
  }

  @Test
  void proxyTrustAndTimeoutsComeFromTheConfig(@TempDir Path other) throws Exception {
    HttpLimits limits = new HttpLimits(MB, 1_000, 3_600_000, 2, true);
    Web4RecServer s = await(Web4RecServer.start(new ServerConfig(0, other, MB,
        ServerConfig.DEFAULT_KS, 100, null, limits)));
    try {
      try (RawHttp c = new RawHttp(s.port(), 3_000)) {
        assertTrue(c.head("GET / HTTP/1.1", "X-Forwarded-Proto: https").read().headers()
            .get("strict-transport-security").startsWith("max-age="));
      }
      try (RawHttp c = new RawHttp(s.port(), 3_000)) {
        assertNull(c.head("GET / HTTP/1.1", "X-Forwarded-Proto: http").read().headers()
            .get("strict-transport-security"));
      }
      // A body that never comes: the request timeout (1 s) answers.
      long start = System.nanoTime();
      try (RawHttp c = new RawHttp(s.port(), 3_000)) {
        RawHttp.Answer a = c.head("POST /api/v1/auth/login HTTP/1.1",
            "Content-Type: application/json", "Content-Length: 100").read();
        assertEquals(503, a.status(), a.body());
        assertEquals("timeout", new JsonObject(a.body()).getString("error"));
      }
      assertTrue(System.nanoTime() - start < 2_500_000_000L);
      // A connection that says nothing is closed after the idle timeout (2 s).
      try (RawHttp c = new RawHttp(s.port(), 4_000)) {
        assertTrue(c.closedByServer(), "an idle connection stays open");
      }
    } finally {
      await(s.stop());
    }
  }

  @Test
  void aServerErrorQuotesTheRequestIdAndNothingElse() throws Exception {
    ApiClient api = fx.client().token(token);
    assertEquals(201, await(api.postTables("/datasets", Map.of("name", "fresh"),
        ServerFixture.datasetTables())).statusCode());
    // Break the blob store from outside: its directory becomes a file, so reading the dataset
    // (not loaded yet) and writing a new one fail with I/O exceptions that name the path.
    Path blobs = dir.resolve("blobs");
    Path aside = dir.resolve("blobs-aside");
    Files.move(blobs, aside);
    Files.writeString(blobs, "not a directory");
    try {
      var read = await(api.get("/datasets/fresh/stats"));
      assertEquals(500, read.statusCode(), read.bodyAsString());
      String id = read.getHeader("X-Request-Id");
      assertNotEquals(null, id);
      assertEquals(new JsonObject().put("error", "internal")
          .put("message", "internal error; quote request id " + id).put("request_id", id),
          read.bodyAsJsonObject());

      var write = await(api.postTables("/datasets", Map.of("name", "broken"),
          ServerFixture.datasetTables()));
      assertEquals(503, write.statusCode(), write.bodyAsString());
      String writeId = write.getHeader("X-Request-Id");
      assertEquals(new JsonObject().put("error", "unavailable")
          .put("message", "temporarily unavailable, retry later; quote request id " + writeId)
          .put("request_id", writeId), write.bodyAsJsonObject());
      assertFalse(write.bodyAsString().contains(dir.toString()));
    } finally {
      Files.delete(blobs);
      Files.move(aside, blobs);
    }
  }

  private static long rssBytes() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
      }
    }
    throw new AssertionError("no VmRSS in /proc/self/status");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }
}
