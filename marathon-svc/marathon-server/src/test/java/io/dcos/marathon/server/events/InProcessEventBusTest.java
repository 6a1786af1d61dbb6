package io.dcos.marathon.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static MarathonEvent event(int i) {
    return new Events.AppTerminatedEvent("/app-" + i, T);
  }

  @Test
  void everySubscriberGetsEveryEventInOrder() {
    InProcessEventBus bus = new InProcessEventBus(executor, 1000);
    List<MarathonEvent> a = new CopyOnWriteArrayList<>();
    List<MarathonEvent> b = new CopyOnWriteArrayList<>();
    bus.subscribe(a::add, () -> {});
    bus.subscribe(b::add, () -> {});
    List<MarathonEvent> sent =
        IntStream.range(0, 500).mapToObj(InProcessEventBusTest::event).toList();
    sent.forEach(bus::publish);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.size() == 500 && b.size() == 500);
    assertThat(a).containsExactlyElementsOf(sent);
    assertThat(b).containsExactlyElementsOf(sent);
  }

  @Test
  void aSlowSubscriberIsDroppedWithoutBlockingThePublisherOrOthers() throws Exception {
    InProcessEventBus bus = new InProcessEventBus(executor, 16);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean overflowed = new AtomicBoolean();
    bus.subscribe(
        e -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
        },
        () -> overflowed.set(true));
    List<MarathonEvent> fast = new CopyOnWriteArrayList<>();
    bus.subscribe(fast::add, () -> {});
    for (int i = 0; i < 100; i++) {
      bus.publish(event(i));
      if (i % 10 == 9) {
        // The fast subscriber keeps up; only the stuck one overflows.
        int expected = i + 1;
        await().atMost(Duration.ofSeconds(5)).until(() -> fast.size() == expected);
      }
    }
    await().atMost(Duration.ofSeconds(5)).untilTrue(overflowed);
    assertThat(bus.subscribers()).isEqualTo(1);
    assertThat(fast).hasSize(100);
    release.countDown();
  }

  @Test
  void closingASubscriptionStopsDelivery() {
    InProcessEventBus bus = new InProcessEventBus(executor, 100);
    List<MarathonEvent> got = new CopyOnWriteArrayList<>();
    EventBus.Subscription s = bus.subscribe(got::add, () -> {});
    bus.publish(event(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 1);
    s.close();
    bus.publish(event(2));
    assertThat(bus.subscribers()).isZero();
    assertThat(got).hasSize(1);
  }
}
