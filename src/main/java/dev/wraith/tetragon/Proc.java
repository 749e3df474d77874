package dev.wraith.tetragon;

import java.util.List;
import java.util.Optional;

/**
 * One process as a Tetragon event describes it. Identity is {@code execId} (unique cluster-wide over time).
 *
 * @param argv binary then the arguments split on whitespace, secret values already replaced by "***"
 * @param inInitTree true only when the event said so: protojson omits false, so absent means false
 * @param pod empty for node processes
 */
public record Proc(String execId, String parentExecId, int pid, int uid, String cwd, String binary, List<String> argv,
    String startTime, boolean inInitTree, Optional<PodRef> pod) {
  public Proc {
    argv = List.copyOf(argv);
  }
}
