package dev.wraith.tetragon;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.wraith.tetragon.api.Container;
import dev.wraith.tetragon.api.GetEventsResponse;
import dev.wraith.tetragon.api.KprobeArgument;
import dev.wraith.tetragon.api.Pod;
import dev.wraith.tetragon.api.Process;
import dev.wraith.tetragon.api.ProcessKprobe;
import java.time.Instant;
import java.util.Map;

/**
 * Puts back, as the unknown fields they are to wraith's subset, the fields a real Tetragon server sends on
 * top of it (their upstream numbers: process flags 7, auid 9, docker 11, refcnt 13, tid 16, environment
 * variables 21; pod labels 5; container start_time 4; image id 1; socket type 2, cookie 10, state 11; kprobe
 * action 6, policy_name 8; exit signal 3), with the values of the export line. So the stand-in server's
 * messages have the size and shape of Tetragon's, and the client has to skip what it does not declare.
 */
final class UpstreamFields {
  private UpstreamFields() {}

  static GetEventsResponse add(GetEventsResponse m, JsonNode line) {
    GetEventsResponse.Builder b = m.toBuilder();
    switch (m.getEventCase()) {
      case PROCESS_EXEC -> {
        JsonNode j = line.path("process_exec");
        var x = b.getProcessExecBuilder();
        if (x.hasProcess()) x.setProcess(process(x.getProcess(), j.path("process")));
        if (x.hasParent()) x.setParent(process(x.getParent(), j.path("parent")));
      }
      case PROCESS_EXIT -> {
        JsonNode j = line.path("process_exit");
        var x = b.getProcessExitBuilder();
        if (x.hasProcess()) x.setProcess(process(x.getProcess(), j.path("process")));
        UnknownFieldSet.Builder u = UnknownFieldSet.newBuilder();
        string(u, 3, j.path("signal"));
        x.setUnknownFields(u.build());
      }
      case PROCESS_KPROBE -> b.setProcessKprobe(kprobe(b.getProcessKprobe(), line.path("process_kprobe")));
      default -> { }
    }
    return b.build();
  }

  private static ProcessKprobe kprobe(ProcessKprobe k, JsonNode j) {
    ProcessKprobe.Builder b = k.toBuilder();
    if (b.hasProcess()) b.setProcess(process(b.getProcess(), j.path("process")));
    if (b.hasParent()) b.setParent(process(b.getParent(), j.path("parent")));
    for (int i = 0; i < b.getArgsCount(); i++) {
      KprobeArgument a = b.getArgs(i);
      JsonNode sock = j.path("args").path(i).path("sock_arg");
      if (!a.hasSockArg() || sock.isMissingNode()) continue;
      UnknownFieldSet.Builder u = UnknownFieldSet.newBuilder();
      string(u, 2, sock.path("type"));
      varint(u, 10, sock.path("cookie"));
      string(u, 11, sock.path("state"));
      b.setArgs(i, a.toBuilder().setSockArg(a.getSockArg().toBuilder().setUnknownFields(u.build())));
    }
    UnknownFieldSet.Builder u = UnknownFieldSet.newBuilder();
    if (j.path("action").asText().equals("KPROBE_ACTION_POST")) u.addField(6, UnknownFieldSet.Field.newBuilder().addVarint(1).build());
    string(u, 8, j.path("policy_name"));
    return b.setUnknownFields(u.build()).build();
  }

  private static Process process(Process p, JsonNode j) {
    UnknownFieldSet.Builder u = UnknownFieldSet.newBuilder();
    string(u, 7, j.path("flags"));
    wrapper(u, 9, j.path("auid"));
    string(u, 11, j.path("docker"));
    varint(u, 13, j.path("refcnt"));
    wrapper(u, 16, j.path("tid"));
    for (JsonNode env : j.path("environment_variables")) {
      UnknownFieldSet.Builder e = UnknownFieldSet.newBuilder();
      string(e, 1, env.path("Key"));
      string(e, 2, env.path("Value"));
      message(u, 21, e);
    }
    Process.Builder b = p.toBuilder().setUnknownFields(u.build());
    if (p.hasPod()) b.setPod(pod(p.getPod(), j.path("pod")));
    return b.build();
  }

  private static Pod pod(Pod p, JsonNode j) {
    UnknownFieldSet.Builder labels = UnknownFieldSet.newBuilder();
    for (Map.Entry<String, JsonNode> e : j.path("pod_labels").properties()) {
      UnknownFieldSet.Builder entry = UnknownFieldSet.newBuilder();
      string(entry, 1, e.getKey());
      string(entry, 2, e.getValue().asText());
      message(labels, 5, entry);
    }
    Pod.Builder b = p.toBuilder().setUnknownFields(labels.build());
    if (p.hasContainer()) {
      Container c = p.getContainer();
      JsonNode cj = j.path("container");
      UnknownFieldSet.Builder u = UnknownFieldSet.newBuilder();
      if (cj.has("start_time")) {
        Instant t = Instant.parse(cj.path("start_time").asText());
        UnknownFieldSet.Builder ts = UnknownFieldSet.newBuilder();
        ts.addField(1, UnknownFieldSet.Field.newBuilder().addVarint(t.getEpochSecond()).build());
        if (t.getNano() > 0) ts.addField(2, UnknownFieldSet.Field.newBuilder().addVarint(t.getNano()).build());
        message(u, 4, ts);
      }
      Container.Builder cb = c.toBuilder().setUnknownFields(u.build());
      if (c.hasImage()) {
        UnknownFieldSet.Builder img = UnknownFieldSet.newBuilder();
        string(img, 1, cj.path("image").path("id"));
        cb.setImage(c.getImage().toBuilder().setUnknownFields(img.build()));
      }
      b.setContainer(cb);
    }
    return b.build();
  }

  private static void string(UnknownFieldSet.Builder u, int number, JsonNode v) {
    if (v.isTextual() && !v.asText().isEmpty()) string(u, number, v.asText());
  }

  private static void string(UnknownFieldSet.Builder u, int number, String v) {
    add(u, number, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(v)).build());
  }

  private static void varint(UnknownFieldSet.Builder u, int number, JsonNode v) {
    if (v.isMissingNode() || v.isNull()) return;
    add(u, number, UnknownFieldSet.Field.newBuilder().addVarint(Long.parseUnsignedLong(v.asText())).build());
  }

  /** A google.protobuf.UInt32Value: a message whose field 1 is the value. */
  private static void wrapper(UnknownFieldSet.Builder u, int number, JsonNode v) {
    if (v.isMissingNode() || v.isNull()) return;
    UnknownFieldSet.Builder w = UnknownFieldSet.newBuilder();
    w.addField(1, UnknownFieldSet.Field.newBuilder().addVarint(v.asLong()).build());
    message(u, number, w);
  }

  private static void message(UnknownFieldSet.Builder u, int number, UnknownFieldSet.Builder m) {
    add(u, number, UnknownFieldSet.Field.newBuilder().addLengthDelimited(m.build().toByteString()).build());
  }

  /** Repeated fields (labels, environment variables) add to the field's values. */
  private static void add(UnknownFieldSet.Builder u, int number, UnknownFieldSet.Field f) {
    u.mergeField(number, f);
  }
}
