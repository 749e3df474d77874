package dev.wraith.tetragon;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses protojson timestamps ({@code 2026-03-02T10:15:42.391002817Z}: UTC, 0 to 9 fraction digits) without
 * the general-purpose formatter, which costs more than the rest of an event; any other form (an offset,
 * a leap second) goes to {@link Instant#parse}.
 */
final class Rfc3339 {
  private Rfc3339() {}

  static Instant parse(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return Instant.parse(s);
    }
    int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 || hour < 0
        || minute < 0 || second < 0) {
      return Instant.parse(s);
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) return Instant.parse(s);
      int f = digits(s, 20, n - 21);
      if (f < 0) return Instant.parse(s);
      nanos = f;
      for (int i = n - 21; i < 9; i++) nanos *= 10;
    }
    long days = LocalDate.of(year, month, day).toEpochDay(); // throws DateTimeException for Feb 30
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
  }

  /** The non-negative number in s[from, from+len), or -1 when a character is not a digit. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
