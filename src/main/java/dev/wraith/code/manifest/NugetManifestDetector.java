package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.SourceFile;
import java.util.List;
import java.util.Locale;

/**
 * {@code manifest/nuget}: AI packages of .NET projects (NuGet ids, case-insensitive, otherwise exact) in
 * {@code *.csproj}, {@code *.fsproj}, {@code *.vbproj}, {@code Directory.Packages.props} (central versions),
 * {@code Directory.Build.props}/{@code .targets}, {@code packages.config} and {@code packages.lock.json}.
 */
public final class NugetManifestDetector extends ManifestDetector {
  public NugetManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.NUGET);
  }

  @Override
  public String id() {
    return "manifest/nuget";
  }

  @Override
  public boolean accepts(String path) {
    String name = fileName(path);
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csproj") || lower.endsWith(".fsproj") || lower.endsWith(".vbproj")
        || name.equals("Directory.Packages.props") || name.equals("Directory.Build.props") || name.equals("Directory.Build.targets")
        || name.equals("packages.config") || name.equals("packages.lock.json");
  }

  @Override
  List<Dependency> parse(SourceFile file) throws MalformedManifestException {
    String text = text(file);
    return file.name().equals("packages.lock.json") ? NugetLock.parse(text) : MsBuildXml.parse(text);
  }
}
