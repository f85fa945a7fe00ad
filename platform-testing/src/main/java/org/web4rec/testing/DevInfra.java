package org.web4rec.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Development infrastructure as plain processes, for {@code ./web4rec up --distributed} and the
 * distributed benchmarks: a single-node KRaft Kafka broker or an S3-compatible server (s3proxy
 * over a directory) on loopback, each in its own JVM, with its state in a directory that survives
 * restarts. This lives in platform-testing, whose jar (with its dependencies copied to
 * {@code target/lib}) is built by the normal build but never shaded into the server jar: the
 * broker and s3proxy are development tools, not part of what is deployed (a real deployment uses
 * a Kafka cluster and S3 or MinIO).
 *
 * <pre>
 * java -jar platform-testing/target/web4rec-platform-testing-*.jar kafka --dir D --port P
 *     --controller-port C [--partitions N]
 * java -jar platform-testing/target/web4rec-platform-testing-*.jar s3 --dir D --port P
 *     [--bucket web4rec]
 * </pre>
 *
 * Each prints one {@code ready} line once it serves, and runs until SIGTERM/SIGINT. The S3 server
 * checks AWS signatures against {@link LocalS3#ACCESS_KEY} / {@link LocalS3#SECRET_KEY}.
 */
public final class DevInfra {

  private DevInfra() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      return;
    }
    Map<String, String> opts = options(List.of(args).subList(1, args.length));
    CountDownLatch stopped = new CountDownLatch(1);
    switch (args[0]) {
      case "kafka": {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("num.partitions", opts.getOrDefault("partitions", "6"));
        EmbeddedKafka kafka = new EmbeddedKafka(Path.of(require(opts, "dir")).toAbsolutePath(),
            Integer.parseInt(require(opts, "port")),
            Integer.parseInt(require(opts, "controller-port")), overrides);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          kafka.stop();
          stopped.countDown();
        }));
        kafka.start();
        System.out.println("kafka ready on " + kafka.bootstrapServers());
        break;
      }
      case "s3": {
        LocalS3 s3 = new LocalS3(Path.of(require(opts, "dir")).toAbsolutePath(),
            Integer.parseInt(require(opts, "port")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          s3.stop();
          stopped.countDown();
        }));
        s3.start().createBucket(opts.getOrDefault("bucket", "web4rec"));
        System.out.println("s3 ready on " + s3.endpoint());
        break;
      }
      default:
        usage();
        System.exit(2);
        return;
    }
    System.out.flush();
    stopped.await();
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException("expected --name value, got " + a);
      }
      out.put(a.substring(2), args.get(++i));
    }
    return out;
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }

  private static void usage() {
    System.err.println("usage: DevInfra kafka --dir DIR --port P --controller-port C"
        + " [--partitions N]\n       DevInfra s3 --dir DIR --port P [--bucket NAME]");
  }
}
