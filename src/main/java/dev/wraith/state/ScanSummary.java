package dev.wraith.state;

import dev.wraith.model.Classification;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded scan as {@code wraith history} lists it.
 *
 * @param id increasing in recording order
 * @param summary agents per class, every class present
 * @param risk agents per risk level, every level present
 */
public record ScanSummary(long id, Instant time, String toolVersion, String catalogueVersion, List<String> roots,
    List<LayerStatus> layers, Map<Classification, Integer> summary, Map<Risk, Integer> risk, int mcpServers) {
  public ScanSummary {
    roots = List.copyOf(roots);
    layers = List.copyOf(layers);
    summary = java.util.Collections.unmodifiableMap(new EnumMap<>(summary));
    risk = java.util.Collections.unmodifiableMap(new EnumMap<>(risk));
  }
}
