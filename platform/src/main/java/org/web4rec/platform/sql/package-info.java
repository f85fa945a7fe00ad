/**
 * The metadata store: schema migrations and per-aggregate repositories over a Vert.x SQL
 * {@link io.vertx.sqlclient.Pool}. The same SQL runs on the embedded H2 file database (MySQL mode)
 * and on MySQL/MariaDB; every adapter passes the repository contract suite.
 */
package org.web4rec.platform.sql;
