package io.dcos.dns.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSchemeTest {
  static final ClusterSnapshot.Agent AGENT = new ClusterSnapshot.Agent("a1", "10.0.0.11");
  static final ClusterSnapshot.Framework MARATHON =
      new ClusterSnapshot.Framework("f1", "marathon", "10.0.0.5");

  static ClusterSnapshot.Task task(String name, boolean running, List<String> ips) {
    return new ClusterSnapshot.Task(
        name + "-id",
        name,
        "f1",
        "a1",
        running,
        ips,
        List.of(
            new ClusterSnapshot.Port(31000, "http", "tcp"),
            new ClusterSnapshot.Port(31001, "", "udp")));
  }

  static ClusterSnapshot snapshot(ClusterSnapshot.Task... tasks) {
    ClusterSnapshot.Master m1 = new ClusterSnapshot.Master("10.0.0.1", 5050);
    ClusterSnapshot.Master m2 = new ClusterSnapshot.Master("10.0.0.2", 5050);
    return new ClusterSnapshot(
        List.of(m1, m2), Optional.of(m2), List.of(AGENT), List.of(MARATHON), List.of(tasks));
  }

  final RecordSet records =
      new NameScheme("mesos.")
          .build(
              snapshot(
                  task("web", true, List.of()),
                  task("db", true, List.of("172.17.0.2", "fd00::2")),
                  task("staging", false, List.of())));

  @ParameterizedTest
  @CsvSource({
    "web.marathon.mesos, 10.0.0.11",
    "web.marathon.slave.mesos, 10.0.0.11",
    "db.marathon.mesos, 172.17.0.2",
    "db.marathon.slave.mesos, 10.0.0.11",
    "marathon.mesos, 10.0.0.5",
    "leader.mesos, 10.0.0.2",
    "master1.mesos, 10.0.0.1",
    "master2.mesos, 10.0.0.2",
    "slave.mesos, 10.0.0.11",
    "agent.mesos, 10.0.0.11",
  })
  void addressRecords(String name, String ip) {
    assertThat(records.a(name)).containsExactly(ip);
  }

  @Test
  void allMastersAndIpv6() {
    assertThat(records.a("master.mesos")).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(records.aaaa("db.marathon.mesos")).containsExactly("fd00::2");
    assertThat(records.aaaa("web.marathon.mesos")).isEmpty();
  }

  @Test
  void srvForEveryPortAndTheLeader() {
    assertThat(records.srv("_web._tcp.marathon.mesos"))
        .containsExactly(new Srv("web.marathon.slave.mesos", 31000));
    assertThat(records.srv("_web._udp.marathon.mesos"))
        .containsExactly(new Srv("web.marathon.slave.mesos", 31001));
    assertThat(records.srv("_http._web._tcp.marathon.mesos"))
        .containsExactly(new Srv("web.marathon.slave.mesos", 31000));
    assertThat(records.srv("_leader._tcp.mesos")).containsExactly(new Srv("leader.mesos", 5050));
  }

  @Test
  void onlyRunningTasksArePublished() {
    assertThat(records.exists("staging.marathon.mesos")).isFalse();
    assertThat(records.exists("_staging._tcp.marathon.mesos")).isFalse();
  }

  @Test
  void namesAreCleaned() {
    RecordSet r =
        new NameScheme("mesos")
            .build(
                new ClusterSnapshot(
                    List.of(),
                    Optional.empty(),
                    List.of(AGENT),
                    List.of(new ClusterSnapshot.Framework("f1", "My_Frame.work", "")),
                    List.of(task("api.v2_Web!", true, List.of()))));
    assertThat(r.a("api-v2web.myframe.work.mesos")).containsExactly("10.0.0.11");
  }

  @Test
  void aMarathonAppInAGroupAnswersUnderBothTheMesosDnsAndTheDcosName() {
    RecordSet r = new NameScheme("mesos").build(snapshot(task("myapp.mygroup", true, List.of())));
    assertThat(r.a("myapp-mygroup.marathon.mesos")).containsExactly("10.0.0.11");
    assertThat(r.a("myapp.mygroup.marathon.mesos")).containsExactly("10.0.0.11");
    assertThat(r.srv("_myapp.mygroup._tcp.marathon.mesos"))
        .containsExactly(new Srv("myapp.mygroup.marathon.slave.mesos", 31000));
    assertThat(r.srv("_myapp-mygroup._tcp.marathon.mesos"))
        .containsExactly(new Srv("myapp-mygroup.marathon.slave.mesos", 31000));
    assertThat(r.exists("mygroup.marathon.mesos")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "web, web",
    "Web.Server, web-server",
    "-a_b*c-, abc",
    "my app, myapp",
    "'', ''",
  })
  void labelCleaning(String raw, String clean) {
    assertThat(Labels.clean(raw)).isEqualTo(clean);
  }

  @Test
  void labelsAreCutTo63() {
    assertThat(Labels.clean("x".repeat(80))).hasSize(63);
  }
}
