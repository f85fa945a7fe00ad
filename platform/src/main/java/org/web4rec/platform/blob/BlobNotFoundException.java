package org.web4rec.platform.blob;

public class BlobNotFoundException extends RuntimeException {
  public BlobNotFoundException(String key) {
    super("no blob at key " + key);
  }
}
