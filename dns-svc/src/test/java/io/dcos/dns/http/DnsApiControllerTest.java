package io.dcos.dns.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.dns.config.DnsProperties;
import io.dcos.dns.records.ClusterSnapshot;
import io.dcos.dns.records.NameScheme;
import io.dcos.dns.resolver.RecordStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsApiControllerTest {
  final DnsProperties properties =
      new DnsProperties(
          "mesos",
          Duration.ofSeconds(60),
          "127.0.0.1",
          61053,
          8123,
          "zk://127.0.0.1:2181/mesos",
          Duration.ofSeconds(10),
          List.of(),
          Duration.ofSeconds(5),
          1232,
          "",
          "root.ns1",
          2,
          Duration.ofMillis(500));

  final DnsApiController api =
      new DnsApiController(
          new RecordStore(
              new NameScheme("mesos")
                  .build(
                      new ClusterSnapshot(
                          List.of(),
                          Optional.empty(),
                          List.of(new ClusterSnapshot.Agent("a1", "10.0.0.11")),
                          List.of(new ClusterSnapshot.Framework("f1", "marathon", "")),
                          List.of(
                              new ClusterSnapshot.Task(
                                  "t1",
                                  "web",
                                  "f1",
                                  "a1",
                                  true,
                                  List.of(),
                                  List.of(new ClusterSnapshot.Port(31000, "", "tcp"))))))),
          properties);

  @Test
  void hosts() {
    assertThat(api.hosts("web.marathon.mesos."))
        .containsExactly(new DnsApiController.HostEntry("web.marathon.mesos.", "10.0.0.11"));
    assertThat(api.hosts("nope.mesos")).containsExactly(new DnsApiController.HostEntry("", ""));
  }

  @Test
  void servicesAndHostPorts() {
    DnsApiController.ServiceEntry entry =
        new DnsApiController.ServiceEntry(
            "_web._tcp.marathon.mesos.", "web.marathon.slave.mesos.", "10.0.0.11", "31000");
    assertThat(api.services("_web._tcp.marathon.mesos")).containsExactly(entry);
    assertThat(api.hostPorts("web.marathon.slave.mesos")).containsExactly(entry);
    assertThat(api.services("_nope._tcp.marathon.mesos"))
        .containsExactly(new DnsApiController.ServiceEntry("", "", "", ""));
  }

  @Test
  void enumerateVersionAndConfig() {
    Map<String, Object> all = api.enumerate();
    assertThat(all.get("domain")).isEqualTo("mesos");
    assertThat(((Map<?, ?>) all.get("records")).keySet().stream().map(Object::toString))
        .contains("web.marathon.mesos.", "_web._tcp.marathon.mesos.", "slave.mesos.");
    assertThat(api.version()).containsEntry("Service", "dns-svc");
    assertThat(api.config()).isSameAs(properties);
  }
}
