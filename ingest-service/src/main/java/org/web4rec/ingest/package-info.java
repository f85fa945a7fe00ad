/**
 * The ingest service: decodes uploaded parts, has {@code core/} validate and prepare them
 * ({@link org.web4rec.core.prepare}: dense ids, candidate lists per METRICS.md "Preparing lists"),
 * and stores the result — blob first, then the metadata row, then the event — undoing what it
 * wrote when a later step fails.
 */
package org.web4rec.ingest;
