package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.ProcessOrigin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec detection on fixture trees: a pod with shareProcessNamespace (pause is pid 1 of the pod), and a detached
 * child of an exec'd shell that the kernel re-parented to the container's init. Pids, sessions and NSpid are
 * laid out as runc and the kernel leave them: runc makes each container init and each exec'd process a session
 * leader; children of runc are re-parented to the shim (a subreaper), orphans inside a PID namespace to its init.
 */
class ProcessOriginsTest {
  static final String POD = "4c9f1974-5c46-44c2-b42f-3bbf0e98eef9";
  static final String PAUSE = "a".repeat(64), APP = "b".repeat(64), SIDECAR = "c".repeat(64);
  static final String SHIM = "/system.slice/containerd.service", NET = "net:[4026532001]", NODE_NET = "net:[4026531833]";
  static final String PID = "pid:[4026532002]", HOST_PID = "pid:[4026531836]";

  @TempDir Path root;

  @Test
  void sharedProcessNamespaceTellsContainersFromExecByTheirInit() throws IOException {
    ProcTree t = new ProcTree(root);
    t.process(100, 1, 100, 100, 500, new int[] {100}, SHIM, NODE_NET, HOST_PID, "/usr/bin/containerd-shim-runc-v2")
        .process(110, 100, 110, 110, 1000, new int[] {110, 1}, ProcTree.container(POD, PAUSE), NET, PID, "/pause")
        .process(120, 100, 120, 120, 1100, new int[] {120, 2}, ProcTree.container(POD, APP), NET, PID, "/app/server")
        .process(121, 120, 120, 120, 1200, new int[] {121, 3}, ProcTree.container(POD, APP), NET, PID, "/app/worker")
        .process(130, 100, 130, 130, 5000, new int[] {130, 9}, ProcTree.container(POD, APP), NET, PID, "/bin/sh")
        .process(140, 100, 140, 140, 1150, new int[] {140, 4}, ProcTree.container(POD, SIDECAR), NET, PID, "/proxy");
    ProcessTable table = new ProcessTable(new LiveProcFs(root), dev.wraith.redact.Redactor.bundled());
    List<Integer> ns = List.of(110, 120, 121, 130, 140);
    assertThat(origin(table, 110, ns)).isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(origin(table, 120, ns)).as("the app container's init, child of the shim, not pid 1").isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(origin(table, 121, ns)).isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(origin(table, 140, ns)).as("a sidecar's init").isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(origin(table, 130, ns)).as("kubectl exec into the app container").isEqualTo(ProcessOrigin.EXEC);
  }

  @Test
  void aHostPidContainerHasNoNamespaceInitSoItsEarliestProcessIsItsInit() throws IOException {
    ProcTree t = new ProcTree(root);
    t.process(100, 1, 100, 100, 500, new int[] {100}, SHIM, NODE_NET, HOST_PID, "/usr/bin/containerd-shim-runc-v2")
        .process(120, 100, 120, 120, 1100, new int[] {120}, ProcTree.container(POD, APP), NODE_NET, HOST_PID, "/agent")
        .process(130, 100, 130, 130, 5000, new int[] {130}, ProcTree.container(POD, APP), NODE_NET, HOST_PID, "/bin/sh");
    ProcessTable table = new ProcessTable(new LiveProcFs(root), dev.wraith.redact.Redactor.bundled());
    assertThat(origin(table, 120, List.of(1, 100, 120, 130))).isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(origin(table, 130, List.of(1, 100, 120, 130))).isEqualTo(ProcessOrigin.EXEC);
  }

  @Test
  void aContainerInAPidNamespaceWhoseInitIsNotVisibleReadsAsExecdAsBefore() throws IOException {
    // NSpid 17 and no pid 1 of its namespace among the candidates: not a container init, whatever its start time
    ProcTree t = new ProcTree(root);
    t.process(100, 1, 100, 100, 500, new int[] {100}, SHIM, NODE_NET, HOST_PID, "/usr/bin/containerd-shim-runc-v2")
        .process(130, 100, 130, 130, 5000, new int[] {130, 17}, ProcTree.container(POD, APP), NET, PID, "/bin/sh");
    assertThat(origin(new ProcessTable(new LiveProcFs(root), dev.wraith.redact.Redactor.bundled()), 130, List.of(130))).isEqualTo(ProcessOrigin.EXEC);
  }

