package org.web4rec.gateway;

import org.web4rec.gateway.RateLimiter.Limit;
import org.web4rec.platform.config.ServiceConfig;

/**
 * What the gateway's account routes are configured with, built by the launcher: the session
 * keys and lifetimes, the password hashing cost, the rate limiter (local or shared) and its
 * limits, and the header that carries the client's address behind a proxy.
 *
 * @param previousJwtSecret the key being rotated out (verifies, never signs), or null
 * @param sessionHours lifetime of one session token; {@code POST /auth/refresh} renews it
 * @param sessionMaxDays how long after a password login refreshes are still granted
 * @param passwordIterations PBKDF2 iterations for new hashes; older hashes are upgraded at login
 * @param clientIpHeader e.g. {@code X-Forwarded-For} behind an ingress (its right-most address,
 *     the one the ingress appended, is the client); null: the TCP peer
 */
public record AccountSettings(String jwtSecret, String previousJwtSecret, int sessionHours,
    int sessionMaxDays, int passwordIterations, RateLimiter limiter, Limits limits,
    String clientIpHeader) {

  /** The limits on the account routes, each counted per client address or per account. */
  public record Limits(Limit loginPerIp, Limit loginPerAccount, Limit signupPerIp,
      Limit tokensPerIp, Limit tokensPerAccount, Limit membersPerIp, Limit membersPerAccount) {

    static Limits from(ServiceConfig c) {
      return new Limits(
          Limit.parse("login attempts per client address", c.require("ratelimit.login-per-ip")),
          Limit.parse("login attempts per account", c.require("ratelimit.login-per-account")),
          Limit.parse("sign-ups per client address", c.require("ratelimit.signup-per-ip")),
          Limit.parse("token creations per client address", c.require("ratelimit.tokens-per-ip")),
          Limit.parse("token creations per account", c.require("ratelimit.tokens-per-account")),
          Limit.parse("member additions per client address",
              c.require("ratelimit.members-per-ip")),
          Limit.parse("member additions per account",
              c.require("ratelimit.members-per-account")));
    }
  }

  /** The settings of a distributed gateway: limits and lifetimes from its config. */
  public static AccountSettings from(ServiceConfig c, String jwtSecret, RateLimiter limiter) {
    return new AccountSettings(jwtSecret, c.get("gateway.jwt-previous-secret"),
        c.integer("gateway.session-hours"), c.integer("gateway.session-max-days"),
        c.integer("test-only.password-iterations"), limiter, Limits.from(c),
        c.get("gateway.client-ip-header"));
  }

  /** The all-in-one server: the config's defaults and in-process buckets. */
  public static AccountSettings embedded(String jwtSecret, int passwordIterations) {
    ServiceConfig defaults = ServiceConfig.of(java.util.Map.of());
    return new AccountSettings(jwtSecret, null, defaults.integer("gateway.session-hours"),
        defaults.integer("gateway.session-max-days"), passwordIterations, RateLimiter.local(),
        Limits.from(defaults), null);
  }

  /** OWASP's 2023 count for PBKDF2-HMAC-SHA256; lower values are for tests only. */
  public static final int PRODUCTION_PASSWORD_ITERATIONS = Passwords.PRODUCTION_ITERATIONS;
}
