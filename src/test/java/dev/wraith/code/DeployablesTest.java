package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.Detection.ModuleName;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployable;
import dev.wraith.model.Deployable.Naming;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.Location;
import dev.wraith.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How AI files are grouped into deployables and how each is named (the grouping scan and scan-all share). */
class DeployablesTest {
  private static CodeAgent agent(String path) {
    return new CodeAgent(path, "agent", List.of(), List.of("openai"), List.of(), List.of(), Severity.WARNING, 1);
  }

  private static Deployment workload(String name, String image) {
    return new Deployment(DeploymentKind.KUBERNETES, Location.file("deploy/" + name + ".yaml"), name, "Deployment", "",
        List.of(image), List.of(), List.of(), List.of());
  }

  private static Deployment dockerfile(String context) {
    return new Deployment(DeploymentKind.DOCKERFILE, Location.file(context + "/Dockerfile"), context, "", "", List.of(),
        List.of(), List.of(), List.of(), List.of(), new TreeMap<>(Map.of("context", context)));
  }

  private static Deployment compose(String service, String build) {
    return new Deployment(DeploymentKind.COMPOSE, Location.file("compose.yaml"), service, "", "", List.of(), List.of(),
        List.of(), List.of(), List.of(), new TreeMap<>(Map.of("build", build)));
  }

  private static Map<String, Deployable> byDir(List<Deployable> deployables) {
    return deployables.stream().collect(Collectors.toMap(Deployable::dir, d -> d));
  }

  @Test
  void aFileBelongsToTheDeepestDeclaredDirectoryAboveIt() {
    List<Deployable> out = Deployables.group(List.of("repo"),
        List.of(agent("svc/a/agent.py"), agent("svc/a/lib/tools.py"), agent("svc/b/deep/x/run.py"), agent("top.py"),
            agent("loose/dir/bot.py")),
        List.of(), List.of(dockerfile("svc/a"), dockerfile("svc/b/deep")),
        List.of(new ModuleName("pyproject.toml", "root-module"), new ModuleName("svc/b/pyproject.toml", "b-module")));
    Map<String, Deployable> dirs = byDir(out);
    assertThat(dirs.keySet()).containsExactlyInAnyOrder("svc/a", "svc/b/deep", ".");
    assertThat(dirs.get("svc/a").files()).extracting(CodeAgent::path).containsExactly("svc/a/agent.py", "svc/a/lib/tools.py");
    assertThat(dirs.get("svc/b/deep").files()).extracting(CodeAgent::path).containsExactly("svc/b/deep/x/run.py");
    // the root module's directory "." holds every file no deeper declared directory holds
    assertThat(dirs.get(".").files()).extracting(CodeAgent::path).containsExactly("top.py", "loose/dir/bot.py");
    assertThat(dirs.get(".").name()).isEqualTo("root-module");
    assertThat(dirs.get(".").naming()).isEqualTo(Naming.MODULE);
  }

  @Test
  void withoutAnyDeclaredDirectoryAFileIsItsOwnDirectory() {
    List<Deployable> out = Deployables.group(List.of("repo"), List.of(agent("a/b/one.py"), agent("a/b/two.py"),
        agent("c/three.py")), List.of(), List.of(), List.of());
    assertThat(out).extracting(Deployable::dir).containsExactlyInAnyOrder("a/b", "c");
    assertThat(out).extracting(Deployable::name).containsExactlyInAnyOrder("b", "c");
    assertThat(out).allSatisfy(d -> assertThat(d.declared()).isFalse());
  }

  @Test
  void aComposeServiceOrTheOneWorkloadRunningItsImageNamesADirectory() {
    List<Deployable> out = Deployables.group(List.of("repo"),
        List.of(agent("services/Triage/app.py"), agent("services/web/app.py"), agent("services/shared/app.py")),
        List.of(),
        List.of(dockerfile("services/Triage"), dockerfile("services/web"), dockerfile("services/shared"),
            compose("frontend", "./services/web/"),
            workload("triage-prod", "registry.example.com/acme/triage:1.0"),
            // two workloads run an image named like 'shared': neither names it
            workload("shared-a", "acme/shared:1"), workload("shared-b", "ghcr.io/other/shared:2")),
        List.of());
    Map<String, Deployable> dirs = byDir(out);
    assertThat(dirs.get("services/web").name()).isEqualTo("frontend");
    assertThat(dirs.get("services/web").naming()).isEqualTo(Naming.WORKLOAD);
    assertThat(dirs.get("services/Triage").name()).as("the directory's name is compared in lower case")
        .isEqualTo("triage-prod");
    assertThat(dirs.get("services/shared").name()).isEqualTo("shared");
    assertThat(dirs.get("services/shared").naming()).isEqualTo(Naming.DIRECTORY);
  }

  @Test
  void namesThatCollideKeepWhatTellsThemApart() {
    List<Deployable> out = Deployables.group(List.of("repo"),
        List.of(agent("crews/marketing/src/agent.py"), agent("nvidia/marketing/src/agent.py")), List.of(),
        List.of(dockerfile("crews/marketing/src"), dockerfile("nvidia/marketing/src")),
        List.of(new ModuleName("crews/marketing/src/pyproject.toml", "marketing"),
            new ModuleName("nvidia/marketing/src/pyproject.toml", "marketing")));
    assertThat(out).extracting(Deployable::name).containsExactlyInAnyOrder("marketing (crews)", "marketing (nvidia)");
  }
}
