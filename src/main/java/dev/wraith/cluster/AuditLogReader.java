package dev.wraith.cluster;

import dev.wraith.model.ExecSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kubernetes audit logs ({@code audit.k8s.io/v1 Event}, one JSON object per line, as the API server's log
 * backend writes them) and keeps {@code pods/exec} and {@code pods/attach} (verb {@code get} for WebSocket
 * clients, kubectl 1.30 and later, or {@code create} for SPDY) and {@code pods/ephemeralcontainers} writes.
 * Stages of one request share an auditID and count once. The command lives only in the request URI's
 * repeated {@code command=} parameters; it is URL-decoded and redacted.
 */
public final class AuditLogReader {
  private final ObjectMapper json = JsonMapper.builder().build();

  /** What one or more audit logs held: the sessions, how many events were read, and per-file problems. */
  public record Result(List<ExecSession> sessions, long events, List<String> warnings) {}

  public Result read(List<Path> files) {
    Map<String, ExecSession> byId = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    long events = 0;
    for (Path f : files) {
      int bad = 0;
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          if (line.isBlank()) continue;
          JsonNode e;
          try {
            e = json.readTree(line);
          } catch (JacksonException ex) {
            if (bad++ == 0) warnings.add(f + ":" + n + ": not a JSON audit event, skipped (further bad lines counted only)");
            continue;
          }
          events++;
          session(e).ifPresent(s -> byId.merge(e.path("auditID").asString(s.toString()), s, AuditLogReader::keepBest));
        }
      } catch (IOException ex) {
        warnings.add(f + ": cannot read audit log: " + ex.getMessage());
      }
      if (bad > 1) warnings.add(f + ": " + bad + " lines were not JSON audit events");
    }
    return new Result(List.copyOf(byId.values()), events, warnings);
  }

  /** Prefer the stage that carries the final status code, then the earliest timestamp. */
  private static ExecSession keepBest(ExecSession a, ExecSession b) {
    if (a.code() == 0 && b.code() != 0) return b;
    return a;
  }

  static java.util.Optional<ExecSession> session(JsonNode e) {
    if (!e.path("kind").asString("").equals("Event")) return java.util.Optional.empty();
    JsonNode ref = e.path("objectRef");
    if (!ref.path("resource").asString("").equals("pods")) return java.util.Optional.empty();
    String sub = ref.path("subresource").asString("");
    String verb = e.path("verb").asString("");
    ExecSession.Source source = switch (sub) {
      case "exec" -> verb.equals("get") || verb.equals("create") ? ExecSession.Source.AUDIT_EXEC : null;
      case "attach" -> verb.equals("get") || verb.equals("create") ? ExecSession.Source.AUDIT_ATTACH : null;
      case "ephemeralcontainers" -> verb.equals("patch") || verb.equals("update") ? ExecSession.Source.AUDIT_EPHEMERAL : null;
      default -> null;
    };
    if (source == null) return java.util.Optional.empty();
    Map<String, List<String>> q = query(e.path("requestURI").asString(""));
    String time = e.path("requestReceivedTimestamp").asString(e.path("stageTimestamp").asString(""));
    return java.util.Optional.of(new ExecSession(source, ref.path("namespace").asString(""), ref.path("name").asString(""),
        q.getOrDefault("container", List.of("")).get(0), e.path("user").path("username").asString(""),
        Redactor.command(q.getOrDefault("command", List.of())), time, e.path("responseStatus").path("code").asInt(0)));
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
