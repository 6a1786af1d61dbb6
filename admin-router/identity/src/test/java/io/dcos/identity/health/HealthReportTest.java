package io.dcos.identity.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {
  @Test
  void aComponentAndANodeAreAsHealthyAsTheirWorstCheck() {
    HealthReport r =
        HealthReport.of(
            List.of(
                new HealthReport.Check("master", "10.0.0.1", "master", ComponentStatus.UP),
                new HealthReport.Check("dns", "10.0.0.1", "master", ComponentStatus.DOWN),
                new HealthReport.Check("master", "10.0.0.2", "master", ComponentStatus.UNHEALTHY)));
    assertThat(r.units()).extracting(HealthReport.Unit::id).containsExactly("master", "dns");
    assertThat(r.units())
        .extracting(HealthReport.Unit::status)
        .containsExactly(ComponentStatus.UNHEALTHY, ComponentStatus.DOWN);
    assertThat(r.nodes())
        .extracting(HealthReport.Node::status)
        .containsExactly(ComponentStatus.DOWN, ComponentStatus.UNHEALTHY);
  }

  @Test
  void onlyTwoHundredsAreUp() {
    assertThat(ComponentStatus.ofHttpStatus(204)).isEqualTo(ComponentStatus.UP);
    assertThat(ComponentStatus.ofHttpStatus(307)).isEqualTo(ComponentStatus.UNHEALTHY);
    assertThat(ComponentStatus.ofHttpStatus(503)).isEqualTo(ComponentStatus.UNHEALTHY);
  }

  @Test
  void noChecksIsAnEmptyReport() {
    assertThat(HealthReport.of(List.of()).units()).isEmpty();
  }
}
