package dev.wraith.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void anIpv6LiteralIsBracketedSoItsColonsAreNotThePorts() {
    assertThat(new HostPort("2606:4700::6810:84e5", 443)).hasToString("[2606:4700::6810:84e5]:443");
    assertThat(new HostPort("162.159.140.245", 443)).hasToString("162.159.140.245:443");
    assertThat(new HostPort("db.internal", 5432)).hasToString("db.internal:5432");
    assertThat(HostPort.bracketed("::1")).isEqualTo("[::1]");
    assertThat(HostPort.bracketed("localhost")).isEqualTo("localhost");
  }
}
