package org.web4rec.core.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ExternalIdTest {

  @Test
  void integerFloatAndDecimalStringAreOneId() {
    assertEquals("42", ExternalId.canonical(42));
    assertEquals("42", ExternalId.canonical(42L));
    assertEquals("42", ExternalId.canonical(42.0));
    assertEquals("42", ExternalId.canonical("42"));
    assertEquals("42", ExternalId.canonical(" 42 "));
  }

  @Test
  void otherFormsStayDistinct() {
    assertEquals("042", ExternalId.canonical("042"));
    assertEquals("42.0", ExternalId.canonical("42.0"));
    assertEquals("42.5", ExternalId.canonical(42.5));
    assertEquals("u42", ExternalId.canonical("u42"));
    assertEquals("1.0E15", ExternalId.canonical(1e15)); // beyond exact float ids, as ingest stores it
    assertNull(ExternalId.canonical(null));
  }

  @Test
  void integerStringsAreStrictDecimals() {
    assertEquals(-3, ExternalId.integer("-3"));
    assertEquals(Long.MAX_VALUE, ExternalId.integer(Long.toString(Long.MAX_VALUE)));
    for (String s : new String[] {"", "-", "-0", "007", "+7", "7a", "1e3", "99999999999999999999"}) {
      assertEquals(ExternalId.NOT_INTEGER, ExternalId.integer(s), s);
    }
    assertEquals(12, ExternalId.integer(12.0));
    assertEquals(ExternalId.NOT_INTEGER, ExternalId.integer(12.5));
    assertEquals(ExternalId.NOT_INTEGER, ExternalId.integer(Double.NaN));
  }
}
