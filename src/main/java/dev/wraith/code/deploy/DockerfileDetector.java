package dev.wraith.code.deploy;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Signature;
import dev.wraith.code.Detection;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.Location;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/dockerfile}: the image a Dockerfile builds, as one deployment at its final {@code FROM}: base
 * images (the final stage's first), the command it runs (ENTRYPOINT+CMD, masked), its ENV names, the files of
 * the tree it runs (traced through WORKDIR, COPY and {@code COPY --from}) and the AI packages RUN installs.
 * ENV and ARG names the catalogue knows, and AI endpoints in their values, are findings.
 */
public final class DockerfileDetector extends PathDetector {
  private static final Pattern INSTALL = Pattern.compile(
      "(?:\\bpip3?|\\buv\\s+pip|\\bpython3?\\s+-m\\s+pip)\\s+install\\s+([^&;|\\n]*)"
          + "|\\b(?:npm\\s+(?:i|install|add)|yarn\\s+add|pnpm\\s+(?:add|i|install)|poetry\\s+add|uv\\s+add)\\s+([^&;|\\n]*)");

  /** An upper-case instruction at a line start: prose that happens to begin with "Run" is not one. */
  private static final Pattern INSTRUCTION_LINE = Pattern.compile(
      "(?m)^[ \\t]*+(?:RUN|CMD|ENTRYPOINT|COPY|ADD|WORKDIR|EXPOSE|USER|HEALTHCHECK|ONBUILD|STOPSIGNAL|SHELL)[ \\t]");

  private final DeployRules rules;
  private final Set<String> aiPackages = new HashSet<>();

  public DockerfileDetector(Catalogue catalogue) {
    super("deploy/dockerfile", path -> isDockerfileName(path.substring(path.lastIndexOf('/') + 1)));
    this.rules = DeployRules.of(catalogue);
    for (Signature s : catalogue.signatures()) s.packages().forEach(p -> aiPackages.add(p.toLowerCase(Locale.ROOT)));
  }

  /** Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile (any case of the first letter). */
  static boolean isDockerfileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("dockerfile") || n.startsWith("dockerfile.") || n.endsWith(".dockerfile") || n.equals("containerfile")
        || n.startsWith("containerfile.");
  }

  @Override
  public Detection detect(SourceFile file) {
    AiDeclarations ai = rules.declarations(file.path());
    List<DockerfileLexer.Instruction> instructions = DockerfileLexer.lex(file.text());
    DockerBuild build = DockerBuild.read(instructions, (name, value, line) -> {
      ai.envName(name, line);
      ai.value(value, line);
    });
    Optional<DockerStage> last = build.finalStage();
    if (last.isEmpty()) { // Dockerfile.md and friends are quiet; a file of instructions without FROM is worth a word
      boolean looksLikeOne = INSTRUCTION_LINE.matcher(file.text()).find();
      return new Detection(ai.findings(), List.of(), List.of(),
          looksLikeOne ? List.of(file.path() + ": Dockerfile instructions but no FROM; no image identity") : List.of());
    }
    return new Detection(ai.findings(), List.of(deployment(file.path(), build, last.get(), ai)), List.of(), List.of());
  }

  private Deployment deployment(String path, DockerBuild build, DockerStage stage, AiDeclarations ai) {
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    Set<String> images = new LinkedHashSet<>();
    images.add(stage.rootImage());
    for (DockerStage s : build.stages) if (s.parent == null) images.add(s.base);
    // a shell form joined from continuation lines reads as written on one line: one space between words
    List<String> argv = rules.redactor().argv(stage.command()).stream().map(a -> a.strip().replaceAll("\\s+", " ")).toList();
    ScriptSources sources = new ScriptSources(build, dir);
    Set<String> scripts = new LinkedHashSet<>();
    for (String s : CommandScripts.of(argv)) sources.source(stage.absolute(s), stage).ifPresent(scripts::add);
    TreeMap<String, String> attrs = new TreeMap<>();
    if (!stage.alias.isEmpty()) attrs.put("stage", stage.alias);
    attrs.put("workdir", stage.workdir);
    attrs.put("context", dir.isEmpty() ? "." : dir);
    Set<String> packages = packages(build);
    if (!packages.isEmpty()) attrs.put("aiPackages", String.join(",", packages));
    String providers = ai.imageProviders(images);
    if (!providers.isEmpty()) attrs.put("imageProviders", providers);
    String name = !stage.alias.isEmpty() ? stage.alias : dir.isEmpty() ? "." : dir.substring(dir.lastIndexOf('/') + 1);
    return new Deployment(DeploymentKind.DOCKERFILE, new Location(path, stage.fromLine, 0), name, "image", "",
        List.copyOf(images), argv.isEmpty() ? List.of() : List.of(String.join(" ", argv)), List.copyOf(stage.env),
        List.copyOf(scripts), List.of(), attrs);
  }

  /** AI packages (exact catalogue names) that RUN lines install with pip, uv, poetry, npm, yarn or pnpm. */
  private Set<String> packages(DockerBuild build) {
    Set<String> out = new LinkedHashSet<>();
    for (DockerStage s : build.stages) {
      for (String run : s.runs) {
        Matcher m = INSTALL.matcher(run.replace("\\\n", " "));
        while (m.find()) {
          String args = m.group(1) != null ? m.group(1) : m.group(2);
          for (String w : args.trim().split("\\s+", -1)) {
            String pkg = packageName(w);
            if (aiPackages.contains(pkg)) out.add(pkg);
          }
        }
      }
    }
    return out;
  }

  /** {@code "openai==1.2"}, {@code langchain[all]>=0.2}, {@code @scope/pkg@1.0} → the bare, lower-case name. */
  private static String packageName(String word) {
    String w = word.replaceAll("^[\"']|[\"']$", "");
    if (w.startsWith("-")) return "";
    if (w.startsWith("@")) {
      int at = w.indexOf('@', 1);
      return (at < 0 ? w : w.substring(0, at)).toLowerCase(Locale.ROOT);
    }
    return w.split("[\\[=<>~!;@ ]", 2)[0].toLowerCase(Locale.ROOT);
  }
}
