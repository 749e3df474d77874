package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplerTest {
  @Test
  void tcpCountersAreTheOpenCloseFingerprintOfANamespace() {
    String snmp = """
        Ip: Forwarding DefaultTTL
        Ip: 1 64
        Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs
        Tcp: 1 200 120000 -1 88 54 4 12 2 5768 4656
        Udp: InDatagrams
        Udp: 3
        """;
    assertThat(Sampler.tcpCounters(snmp)).isEqualTo("88 54 4 12 2");
    assertThat(Sampler.tcpCounters("garbage")).isEmpty();
  }

  @Test
  void withoutAnAiConnectionOnlyNewOutgoingConnectionsCallForAFreshTable() {
    // ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab
    assertThat(Sampler.unchanged("88 54 4 12 2", "88 54 4 12 2", true)).isTrue();
    assertThat(Sampler.unchanged("88 54 4 12 2", "88 60 4 13 5", false)).as("inbound and closes").isTrue();
    assertThat(Sampler.unchanged("88 54 4 12 2", "88 60 4 13 5", true)).as("may be the AI connection's end").isFalse();
    assertThat(Sampler.unchanged("88 54 4 12 2", "89 54 4 12 2", false)).as("a connect()").isFalse();
    assertThat(Sampler.unchanged("88 54 4 12 2", "88 54 5 12 2", false)).as("a failed connect()").isFalse();
  }
}
