package io.dcos.jobs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The distributed cron: Chronos and Metronome APIs over one job model, Quartz timers in PostgreSQL,
 * runs launched on the kernel by the elected instance.
 */
@SpringBootApplication
public class ChronosApplication {
  public static void main(String[] args) {
    SpringApplication.run(ChronosApplication.class, args);
  }
}
