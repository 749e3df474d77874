package dev.wraith.report;

import dev.wraith.model.EntryScript;
import dev.wraith.redact.Redactor;
import java.util.Optional;

/**
 * What both {@code wraith sensor} reporters share: entry-script hashes are shown only when the caller asks for them
 * (a hash identifies a file's exact content, more than most readers of a report need).
 */
abstract class SensorReporter extends RedactingReporter<SensorWindow> {
  private final boolean includeHashes;

  /** @param includeHashes whether entry scripts carry their sha256 */
  SensorReporter(String format, boolean includeHashes, Redactor redactor) {
    super(format, redactor);
    this.includeHashes = includeHashes;
  }

  /** The script's sha256 when hashes were asked for and the script has one. */
  final Optional<String> hash(EntryScript script) {
    return includeHashes && !script.sha256().isEmpty() ? Optional.of(script.sha256()) : Optional.empty();
  }
}
