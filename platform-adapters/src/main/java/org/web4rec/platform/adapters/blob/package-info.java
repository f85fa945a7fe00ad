/**
 * The S3 adapter of the {@link org.web4rec.platform.blob.BlobStore} port (AWS SDK v2); the
 * local-directory adapter needs only Vert.x and stays beside the port.
 */
package org.web4rec.platform.adapters.blob;
