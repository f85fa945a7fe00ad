package org.web4rec.platform.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of a Web4Rec process, built once by the launcher from flags and environment variables
 * and passed down by constructor; nothing reads configuration elsewhere.
 *
 * @param port HTTP port of the gateway
 * @param dataDir root of the embedded stores (SQL files, blobs, uploads, secret)
 * @param maxUploadBytes body limit of the upload routes; larger bodies answer 413
 * @param defaultKs cut-offs computed when an upload names none
 * @param defaultCandidates candidates kept per user when an upload names none
 * @param uiDir built web UI (frontend/dist) to serve at /, or null for the built-in page
 * @param http the other request limits: JSON body size, timeouts
 */
public record ServerConfig(int port, Path dataDir, long maxUploadBytes, List<Integer> defaultKs,
    int defaultCandidates, Path uiDir, HttpLimits http) {

  public ServerConfig(int port, Path dataDir, long maxUploadBytes, List<Integer> defaultKs,
      int defaultCandidates, Path uiDir) {
    this(port, dataDir, maxUploadBytes, defaultKs, defaultCandidates, uiDir, HttpLimits.DEFAULTS);
  }

  public ServerConfig(int port, Path dataDir, long maxUploadBytes, List<Integer> defaultKs,
      int defaultCandidates) {
    this(port, dataDir, maxUploadBytes, defaultKs, defaultCandidates, null);
  }

  public static final List<Integer> DEFAULT_KS = List.of(5, 10, 20, 50);

  public Path blobDir() {
    return dataDir.resolve("blobs");
  }

  public Path sqlDir() {
    return dataDir.resolve("db");
  }

  public Path uploadDir() {
    return dataDir.resolve("uploads");
  }
}
