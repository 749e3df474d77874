package dev.wraith.code.notebook;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.CodeScanner;
import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.code.TriggerIndex;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.ModelUse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code notebook/cells}: Jupyter notebooks ({@code .ipynb}). The code cells of each language are joined into one
 * virtual source file (so an import in the first cell resolves a call in the tenth) and handed to the detector that
 * reads that language's files, through its ordinary {@link FileDetector#detect} entry point; every location it
 * reports is then moved to the line of the notebook's JSON that holds the code. IPython magics and shell escapes
 * ({@code %time}, {@code !ls}) become empty lines; cells run by a non-Python cell magic ({@code %%bash}) are not
 * Python. {@code %pip install} and {@code !pip install} lines are read as requirements by the detector of
 * requirements files, so they become {@code dependency} findings; so do a .NET Interactive notebook's
 * {@code #r "nuget: ..."} lines, read as a project file's package references ({@link DotnetInteractive}). Outputs are
 * never read.
 */
public final class NotebookDetector extends PathDetector {
  /** Cell magics whose body is still Python. */
  private static final java.util.regex.Pattern HELP = java.util.regex.Pattern.compile("[\\w.]+\\?\\??");
  private static final Set<String> PYTHON_CELL_MAGICS = Set.of("capture", "time", "timeit", "prun", "debug", "memit", "mprun");

  private final Catalogue catalogue;
  private final List<FileDetector> delegates;
  /** Built on the first notebook that needs one: most trees hold no notebook. */
  private final Map<Ecosystem, TriggerIndex> triggers = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code delegates}: the detectors that read source and requirements files; the first that accepts a name reads it. */
  public NotebookDetector(Catalogue catalogue, List<FileDetector> delegates) {
    super("notebook/cells", path -> path.endsWith(".ipynb"));
    this.catalogue = catalogue;
    this.delegates = List.copyOf(delegates);
  }

  @Override
  public Detection detect(SourceFile file) {
    String text = file.text();
    String json = text.startsWith("\uFEFF") ? " " + text.substring(1) : text; // a space keeps every offset where it is
    NotebookReader.Notebook nb;
    try {
      nb = NotebookReader.read(json);
    } catch (IOException | RuntimeException e) { // Jackson's messages quote the input: say where, not what
      return Detection.warning(file.path() + ": not a readable notebook (invalid JSON); not scanned");
    }
    Map<String, CellText> byExtension = new LinkedHashMap<>();
    CellText installs = new CellText(json);
    CellText nugets = new CellText(json);
    nugets.synthetic("<Project><ItemGroup>");
    for (NotebookReader.Cell cell : nb.cells()) {
      String ext = nb.extensionOf(cell);
      if (DotnetInteractive.applies(ext)) {
        ext = DotnetInteractive.kernel(cell).orElse(ext);
        nugets.add(cell, DotnetInteractive::packageReference);
      }
      if (DotnetInteractive.applies(ext)) byExtension.computeIfAbsent(ext, k -> new CellText(json)).add(cell, DotnetInteractive::codeLine);
      else if (!ext.equals(".py")) byExtension.computeIfAbsent(ext, k -> new CellText(json)).add(cell, List::of);
      else if (isPython(cell)) byExtension.computeIfAbsent(ext, k -> new CellText(json)).add(cell, NotebookDetector::pythonLine);
      installs.add(cell, PipInstall::requirements);
    }
    List<Detection> parts = new ArrayList<>();
    byExtension.forEach((ext, cells) -> delegate(file.path(), "cells" + ext, cells, true).ifPresent(parts::add));
    delegate(file.path(), "requirements.txt", installs, false).ifPresent(parts::add);
    if (nugets.lines() > 1) {
      nugets.synthetic("</ItemGroup></Project>");
      delegate(file.path(), "cells.csproj", nugets, false).ifPresent(parts::add);
    }
    return merge(parts).withEncodingWarning(file);
  }

  /** Runs the detector that reads {@code name} over the virtual file, and moves its findings into the notebook. */
  private Optional<Detection> delegate(String path, String name, CellText cells, boolean prefilter) {
    if (cells.isEmpty()) return Optional.empty();
    String virtual = path + "/" + name;
    Optional<FileDetector> d = delegates.stream().filter(x -> x.accepts(virtual)).findFirst();
    if (d.isEmpty()) return Optional.empty();
    byte[] bytes = cells.text().getBytes(StandardCharsets.UTF_8);
    Optional<Ecosystem> eco = d.get().triggerEcosystem();
    if (prefilter && eco.isPresent() && !triggers.computeIfAbsent(eco.get(), this::index).anyIn(bytes, bytes.length)) {
      return Optional.empty();
    }
    Detection found = d.get().detect(new SourceFile(virtual, bytes));
    return Optional.of(remap(found, path, virtual, cells));
  }

  private static Detection remap(Detection d, String path, String virtual, CellText cells) {
    List<Finding> findings = new ArrayList<>();
    for (Finding f : d.findings()) findings.add(f.withLocation(cells.map(path, f.location().line(), f.location().column())));
    List<ModelUse> models = new ArrayList<>();
    for (ModelUse m : d.models()) models.add(new ModelUse(cells.map(path, m.location().line(), m.location().column()), m.model(), m.parameters()));
    List<String> warnings = d.warnings().stream().map(w -> w.replace(virtual, path))
        .filter(w -> !w.endsWith("not valid UTF-8; undecodable bytes were replaced")).toList();
    return new Detection(findings, List.<Deployment>of(), models, warnings);
  }

  private static Detection merge(List<Detection> parts) {
    List<Finding> findings = new ArrayList<>();
    List<ModelUse> models = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Detection p : parts) {
      findings.addAll(p.findings());
      models.addAll(p.models());
      warnings.addAll(p.warnings());
    }
    return new Detection(findings, List.of(), models, warnings);
  }

  /** A Python cell, unless its first line is a cell magic that runs another language ({@code %%bash}, {@code %%html}). */
  private static boolean isPython(NotebookReader.Cell cell) {
    String text = cell.text().stripLeading();
    if (!text.startsWith("%%")) return true;
    String magic = text.substring(2).split("\\s", 2)[0];
    if (magic.equals("writefile")) return text.lines().findFirst().orElse("").trim().endsWith(".py");
    return PYTHON_CELL_MAGICS.contains(magic);
  }

  /** A line of a Python cell as Python sees it: magics, shell escapes and help requests ({@code obj?}) are blank. */
  private static List<String> pythonLine(String line) {
    String t = line.strip();
    if (t.startsWith("%") || t.startsWith("!") || HELP.matcher(t).matches()) return List.of("");
    return List.of(line);
  }

  private TriggerIndex index(Ecosystem e) {
    return TriggerIndex.of(CodeScanner.triggerTokens(catalogue, e));
  }
}