  @Test
  void aDetachedChildOfAnExecdShellStaysExecd() throws IOException {
    ProcTree t = new ProcTree(root);
    t.process(200, 1, 200, 200, 500, new int[] {200}, SHIM, NODE_NET, HOST_PID, "/usr/bin/containerd-shim-runc-v2")
        .process(210, 200, 210, 210, 1000, new int[] {210, 1}, ProcTree.container(POD, APP), NET, PID, "/app/server")
        .process(211, 210, 210, 210, 1100, new int[] {211, 2}, ProcTree.container(POD, APP), NET, PID, "/app/worker")
        .process(230, 210, 230, 230, 1300, new int[] {230, 4}, ProcTree.container(POD, APP), NET, PID, "/app/daemon")
        .process(220, 200, 220, 220, 3000, new int[] {220, 5}, ProcTree.container(POD, APP), NET, PID, "/bin/sh")
        // nohup python3 agent.py & from the exec'd shell, whose parent link already points at the init
        .process(221, 210, 220, 220, 3100, new int[] {221, 6}, ProcTree.container(POD, APP), NET, PID, "/usr/bin/python3");
    LiveProcFs proc = new LiveProcFs(root);
    ProcessTable table = new ProcessTable(proc, dev.wraith.redact.Redactor.bundled());
    List<Integer> ns = List.of(210, 211, 220, 221, 230);
    assertThat(origin(table, 211, ns)).isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(origin(table, 230, ns)).as("a workload daemon with its own session").isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(origin(table, 221, ns)).as("its session leader, the exec'd shell, is alive").isEqualTo(ProcessOrigin.EXEC);

    // the shell exits; a second child of the same session is first seen afterwards: the recorded session tells
    t.exit(220);
    t.process(222, 210, 220, 220, 3200, new int[] {222, 7}, ProcTree.container(POD, APP), NET, PID, "/usr/bin/python3");
    assertThat(origin(table, 222, List.of(210, 211, 221, 222, 230))).isEqualTo(ProcessOrigin.EXEC);

    // a fresh sensor never saw the shell: nothing is left to tell (documented limit), it reads as the container's
    assertThat(origin(new ProcessTable(proc, dev.wraith.redact.Redactor.bundled()), 222, List.of(210, 211, 222, 230))).isEqualTo(ProcessOrigin.CONTAINER);
  }

  @Test
  void childrenOfAnExecdProcessThatWasReparentedStayExecd() throws IOException {
    ProcTree t = new ProcTree(root);
    t.process(300, 1, 300, 300, 500, new int[] {300}, SHIM, NODE_NET, HOST_PID, "/usr/bin/containerd-shim-runc-v2")
        .process(310, 300, 310, 310, 1000, new int[] {310, 1}, ProcTree.container(POD, APP), NET, PID, "/app/server")
        .process(320, 300, 320, 320, 3000, new int[] {320, 5}, ProcTree.container(POD, APP), NET, PID, "/bin/sh")
        // setsid python3 agent.py & from the exec'd shell: a session of its own
        .process(321, 320, 321, 321, 3100, new int[] {321, 6}, ProcTree.container(POD, APP), NET, PID, "/usr/bin/python3");
    ProcessTable table = new ProcessTable(new LiveProcFs(root), dev.wraith.redact.Redactor.bundled());
    assertThat(origin(table, 321, List.of(310, 320, 321))).isEqualTo(ProcessOrigin.EXEC);
    // the shell exits, the agent is re-parented to the init and starts a worker: the agent's recorded origin tells
    t.exit(320);
    t.exit(321);
    t.process(321, 310, 321, 321, 3100, new int[] {321, 6}, ProcTree.container(POD, APP), NET, PID, "/usr/bin/python3")
        .process(322, 321, 321, 321, 3300, new int[] {322, 7}, ProcTree.container(POD, APP), NET, PID, "/usr/bin/python3");
    assertThat(origin(table, 322, List.of(310, 321, 322))).isEqualTo(ProcessOrigin.EXEC);
    assertThat(origin(table, 321, List.of(310, 321, 322))).as("kept for the process's life").isEqualTo(ProcessOrigin.EXEC);
  }

  private static ProcessOrigin origin(ProcessTable table, int pid, List<Integer> candidates) throws IOException {
    return table.entry(pid, candidates).origin();
  }
}
