package dev.wraith.cluster;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Provider;
import dev.wraith.code.EndpointMatcher;
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
 * endpoints in plain env values (the value itself is never kept), images, hostAliases, and endpoints in the
 * ConfigMaps the containers reference. Secret references are kept as names only.
 */
final class PodSpecReader {
  /** The containers and the AI evidence of one pod spec. */
  record Result(List<ContainerDecl> containers, List<AiDeclaration> ai) {}

  private final Catalogue catalogue;
  private final EndpointMatcher endpoints;

  PodSpecReader(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.endpoints = new EndpointMatcher(catalogue);
  }

  /** @param configMaps the namespace's ConfigMaps by name (key names and endpoints only) */
  Result read(PodSpec spec, Map<String, ConfigMapKeys> configMaps) {
    List<ContainerDecl> containers = new ArrayList<>();
    List<AiDeclaration> ai = new ArrayList<>();
    for (Container c : list(spec.getInitContainers())) containers.add(container(c.getName(), ContainerDecl.Kind.INIT,
        c.getImage(), c.getCommand(), c.getArgs(), c.getEnv(), c.getEnvFrom(), c.getPorts(), configMaps, ai));
    for (Container c : list(spec.getContainers())) containers.add(container(c.getName(), ContainerDecl.Kind.CONTAINER,
        c.getImage(), c.getCommand(), c.getArgs(), c.getEnv(), c.getEnvFrom(), c.getPorts(), configMaps, ai));
    for (EphemeralContainer c : list(spec.getEphemeralContainers())) containers.add(container(c.getName(),
        ContainerDecl.Kind.EPHEMERAL, c.getImage(), c.getCommand(), c.getArgs(), c.getEnv(), c.getEnvFrom(), c.getPorts(),
        configMaps, ai));
    for (HostAlias h : list(spec.getHostAliases())) {
      for (String host : list(h.getHostnames())) {
        catalogue.providerForHost(host).ifPresent(p ->
            ai.add(new AiDeclaration(Source.HOST_ALIAS, p.id(), host + " -> " + h.getIp(), "")));
      }
    }
    return new Result(containers, ai);
  }

  @SuppressWarnings("checkstyle:ParameterNumber")
  private ContainerDecl container(String name, ContainerDecl.Kind kind, String image, List<String> command,
      List<String> args, List<EnvVar> env, List<EnvFromSource> envFrom, List<ContainerPort> ports,
      Map<String, ConfigMapKeys> configMaps, List<AiDeclaration> ai) {
    String n = name == null ? "" : name;
    String img = image == null ? "" : image;
    imageProvider(img).ifPresent(p -> ai.add(new AiDeclaration(Source.IMAGE, p.id(), img, n)));
    TreeSet<String> envNames = new TreeSet<>();
    TreeSet<String> secretRefs = new TreeSet<>();
    TreeSet<String> cmRefs = new TreeSet<>();
    for (EnvVar e : list(env)) {
      if (e.getName() == null) continue;
      envNames.add(e.getName());
      catalogue.providerForEnvVar(e.getName()).ifPresent(p -> ai.add(new AiDeclaration(Source.ENV_NAME, p.id(), e.getName(), n)));
      if (e.getValue() != null) endpoints.match(e.getValue()).ifPresent(m ->
          ai.add(new AiDeclaration(Source.ENV_ENDPOINT, m.provider().id(), e.getName() + "=" + m.evidence(), n)));
      var from = e.getValueFrom();
      if (from != null && from.getSecretKeyRef() != null) {
        secretRefs.add(from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey());
      }
      if (from != null && from.getConfigMapKeyRef() != null) {
        String cm = from.getConfigMapKeyRef().getName();
        String key = from.getConfigMapKeyRef().getKey();
        cmRefs.add(cm + "/" + key);
        ConfigMapKeys keys = configMaps.get(cm);
        if (keys != null) configEndpoints(cm, keys.endpointsByKey().getOrDefault(key, List.of()), n, ai);
      }
    }
    for (EnvFromSource f : list(envFrom)) {
      if (f.getSecretRef() != null) secretRefs.add(f.getSecretRef().getName() + "/*");
      if (f.getConfigMapRef() != null) {
        String cm = f.getConfigMapRef().getName();
        cmRefs.add(cm + "/*");
        ConfigMapKeys keys = configMaps.get(cm);
        if (keys == null) continue;
        String prefix = f.getPrefix() == null ? "" : f.getPrefix();
        for (var entry : keys.endpointsByKey().entrySet()) {
          String envName = prefix + entry.getKey();
          envNames.add(envName);
          catalogue.providerForEnvVar(envName).ifPresent(p ->
              ai.add(new AiDeclaration(Source.ENV_NAME, p.id(), envName + " (configmap " + cm + ")", n)));
          configEndpoints(cm, entry.getValue(), n, ai);
        }
      }
    }
    List<String> argv = new ArrayList<>(list(command));
    argv.addAll(list(args));
    List<Integer> portNumbers = list(ports).stream().map(ContainerPort::getContainerPort).filter(java.util.Objects::nonNull).sorted().toList();
    return new ContainerDecl(n, kind, img, Redactor.command(argv), List.copyOf(envNames), List.copyOf(secretRefs),
        List.copyOf(cmRefs), portNumbers);
  }

  private void configEndpoints(String cm, List<String> found, String container, List<AiDeclaration> ai) {
    for (String text : found) {
      endpoints.match(text).ifPresent(m ->
          ai.add(new AiDeclaration(Source.CONFIGMAP_ENDPOINT, m.provider().id(), "configmap " + cm + ": " + m.evidence(), container)));
    }
  }

  /** The provider whose image repository this image reference is (registry, tag and digest aside). */
  Optional<Provider> imageProvider(String image) {
    String repo = repository(image);
    for (Provider p : catalogue.providers()) {
      for (String known : p.images()) {
        if (repo.equals(known) || repo.equals("docker.io/" + known) || repo.equals("docker.io/library/" + known)
            || repo.endsWith("/" + known) && known.contains("/")) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** "ghcr.io/x/y:1.2@sha256:.." -> "ghcr.io/x/y"; lower-cased. */
  static String repository(String image) {
    String s = image.toLowerCase(java.util.Locale.ROOT);
    int at = s.indexOf('@');
    if (at >= 0) s = s.substring(0, at);
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) s = s.substring(0, colon);
    return s;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
