/**
 * The ingest service: validates dataset registrations and experiment uploads, maps external ids to
 * dense indices, prepares candidate lists (METRICS.md "Preparing lists"), and stores them — blob
 * first, then the metadata row, then the event — undoing what it wrote when a later step fails.
 */
package org.web4rec.ingest;
