package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.protocol.Address;
import io.dcos.kernel.protocol.MasterInfo;
import org.junit.jupiter.api.Test;

/** The protocol-relative Location a standby sends clients to. */
class LeaderLocationTest {

  @Test
  void usesTheAdvertisedHostnameAndKeepsPathAndQuery() {
    MasterInfo leader =
        MasterInfo.newBuilder()
            .setPort(5050)
            .setAddress(
                Address.newBuilder().setHostname("m2.local").setIp("10.0.0.2").setPort(5050))
            .build();

    assertThat(LeaderLocation.of(leader, null, null)).isEqualTo("//m2.local:5050");
    assertThat(LeaderLocation.of(leader, "/master/tasks", "limit=5&order=asc"))
        .isEqualTo("//m2.local:5050/master/tasks?limit=5&order=asc");
  }

  @Test
  void fallsBackToTheIp() {
    MasterInfo leader =
        MasterInfo.newBuilder()
            .setPort(5051)
            .setAddress(Address.newBuilder().setIp("10.0.0.3"))
            .build();

    assertThat(LeaderLocation.of(leader, "/master/state", ""))
        .isEqualTo("//10.0.0.3:5051/master/state");
  }
}
