package dev.wraith.incluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.files.LineReader;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import dev.wraith.model.Attributed;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.HostScan;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code wraith sensor --format json} output (as written by {@code SensorJsonReporter}) back into
 * {@link HostScan}s: observation and unowned lines accumulate until the window's status line closes them. The JSON
 * does not carry NSpid lists or the cgroup driver, so those come back empty; everything else round-trips. A line that
 * is not JSON or has an unknown type, and observations after the last status line (a window cut short), become
 * warnings, never exceptions.
 */
public final class SensorJsonReader {
  private static final Limits LIMITS = Limits.DEFAULT;
  private static final ObjectMapper JSON = Parsers.json2(LIMITS);

  /** The windows read and what could not be. */
  public record Result(List<HostScan> scans, List<String> warnings) {
    public Result {
      scans = List.copyOf(scans);
      warnings = List.copyOf(warnings);
    }
  }

  public Result read(String text) {
    try {
      return read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a byte array cannot fail
    }
  }

  /**
   * Reads the JSON Lines of a stream with the shared bounded line reader: a line longer than {@link Limits#lineBytes()}
   * or nested deeper than {@link Limits#depth()} is a warning. A failing stream (a cap, a cut connection) is thrown
   * after the lines before it were read; they are lost with it, as the caller reports the whole answer as failed.
   */
  public Result read(InputStream in) throws IOException {
    Windows w = new Windows();
    LineReader.lines(in, LIMITS.lineBytes(), w::line, (n, bytes, head) -> w.warnings.add("line " + n + ": longer than "
        + Limits.size(LIMITS.lineBytes()) + ", skipped"));
    int unfinished = w.observations.size() + w.unowned.size() + w.inCluster.size();
    if (unfinished > 0) {
      w.warnings.add(unfinished + " lines after the last status line were dropped (window not finished)");
    }
    return new Result(w.scans, w.warnings);
  }

  /** Observation and unowned lines gathered until their window's status line. */
  private static final class Windows {
    final List<HostScan> scans = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    List<HostScan.Unowned> unowned = new ArrayList<>();
    List<InClusterConnection> inCluster = new ArrayList<>();

    void line(byte[] b, int from, int to, long number) {
      int i = from;
      while (i < to && (b[i] == ' ' || b[i] == '\t')) i++;
      if (i == to) return;
      try {
        JsonNode n = JSON.readTree(b, from, to - from);
        switch (n.path("type").asText()) {
          case "observation" -> observations.add(observation(n));
          case "unowned" -> unowned.add(unowned(n));
          case "in-cluster" -> inCluster.add(inCluster(n));
          case "dns-answer" -> { } // the sensor's DNS answers: read by --dns-log, not part of a window
          case "status" -> {
            scans.add(window(n, observations, unowned, inCluster));
            observations = new ArrayList<>();
            unowned = new ArrayList<>();
            inCluster = new ArrayList<>();
          }
          default -> warnings.add("line " + number + ": unknown type '" + n.path("type").asText() + "'");
        }
      } catch (IOException e) {
        warnings.add("line " + number + ": unreadable, " + Parsers.whyInLine(e, "JSON", LIMITS));
      } catch (RuntimeException e) { // a field of the wrong type or value (an enum, a time)
        warnings.add("line " + number + ": unreadable, a field has a value this wraith does not know");
      }
    }
  }

  private static HostScan window(JsonNode n, List<Observation> observations, List<HostScan.Unowned> unowned,
      List<InClusterConnection> inCluster) {
    List<String> warnings = new ArrayList<>();
    n.path("warnings").forEach(w -> warnings.add(w.asText()));
    List<String> notes = new ArrayList<>();
    n.path("notes").forEach(w -> notes.add(w.asText()));
    var state = LayerStatus.State.valueOf(n.path("state").asText("failed").toUpperCase(Locale.ROOT));
    var status = new LayerStatus(n.path("layer").asText("host"), state, n.path("reason").asText(""), warnings, notes);
    JsonNode s = n.path("stats");
    Optional<HostScan.Probe> probe = s.path("probe").asText().equals("ebpf")
        ? Optional.of(new HostScan.Probe(s.path("events").asLong(), s.path("connections").asLong(), s.path("dnsAnswers").asLong(),
            s.path("lost").asLong()))
        : Optional.empty();
    var stats = new HostScan.Stats(s.path("samples").asInt(), s.path("maxGapMillis").asLong(),
        s.path("maxSampleMillis").asLong(), s.path("processes").asInt(), s.path("netns").asInt(), probe);
    return new HostScan(n.path("procRoot").asText(""), Instant.parse(n.path("start").asText()),
        Instant.parse(n.path("end").asText()), observations, unowned, inCluster, status, stats);
  }

  private static Observation observation(JsonNode n) {
    return inCluster(n).attributed(attribution(n));
  }

  /** An in-cluster line: the observation's keys without provider and attribution. */
  private static InClusterConnection inCluster(JsonNode n) {
    Optional<ContainerRef> container = n.hasNonNull("podUid")
        ? Optional.of(new ContainerRef(n.path("podUid").asText(), text(n, "containerId"), text(n, "runtime"), text(n, "qos"), ""))
        : Optional.empty();
    var process = new ProcessInfo(n.path("pid").asInt(), n.path("startTicks").asLong(), n.path("ppid").asInt(),
        n.path("uid").asInt(), List.of(), text(n, "binary"), strings(n.path("arguments")), text(n, "cwd"),
        strings(n.path("envNames")), container, text(n, "netns"));
    JsonNode e = n.path("entryScript");
    Optional<EntryScript> script = e.isObject()
        ? Optional.of(new EntryScript(text(e, "path"), text(e, "sha256"), text(e, "note")))
        : Optional.empty();
    return new InClusterConnection(process, origin(text(n, "origin")), script, text(n, "ip"), n.path("port").asInt(),
        Instant.parse(n.path("firstSeen").asText()), Instant.parse(n.path("lastSeen").asText()),
        n.path("connections").asInt(), n.path("samples").asInt());
  }

  private static HostScan.Unowned unowned(JsonNode n) {
    Optional<ContainerRef> pod = n.hasNonNull("podUid")
        ? Optional.of(new ContainerRef(n.path("podUid").asText(), text(n, "containerId"), text(n, "runtime"), text(n, "qos"), ""))
        : Optional.empty();
    return new HostScan.Unowned(text(n, "netns"), text(n, "ip"), n.path("port").asInt(), attribution(n), text(n, "state"),
        text(n, "why"), pod);
  }

  private static Attributed attribution(JsonNode n) {
    String method = text(n, "attribution");
    return new Attributed(text(n, "provider"), text(n, "host"), Attributed.Method.byId(method)
        .orElseThrow(() -> new IllegalArgumentException("unknown attribution '" + method + "'")));
  }

  private static ProcessOrigin origin(String id) {
    return ProcessOrigin.valueOf(id.toUpperCase(Locale.ROOT));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
