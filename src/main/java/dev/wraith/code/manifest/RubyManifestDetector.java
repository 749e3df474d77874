package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import java.util.List;

/** {@code manifest/rubygems}: AI gems (exact names) in Gemfile, gems.rb, Gemfile.lock, gems.locked and *.gemspec. */
public final class RubyManifestDetector extends ManifestDetector {
  public RubyManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.RUBYGEMS, "manifest/rubygems", List.of(
        ManifestFormat.named(RubyManifests::lockfile, "Gemfile.lock", "gems.locked"),
        ManifestFormat.named(RubyManifests::gemfile, "Gemfile", "gems.rb"),
        ManifestFormat.ending(RubyManifests::gemspec, false, ".gemspec")));
  }
}
