package dev.wraith.tetragon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one export line into {@link Wire} records with Jackson's streaming parser: only the listed fields
 * are materialised, every other value (labels, annotations, capabilities, environment variables, stack
 * traces) is skipped token by token without being copied, which is what makes the reader fast. Numbers are
 * accepted as JSON numbers or strings (protojson writes 64-bit values as strings). Throws IOException for
 * anything that is not well-formed JSON of the expected shape.
 */
final class WireReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  private WireReader() {}

  /**
   * @param known exec_ids whose process the caller already has in full: when exec_id comes first (protojson
   *     writes fields in field-number order, and exec_id is field 1), the rest of such a process is skipped
   *     and only its exec_id is returned
   */
  static Wire.Response read(byte[] buf, int off, int len, java.util.function.Predicate<String> known) throws IOException {
    try (JsonParser p = FACTORY.createParser(buf, off, len)) {
      Wire.Response r = response(p, known);
      if (p.nextToken() != null) throw new IOException("trailing content");
      return r;
    }
  }

  private static Wire.Response response(JsonParser p, java.util.function.Predicate<String> known) throws IOException {
    {
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      Wire.ProcessExec exec = null;
      Wire.ProcessExit exit = null;
      Wire.ProcessKprobe kprobe = null;
      Wire.ProcessConnect connect = null;
      Object rateLimit = null, throttle = null;
      String node = null, time = null;
      for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
        JsonToken t = p.nextToken();
        switch (f) {
          case "process_exec" -> exec = exec(p, t, known);
          case "process_exit" -> exit = exit(p, t, known);
          case "process_kprobe" -> kprobe = kprobe(p, t, known);
          case "process_connect" -> connect = connect(p, t, known);
          case "rate_limit_info" -> rateLimit = skipPresent(p, t);
          case "process_throttle" -> throttle = skipPresent(p, t);
          case "node_name" -> node = text(p, t);
          case "time" -> time = text(p, t);
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) throw new IOException("unterminated object");
      return new Wire.Response(exec, exit, kprobe, connect, rateLimit, throttle, node, time);
    }
  }

  private static Wire.ProcessExec exec(JsonParser p, JsonToken t,
      java.util.function.Predicate<String> known) throws IOException {
    if (!object(p, t)) return null;
    Wire.Process process = null, parent = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "process" -> process = process(p, v, known);
        case "parent" -> parent = process(p, v, known);
        default -> p.skipChildren();
      }
    }
    return new Wire.ProcessExec(process, parent);
  }

  private static Wire.ProcessExit exit(JsonParser p, JsonToken t,
      java.util.function.Predicate<String> known) throws IOException {
    if (!object(p, t)) return null;
    Wire.Process process = null, parent = null;
    String time = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "process" -> process = process(p, v, known);
        case "parent" -> parent = process(p, v, known);
        case "time" -> time = text(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.ProcessExit(process, parent, time);
  }

  private static Wire.ProcessKprobe kprobe(JsonParser p, JsonToken t,
      java.util.function.Predicate<String> known) throws IOException {
    if (!object(p, t)) return null;
    Wire.Process process = null, parent = null;
    String fn = null;
    List<Wire.KprobeArgument> args = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "process" -> process = process(p, v, known);
        case "parent" -> parent = process(p, v, known);
        case "function_name" -> fn = text(p, v);
        case "args" -> args = args(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.ProcessKprobe(process, parent, fn, args);
  }

  private static Wire.ProcessConnect connect(JsonParser p, JsonToken t,
      java.util.function.Predicate<String> known) throws IOException {
    if (!object(p, t)) return null;
    Wire.Process process = null, parent = null;
    String src = null, dst = null;
    Long port = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "process" -> process = process(p, v, known);
        case "parent" -> parent = process(p, v, known);
        case "source_ip" -> src = text(p, v);
        case "destination_ip" -> dst = text(p, v);
        case "destination_port" -> port = number(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.ProcessConnect(process, parent, src, dst, port);
  }

  private static Wire.Process process(JsonParser p, JsonToken t, java.util.function.Predicate<String> known)
      throws IOException {
    if (!object(p, t)) return null;
    String execId = null, cwd = null, binary = null, arguments = null, start = null, parentExecId = null;
    Long pid = null, uid = null;
    Wire.Pod pod = null;
    Boolean initTree = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "exec_id" -> {
          execId = text(p, v);
          if (pid == null && cwd == null && binary == null && pod == null && execId != null && known.test(execId)) {
            skipRest(p);
            return new Wire.Process(execId, null, null, null, null, null, null, null, null, null);
          }
        }
        case "pid" -> pid = number(p, v);
        case "uid" -> uid = number(p, v);
        case "cwd" -> cwd = text(p, v);
        case "binary" -> binary = text(p, v);
        case "arguments" -> arguments = text(p, v);
        case "start_time" -> start = text(p, v);
        case "pod" -> pod = pod(p, v);
        case "parent_exec_id" -> parentExecId = text(p, v);
        case "in_init_tree" -> initTree = bool(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.Process(execId, pid, uid, cwd, binary, arguments, start, pod, parentExecId, initTree);
  }

  private static Wire.Pod pod(JsonParser p, JsonToken t) throws IOException {
    if (!object(p, t)) return null;
    String ns = null, name = null, uid = null, workload = null, kind = null;
    Wire.Container c = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "namespace" -> ns = text(p, v);
        case "name" -> name = text(p, v);
        case "uid" -> uid = text(p, v);
        case "container" -> c = container(p, v);
        case "workload" -> workload = text(p, v);
        case "workload_kind" -> kind = text(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.Pod(ns, name, uid, c, workload, kind);
  }

  private static Wire.Container container(JsonParser p, JsonToken t) throws IOException {
    if (!object(p, t)) return null;
    String id = null, name = null;
    Wire.Image image = null;
    Long pid = null;
    Boolean probe = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "id" -> id = text(p, v);
        case "name" -> name = text(p, v);
        case "image" -> image = image(p, v);
        case "pid" -> pid = number(p, v);
        case "maybe_exec_probe" -> probe = bool(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.Container(id, name, image, pid, probe);
  }

  private static Wire.Image image(JsonParser p, JsonToken t) throws IOException {
    if (!object(p, t)) return null;
    String id = null, name = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "id" -> id = text(p, v);
        case "name" -> name = text(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.Image(id, name);
  }

  private static List<Wire.KprobeArgument> args(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) return null;
    expect(p, t, JsonToken.START_ARRAY);
    List<Wire.KprobeArgument> out = new ArrayList<>(2);
    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
      if (v == null) throw new IOException("unterminated array");
      out.add(argument(p, v));
    }
    return out;
  }

  private static Wire.KprobeArgument argument(JsonParser p, JsonToken t) throws IOException {
    if (!object(p, t)) return null;
    Wire.Sock sock = null;
    Wire.Sockaddr sockaddr = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "sock_arg" -> sock = sock(p, v);
        case "sockaddr_arg" -> sockaddr = sockaddr(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.KprobeArgument(sock, sockaddr);
  }

  private static Wire.Sock sock(JsonParser p, JsonToken t) throws IOException {
    if (!object(p, t)) return null;
    String family = null, protocol = null, saddr = null, daddr = null;
    Long sport = null, dport = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "family" -> family = text(p, v);
        case "protocol" -> protocol = text(p, v);
        case "saddr" -> saddr = text(p, v);
        case "daddr" -> daddr = text(p, v);
        case "sport" -> sport = number(p, v);
        case "dport" -> dport = number(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.Sock(family, protocol, saddr, daddr, sport, dport);
  }

  private static Wire.Sockaddr sockaddr(JsonParser p, JsonToken t) throws IOException {
    if (!object(p, t)) return null;
    String family = null, addr = null;
    Long port = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      switch (f) {
        case "family" -> family = text(p, v);
        case "addr" -> addr = text(p, v);
        case "port" -> port = number(p, v);
        default -> p.skipChildren();
      }
    }
    return new Wire.Sockaddr(family, addr, port);
  }

  /** Skips the remaining fields of the current object, up to and including its END_OBJECT. */
  private static void skipRest(JsonParser p) throws IOException {
    while (p.nextFieldName() != null) {
      p.nextToken();
      p.skipChildren();
    }
    if (p.currentToken() != JsonToken.END_OBJECT) throw new IOException("unterminated object");
  }

  /** True at the start of an object; false for null; anything else is the wrong shape. */
  private static boolean object(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) return false;
    expect(p, t, JsonToken.START_OBJECT);
    return true;
  }

  /** A present value, skipped: rate-limit and throttle events only matter by their presence. */
  private static Object skipPresent(JsonParser p, JsonToken t) throws IOException {
    p.skipChildren();
    return t == JsonToken.VALUE_NULL ? null : Boolean.TRUE;
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) return null;
    if (t != JsonToken.VALUE_STRING) throw new IOException("expected a string at " + p.currentName());
    return p.getText();
  }

  private static Long number(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_STRING -> {
        try {
          yield Long.parseLong(p.getText());
        } catch (NumberFormatException e) {
          throw new IOException("expected a number at " + p.currentName());
        }
      }
      default -> throw new IOException("expected a number at " + p.currentName());
    };
  }

  private static Boolean bool(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> throw new IOException("expected a boolean at " + p.currentName());
    };
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) throw new IOException("expected " + wanted + " at " + p.currentName());
  }
}
