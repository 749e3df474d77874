package dev.wraith.correlate;

import dev.wraith.model.ProcessOrigin;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A runtime subject's identity: equal keys are the same subject across layers and scans; grouping and equality use
 * the records. The agent id of a runtime-only agent is a hash of {@link #canonical()}, the one rendering of a key.
 */
sealed interface SubjectKey extends Comparable<SubjectKey> {
  /**
   * The stable id input: the text a runtime agent id hashes ({@link Agents#runtimeId}). Agent ids are stored in the
   * state database and compared across versions, so this rendering must never change for a key earlier versions could
   * make (AgentIdsTest pins it). The forms, with "/" "|" "@" and "%" inside a name written %2F %7C %40 %25 so that two
   * keys never render alike (Kubernetes names, pod UIDs, container ids and node names never hold them; a cluster name
   * may hold "/", which no other part of a workload can then be taken for):
   * <pre>
   *   workload:[CLUSTER@]NAMESPACE/KIND/NAME/CONTAINER|ORIGIN|SHAPE
   *   pod:UID/CONTAINER|ORIGIN|SHAPE
   *   node:NODE|ORIGIN|SHAPE               SHAPE is script:PATH or exe:COMMAND (the rest of the text, as it is)
   *   declared|[CLUSTER@]NAMESPACE/KIND/NAME
   *   running|[CLUSTER@]NAMESPACE/KIND/NAME/CONTAINER
   * </pre>
   * Each record renders its own form; the parts ({@link PlaceKey#text()}, {@link Shape#text()}) exist only for it.
   */
  String canonical();

  /**
   * Keys sort by their canonical text: the order subjects have always had, which decides the process a confirmed
   * agent shows and the order of its evidence.
   */
  @Override
  default int compareTo(SubjectKey other) {
    return canonical().compareTo(other.canonical());
  }

  /** A process seen running: where it runs, how it was started, and what it runs. */
  record Observed(PlaceKey place, ProcessOrigin origin, Shape shape) implements SubjectKey {
    @Override
    public String canonical() {
      return place.text() + "|" + origin.id() + "|" + shape.text();
    }
  }

  /** A workload whose spec declares AI, not seen talking: the workload alone. */
  record Declared(WorkloadId workload) implements SubjectKey {
    @Override
    public String canonical() {
      return "declared|" + workloadText(workload);
    }
  }

  /** One container of a running workload whose spec declares no AI (see {@link RuntimeSubject#undeclared()}). */
  record Running(WorkloadId workload, String container) implements SubjectKey {
    @Override
    public String canonical() {
      return "running|" + workloadText(workload) + "/" + part(container);
    }
  }

  /** Where a process runs: a workload's container, a pod's container when no workload is known, or a node. */
  sealed interface PlaceKey {
    /** This place's part of {@link SubjectKey#canonical()}. */
    String text();

    record Workload(WorkloadId workload, String container) implements PlaceKey {
      @Override
      public String text() {
        return "workload:" + workloadText(workload) + "/" + part(container);
      }
    }

    /** {@code container} is the container's name, or its id when no cluster layer named it. */
    record Pod(String uid, String container) implements PlaceKey {
      @Override
      public String text() {
        return "pod:" + part(uid) + "/" + part(container);
      }
    }

    record Node(String name) implements PlaceKey {
      @Override
      public String text() {
        return "node:" + part(name);
      }
    }
  }

  /** What a process runs: the entry script an interpreter runs, or else the program and its argument shape. */
  sealed interface Shape {
    /** This shape's part of {@link SubjectKey#canonical()}: the last, so it is written as it is. */
    String text();

    record Script(String path) implements Shape {
      @Override
      public String text() {
        return "script:" + path;
      }
    }

    /**
     * The executable and its arguments with every number folded to '#', joined by spaces, so two runs of one command
     * line are one program. The executable is not kept apart from its arguments ("/a b c" is one command whether the
     * path is "/a" or "/a b"): that is the identity agent ids have always been made of.
     */
    record Program(String command) implements Shape {
      private static final Pattern NUMBER = Pattern.compile("\\d+");

      static Program of(String exe, List<String> argv) {
        List<String> rest = argv.size() <= 1 ? List.of() : argv.subList(1, argv.size());
        return new Program(exe + " " + String.join(" ", rest.stream().map(a -> NUMBER.matcher(a).replaceAll("#")).toList()));
      }

      @Override
      public String text() {
        return "exe:" + command;
      }
    }
  }

  private static String workloadText(WorkloadId w) {
    return (w.cluster().isEmpty() ? "" : escape(w.cluster(), "%@|") + "@") + part(w.namespace()) + "/" + part(w.kind())
        + "/" + part(w.name());
  }

  private static String part(String name) {
    return escape(name, "%/|@");
  }

  /** {@code s} with each of {@code reserved} written %XX ('%' must be among them); most names come back as they are. */
  private static String escape(String s, String reserved) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (reserved.indexOf(c) >= 0) {
        if (out == null) out = new StringBuilder(s.substring(0, i));
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
