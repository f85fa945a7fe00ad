/**
 * A small immutable columnar table ({@link org.web4rec.core.table.Table} of
 * {@link org.web4rec.core.table.Column}s): what uploaded Arrow IPC streams and CSV files decode to
 * and what dataset side information is kept as. Plain Java so the core can read side columns;
 * the wire codecs live in the platform.
 */
package org.web4rec.core.table;
