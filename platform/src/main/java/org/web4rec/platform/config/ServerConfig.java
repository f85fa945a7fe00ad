package org.web4rec.platform.config;

import java.nio.file.Path;
import java.util.List;
import org.web4rec.platform.table.DecodeLimits;

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
 * @param maxDecodedBytes cap on what one uploaded table may decode to (see {@link #decodeLimits})
 * @param http the other request limits: JSON body size, timeouts
 */
public record ServerConfig(int port, Path dataDir, long maxUploadBytes, List<Integer> defaultKs,
    int defaultCandidates, Path uiDir, long maxDecodedBytes, HttpLimits http) {

  /**
   * 512 MiB: room for ~20 M rows of (user, item, score) with integer ids, while a refused bomb
   * costs the process well under 1 GB (the decode's heap plus one Arrow batch).
   */
  public static final long DEFAULT_MAX_DECODED_BYTES = 512L << 20;

  public ServerConfig(int port, Path dataDir, long maxUploadBytes, List<Integer> defaultKs,
      int defaultCandidates, Path uiDir) {
    this(port, dataDir, maxUploadBytes, defaultKs, defaultCandidates, uiDir,
        DEFAULT_MAX_DECODED_BYTES, HttpLimits.DEFAULTS);
  }

  public ServerConfig(int port, Path dataDir, long maxUploadBytes, List<Integer> defaultKs,
      int defaultCandidates, Path uiDir, HttpLimits http) {
    this(port, dataDir, maxUploadBytes, defaultKs, defaultCandidates, uiDir,
        DEFAULT_MAX_DECODED_BYTES, http);
  }

  public ServerConfig(int port, Path dataDir, long maxUploadBytes, List<Integer> defaultKs,
      int defaultCandidates, Path uiDir, long maxDecodedBytes) {
    this(port, dataDir, maxUploadBytes, defaultKs, defaultCandidates, uiDir, maxDecodedBytes,
        HttpLimits.DEFAULTS);
  }

  public ServerConfig(int port, Path dataDir, long maxUploadBytes, List<Integer> defaultKs,
      int defaultCandidates) {
    this(port, dataDir, maxUploadBytes, defaultKs, defaultCandidates, null);
  }

  public static final List<Integer> DEFAULT_KS = List.of(5, 10, 20, 50);

  /** The caps uploaded tables are decoded within ({@link DecodeLimits#forUploads}). */
  public DecodeLimits decodeLimits() {
    return DecodeLimits.forUploads(maxUploadBytes, maxDecodedBytes);
  }

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
