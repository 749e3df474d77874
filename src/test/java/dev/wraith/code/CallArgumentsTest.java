package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallArgumentsTest {
  @Test
  void namedArgumentsTakeNoPositionAndTheFirstOfARepeatedNameWins() {
    CallArguments args = new CallArguments();
    args.positional("a");
    args.named("model", "m1");
    args.positional("3");
    args.named("model", "m2");
    assertThat(args.map()).containsExactly(Map.entry("#0", "a"), Map.entry("model", "m1"), Map.entry("#1", "3"));
  }

  @Test
  void eachListCountsFromZeroIntoASharedMapAndAPositionalReplacesItsKey() {
    Map<String, String> shared = new LinkedHashMap<>();
    CallArguments first = new CallArguments(shared);
    first.named("#1", "spelled");
    first.positional("x");
    CallArguments second = new CallArguments(shared);
    second.positional("y");
    second.positional("z");
    assertThat(second.map()).isSameAs(shared)
        .containsExactly(Map.entry("#1", "z"), Map.entry("#0", "y"));
  }
}
