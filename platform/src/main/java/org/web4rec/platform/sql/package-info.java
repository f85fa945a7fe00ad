/**
 * The metadata store: schema migrations and per-aggregate repositories over a Vert.x SQL
 * {@link io.vertx.sqlclient.Pool}. The same SQL runs on the embedded H2 file database (MySQL mode)
 * and on MySQL/MariaDB; both adapters live in platform-adapters (org.web4rec.platform.adapters.sql)
 * with their drivers, and pass the repository contract suite of this module's test-jar.
 */
package org.web4rec.platform.sql;
