/**
 * The wire codecs of the core's columnar tables ({@link org.web4rec.core.table.Table}): Arrow IPC streams (the SDK's format and the blob format)
 * and CSV (for small tables and curl users). Decoding failures surface as
 * {@link org.web4rec.platform.table.TableFormatException} so the HTTP layer can answer 400.
 */
package org.web4rec.platform.table;
