package org.web4rec.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP/1.1 exchange on a plain socket, for what an HTTP client library will not do: declare a
 * length it never sends, stream a body that keeps going after the answer, send TRACE with a body.
 * The body is written by a thread of its own while the answer is read, like an attacker that
 * ignores the answer.
 */
final class RawHttp implements AutoCloseable {

  /** A parsed answer; header names lower-case. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private final Socket socket;
  private final OutputStream out;
  private final AtomicLong sent = new AtomicLong();
  private Thread writer;

  RawHttp(int port, int readTimeoutMs) throws IOException {
    socket = new Socket("localhost", port);
    socket.setSoTimeout(readTimeoutMs);
    out = socket.getOutputStream();
  }

  /** Request line and headers ({@code "Name: value"} each); Host and the blank line are added. */
  RawHttp head(String requestLine, String... headers) throws IOException {
    StringBuilder b = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    out.write(b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return this;
  }

  /** Writes {@code bytes} once, then nothing more. */
  RawHttp body(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    sent.addAndGet(bytes.length);
    return this;
  }

  /**
   * Streams up to {@code total} filler bytes in the background (as chunks when {@code chunked}),
   * until done or the server closes the connection.
   */
  RawHttp stream(long total, boolean chunked, byte fill) {
    byte[] block = new byte[64 << 10];
    Arrays.fill(block, fill);
    byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    writer = new Thread(() -> {
      try {
        while (sent.get() < total) {
          if (chunked) {
            out.write(chunkHead);
          }
          out.write(block);
          if (chunked) {
            out.write(crlf);
          }
          sent.addAndGet(block.length);
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException closedByServer) {
        // the server answered and hung up: what we want
      }
    }, "raw-http-writer");
    writer.setDaemon(true);
    writer.start();
    return this;
  }

  /** Body bytes handed to the socket so far (the kernel may still hold some). */
  long sent() {
    return sent.get();
  }

  /** Waits for the background writer to stop (finished or cut off) up to {@code ms}. */
  boolean writerStopped(long ms) throws InterruptedException {
    if (writer == null) {
      return true;
    }
    writer.join(ms);
    return !writer.isAlive();
  }

  /** Reads the status line, headers and a Content-Length body (socket read timeout applies). */
  Answer read() throws IOException {
    InputStream in = socket.getInputStream();
    String status = line(in);
    Map<String, String> headers = new HashMap<>();
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          l.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Answer(Integer.parseInt(status.split(" ")[1]), headers,
        new String(body, StandardCharsets.UTF_8));
  }

  /** True when the server closes the connection before the read timeout, having sent nothing. */
  boolean closedByServer() throws IOException {
    try {
      return socket.getInputStream().read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed before the answer was complete");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
