package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import java.util.List;

/**
 * {@code manifest/nuget}: AI packages of .NET projects (NuGet ids, case-insensitive, otherwise exact) in
 * {@code *.csproj}, {@code *.fsproj}, {@code *.vbproj}, {@code Directory.Packages.props} (central versions),
 * {@code Directory.Build.props}/{@code .targets}, {@code packages.config} and {@code packages.lock.json}.
 */
public final class NugetManifestDetector extends ManifestDetector {
  public NugetManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.NUGET, "manifest/nuget", List.of(
        ManifestFormat.named(NugetLock::parse, "packages.lock.json"),
        ManifestFormat.ending(MsBuildXml::parse, true, ".csproj", ".fsproj", ".vbproj"),
        ManifestFormat.named(MsBuildXml::parse, "Directory.Packages.props", "Directory.Build.props", "Directory.Build.targets",
            "packages.config")));
  }
}
