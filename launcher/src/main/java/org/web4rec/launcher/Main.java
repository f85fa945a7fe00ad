package org.web4rec.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.web4rec.platform.config.HttpLimits;
import org.web4rec.platform.config.ServerConfig;
import org.web4rec.platform.config.ServiceConfig;

/**
 * Command line: {@code up|demo [--port 8080] [--data-dir ./data] [--max-upload-mb 1024]
 * [--max-decoded-mb 512] [--max-json-mb 1] [--request-timeout-s 300] [--upload-timeout-s 3600]
 * [--idle-timeout-s 300] [--trust-forwarded-proto] [--ui-dir frontend/dist]}, or
 * {@code service NAME --config FILE} for one service alone (distributed mode: {@link ServiceMain},
 * docs/distributed.md), or {@code backup|restore DIR [--data-dir ./data]} with the server stopped
 * ({@link Backup}). Flags fall back to the environment ({@code WEB4REC_PORT},
 * {@code WEB4REC_DATA_DIR}, {@code WEB4REC_MAX_UPLOAD_MB}, {@code WEB4REC_MAX_DECODED_MB},
 * {@code WEB4REC_MAX_JSON_MB}, {@code WEB4REC_REQUEST_TIMEOUT_S}, {@code WEB4REC_UPLOAD_TIMEOUT_S},
 * {@code WEB4REC_IDLE_TIMEOUT_S}, {@code WEB4REC_TRUST_FORWARDED_PROTO}, {@code WEB4REC_UI_DIR}).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    String command = rest.isEmpty() ? "up" : rest.remove(0);
    if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
      usage();
      return;
    }
    if (command.equals("service")) {
      service(rest);
      return;
    }
    if (command.equals("backup") || command.equals("restore")) {
      backupOrRestore(command, rest);
      return;
    }
    if (!command.equals("up") && !command.equals("demo")) {
      System.err.println("unknown command: " + command);
      usage();
      System.exit(2);
    }
    int port = Integer.parseInt(env("WEB4REC_PORT", "8080"));
    Path dataDir = Path.of(env("WEB4REC_DATA_DIR", "./data"));
    long maxUploadMb = Long.parseLong(env("WEB4REC_MAX_UPLOAD_MB", "1024"));
    long maxDecodedMb = Long.parseLong(env("WEB4REC_MAX_DECODED_MB", "512"));
    long maxJsonMb = Long.parseLong(env("WEB4REC_MAX_JSON_MB",
        Long.toString(HttpLimits.DEFAULT_MAX_JSON_MB)));
    long requestTimeoutS = Long.parseLong(env("WEB4REC_REQUEST_TIMEOUT_S",
        Long.toString(HttpLimits.DEFAULT_REQUEST_TIMEOUT_S)));
    long uploadTimeoutS = Long.parseLong(env("WEB4REC_UPLOAD_TIMEOUT_S",
        Long.toString(HttpLimits.DEFAULT_UPLOAD_TIMEOUT_S)));
    int idleTimeoutS = Integer.parseInt(env("WEB4REC_IDLE_TIMEOUT_S",
        Integer.toString(HttpLimits.DEFAULT_IDLE_TIMEOUT_S)));
    boolean trustForwardedProto = Boolean.parseBoolean(env("WEB4REC_TRUST_FORWARDED_PROTO",
        "false"));
    boolean demo = command.equals("demo");
    String uiEnv = System.getenv("WEB4REC_UI_DIR");
    Path uiDir = uiEnv == null || uiEnv.isBlank() ? null : Path.of(uiEnv);
    for (int i = 0; i < rest.size(); i++) {
      String flag = rest.get(i);
      switch (flag) {
        case "--port" -> port = Integer.parseInt(value(rest, ++i, flag));
        case "--data-dir" -> dataDir = Path.of(value(rest, ++i, flag));
        case "--max-upload-mb" -> maxUploadMb = Long.parseLong(value(rest, ++i, flag));
        case "--max-decoded-mb" -> maxDecodedMb = Long.parseLong(value(rest, ++i, flag));
        case "--max-json-mb" -> maxJsonMb = Long.parseLong(value(rest, ++i, flag));
        case "--request-timeout-s" -> requestTimeoutS = Long.parseLong(value(rest, ++i, flag));
        case "--upload-timeout-s" -> uploadTimeoutS = Long.parseLong(value(rest, ++i, flag));
        case "--idle-timeout-s" -> idleTimeoutS = Integer.parseInt(value(rest, ++i, flag));
        case "--trust-forwarded-proto" -> trustForwardedProto = true;
        case "--ui-dir" -> uiDir = Path.of(value(rest, ++i, flag));
        case "--demo" -> demo = true;
        default -> {
          System.err.println("unknown flag: " + flag);
          usage();
          System.exit(2);
        }
      }
    }
    HttpLimits http;
    try {
      http = HttpLimits.of(maxJsonMb, requestTimeoutS, uploadTimeoutS, idleTimeoutS,
          trustForwardedProto);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ServerConfig config = new ServerConfig(port, dataDir.toAbsolutePath().normalize(),
        maxUploadMb << 20, ServerConfig.DEFAULT_KS, 100,
        uiDir == null ? null : uiDir.toAbsolutePath().normalize(), maxDecodedMb << 20, http);
    Web4RecServer server;
    try {
      server = Web4RecServer.start(config).toCompletionStage().toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      System.err.println("Web4Rec could not start: " + e.getCause());
      e.getCause().printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println("Web4Rec ready at http://localhost:" + server.port()
        + " (data in " + config.dataDir() + ")");
    if (demo) {
      DemoSeeder.seed(server.vertx(), server.port()).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.MINUTES);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // exiting anyway
      }
      stopped.countDown();
    }));
    stopped.await();
  }

  /**
   * {@code service [NAME] [--config FILE]}: NAME and FILE fall back to WEB4REC_SERVICE and
   * WEB4REC_CONFIG; every setting can be overridden by its WEB4REC_* variable.
   */
  private static void service(List<String> args) throws Exception {
    String name = null;
    String file = System.getenv("WEB4REC_CONFIG");
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--config")) {
        file = value(args, ++i, a);
      } else if (!a.startsWith("-") && name == null) {
        name = a;
      } else {
        System.err.println("unknown argument: " + a);
        usage();
        System.exit(2);
      }
    }
    ServiceConfig config;
    try {
      config = ServiceConfig.load(file == null || file.isBlank() ? null : Path.of(file),
          System.getenv());
      if (name != null) {
        config = config.with("service", name);
      }
    } catch (IllegalArgumentException | java.io.IOException e) {
      System.err.println("bad configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    ServiceMain.Running running;
    try {
      running = ServiceMain.start(config).toCompletionStage().toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      System.err.println("Web4Rec service could not start: " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    System.out.println("Web4Rec " + running.service() + " service ready on port "
        + running.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // exiting anyway
      }
      stopped.countDown();
    }));
    stopped.await();
  }

  /**
   * {@code backup DIR [--data-dir D]} and {@code restore DIR [--data-dir D]}, with the server
   * stopped ({@link Backup}).
   */
  private static void backupOrRestore(String command, List<String> args) {
    Path dataDir = Path.of(env("WEB4REC_DATA_DIR", "./data"));
    Path dir = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--data-dir")) {
        dataDir = Path.of(value(args, ++i, a));
      } else if (!a.startsWith("-") && dir == null) {
        dir = Path.of(a);
      } else {
        System.err.println("unknown argument: " + a);
        usage();
        System.exit(2);
      }
    }
    if (dir == null) {
      System.err.println(command + " needs a backup directory");
      usage();
      System.exit(2);
    }
    try {
      if (command.equals("backup")) {
        Backup.backup(dataDir, dir);
        System.out.println("backed up " + dataDir + " to " + dir);
      } else {
        Backup.restore(dir, dataDir);
        System.out.println("restored " + dir + " into " + dataDir);
      }
    } catch (java.io.IOException | java.sql.SQLException e) {
      System.err.println(command + " failed: " + e.getMessage());
      System.exit(1);
    }
  }

  private static String value(List<String> args, int i, String flag) {
    if (i >= args.size()) {
      System.err.println(flag + " needs a value");
      System.exit(2);
    }
    return args.get(i);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static void usage() {
    System.out.println("usage: web4rec-server up|demo [--port 8080] [--data-dir ./data]"
        + " [--max-upload-mb 1024] [--max-decoded-mb 512] [--max-json-mb 1]\n"
        + "       [--request-timeout-s 300] [--upload-timeout-s 3600] [--idle-timeout-s 300]"
        + " [--trust-forwarded-proto] [--ui-dir frontend/dist]\n"
        + "       web4rec-server service gateway|ingest|metrics|rerank|analysis"
        + " [--config FILE]   (docs/distributed.md)\n"
        + "       web4rec-server backup|restore DIR [--data-dir ./data]"
        + "   (server stopped; docs/operations.md)");
  }
}
