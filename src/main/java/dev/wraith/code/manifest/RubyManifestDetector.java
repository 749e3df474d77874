package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.SourceFile;
import java.util.List;

/** {@code manifest/rubygems}: AI gems (exact names) in Gemfile, gems.rb, Gemfile.lock, gems.locked and *.gemspec. */
public final class RubyManifestDetector extends ManifestDetector {
  public RubyManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.RUBYGEMS);
  }

  @Override
  public String id() {
    return "manifest/rubygems";
  }

  @Override
  public boolean accepts(String path) {
    String name = fileName(path);
    return name.equals("Gemfile") || name.equals("gems.rb") || name.equals("Gemfile.lock") || name.equals("gems.locked")
        || name.endsWith(".gemspec");
  }

  @Override
  List<Dependency> parse(SourceFile file) {
    String text = text(file);
    return switch (file.name()) {
      case "Gemfile.lock", "gems.locked" -> RubyManifests.lockfile(text);
      case "Gemfile", "gems.rb" -> RubyManifests.gemfile(text);
      default -> RubyManifests.gemspec(text);
    };
  }
}
