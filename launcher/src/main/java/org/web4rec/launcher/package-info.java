/**
 * The {@code web4rec} launcher: the all-in-one server (every service in one JVM with the embedded
 * adapters: H2 file database, blob directory, Vert.x local event bus) and the demo seeder. The
 * only place that picks concrete adapters.
 */
package org.web4rec.launcher;
