package dev.wraith.correlate;

import dev.wraith.catalogue.KnownApp;
import dev.wraith.model.AiDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * Recognises third-party AI the user did not write: catalogue known apps (by image repository, by the workload's
 * name or the app declarations the cluster layer made, by command line) and the user's allow-list. A workload's
 * image and name speak for its own processes only; an exec'd or node process is recognised by its command line or
 * its path on the allow-list.
 */
final class KnownSoftware {
  private final List<KnownApp> apps;
  private final AllowList allow;

  KnownSoftware(List<KnownApp> apps, AllowList allow) {
    this.apps = apps;
    this.allow = allow;
  }

  /** Why this subject is shadow AI, or empty when it is not recognised. */
  Optional<String> recognise(RuntimeSubject s) {
    Optional<AllowList.Entry> allowed = allow.process(s.paths());
    if (s.isWorkloadItself()) {
      if (allowed.isEmpty()) allowed = allow.image(s.place().image());
      if (allowed.isEmpty()) allowed = s.place().workload().flatMap(w -> allow.workload(w.namespace(), w.name()));
    }
    if (allowed.isPresent()) {
      AllowList.Entry e = allowed.get();
      return Optional.of("On the allow-list (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.value() + ")"
          + (e.note().isEmpty() ? "" : ": " + e.note()));
    }
    for (KnownApp app : apps) {
      Optional<String> why = appMatch(app, s);
      if (why.isPresent()) return Optional.of("Runs " + app.name() + ", a known third-party AI "
          + (app.kind() == KnownApp.Kind.MCP_SERVER ? "MCP server" : "app") + " (" + why.get() + ")");
    }
    return Optional.empty();
  }

  private static Optional<String> appMatch(KnownApp app, RuntimeSubject s) {
    if (s.isWorkloadItself()) {
      if (app.imageMatch(s.place().image()).isPresent()) return Optional.of("image " + s.place().image());
      Optional<AiDeclaration> decl = s.workload().flatMap(w -> w.ai().stream().filter(d -> d.provider().equals(app.id())).findFirst());
      if (decl.isPresent()) return Optional.of(decl.get().evidence());
      if (s.place().workload().map(w -> w.name().equals(app.id())).orElse(false)) return Optional.of("workload name " + app.id());
    }
    return s.process().flatMap(p -> app.commandMatch(p.argv())).map(hit -> "command " + hit); // argv was redacted by its layer
  }
}
