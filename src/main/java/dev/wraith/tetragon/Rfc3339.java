package dev.wraith.tetragon;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Protojson timestamps ({@code 2026-03-02T10:15:42.391002817Z}: UTC, 0 to 9 fraction digits). Parsing reads
 * the common form straight from the line's bytes, without the general-purpose formatter, which costs more
 * than the rest of an event; any other form (an offset, a leap second) goes to {@link Instant#parse}.
 * Formatting writes protojson's canonical form, so a time reads the same from the JSON export and from gRPC.
 */
final class Rfc3339 {
  private Rfc3339() {}

  static Instant parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  /** The timestamp in b[from, to). */
  static Instant parse(byte[] b, int from, int to) {
    int n = to - from;
    if (n < 20 || b[to - 1] != 'Z' || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
        || b[from + 13] != ':' || b[from + 16] != ':') {
      return slow(b, from, to);
    }
    int year = digits(b, from, 4), month = digits(b, from + 5, 2), day = digits(b, from + 8, 2);
    int hour = digits(b, from + 11, 2), minute = digits(b, from + 14, 2), second = digits(b, from + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return slow(b, from, to);
    }
    int nanos = 0;
    if (n > 20) {
      int fraction = n - 21;
      if (b[from + 19] != '.' || fraction < 1 || fraction > 9) return slow(b, from, to);
      nanos = digits(b, from + 20, fraction);
      if (nanos < 0) return slow(b, from, to);
      for (int i = fraction; i < 9; i++) nanos *= 10;
    }
    if (day > 28 && day > lengthOfMonth(year, month)) throw new java.time.DateTimeException("no such day: " + day);
    long days = epochDay(year, month, day);
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
  }

  /** Protojson's form: seconds, then 3, 6 or 9 fraction digits as the nanoseconds need, then 'Z'. */
  static String format(Instant t) {
    int nanos = t.getNano();
    String whole = Instant.ofEpochSecond(t.getEpochSecond()).toString(); // ends with "Z", no fraction
    if (nanos == 0) return whole;
    String frac;
    if (nanos % 1_000_000 == 0) frac = String.format("%03d", nanos / 1_000_000);
    else if (nanos % 1_000 == 0) frac = String.format("%06d", nanos / 1_000);
    else frac = String.format("%09d", nanos);
    return whole.substring(0, whole.length() - 1) + "." + frac + "Z";
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), without allocating. */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static int lengthOfMonth(int year, int month) {
    return LocalDate.of(year, month, 1).lengthOfMonth();
  }

  private static Instant slow(byte[] b, int from, int to) {
    return Instant.parse(new String(b, from, to - from, StandardCharsets.UTF_8));
  }

  /** The non-negative number in b[from, from+len), or -1 when a byte is not a digit. */
  private static int digits(byte[] b, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      byte c = b[i];
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
