package org.web4rec.platform.adapters.blob;

import org.web4rec.platform.blob.BlobKeys;

/**
 * Where the distributed-mode blobs live: an S3 bucket (AWS or any S3-compatible store).
 *
 * @param endpoint {@code null} for AWS itself, else e.g. {@code http://minio:9000}
 * @param pathStyle {@code http://host/bucket/key} addressing, which most S3-compatible stores need
 * @param accessKeyId {@code null} to use the SDK's default credential chain (env, IRSA, profile)
 * @param partSize objects larger than this are uploaded in parts of this size (S3 minimum 5 MiB)
 * @param rootPrefix prefix inside the bucket for every key ({@code ""} or ending in '/'), so
 *     several installations can share a bucket
 * @param checksumWhenRequired send request checksums only where S3 requires them; set it for
 *     S3-compatible stores that reject the SDK's default CRC32 headers
 */
public record S3Config(String endpoint, String region, String bucket, boolean pathStyle,
    String accessKeyId, String secretAccessKey, int partSize, String rootPrefix,
    boolean checksumWhenRequired) {

  public static final int MIN_PART_SIZE = 5 << 20;
  public static final int DEFAULT_PART_SIZE = 8 << 20;

  public S3Config {
    if (region == null || region.isBlank() || bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("S3 region and bucket are required");
    }
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("S3 part size must be at least 5 MiB: " + partSize);
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException("S3 access key id and secret go together");
    }
    rootPrefix = rootPrefix == null ? "" : rootPrefix;
    if (!rootPrefix.isEmpty()) {
      BlobKeys.validatePrefix(rootPrefix);
      if (!rootPrefix.endsWith("/")) {
        throw new IllegalArgumentException("S3 root prefix must end with '/': " + rootPrefix);
      }
    }
  }

  /** An S3-compatible store with static credentials, path-style, default part size. */
  public static S3Config compatible(String endpoint, String region, String bucket,
      String accessKeyId, String secretAccessKey) {
    return new S3Config(endpoint, region, bucket, true, accessKeyId, secretAccessKey,
        DEFAULT_PART_SIZE, "", false);
  }

  public S3Config withPartSize(int bytes) {
    return new S3Config(endpoint, region, bucket, pathStyle, accessKeyId, secretAccessKey, bytes,
        rootPrefix, checksumWhenRequired);
  }

  public S3Config withRootPrefix(String prefix) {
    return new S3Config(endpoint, region, bucket, pathStyle, accessKeyId, secretAccessKey,
        partSize, prefix, checksumWhenRequired);
  }

  @Override
  public String toString() {
    return "S3Config[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
        + ", pathStyle=" + pathStyle + ", accessKeyId=" + accessKeyId + ", partSize=" + partSize
        + ", rootPrefix=" + rootPrefix + ", checksumWhenRequired=" + checksumWhenRequired + "]";
  }
}
