package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  @Test
  void parsesAfterTheLastParenSoCommMayHoldSpacesAndParens() {
    ProcStat s = ProcStat.parse("8836 (my (evil) cmd) R 8829 8829 2221 0 -1 4194304 102 0 0 0 0 0 0 0 20 0 1 0 21457 3133440 100");
    assertThat(s.ppid()).isEqualTo(8829);
    assertThat(s.startTicks()).isEqualTo(21457);
    assertThat(s.pgrp()).isEqualTo(8829);
    assertThat(s.session()).isEqualTo(2221);
  }

  @Test
  void statusGivesUidAndNsPids() {
    ProcStatus s = ProcStatus.parse("Name:\tpython3\nPPid:\t8829\nUid:\t1000\t1000\t1000\t1000\nNSpid:\t48211\t57\n", 48211);
    assertThat(s.uid()).isEqualTo(1000);
    assertThat(s.nsPids()).containsExactly(48211, 57);
    assertThat(ProcStatus.parse("Uid:\t0\t0\t0\t0\n", 7).nsPids()).containsExactly(7);
  }
}
