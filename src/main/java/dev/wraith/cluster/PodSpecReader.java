package dev.wraith.cluster;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Provider;
import dev.wraith.catalogue.EndpointMatcher;
import dev.wraith.catalogue.ImageName;
import dev.wraith.catalogue.KnownApp;
import dev.wraith.model.AiDeclaration;
import dev.wraith.model.AiDeclaration.Source;
import dev.wraith.model.ContainerDecl;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a pod spec into container declarations and AI declarations using only the catalogue: env var names,
 * endpoints in plain env values (the value itself is never kept), provider images, known AI app and MCP server
 * images and commands, hostAliases, and endpoints in the ConfigMaps the containers reference. Secret references
 * are kept as names only.
 */
final class PodSpecReader {
  /** The containers and the AI evidence of one pod spec. */
  record Result(List<ContainerDecl> containers, List<AiDeclaration> ai) {}

  private final Catalogue catalogue;
  private final dev.wraith.redact.Redactor redactor;
  private final EndpointMatcher endpoints;

  PodSpecReader(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.redactor = dev.wraith.redact.Redactor.of(catalogue);
    this.endpoints = new EndpointMatcher(catalogue);
  }

  /** @param configMaps the namespace's ConfigMaps by name (key names and endpoints only) */
  Result read(PodSpec spec, Map<String, ConfigMapKeys> configMaps) {
    List<ContainerDecl> containers = new ArrayList<>();
    List<AiDeclaration> ai = new ArrayList<>();
    for (Container c : list(spec.getInitContainers())) containers.add(container(Decl.of(c, ContainerDecl.Kind.INIT), configMaps, ai));
    for (Container c : list(spec.getContainers())) containers.add(container(Decl.of(c, ContainerDecl.Kind.CONTAINER), configMaps, ai));
    for (EphemeralContainer c : list(spec.getEphemeralContainers())) {
      containers.add(container(new Decl(c.getName(), ContainerDecl.Kind.EPHEMERAL, c.getImage(), c.getCommand(), c.getArgs(),
          c.getEnv(), c.getEnvFrom(), c.getPorts()), configMaps, ai));
    }
    for (HostAlias h : list(spec.getHostAliases())) {
      for (String host : list(h.getHostnames())) {
        catalogue.providerForHost(host).ifPresent(p ->
            ai.add(new AiDeclaration(Source.HOST_ALIAS, p.id(), host + " -> " + h.getIp(), "")));
      }
    }
    return new Result(containers, ai);
  }

  /** The fields a regular and an ephemeral container share (fabric8 has no common type for them). */
  private record Decl(String name, ContainerDecl.Kind kind, String image, List<String> command, List<String> args,
      List<EnvVar> env, List<EnvFromSource> envFrom, List<ContainerPort> ports) {
    static Decl of(Container c, ContainerDecl.Kind kind) {
      return new Decl(c.getName(), kind, c.getImage(), c.getCommand(), c.getArgs(), c.getEnv(), c.getEnvFrom(), c.getPorts());
    }
  }

  private ContainerDecl container(Decl d, Map<String, ConfigMapKeys> configMaps, List<AiDeclaration> ai) {
    String n = d.name() == null ? "" : d.name();
    String img = d.image() == null ? "" : d.image();
    Optional<Provider> provider = imageProvider(img);
    provider.ifPresent(p -> ai.add(new AiDeclaration(Source.IMAGE, p.id(), img, n)));
    if (provider.isEmpty()) catalogue.appForImage(img).ifPresent(a -> ai.add(new AiDeclaration(Source.IMAGE, a.id(), img, n)));
    Refs refs = new Refs(n, configMaps, ai);
    for (EnvVar e : list(d.env())) env(e, refs);
    for (EnvFromSource f : list(d.envFrom())) envFrom(f, refs);
    List<String> argv = new ArrayList<>(list(d.command()));
    argv.addAll(list(d.args()));
    appCommands(argv, n, ai);
    List<Integer> ports = list(d.ports()).stream().map(ContainerPort::getContainerPort).filter(java.util.Objects::nonNull)
        .sorted().toList();
    return new ContainerDecl(n, d.kind(), img, CommandText.of(redactor, argv), List.copyOf(refs.envNames),
        List.copyOf(refs.secretRefs), List.copyOf(refs.configMapRefs), ports);
  }

