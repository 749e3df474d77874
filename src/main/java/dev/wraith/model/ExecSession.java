package dev.wraith.model;

import java.util.Comparator;
import java.util.Locale;

/**
 * A human (or a script) running something inside a pod after it started: an audit-logged
 * {@code pods/exec} or {@code pods/attach}, or an ephemeral container added by {@code kubectl debug}.
 *
 * @param user the authenticated user from the audit log, or "" when the source does not say
 * @param command the decoded command line, redacted; "" for attach and ephemeral containers without one
 * @param time RFC 3339 timestamp, or "" when unknown
 * @param code the HTTP status the API server answered (101 for an upgraded exec), 0 when unknown
 * @param cluster the cluster's name when a scan read several, "" otherwise
 */
public record ExecSession(
    Source source, String namespace, String pod, String container, String user, String command, String time, int code,
    String cluster) implements Comparable<ExecSession> {

  /** Where the session was seen. */
  public enum Source {
    AUDIT_EXEC, AUDIT_ATTACH, AUDIT_EPHEMERAL, EPHEMERAL_CONTAINER;

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** For people: what happened and where wraith read it ("kubectl exec (audit log)"). */
    public String describe() {
      return switch (this) {
        case AUDIT_EXEC -> "kubectl exec (audit log)";
        case AUDIT_ATTACH -> "kubectl attach (audit log)";
        case AUDIT_EPHEMERAL -> "ephemeral debug container (audit log)";
        case EPHEMERAL_CONTAINER -> "ephemeral debug container (pod spec)";
      };
    }
  }

  private static final Comparator<ExecSession> ORDER = Comparator.comparing(ExecSession::cluster)
      .thenComparing(ExecSession::namespace)
      .thenComparing(ExecSession::pod).thenComparing(ExecSession::time).thenComparing(ExecSession::source)
      .thenComparing(ExecSession::container).thenComparing(ExecSession::command).thenComparing(ExecSession::user);

  /** A session in the one (unnamed) cluster a scan read. */
  public ExecSession(Source source, String namespace, String pod, String container, String user, String command,
      String time, int code) {
    this(source, namespace, pod, container, user, command, time, code, "");
  }

  public ExecSession {
    if (cluster == null) cluster = "";
    if (source == null || namespace == null || pod == null || container == null || user == null || command == null
        || time == null) {
      throw new NullPointerException("exec session fields are never null");
    }
  }

  /** This session in the named cluster. */
  public ExecSession inCluster(String name) {
    return new ExecSession(source, namespace, pod, container, user, command, time, code, name);
  }

  /** {@code time} to the second, as people read it ("" stays "", text that is not RFC 3339 stays as it is). */
  public String timeToSecond() {
    try {
      return java.time.OffsetDateTime.parse(time).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return time;
    }
  }

  /** True when the session was denied (HTTP 4xx/5xx). */
  public boolean denied() {
    return code >= 400;
  }

  @Override
  public int compareTo(ExecSession o) {
    return ORDER.compare(this, o);
  }
}
