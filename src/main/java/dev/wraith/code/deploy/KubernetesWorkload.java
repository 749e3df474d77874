package dev.wraith.code.deploy;

import dev.wraith.code.YamlNode;
import dev.wraith.code.YamlNode.Mapping;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one Kubernetes object into a deployment identity when it runs pods (Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Pod, Argo Rollout): images, command lines
 * (masked), env var names and env sources of every container and init container. Variable values are
 * matched for AI endpoints and then dropped.
 */
final class KubernetesWorkload {
  private static final Map<String, List<String>> POD_SPEC = Map.of(
      "Pod", List.of("spec"),
      "Deployment", List.of("spec", "template", "spec"),
      "StatefulSet", List.of("spec", "template", "spec"),
      "DaemonSet", List.of("spec", "template", "spec"),
      "ReplicaSet", List.of("spec", "template", "spec"),
      "ReplicationController", List.of("spec", "template", "spec"),
      "Job", List.of("spec", "template", "spec"),
      "Rollout", List.of("spec", "template", "spec"),
      "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));
  private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

  private KubernetesWorkload() {}

  static boolean runsPods(String kind) {
    return POD_SPEC.containsKey(kind);
  }

  /**
   * The deployment a workload object declares; empty when {@code kind} runs no pods. {@code fallbackName}
   * names it when its own name is missing or templated.
   */
  static Optional<Deployment> read(Mapping obj, DeploymentKind as, String path, String fallbackName, AiDeclarations ai,
      dev.wraith.redact.Redactor redactor) {
    String kind = obj.text("kind");
    if (!runsPods(kind)) return Optional.empty();
    Mapping meta = obj.mapping("metadata").orElse(new Mapping(List.of(), obj.line()));
    String name = meta.text("name");
    if (name.isEmpty() || name.contains(HelmTemplate.PLACEHOLDER)) name = fallbackName;
    Containers c = new Containers(ai, redactor);
    obj.mapping(POD_SPEC.get(kind).toArray(String[]::new)).ifPresent(c::podSpec);
    TreeMap<String, String> attrs = new TreeMap<>();
    if (!c.names.isEmpty()) attrs.put("containers", String.join(",", c.names));
    String providers = ai.imageProviders(c.images);
    if (!providers.isEmpty()) attrs.put("imageProviders", providers);
    obj.mapping(POD_SPEC.get(kind).toArray(String[]::new)).map(s -> s.text("serviceAccountName"))
        .filter(s -> !s.isEmpty() && !s.contains(HelmTemplate.PLACEHOLDER)).ifPresent(s -> attrs.put("serviceAccount", s));
    String namespace = meta.text("namespace").contains(HelmTemplate.PLACEHOLDER) ? "" : meta.text("namespace");
    return Optional.of(new Deployment(as, new Location(path, obj.line(), 0), name, kind, namespace,
        List.copyOf(c.images), List.copyOf(c.commands), List.copyOf(c.envVars), List.copyOf(c.scripts),
        List.copyOf(c.envSources), attrs));
  }

  /** Accumulates what the containers of one pod spec declare, in order, without duplicates. */
  private static final class Containers {
    final AiDeclarations ai;
    final dev.wraith.redact.Redactor redactor;
    final Set<String> names = new LinkedHashSet<>(), images = new LinkedHashSet<>(), commands = new LinkedHashSet<>();
    final Set<String> envVars = new LinkedHashSet<>(), envSources = new LinkedHashSet<>(), scripts = new LinkedHashSet<>();

    Containers(AiDeclarations ai, dev.wraith.redact.Redactor redactor) {
      this.ai = ai;
      this.redactor = redactor;
    }

    void podSpec(Mapping spec) {
      for (String list : CONTAINER_LISTS) {
        for (YamlNode n : spec.items(list)) if (n instanceof Mapping c) container(c);
      }
    }

    private void container(Mapping c) {
      if (!c.text("name").isEmpty() && !c.text("name").contains(HelmTemplate.PLACEHOLDER)) names.add(c.text("name"));
      if (!c.text("image").isEmpty()) images.add(c.text("image"));
      List<String> argv = new ArrayList<>();
      for (String key : List.of("command", "args")) {
        c.get(key).ifPresent(v -> {
          for (YamlNode a : YamlNode.items(v)) {
            ai.value(YamlNode.scalar(a), a.line());
            argv.add(YamlNode.scalar(a));
          }
        });
      }
      if (!argv.isEmpty()) {
        List<String> masked = redactor.argv(argv);
        commands.add(String.join(" ", masked));
        scripts.addAll(CommandScripts.of(masked));
      }
      for (YamlNode e : c.items("env")) if (e instanceof Mapping m) env(m);
      for (YamlNode e : c.items("envFrom")) if (e instanceof Mapping m) envFrom(m);
    }

    private void env(Mapping e) {
      String name = e.text("name");
      if (name.isEmpty() || name.contains(HelmTemplate.PLACEHOLDER)) return;
      envVars.add(name);
      int line = e.entries().stream().filter(x -> x.key().equals("name")).findFirst().map(YamlNode.Entry::line).orElse(e.line());
      ai.envName(name, line);
      e.get("value").ifPresent(v -> ai.value(YamlNode.scalar(v), v.line()));
      e.mapping("valueFrom", "secretKeyRef").map(r -> r.text("name")).filter(s -> !s.isEmpty())
          .ifPresent(s -> envSources.add("secret:" + s));
      e.mapping("valueFrom", "configMapKeyRef").map(r -> r.text("name")).filter(s -> !s.isEmpty())
          .ifPresent(s -> envSources.add("configmap:" + s));
    }

    private void envFrom(Mapping e) {
      e.mapping("secretRef").map(r -> r.text("name")).filter(s -> !s.isEmpty()).ifPresent(s -> envSources.add("secret:" + s));
      e.mapping("configMapRef").map(r -> r.text("name")).filter(s -> !s.isEmpty())
          .ifPresent(s -> envSources.add("configmap:" + s));
    }
  }
}