  /** What one container's env and envFrom add up to while it is read. */
  private record Refs(String container, Map<String, ConfigMapKeys> configMaps, List<AiDeclaration> ai,
      TreeSet<String> envNames, TreeSet<String> secretRefs, TreeSet<String> configMapRefs) {
    Refs(String container, Map<String, ConfigMapKeys> configMaps, List<AiDeclaration> ai) {
      this(container, configMaps, ai, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    }
  }

  /** A name the catalogue knows, an endpoint in a plain value (never the value), secret and ConfigMap key refs. */
  private void env(EnvVar e, Refs r) {
    if (e.getName() == null) return;
    r.envNames().add(e.getName());
    catalogue.providerForEnvVar(e.getName()).ifPresent(p -> r.ai().add(new AiDeclaration(Source.ENV_NAME, p.id(), e.getName(), r.container())));
    if (e.getValue() != null) endpoints.match(e.getValue()).ifPresent(m ->
        r.ai().add(new AiDeclaration(Source.ENV_ENDPOINT, m.provider().id(), e.getName() + "=" + m.evidence(), r.container())));
    var from = e.getValueFrom();
    if (from != null && from.getSecretKeyRef() != null) {
      r.secretRefs().add(from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey());
    }
    if (from != null && from.getConfigMapKeyRef() != null) {
      String cm = from.getConfigMapKeyRef().getName();
      String key = from.getConfigMapKeyRef().getKey();
      r.configMapRefs().add(cm + "/" + key);
      ConfigMapKeys keys = r.configMaps().get(cm);
      if (keys != null) configEndpoints(cm, keys.endpointsByKey().getOrDefault(key, List.of()), r.container(), r.ai());
    }
  }

  /** envFrom: a Secret by name only; a ConfigMap's keys become env names (with the prefix) and its endpoints count. */
  private void envFrom(EnvFromSource f, Refs r) {
    if (f.getSecretRef() != null) r.secretRefs().add(f.getSecretRef().getName() + "/*");
    if (f.getConfigMapRef() == null) return;
    String cm = f.getConfigMapRef().getName();
    r.configMapRefs().add(cm + "/*");
    ConfigMapKeys keys = r.configMaps().get(cm);
    if (keys == null) return;
    String prefix = f.getPrefix() == null ? "" : f.getPrefix();
    for (var entry : keys.endpointsByKey().entrySet()) {
      String envName = prefix + entry.getKey();
      r.envNames().add(envName);
      catalogue.providerForEnvVar(envName).ifPresent(p ->
          r.ai().add(new AiDeclaration(Source.ENV_NAME, p.id(), envName + " (configmap " + cm + ")", r.container())));
      configEndpoints(cm, entry.getValue(), r.container(), r.ai());
    }
  }

  private void configEndpoints(String cm, List<String> found, String container, List<AiDeclaration> ai) {
    for (String text : found) {
      endpoints.match(text).ifPresent(m ->
          ai.add(new AiDeclaration(Source.CONFIGMAP_ENDPOINT, m.provider().id(), "configmap " + cm + ": " + m.evidence(), container)));
    }
  }

  /**
   * Known apps started by this command line. The model has no command source yet, so these are image-source
   * declarations whose evidence says "command:"; only the matched words are kept, redacted like any argv.
   */
  private void appCommands(List<String> argv, String container, List<AiDeclaration> ai) {
    if (argv.isEmpty()) return;
    for (KnownApp a : catalogue.apps()) {
      a.commandMatch(argv).ifPresent(hit ->
          ai.add(new AiDeclaration(Source.IMAGE, a.id(), "command: " + CommandText.of(redactor, List.of(hit.split(" "))), container)));
    }
  }

  /** The provider whose image repository this image reference is (registry, tag and digest aside). */
  Optional<Provider> imageProvider(String image) {
    for (Provider p : catalogue.providers()) {
      for (String known : p.images()) if (ImageName.matches(image, known)) return Optional.of(p);
    }
    return Optional.empty();
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
