package dev.wraith.report;

import dev.wraith.model.ClusterReport;
import java.io.IOException;
import java.io.OutputStream;

/** An output format for {@code wraith cluster}. Deterministic: the same report gives the same bytes. */
public interface ClusterReporter {
  /** The --format value that selects it. */
  String format();

  void write(ClusterReport report, OutputStream out) throws IOException;
}
