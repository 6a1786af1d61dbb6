package io.dcos.marathon.server.events;

import io.dcos.marathon.server.config.EventsProperties;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event bus and the clock every component shares. */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService eventDeliveryExecutor() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, "event-delivery-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  @Bean
  InProcessEventBus eventBus(ExecutorService eventDeliveryExecutor, EventsProperties props) {
    return new InProcessEventBus(eventDeliveryExecutor, props.bufferSize());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
