/**
 * The SQL adapters: the embedded H2 file database (MySQL mode, through vertx-jdbc-client) and
 * MySQL/MariaDB (vertx-mysql-client). Both hand the repositories of
 * {@link org.web4rec.platform.sql} a {@link org.web4rec.platform.sql.Db} and pass its contract
 * suite; their drivers stay in this module so the services never compile against them.
 */
package org.web4rec.platform.adapters.sql;
