package com.acme.billing;

import java.util.Map;

/** Plain data access; nothing AI here. */
final class InvoiceRepository {
  private static final Map<String, String> INVOICES = Map.of("INV-1", "paid");

  private InvoiceRepository() {}

  static String find(String number) {
    return INVOICES.getOrDefault(number, "unknown");
  }
}
