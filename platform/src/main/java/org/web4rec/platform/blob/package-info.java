/** The blob-store port, its key rules, and the local-directory adapter of the embedded mode. */
package org.web4rec.platform.blob;
