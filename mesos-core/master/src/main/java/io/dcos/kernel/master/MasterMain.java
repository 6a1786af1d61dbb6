package io.dcos.kernel.master;

import io.dcos.kernel.model.CommandLineFlags;
import io.dcos.kernel.model.CommandLineFlags.Flag;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The master process: takes Mesos's flags, elects a leader through ZooKeeper, serves the cluster.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MasterMain {
  static final CommandLineFlags FLAGS =
      new CommandLineFlags(
          "mesos-master",
          List.of(
              new Flag("zk", "mesos.master.zk", "ZooKeeper URL, zk://host:port[,host:port]/path"),
              new Flag("ip", "mesos.master.ip", "address to listen on (default 127.0.0.1)"),
              new Flag("port", "mesos.master.port", "HTTP port (default 5050)"),
              new Flag("grpc_port", "mesos.master.grpc-port", "gRPC port (default 5060)"),
              new Flag("hostname", "mesos.master.hostname", "hostname to advertise"),
              new Flag("cluster", "mesos.master.cluster", "human readable cluster name"),
              new Flag(
                  "agent_ping_timeout",
                  "mesos.master.agent-ping-timeout",
                  "silence after which an agent is unreachable (default 15s)"),
              new Flag(
                  "heartbeat_interval",
                  "mesos.master.heartbeat-interval",
                  "how often agents and schedulers get heartbeats (default 5s)"),
              new Flag("domain_region", "mesos.master.region", "fault domain region"),
              new Flag("domain_zone", "mesos.master.zone", "fault domain zone")));

  public static void main(String[] args) {
    SpringApplication.run(MasterMain.class, FLAGS.toPropertiesOrExit(args));
  }
}
