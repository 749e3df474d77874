package dev.wraith.attribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import dev.wraith.files.Limits;
import dev.wraith.files.LineReader;
import dev.wraith.files.Parsers;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON-lines form of {@link DnsAnswerRecord}: one {@code "type":"dns-answer"} object per line, written by the
 * sensor beside its other lines and read by {@code --dns-log}. Reading is for hostile input, through the shared
 * bounded readers ({@link InputFile}, {@link LineReader}): a path that is not a regular file (a FIFO, a device, a
 * directory) is a warning and is not opened; a line longer than {@link #MAX_LINE} bytes streams past unread; a line
 * that is not JSON, nests deeper than {@link Limits#depth()}, or is a dns-answer line with a missing or bad field is a
 * warning (the first {@link #MAX_WARNINGS} are listed, the rest counted), never an exception; lines of other types (the
 * sensor's observations, status lines) are skipped and counted. Gzipped files (by their magic bytes) are inflated
 * within {@link Limits#inflatedBound}: a gzip bomb, a cut or corrupt gzip file keeps the lines before and says so.
 */
public final class DnsAnswerLog {
  public static final String TYPE = "dns-answer";
  public static final int MAX_LINE = 64 * 1024;
  public static final int MAX_WARNINGS = 20;
  private static final int MAX_ANSWERS = 64;
  private static final int MAX_FIELD = 512;
  private static final Limits LIMITS = Limits.DEFAULT.withLineBytes(MAX_LINE);
  private static final ObjectMapper JSON = Parsers.json2(LIMITS);

  private DnsAnswerLog() {}

  /** What a read added and what it could not use. */
  public record Result(long answers, long otherLines, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /** The record as one line of JSON, without the newline; unknown scope fields are left out. */
  public static String line(DnsAnswerRecord r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", TYPE).put("time", r.time().toString());
    if (!r.node().isEmpty()) n.put("node", r.node());
    if (r.pid() > 0) n.put("pid", r.pid());
    if (r.startTicks() > 0) n.put("startTicks", r.startTicks());
    if (!r.netns().isEmpty()) n.put("netns", r.netns());
    if (!r.podUid().isEmpty()) n.put("podUid", r.podUid());
    if (!r.containerId().isEmpty()) n.put("containerId", r.containerId());
    n.put("name", r.name());
    ArrayNode answers = n.putArray("answers");
    for (DnsAnswerRecord.Answer a : r.answers()) answers.addObject().put("ip", a.ip()).put("ttl", a.ttl());
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads every file into {@code into}; a file that cannot be read is a warning naming it. */
  public static Result read(List<Path> files, DnsAnswers into) {
    Reading reading = new Reading(into);
    for (Path f : files) {
      try (InputStream in = InputFile.open(f, LIMITS)) {
        reading.file(f.toString(), in);
      } catch (EOFException e) {
        reading.fileProblem("--dns-log " + f + ": compressed file ends early (still being written?); read up to the cut");
      } catch (IOException e) {
        String why = e instanceof FileProblem ? e.getMessage() : FileProblem.describe(e, f, "reading");
        reading.fileProblem("--dns-log " + why); // a failure part way says itself that the lines before were read
      }
    }
    return reading.result();
  }

  /** Parses one line; {@link IllegalArgumentException} says what is wrong with it. */
  public static DnsAnswerRecord parse(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String why = Parsers.whyInLine(e, "JSON", LIMITS);
      throw new IllegalArgumentException(why.startsWith("not valid JSON") ? "not JSON" : why);
    }
    if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON object");
    if (!TYPE.equals(n.path("type").asText())) throw new IllegalArgumentException("not a dns-answer line");
    String name = AskedNames.name(text(n, "name")).orElseThrow(() -> new IllegalArgumentException("name is not a DNS name"));
    JsonNode list = n.path("answers");
    if (!list.isArray() || list.isEmpty()) throw new IllegalArgumentException("no answers");
    if (list.size() > MAX_ANSWERS) throw new IllegalArgumentException("more than " + MAX_ANSWERS + " answers");
    List<DnsAnswerRecord.Answer> answers = new ArrayList<>();
    for (JsonNode a : list) answers.add(answer(a));
    return new DnsAnswerRecord(time(text(n, "time")), text(n, "node"), (int) number(n, "pid", Integer.MAX_VALUE),
        number(n, "startTicks", Long.MAX_VALUE), text(n, "netns"), text(n, "podUid"), text(n, "containerId"), name, answers);
  }

  private static DnsAnswerRecord.Answer answer(JsonNode a) {
    String ip = text(a, "ip");
    try {
      Pin.literal(ip, ip);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("answer ip '" + shorten(ip) + "' is not an IP address");
    }
    if (!a.path("ttl").canConvertToLong() || !a.path("ttl").isIntegralNumber()) throw new IllegalArgumentException("answer without a ttl");
    long ttl = a.path("ttl").asLong();
    if (ttl < 0 || ttl > Integer.MAX_VALUE) throw new IllegalArgumentException("ttl out of range");
    return new DnsAnswerRecord.Answer(ip, ttl);
  }

  private static Instant time(String t) {
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("time '" + shorten(t) + "' is not ISO-8601");
      }
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return "";
    if (!v.isTextual()) throw new IllegalArgumentException(field + " is not a string");
    if (v.asText().length() > MAX_FIELD) throw new IllegalArgumentException(field + " longer than " + MAX_FIELD + " characters");
    return v.asText();
  }

  private static long number(JsonNode n, String field, long max) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return 0;
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > max) {
      throw new IllegalArgumentException(field + " is not a number in range");
    }
    return v.asLong();
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 39) + "…" : s;
  }

  /** The state of one read over several files. */
  private static final class Reading {
    final DnsAnswers into;
    final List<String> warnings = new ArrayList<>();
    long answers, other, unlisted;

    Reading(DnsAnswers into) {
      this.into = into;
    }

    /** Every line of one file, none held beyond {@link #MAX_LINE} bytes. */
    void file(String name, InputStream in) throws IOException {
      LineReader.lines(in, MAX_LINE, (buf, from, to, number) -> take(name, number,
          new String(buf, from, to - from, StandardCharsets.UTF_8)), (number, bytes, head) ->
        warn("--dns-log " + name + ":" + number + ": line longer than " + MAX_LINE + " bytes, skipped"));
    }

    private void take(String file, long number, String text) {
      String t = text.strip();
      if (t.isEmpty()) return;
      try {
        into.add(parse(t));
        answers++;
      } catch (IllegalArgumentException e) {
        if (e.getMessage().equals("not a dns-answer line")) other++;
        else warn("--dns-log " + file + ":" + number + ": " + e.getMessage() + ", line skipped");
      }
    }

    /** A whole file's problem: always listed (one per file at most), never counted among the lines. */
    void fileProblem(String w) {
      warnings.add(w);
    }

    void warn(String w) {
      if (warnings.size() < MAX_WARNINGS) warnings.add(w);
      else unlisted++;
    }

    Result result() {
      List<String> w = new ArrayList<>(warnings);
      if (unlisted > 0) w.add(unlisted + " more unreadable --dns-log lines");
      w.addAll(into.warnings());
      return new Result(answers, other, w);
    }
  }
}
