package dev.wraith.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes beside warnings: informational, never a reason for PARTIAL; a status recorded before notes existed reads back. */
class LayerStatusTest {
  @Test
  void notesDoNotMakeALayerPartial() {
    LayerStatus s = LayerStatus.ran("host", List.of()).withNotes(List.of("eBPF probe: 3 connects"));
    assertThat(s.state()).isEqualTo(LayerStatus.State.RAN);
    assertThat(s.reason()).isEmpty();
    assertThat(s.warnings()).isEmpty();
    assertThat(s.notes()).containsExactly("eBPF probe: 3 connects");
  }

  @Test
  void aStatusWrittenWithoutNotesReadsBackWithNone() throws Exception {
    LayerStatus s = new ObjectMapper().readValue("{\"layer\":\"host\",\"state\":\"PARTIAL\",\"reason\":\"r\",\"warnings\":[\"r\"]}",
        LayerStatus.class);
    assertThat(s).isEqualTo(new LayerStatus("host", LayerStatus.State.PARTIAL, "r", List.of("r")));
    assertThat(s.notes()).isEmpty();
  }
}
