package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.CodeScanner.NamedRoot;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Location;
import dev.wraith.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entry-script candidates are hashed from the root whose prefix they carry, and never from outside a root. */
class CodeHashesTest {
  @TempDir Path dir;

  @Test
  void severalRootsAreHashedByTheirPrefixAndNothingOutsideIsRead() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a")), b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("x.py"), "print('a')\n");
    Files.writeString(b.resolve("x.py"), "print('b')\n");
    Files.writeString(dir.resolve("outside.py"), "print('outside')\n");
    Files.createSymbolicLink(b.resolve("link.py"), dir.resolve("outside.py"));
    CodeScan code = scan(List.of("a/x.py", "b/x.py", "b/link.py", "b/../outside.py"),
        List.of(dir.resolve("outside.py").toString(), "b/../outside.py"));
    var hashes = CodeHashes.of(code, CodeHashes.named(List.of(a, b)));
    assertThat(hashes).containsOnlyKeys("a/x.py", "b/x.py");
    assertThat(hashes.get("a/x.py")).isNotEqualTo(hashes.get("b/x.py")).matches("[0-9a-f]{64}");
    // one root: paths carry no prefix
    assertThat(CodeHashes.of(scan(List.of("x.py"), List.of()), List.of(new NamedRoot(a, "")))).containsOnlyKeys("x.py");
  }

  private static CodeScan scan(List<String> agentPaths, List<String> scripts) {
    List<CodeAgent> agents = agentPaths.stream()
        .map(p -> new CodeAgent(p, "ai-client", List.of(), List.of("openai"), List.of(), List.of(), Severity.WARNING, 1)).toList();
    List<Deployment> deployments = List.of(new Deployment(DeploymentKind.KUBERNETES, Location.file("b/k8s.yaml"), "w",
        "Deployment", "", List.of(), List.of(), List.of(), scripts));
    return new CodeScan(List.of(), agents, List.of(), List.of(), deployments, List.of(), LayerStatus.ran("code", List.of()),
        new CodeScan.Stats(0, 0, 0, 0, 0, 0));
  }
}
