package org.web4rec.platform.adapters.blob;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.BlobNotFoundException;
import org.web4rec.platform.blob.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in an S3 bucket through the AWS SDK v2 async client (Netty). Keys pass {@link BlobKeys}
 * before any request, so no key or prefix can leave its team's folder (no "..", ".", empty or
 * absolute segments), and every object lives under the configured root prefix. Objects larger
 * than the part size go up as a multipart upload that is aborted when a part fails, so readers
 * see a whole object or none (S3 makes both a PUT and a completed multipart upload atomic).
 * Results are delivered on the calling Vert.x context.
 */
public final class S3BlobStore implements BlobStore {

  private static final int DELETE_BATCH = 1000;

  private final Vertx vertx;
  private final S3Config config;
  private final S3AsyncClient s3;
  private final boolean partChecksums;

  public S3BlobStore(Vertx vertx, S3Config config) {
    this.vertx = vertx;
    this.config = config;
    this.partChecksums = !config.checksumWhenRequired();
    this.s3 = client(config);
  }

  /** The SDK client this store uses (configured from {@code config}). */
  public static S3AsyncClient client(S3Config config) {
    AwsCredentialsProvider credentials = config.accessKeyId() == null
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId(),
            config.secretAccessKey()));
    S3AsyncClientBuilder b = S3AsyncClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .forcePathStyle(config.pathStyle())
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(64));
    if (config.endpoint() != null) {
      b.endpointOverride(URI.create(config.endpoint()));
    }
    if (config.checksumWhenRequired()) {
      b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return b.build();
  }

  private String objectKey(String key) {
    return config.rootPrefix() + BlobKeys.validate(key);
  }

  private String objectPrefix(String prefix) {
    return config.rootPrefix() + BlobKeys.validatePrefix(prefix);
  }

  /** Runs the request only after validation; invalid keys fail the future, never throw. */
  private <T> Future<T> call(java.util.function.Supplier<CompletionStage<T>> request) {
    Context context = vertx.getOrCreateContext();
    CompletionStage<T> stage;
    try {
      stage = request.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return Future.fromCompletionStage(stage, context).recover(err -> Future.failedFuture(
        err instanceof CompletionException && err.getCause() != null ? err.getCause() : err));
  }

  @Override
  public Future<Void> put(String key, byte[] data) {
    return call(() -> {
      String k = objectKey(key);
      if (data.length <= config.partSize()) {
        return s3.putObject(r -> r.bucket(config.bucket()).key(k).contentLength(
            (long) data.length), AsyncRequestBody.fromBytes(data)).thenApply(r -> null);
      }
      return multipart(k, data);
    });
  }

  private CompletableFuture<Void> multipart(String k, byte[] data) {
    return s3.createMultipartUpload(r -> {
      r.bucket(config.bucket()).key(k);
      if (partChecksums) {
        r.checksumAlgorithm(ChecksumAlgorithm.CRC32);
      }
    }).thenCompose(created -> {
      String uploadId = created.uploadId();
      List<CompletedPart> parts = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      int partSize = config.partSize();
      int n = (data.length + partSize - 1) / partSize;
      for (int i = 0; i < n; i++) {
        int partNumber = i + 1;
        int from = i * partSize;
        int to = Math.min(data.length, from + partSize);
        // Parts go up one after the other: memory stays at one part copy, and the bucket
        // connection count stays small per upload.
        chain = chain.thenCompose(v -> s3.uploadPart(r -> {
          r.bucket(config.bucket()).key(k).uploadId(uploadId).partNumber(partNumber)
              .contentLength((long) (to - from));
          if (partChecksums) {
            r.checksumAlgorithm(ChecksumAlgorithm.CRC32);
          }
        }, AsyncRequestBody.fromBytesUnsafe(Arrays.copyOfRange(data, from, to)))
            .thenAccept(resp -> parts.add(CompletedPart.builder().partNumber(partNumber)
                .eTag(resp.eTag()).checksumCRC32(resp.checksumCRC32()).build())));
      }
      return chain
          .thenCompose(v -> s3.completeMultipartUpload(r -> r.bucket(config.bucket()).key(k)
              .uploadId(uploadId).multipartUpload(m -> m.parts(sorted(parts)))))
          .<Void>thenApply(r -> null)
          .exceptionallyCompose(err -> s3.abortMultipartUpload(r -> r.bucket(config.bucket())
                  .key(k).uploadId(uploadId))
              .handle((aborted, abortErr) -> {
                throw err instanceof CompletionException ? (CompletionException) err
                    : new CompletionException(err);
              }));
    });
  }

  private static List<CompletedPart> sorted(List<CompletedPart> parts) {
    List<CompletedPart> copy = new ArrayList<>(parts);
    copy.sort((a, b) -> Integer.compare(a.partNumber(), b.partNumber()));
    return copy;
  }

  @Override
  public Future<byte[]> get(String key) {
    return this.<byte[]>call(() -> s3.getObject(r -> r.bucket(config.bucket())
            .key(objectKey(key)), AsyncResponseTransformer.toBytes())
        .thenApply(bytes -> bytes.asByteArrayUnsafe()))
        .recover(err -> Future.failedFuture(notFound(err)
            ? new BlobNotFoundException(key) : err));
  }

  private static boolean notFound(Throwable err) {
    return err instanceof NoSuchKeyException
        || (err instanceof S3Exception && ((S3Exception) err).statusCode() == 404);
  }

  @Override
  public Future<Boolean> exists(String key) {
    return this.<Boolean>call(() -> s3.headObject(r -> r.bucket(config.bucket())
            .key(objectKey(key))).thenApply(r -> true))
        .recover(err -> notFound(err) ? Future.succeededFuture(false) : Future.failedFuture(err));
  }

  @Override
  public Future<Void> delete(String key) {
    return call(() -> s3.deleteObject(r -> r.bucket(config.bucket()).key(objectKey(key)))
        .thenApply(r -> null));
  }

  @Override
  public Future<Void> deletePrefix(String prefix) {
    return call(() -> listKeys(objectPrefix(prefix)).thenCompose(all -> {
      List<String> keys = blobKeysOnly(all);
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
        List<ObjectIdentifier> batch = new ArrayList<>();
        for (String k : keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH))) {
          batch.add(ObjectIdentifier.builder().key(k).build());
        }
        chain = chain.thenCompose(v -> s3.deleteObjects(r -> r.bucket(config.bucket())
                .delete(Delete.builder().objects(batch).quiet(true).build()))
            .thenAccept(resp -> {
              if (resp.hasErrors() && !resp.errors().isEmpty()) {
                throw new IllegalStateException("S3 could not delete " + resp.errors().size()
                    + " objects, e.g. " + resp.errors().get(0).key() + ": "
                    + resp.errors().get(0).message());
              }
            }));
      }
      return chain;
    }));
  }

  private CompletableFuture<List<String>> listKeys(String fullPrefix) {
    List<String> keys = Collections.synchronizedList(new ArrayList<>());
    return s3.listObjectsV2Paginator(r -> r.bucket(config.bucket()).prefix(fullPrefix))
        .contents().subscribe(o -> keys.add(o.key()))
        .thenApply(v -> {
          List<String> out = new ArrayList<>(keys);
          Collections.sort(out);
          return out;
        });
  }

  /**
   * Drops folder markers: keys ending in '/' (made by S3 consoles; filesystem-backed S3 servers
   * list every directory so). BlobKeys never produces one, so they are not blobs, and deleting
   * them one by one is slow on such servers (they go away with their last object).
   */
  private static List<String> blobKeysOnly(List<String> keys) {
    List<String> out = new ArrayList<>(keys.size());
    for (String k : keys) {
      if (!k.endsWith("/")) {
        out.add(k);
      }
    }
    return out;
  }

  @Override
  public Future<List<String>> list(String prefix) {
    int strip = config.rootPrefix().length();
    return call(() -> listKeys(objectPrefix(prefix)).thenApply(keys -> {
      List<String> out = new ArrayList<>(keys.size());
      for (String k : blobKeysOnly(keys)) {
        out.add(k.substring(strip));
      }
      return out;
    }));
  }

  @Override
  public Future<Void> ping() {
    return call(() -> s3.headBucket(r -> r.bucket(config.bucket())).thenApply(r -> null));
  }

  /** Closes the SDK client (its Netty event loop and connections). */
  public void close() {
    s3.close();
  }
}
