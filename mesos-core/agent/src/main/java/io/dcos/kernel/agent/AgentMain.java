package io.dcos.kernel.agent;

import io.dcos.kernel.model.CommandLineFlags;
import io.dcos.kernel.model.CommandLineFlags.Flag;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The agent process: takes Mesos's flags, registers with the leading master, runs tasks. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AgentMain {
  static final CommandLineFlags FLAGS =
      new CommandLineFlags(
          "mesos-agent",
          List.of(
              new Flag("master", "mesos.agent.master", "zk://host:port/path of the masters"),
              new Flag("ip", "mesos.agent.ip", "address to listen on and advertise"),
              new Flag("port", "mesos.agent.port", "HTTP port (default 5051)"),
              new Flag("hostname", "mesos.agent.hostname", "hostname to advertise"),
              new Flag(
                  "work_dir", "mesos.agent.work-dir", "directory for sandboxes and checkpoints"),
              new Flag(
                  "resources",
                  "mesos.agent.resources",
                  "resources to offer, e.g. cpus:4;mem:4096;ports:[31000-32000];cpus(db):1"),
              new Flag("attributes", "mesos.agent.attributes", "attributes, e.g. rack:r1;zone:a"),
              new Flag("domain_region", "mesos.agent.region", "fault domain region"),
              new Flag("domain_zone", "mesos.agent.zone", "fault domain zone"),
              new Flag(
                  "containerizers", "mesos.agent.containerizers", "mesos,docker (default both)"),
              new Flag("cgroups_root", "mesos.agent.cgroups-root", "cgroup path for tasks"),
              new Flag("docker_socket", "mesos.agent.docker-socket", "Docker engine socket")));

  public static void main(String[] args) {
    SpringApplication.run(AgentMain.class, FLAGS.toPropertiesOrExit(args));
  }
}
