package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows written from the documented format (kernel proc_net_tcp.rst); the hex values were computed by hand. */
class TcpTableTest {
  @Test
  void decodesLittleEndianIpv4RowsWithStateUidAndInode() {
    List<TcpRow> rows = TcpTable.parse("""
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 00000000:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 734512 1 0000000000000000 100 0 0 10 0
           1: 1701F40A:C822 0A684FA0:01BB 01 00000000:00000000 02:000009C4 00000000  1000        0 734980 2 0000000000000000 20 4 30 10 -1
        garbage line
        """);
    assertThat(rows).hasSize(2);
    TcpRow listen = rows.get(0);
    assertThat(listen.state()).isEqualTo(TcpRow.LISTEN);
    assertThat(listen.localPort()).isEqualTo(8000);
    TcpRow conn = rows.get(1);
    assertThat(conn.localIp().getHostAddress()).isEqualTo("10.244.1.23");
    assertThat(conn.localPort()).isEqualTo(51234);
    assertThat(conn.remoteIp().getHostAddress()).isEqualTo("160.79.104.10");
    assertThat(conn.remotePort()).isEqualTo(443);
    assertThat(conn.isOpenConnection()).isTrue();
    assertThat(conn.uid()).isEqualTo(1000);
    assertThat(conn.inode()).isEqualTo(734980);
  }

  @Test
  void decodesIpv6AndMapsIpv4MappedAddressesToIpv4() throws Exception {
    assertThat(TcpTable.address("C06B0726000000000000000010000000").getHostAddress()).isEqualTo("2607:6bc0:0:0:0:0:0:10");
    assertThat(TcpTable.address("00000000000000000000000001000000").isLoopbackAddress()).isTrue();
    assertThat(TcpTable.address("0000000000000000FFFF000014694FA0").getHostAddress()).isEqualTo("160.79.105.20");
  }

  @Test
  void timeWaitRowsHaveNoOwner() {
    TcpRow r = TcpTable.parseRow("   2: 0100007F:9C40 0100007F:4A9B 06 00000000:00000000 03:00000C5B 00000000     0        0 0 3 0000000000000000");
    assertThat(r.state()).isEqualTo(TcpRow.TIME_WAIT);
    assertThat(r.inode()).isZero();
    assertThat(r.isOpenConnection()).isFalse();
    assertThat(r.remotePort()).isEqualTo(19099);
  }
}
