package dev.wraith.cluster;

import java.util.Locale;

/** Why a resource could not be listed; each becomes one warning and makes the layer partial. */
public enum Failure {
  UNAUTHORIZED, FORBIDDEN, NOT_FOUND, SERVER_ERROR, TIMEOUT, UNREACHABLE, OTHER;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Maps an HTTP status from the API server to a failure; 0 means no HTTP answer at all. */
  public static Failure ofHttp(int code) {
    if (code == 401) return UNAUTHORIZED;
    if (code == 403) return FORBIDDEN;
    if (code == 404) return NOT_FOUND;
    if (code == 408 || code == 504) return TIMEOUT;
    if (code >= 500) return SERVER_ERROR;
    if (code == 0) return UNREACHABLE;
    return OTHER;
  }
}
