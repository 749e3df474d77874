package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The terminal view of scan-all lists every agent in its table: the rows add up to the summary's count. */
class InventoryTableReporterTest {
  @Test
  void theAgentsTableHasOneRowPerAgentGhostsIncluded() throws Exception {
    Inventory inv = SampleInventory.inventory();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InventoryTableReporter(160, Optional.empty(), Redactor.bundled()).write(inv, false, out);
    String text = out.toString(StandardCharsets.UTF_8);
    int summed = inv.summary().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(summed).isEqualTo(inv.agents().size()).isEqualTo(8);
    assertThat(text).contains("\nAgents (8)\n");
    List<String> table = Arrays.asList(text.substring(text.indexOf("\nAgents (8)\n") + 1).split("\n"));
    List<String> rows = table.subList(3, table.indexOf("")); // after the title, the header and its rule
    assertThat(rows).hasSize(8);
    for (InventoryAgent a : inv.agents()) {
      assertThat(rows).as(a.name()).anyMatch(r -> r.contains(" " + a.name() + " "));
    }
    assertThat(rows.get(0)).startsWith("GHOST ").contains("sync.py");
  }
}
