/**
 * Observability shared by every service process: a Prometheus registry that Vert.x's own HTTP
 * metrics and the application meters (job durations, work backlog) report into, and the
 * {@code /metrics} scrape endpoint.
 */
package org.web4rec.platform.observe;
