/**
 * The gateway: the one HTTP entry point. It authenticates API tokens and session JWTs, resolves
 * the caller's team, bounds request bodies, serves the OpenAPI document and the web UI, and
 * mounts (embedded mode) or proxies to (distributed mode) the services' routes.
 */
package org.web4rec.gateway;
