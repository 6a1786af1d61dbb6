package io.dcos.jobs.config;

import io.dcos.jobs.api.chronos.ChronosConverter;
import io.dcos.jobs.api.metronome.MetronomeConverter;
import io.dcos.jobs.engine.ClaimAhead;
import io.dcos.jobs.engine.FireLateness;
import io.dcos.jobs.engine.JobCatalog;
import io.dcos.jobs.engine.JobEngine;
import io.dcos.jobs.engine.JobHistory;
import io.dcos.jobs.framework.JobsFramework;
import io.dcos.jobs.leader.LeaderProxyFilter;
import io.dcos.jobs.leader.LeaderView;
import io.dcos.jobs.leader.Leadership;
import io.dcos.jobs.planner.RunPlanner;
import io.dcos.jobs.quartz.QuartzScheduleTimer;
import io.dcos.jobs.store.FrameworkIdRepository;
import io.dcos.jobs.store.JobRepository;
import io.dcos.jobs.store.RunRepository;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the distributed cron: stores on PostgreSQL, Quartz timers, the engine, the framework and
 * the leader election. Nothing runs jobs until this instance is elected: then Quartz starts firing
 * and the framework subscribes; on losing leadership both stop.
 */
@Configuration
@EnableConfigurationProperties(ChronosProperties.class)
public class ChronosConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(ChronosConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  JobRepository jobRepository(JdbcTemplate jdbc) {
    return new JobRepository(jdbc);
  }

  @Bean
  RunRepository runRepository(JdbcTemplate jdbc) {
    return new RunRepository(jdbc);
  }

  @Bean
  FrameworkIdRepository frameworkIdRepository(JdbcTemplate jdbc) {
    return new FrameworkIdRepository(jdbc);
  }

  @Bean
  QuartzScheduleTimer scheduleTimer(Scheduler quartz) {
    QuartzScheduleTimer timer = new QuartzScheduleTimer(quartz);
    timer.registerFireJob();
    return timer;
  }

  /** Lateness of the most recent scheduled fires (due time to launch call and to running). */
  @Bean
  FireLateness fireLateness() {
    return new FireLateness(10_000);
  }

  @Bean(destroyMethod = "close")
  JobEngine jobEngine(
      JobRepository jobs,
      RunRepository runs,
      TransactionTemplate tx,
      QuartzScheduleTimer timer,
      Clock clock,
      ChronosProperties p,
      FireLateness lateness) {
    return new JobEngine(
        jobs,
        runs,
        tx,
        new RunPlanner(clock, p.disableAfterFailures()),
        timer,
        new ClaimAhead(p.claimAhead()),
        lateness);
  }

  @Bean
  JobCatalog jobCatalog(
      JobRepository jobs,
      RunRepository runs,
      QuartzScheduleTimer timer,
      TransactionTemplate tx,
      Clock clock,
      JobEngine engine,
      ChronosProperties p) {
    return new JobCatalog(jobs, runs, timer, tx, clock, engine, new ClaimAhead(p.claimAhead()));
  }

  @Bean
  JobHistory jobHistory(JobRepository jobs, RunRepository runs, ChronosProperties p) {
    return new JobHistory(jobs, runs, p.historyLimit());
  }

  @Bean
  MetronomeConverter metronomeConverter(ChronosProperties p) {
    return new MetronomeConverter(p.retryDelay());
  }

  @Bean
  ChronosConverter chronosConverter(ChronosProperties p) {
    return new ChronosConverter(p.retryDelay(), p.defaultEpsilon());
  }

  @Bean(destroyMethod = "close")
  JobsFramework jobsFramework(ChronosProperties p, JobEngine engine, FrameworkIdRepository ids) {
    return new JobsFramework(
        new JobsFramework.Settings(
            p.masterZk(),
            p.frameworkName(),
            p.user(),
            p.role(),
            p.failoverTimeout(),
            p.declineRefuse()),
        engine,
        ids);
  }

  @Bean(destroyMethod = "close")
  CuratorFramework electionCurator(ChronosProperties p) {
    ZooKeeperUrl url = ZooKeeperUrl.parse(p.zk());
    CuratorFramework c =
        CuratorFrameworkFactory.builder()
            .connectString(url.connectString())
            .sessionTimeoutMs((int) p.zkSessionTimeout().toMillis())
            .connectionTimeoutMs((int) Math.min(15_000, p.zkSessionTimeout().toMillis()))
            .retryPolicy(new ExponentialBackoffRetry(200, 10, 5_000))
            .build();
    c.start();
    return c;
  }

  /** The election; joined once the web server listens, so the advertised port is known. */
  @Bean(destroyMethod = "close")
  ElectedServices electedServices(
      CuratorFramework electionCurator,
      ChronosProperties p,
      JobsFramework framework,
      JobEngine engine,
      Scheduler quartz) {
    return new ElectedServices(electionCurator, p, framework, engine, quartz);
  }

  @Bean
  ApplicationListener<WebServerInitializedEvent> joinElection(ElectedServices elected) {
    return event -> {
      if (event.getApplicationContext().getServerNamespace() == null) {
        elected.join(event.getWebServer().getPort());
      }
    };
  }

  @Bean
  FilterRegistrationBean<LeaderProxyFilter> leaderProxy(ElectedServices elected) {
    FilterRegistrationBean<LeaderProxyFilter> bean =
        new FilterRegistrationBean<>(new LeaderProxyFilter(elected::isLeader, elected::leader));
    bean.addUrlPatterns("/*");
    return bean;
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService historyPruner(JobEngine engine, ChronosProperties p) {
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chronos-history-pruner");
              t.setDaemon(true);
              return t;
            });
    long period = p.historyPruneInterval().toMillis();
    s.scheduleAtFixedRate(
        () -> {
          try {
            if (engine.leading()) {
              int n = engine.pruneHistory(p.historyRetention());
              if (n > 0) {
                LOG.info("pruned {} finished runs older than {}", n, p.historyRetention());
              }
            }
          } catch (RuntimeException e) {
            LOG.warn("history pruning failed: {}", e.getMessage());
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
    return s;
  }

  /** Starts and stops what only the leader runs: Quartz firing and the framework. */
  public static final class ElectedServices implements LeaderView, AutoCloseable {
    private final CuratorFramework curator;
    private final ChronosProperties p;
    private final JobsFramework framework;
    private final JobEngine engine;
    private final Scheduler quartz;
    private volatile Leadership leadership;
    private final Leadership.Listener listener;

    ElectedServices(
        CuratorFramework curator,
        ChronosProperties p,
        JobsFramework framework,
        JobEngine engine,
        Scheduler quartz) {
      this.curator = curator;
      this.p = p;
      this.framework = framework;
      this.engine = engine;
      this.quartz = quartz;
      this.listener =
          new Leadership.Listener() {
            @Override
            public void lead() {
              framework.start();
              try {
                quartz.start();
              } catch (SchedulerException e) {
                LOG.error("Quartz did not start", e);
              }
            }

            @Override
            public void lose() {
              try {
                quartz.standby();
              } catch (SchedulerException e) {
                LOG.error("Quartz did not stop", e);
              }
              framework.close();
              engine.stepDown();
            }
          };
    }

    @Override
    public boolean isLeader() {
      Leadership l = leadership;
      return l != null && l.isLeader();
    }

    @Override
    public Optional<String> leader() {
      Leadership l = leadership;
      return l == null ? Optional.empty() : l.leader();
    }

    synchronized void join(int port) {
      if (leadership != null) {
        return;
      }
      leadership =
          new Leadership(
              curator,
              ZooKeeperUrl.parse(p.zk()).path() + "/leader",
              p.hostname() + ":" + port,
              listener);
      leadership.start();
    }

    @Override
    public void close() {
      Leadership l = leadership;
      if (l != null) {
        l.close();
      }
    }
  }
}
