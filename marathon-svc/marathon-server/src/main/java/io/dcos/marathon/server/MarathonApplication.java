package io.dcos.marathon.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** marathon-svc: keeps long-running services running and serves the Marathon v2 API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarathonApplication {
  public static void main(String[] args) {
    SpringApplication.run(MarathonApplication.class, args);
  }
}
