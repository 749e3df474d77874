package dev.wraith.code.notebook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What .NET Interactive (Polyglot) notebooks write in C# and F# cells that is not C# or F#: magic commands
 * ({@code #!import config/Settings.cs}, {@code #!set}, {@code #!time}), assembly and package references
 * ({@code #r "nuget: Microsoft.SemanticKernel, 1.23.0"}) and source feeds ({@code #i "nuget: https://..."}), and a
 * first line {@code #!pwsh} that runs the whole cell in another kernel. The C# preprocessor ({@code #region},
 * {@code #if}, {@code #pragma}) is C# and stays.
 */
final class DotnetInteractive {
  /** A directive line: a magic command, or #r / #i with a quoted argument. */
  private static final Pattern DIRECTIVE = Pattern.compile("\\s*(?:#!\\S.*|#[ri]\\s*\".*)");
  /** {@code #r "nuget: Name[, version]"}: the package and its optional version. */
  private static final Pattern NUGET = Pattern.compile("\\s*#r\\s*\"nuget:\\s*([A-Za-z0-9_.-]{1,200})\\s*(?:,\\s*([^\"]{1,100}))?\\s*\"\\s*");
  /** A version that can stand in an XML attribute as written. */
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.*+\\-\\[\\](), ]*");
  /** Kernel names a first line {@code #!NAME} can switch a cell to, as file extensions. */
  private static final java.util.Map<String, String> KERNELS = java.util.Map.ofEntries(
      java.util.Map.entry("csharp", ".cs"), java.util.Map.entry("c#", ".cs"), java.util.Map.entry("fsharp", ".fs"),
      java.util.Map.entry("f#", ".fs"), java.util.Map.entry("pwsh", ".ps1"), java.util.Map.entry("powershell", ".ps1"),
      java.util.Map.entry("javascript", ".js"), java.util.Map.entry("js", ".js"), java.util.Map.entry("html", ".html"),
      java.util.Map.entry("markdown", ".md"), java.util.Map.entry("md", ".md"), java.util.Map.entry("sql", ".sql"),
      java.util.Map.entry("kql", ".kql"), java.util.Map.entry("mermaid", ".mmd"), java.util.Map.entry("python", ".py"));
  /** The notebook languages whose cells may hold these lines. */
  private static final Set<String> DOTNET = Set.of(".cs", ".fs", ".ps1");

  private DotnetInteractive() {}

  /** Whether cells of this extension are .NET Interactive's. */
  static boolean applies(String extension) {
    return DOTNET.contains(extension);
  }

  /** The kernel a cell's first line {@code #!NAME} switches it to, as a file extension; empty when it names none. */
  static Optional<String> kernel(NotebookReader.Cell cell) {
    String first = cell.text().stripLeading().lines().findFirst().orElse("").strip();
    if (!first.startsWith("#!")) return Optional.empty();
    return Optional.ofNullable(KERNELS.get(first.substring(2).toLowerCase(Locale.ROOT)));
  }

  /** A line of a C# or F# cell as its compiler sees it: a directive is an empty line. */
  static List<String> codeLine(String line) {
    return List.of(DIRECTIVE.matcher(line).matches() ? "" : line);
  }

  /** A {@code #r "nuget: ..."} line as an MSBuild package reference; nothing for any other line. */
  static List<String> packageReference(String line) {
    Matcher m = NUGET.matcher(line);
    if (!m.matches()) return List.of();
    String version = m.group(2) == null ? "" : m.group(2).strip();
    if (!VERSION.matcher(version).matches()) version = "";
    return List.of("<PackageReference Include=\"" + m.group(1) + "\"" + (version.isEmpty() ? "" : " Version=\"" + version + "\"") + " />");
  }
}
