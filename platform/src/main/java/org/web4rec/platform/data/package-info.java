/** The stored layout of datasets and experiments in the blob store, and its decoding. */
package org.web4rec.platform.data;
