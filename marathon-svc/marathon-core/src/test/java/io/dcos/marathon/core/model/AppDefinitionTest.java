package io.dcos.marathon.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppDefinitionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void defaultsAreMarathons() {
    AppDefinition app = AppDefinition.builder(PathId.parse("/a")).cmd("sleep 1").build();
    assertThat(app.instances()).isEqualTo(1);
    assertThat(app.cpus()).isEqualTo(1.0);
    assertThat(app.mem()).isEqualTo(128.0);
    assertThat(app.disk()).isZero();
    assertThat(app.gpus()).isZero();
    assertThat(app.portDefinitions()).containsExactly(PortDefinition.defaultPort());
    assertThat(app.requirePorts()).isFalse();
    assertThat(app.backoffStrategy().backoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(app.backoffStrategy().factor()).isEqualTo(1.15);
    assertThat(app.backoffStrategy().maxLaunchDelay()).isEqualTo(Duration.ofSeconds(300));
    assertThat(app.upgradeStrategy()).isEqualTo(new UpgradeStrategy(1.0, 1.0));
    assertThat(app.killSelection()).isEqualTo(KillSelection.YOUNGEST_FIRST);
    assertThat(app.unreachableStrategy()).isEqualTo(UnreachableStrategy.DEFAULT);
    assertThat(app.networks()).containsExactly(Network.HOST);
    assertThat(app.executor()).isEmpty();
  }

  @Test
  void scalingIsNotAnUpgradeButAnyOtherChangeOrARestartIs() {
    AppDefinition app =
        AppDefinition.builder(PathId.parse("/a"))
            .cmd("sleep 1")
            .versionInfo(VersionInfo.initial(T0))
            .build();
    Instant t1 = T0.plusSeconds(1);
    AppDefinition scaled =
        app.toBuilder().instances(5).versionInfo(app.versionInfo().scaledAt(t1)).build();
    assertThat(app.isUpgrade(scaled)).isFalse();
    assertThat(app.isUpgrade(app.toBuilder().cmd("sleep 2").build())).isTrue();
    assertThat(app.isUpgrade(app.withVersionInfo(app.versionInfo().configChangedAt(t1)))).isTrue();
  }

  @Test
  void upgradeStrategyCountsRoundUp() {
    UpgradeStrategy s = new UpgradeStrategy(0.5, 0.1);
    assertThat(s.minimumHealthy(3)).isEqualTo(2);
    assertThat(s.maximumExtra(3)).isEqualTo(1);
  }

  @Test
  void backoffGrowsByTheFactorUpToTheMaximum() {
    BackoffStrategy b = new BackoffStrategy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));
    assertThat(List.of(0, 1, 2, 3, 4).stream().map(b::delayAfter).toList())
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));
  }
}
