package io.dcos.dns;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The service discovery DNS: Mesos-DNS names for everything on the cluster. */
@SpringBootApplication
public class DnsServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(DnsServiceApplication.class, args);
  }
}
