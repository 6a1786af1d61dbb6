package io.dcos.marathon.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.BackoffStrategy;
import io.dcos.marathon.core.model.PathId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LaunchQueueTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final LaunchDelays delays = new LaunchDelays(clock);
  private final LaunchQueue queue = new LaunchQueue(delays);
  private final AppDefinition app = AppDefinition.builder(PathId.parse("/web")).build();

  @Test
  void backoffGrowsByTheFactorAndIsCapped() {
    BackoffStrategy s = new BackoffStrategy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));
    assertThat(Duration.between(clock.now, delays.failed(app.id(), s).until())).hasSeconds(1);
    assertThat(Duration.between(clock.now, delays.failed(app.id(), s).until())).hasSeconds(2);
    assertThat(Duration.between(clock.now, delays.failed(app.id(), s).until())).hasSeconds(4);
    assertThat(Duration.between(clock.now, delays.failed(app.id(), s).until())).hasSeconds(5);
    assertThat(Duration.between(clock.now, delays.failed(app.id(), s).until())).hasSeconds(5);
    delays.reset(app.id());
    assertThat(delays.mayLaunch(app.id())).isTrue();
  }

  @Test
  void delayedAppsWaitAndShowTheirTimeLeft() {
    queue.set(app, 3);
    assertThat(queue.launchable()).containsEntry(app, 3);
    delays.failed(
        app.id(), new BackoffStrategy(Duration.ofSeconds(10), 1.15, Duration.ofSeconds(300)));
    assertThat(queue.launchable()).isEmpty();
    assertThat(queue.idle()).isTrue();
    QueueEntry entry = queue.entries().get(0);
    assertThat(entry.count()).isEqualTo(3);
    assertThat(entry.timeLeft()).isEqualTo(Duration.ofSeconds(10));
    assertThat(entry.overdue()).isFalse();
    clock.now = clock.now.plusSeconds(10);
    assertThat(queue.entries().get(0).overdue()).isTrue();
    assertThat(queue.launchable()).containsEntry(app, 3);
    queue.launched(app.id());
    queue.launched(app.id());
    queue.launched(app.id());
    assertThat(queue.empty()).isTrue();
  }
}
