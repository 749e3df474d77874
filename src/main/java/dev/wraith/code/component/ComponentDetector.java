package dev.wraith.code.component;

import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.model.Finding;
import dev.wraith.model.Location;
import dev.wraith.model.ModelUse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code component/script}: Vue ({@code .vue}), Svelte ({@code .svelte}) and Astro ({@code .astro}) components.
 * Their {@code <script>} blocks ({@code <script setup>}, {@code lang="ts"}, Svelte's module script) and Astro's
 * frontmatter are handed to the JavaScript or TypeScript detector through its ordinary {@link FileDetector#detect}
 * entry point, as one virtual file in which everything else (template, styles) is blanked to spaces. Lines and
 * columns therefore stay those of the component, and only the path is put back. {@code <script src=...>} and
 * scripts of other types (JSON-LD, templates) are not code of this component.
 */
public final class ComponentDetector extends PathDetector {
  private final List<FileDetector> delegates;

  /** {@code delegates}: the source detectors; the first that accepts {@code NAME.js} or {@code NAME.ts} reads the scripts. */
  public ComponentDetector(List<FileDetector> delegates) {
    super("component/script", path -> path.endsWith(".vue") || path.endsWith(".svelte") || path.endsWith(".astro"));
    this.delegates = List.copyOf(delegates);
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.NPM);
  }

  @Override
  public Detection detect(SourceFile file) {
    ScriptBlocks blocks = ScriptBlocks.of(file.text(), file.path().endsWith(".astro"));
    if (blocks.isEmpty()) return Detection.EMPTY.withEncodingWarning(file);
    String virtual = file.path() + "/component" + blocks.extension();
    Optional<FileDetector> d = delegates.stream().filter(x -> x.accepts(virtual)).findFirst();
    if (d.isEmpty()) return Detection.EMPTY;
    Detection found = d.get().detect(new SourceFile(virtual, blocks.text().getBytes(StandardCharsets.UTF_8)));
    List<Finding> findings = found.findings().stream().map(f -> f.withLocation(at(file.path(), f.location()))).toList();
    List<ModelUse> models = found.models().stream().map(m -> new ModelUse(at(file.path(), m.location()), m.model(), m.parameters())).toList();
    List<String> warnings = found.warnings().stream().map(w -> w.replace(virtual, file.path())).toList();
    return new Detection(findings, List.of(), models, warnings).withEncodingWarning(file);
  }

  private static Location at(String path, Location l) {
    return new Location(path, l.line(), l.column());
  }
}
