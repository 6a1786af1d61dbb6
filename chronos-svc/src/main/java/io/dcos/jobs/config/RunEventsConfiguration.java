package io.dcos.jobs.config;

import io.dcos.jobs.engine.JobEngine;
import io.dcos.jobs.engine.RunDeadlineWatch;
import io.dcos.jobs.notify.HttpNotifier;
import io.dcos.jobs.store.JobRepository;
import io.dcos.jobs.store.RunReasonRepository;
import io.dcos.jobs.store.RunRepository;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires what reacts to runs beside the engine: failure notifications over HTTP (only when {@code
 * chronos.notification.http-url} is set) and the watch that stops runs over their time limits.
 */
@Configuration
@EnableConfigurationProperties({NotificationProperties.class, RunLimitProperties.class})
public class RunEventsConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(RunEventsConfiguration.class);

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${chronos.notification.http-url:}'.isBlank()")
  HttpNotifier httpNotifier(NotificationProperties p, JobEngine engine) {
    HttpNotifier notifier =
        new HttpNotifier(
            URI.create(p.httpUrl()),
            p.httpCredentials(),
            p.clusterName(),
            p.timeout(),
            p.queueCapacity());
    engine.onRunFailed(notifier);
    return notifier;
  }

  @Bean
  RunReasonRepository runReasonRepository(JdbcTemplate jdbc) {
    return new RunReasonRepository(jdbc);
  }

  @Bean
  RunDeadlineWatch runDeadlineWatch(
      JobEngine engine,
      RunRepository runs,
      JobRepository jobs,
      RunReasonRepository reasons,
      Clock clock,
      RunLimitProperties p) {
    return new RunDeadlineWatch(engine, runs, jobs, reasons, clock, p.retryStopAfter());
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService runDeadlineChecker(RunDeadlineWatch watch, RunLimitProperties p) {
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chronos-run-limits");
              t.setDaemon(true);
              return t;
            });
    long period = p.checkInterval().toMillis();
    s.scheduleWithFixedDelay(
        () -> {
          try {
            watch.check();
          } catch (RuntimeException e) {
            LOG.warn("checking run limits failed: {}", e.getMessage());
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
    return s;
  }
}
