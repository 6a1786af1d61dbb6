package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.kernel.master.core.ClusterFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code flags} of /master/state: Mesos flag names and Mesos's duration text. */
class FlagsJsonTest {

  @Test
  void durationsReadAsMesosWritesThem() {
    assertThat(FlagsJson.duration(Duration.ofSeconds(15))).isEqualTo("15secs");
    assertThat(FlagsJson.duration(Duration.ofMinutes(2))).isEqualTo("2mins");
    assertThat(FlagsJson.duration(Duration.ofSeconds(90))).isEqualTo("1.5mins");
    assertThat(FlagsJson.duration(Duration.ofMillis(100))).isEqualTo("100ms");
    assertThat(FlagsJson.duration(Duration.ofDays(7))).isEqualTo("7days");
    assertThat(FlagsJson.duration(Duration.ZERO)).isEqualTo("0ns");
  }

  @Test
  void everyFlagIsAString() {
    JsonNode flags = FlagsJson.of(ClusterFixture.PROPERTIES);

    assertThat(flags.path("zk").asText()).isEqualTo("zk://127.0.0.1:2181/mesos");
    assertThat(flags.path("hostname").asText()).isEqualTo("127.0.0.1");
    assertThat(flags.path("agent_reregister_timeout").asText()).isEqualTo("2mins");
    flags.forEach(v -> assertThat(v.isTextual()).isTrue());
  }
}
