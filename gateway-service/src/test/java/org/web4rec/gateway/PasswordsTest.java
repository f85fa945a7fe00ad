package org.web4rec.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PBKDF2 hashes at the production count, older hashes still verifying and flagged for upgrade. */
class PasswordsTest {

  final Passwords production = new Passwords(Passwords.PRODUCTION_ITERATIONS);

  @Test
  void productionHashesVerifyAndNameTheirCount() {
    String h = production.hash("password-123");
    assertTrue(h.startsWith("pbkdf2-sha256$600000$"), h);
    assertTrue(production.check("password-123", h));
    assertFalse(production.check("password-124", h));
    assertFalse(production.needsUpgrade(h));
  }

  @Test
  void hashesAtTheOldCountVerifyAndAreUpgraded() {
    String old = new Passwords(60_000).hash("password-123");
    assertTrue(production.check("password-123", old));
    assertTrue(production.needsUpgrade(old));
  }

  @Test
  void unknownAccountsAndMalformedHashesNeverMatch() {
    assertFalse(production.checkUnknown("password-123"));
    assertFalse(production.check("x", "md5$abc"));
  }
}
