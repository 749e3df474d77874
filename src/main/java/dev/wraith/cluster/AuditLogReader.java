package dev.wraith.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import dev.wraith.files.LineReader;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import dev.wraith.model.ExecSession;
import dev.wraith.redact.Redactor;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes audit logs ({@code audit.k8s.io/v1 Event}, one JSON object per line, as the API server's log
 * backend writes them; gzip-compressed rotations too) and keeps {@code pods/exec} and {@code pods/attach} (verb
 * {@code get} for WebSocket clients, kubectl 1.30 and later, or {@code create} for SPDY) and
 * {@code pods/ephemeralcontainers} writes. Stages of one request share an auditID and count once. The command lives
 * only in the request URI's repeated {@code command=} parameters; it is URL-decoded and redacted.
 *
 * <p>Read with the shared bounded line reader: a line longer than {@link Limits#lineBytes()} or nested deeper than
 * {@link Limits#depth()} is skipped with a warning, and so is a file that cannot be read or holds no audit event.
 */
public final class AuditLogReader {
  private final Limits limits;
  private final ObjectMapper json;
  private final Redactor redactor;

  /** @param redactor applied to each session's command before it is kept */
  public AuditLogReader(Redactor redactor) {
    this(redactor, Limits.DEFAULT);
  }

  public AuditLogReader(Redactor redactor, Limits limits) {
    this.redactor = redactor;
    this.limits = limits;
    this.json = KubeJson.json(limits);
  }

  /** What one or more audit logs held: the sessions, how many audit events were read, and per-file problems. */
  public record Result(List<ExecSession> sessions, long events, List<String> warnings) {}

  public Result read(List<Path> files) {
    Map<String, ExecSession> byId = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    long events = 0;
    for (Path f : files) {
      FileTally t = new FileTally(f, warnings);
      try (InputStream in = InputFile.open(f, limits)) {
        LineReader.lines(in, limits.lineBytes(), (b, from, to, n) -> line(t, b, from, to, n, byId),
            (n, bytes, head) -> t.tooLong(n, "a line of " + Limits.size(bytes) + ", longer than the " + Limits.size(limits.lineBytes())
                + " limit"));
      } catch (EOFException e) {
        warnings.add(f + ": compressed file ends early (still being written?); read up to the cut");
        t.failed = true;
      } catch (IOException e) {
        warnings.add(FileProblem.describe(e, f, "reading") + (t.lines > 0 ? "; the lines before were read" : ""));
        t.failed = true;
      }
      t.close();
      events += t.events;
    }
    return new Result(List.copyOf(byId.values()), events, warnings);
  }

  private void line(FileTally t, byte[] b, int from, int to, long n, Map<String, ExecSession> byId) {
    t.lines++;
    int i = from;
    while (i < to && (b[i] == ' ' || b[i] == '\t')) i++;
    if (i == to) return;
    JsonNode e;
    try {
      e = json.readTree(b, from, to - from);
    } catch (IOException ex) {
      t.bad(n, Parsers.whyInLine(ex, "JSON", limits));
      return;
    }
    if (!KubeJson.text(e.path("kind"), "").equals("Event")) {
      t.other++;
      return;
    }
    t.events++;
    session(e).ifPresent(s -> byId.merge(KubeJson.text(e.path("auditID"), s.toString()), s, AuditLogReader::keepBest));
  }

  /** Counts of one file; the first bad line is named, the others counted. */
  private static final class FileTally {
    final Path file;
    final List<String> warnings;
    long lines;
    long events;
    long other;
    int bad;
    boolean failed;

    FileTally(Path file, List<String> warnings) {
      this.file = file;
      this.warnings = warnings;
    }

    void tooLong(long line, String why) {
      lines++;
      bad(line, why);
    }

    void bad(long line, String why) {
      if (bad++ == 0) warnings.add(file + ":" + line + ": not a JSON audit event (" + why + "), skipped (further bad "
          + "lines counted only)");
    }

    void close() {
      if (bad > 1) warnings.add(file + ": " + bad + " lines were not JSON audit events");
      if (events == 0 && lines > 0 && (bad > 0 || other > 0)) {
        warnings.add(file + ": holds no audit events (JSON lines of kind Event, audit.k8s.io/v1)");
      } else if (events == 0 && lines == 0 && !failed) {
        warnings.add(file + ": empty, no audit events");
      }
    }
  }

  /** Prefer the stage that carries the final status code, then the earliest timestamp. */
  private static ExecSession keepBest(ExecSession a, ExecSession b) {
    if (a.code() == 0 && b.code() != 0) return b;
    return a;
  }

  java.util.Optional<ExecSession> session(JsonNode e) {
    if (!KubeJson.text(e.path("kind"), "").equals("Event")) return java.util.Optional.empty();
    JsonNode ref = e.path("objectRef");
    if (!KubeJson.text(ref.path("resource"), "").equals("pods")) return java.util.Optional.empty();
    String sub = KubeJson.text(ref.path("subresource"), "");
    String verb = KubeJson.text(e.path("verb"), "");
    ExecSession.Source source = switch (sub) {
      case "exec" -> verb.equals("get") || verb.equals("create") ? ExecSession.Source.AUDIT_EXEC : null;
      case "attach" -> verb.equals("get") || verb.equals("create") ? ExecSession.Source.AUDIT_ATTACH : null;
      case "ephemeralcontainers" -> verb.equals("patch") || verb.equals("update") ? ExecSession.Source.AUDIT_EPHEMERAL : null;
      default -> null;
    };
    if (source == null) return java.util.Optional.empty();
    Map<String, List<String>> q = query(KubeJson.text(e.path("requestURI"), ""));
    String time = KubeJson.text(e.path("requestReceivedTimestamp"), KubeJson.text(e.path("stageTimestamp"), ""));
    return java.util.Optional.of(new ExecSession(source, KubeJson.text(ref.path("namespace"), ""),
        KubeJson.text(ref.path("name"), ""), q.getOrDefault("container", List.of("")).get(0),
        KubeJson.text(e.path("user").path("username"), ""), CommandText.of(redactor, q.getOrDefault("command", List.of())),
        time, KubeJson.integer(e.path("responseStatus").path("code"), 0)));
  }

  /** Query parameters in order, URL-decoded; repeated names keep every value. */
  static Map<String, List<String>> query(String requestUri) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String raw;
    try {
      raw = URI.create(requestUri).getRawQuery();
    } catch (IllegalArgumentException ex) {
      int i = requestUri.indexOf('?');
      raw = i < 0 ? null : requestUri.substring(i + 1);
    }
    if (raw == null) return out;
    for (String pair : raw.split("&", -1)) {
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
