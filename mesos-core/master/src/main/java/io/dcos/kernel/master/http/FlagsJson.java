package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.kernel.master.config.MasterProperties;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * The master's effective settings under Mesos's flag names, every value a string, as in the {@code
 * flags} object of {@code /master/state}. Durations use Mesos's text form ({@code 15secs}).
 */
public final class FlagsJson {
  private static final long[] UNIT_NANOS = {
    1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L, 86_400_000_000_000L
  };
  private static final String[] UNIT_NAMES = {"ns", "us", "ms", "secs", "mins", "hrs", "days"};

  private FlagsJson() {}

  public static ObjectNode of(MasterProperties p) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("zk", p.zk());
    m.put("ip", p.ip());
    m.put("port", Integer.toString(p.port()));
    m.put("grpc_port", Integer.toString(p.grpcPort()));
    m.put("hostname", p.advertisedHostname());
    m.put("cluster", p.cluster());
    m.put("domain_region", p.region());
    m.put("domain_zone", p.zone());
    m.put("zk_session_timeout", duration(p.zkSessionTimeout()));
    m.put("heartbeat_interval", duration(p.heartbeatInterval()));
    m.put("agent_ping_timeout", duration(p.agentPingTimeout()));
    m.put("agent_reregister_timeout", duration(p.agentReregisterTimeout()));
    m.put("default_refuse_seconds", duration(p.defaultRefuse()));
    m.put("max_completed_tasks_per_framework", Integer.toString(p.maxCompletedTasksPerFramework()));
    m.put("max_completed_frameworks", Integer.toString(p.maxCompletedFrameworks()));
    m.put("registry", "zk");
    return m;
  }

  /** Mesos's text form of a duration: the largest unit that keeps the value at least 1. */
  static String duration(Duration d) {
    long nanos = d.toNanos();
    int unit = 0;
    while (unit + 1 < UNIT_NANOS.length && Math.abs(nanos) >= UNIT_NANOS[unit + 1]) {
      unit++;
    }
    BigDecimal value =
        BigDecimal.valueOf(nanos)
            .divide(BigDecimal.valueOf(UNIT_NANOS[unit]), new MathContext(15))
            .stripTrailingZeros();
    return value.toPlainString() + UNIT_NAMES[unit];
  }
}
