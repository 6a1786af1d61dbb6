package io.dcos.marathon.server.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Goal;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.placement.AgentPlace;
import io.dcos.marathon.server.store.InstanceRepository.StoredInstance;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts instances to and from the rows of the instance store (JSON documents). */
final class InstanceRecords {
  private final ObjectMapper mapper;

  InstanceRecords(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The stored shape of an instance. */
  record InstanceRow(
      String appId,
      String uuid,
      Instant appVersion,
      int incarnation,
      String agentId,
      String hostname,
      Map<String, String> attributes,
      String region,
      String zone,
      List<Integer> hostPorts,
      String condition,
      String goal,
      Boolean healthy,
      Instant stagedAt,
      Instant startedAt,
      Instant unreachableSince) {}

  StoredInstance toRow(Instance i) {
    AgentPlace a = i.agent();
    InstanceRow row =
        new InstanceRow(
            i.appId().toString(),
            i.id().uuid(),
            i.appVersion(),
            i.incarnation(),
            a.agentId(),
            a.hostname(),
            a.attributes(),
            a.region().orElse(null),
            a.zone().orElse(null),
            i.hostPorts(),
            i.condition().name(),
            i.goal().name(),
            i.healthy(),
            i.stagedAt(),
            i.startedAt(),
            i.unreachableSince());
    try {
      return new StoredInstance(
          i.id().toString(), i.appId().toString(), mapper.writeValueAsString(row));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  Instance fromRow(StoredInstance stored) {
    try {
      InstanceRow r = mapper.readValue(stored.stateJson(), InstanceRow.class);
      return new Instance(
          new InstanceId(PathId.parse(r.appId()), r.uuid()),
          r.appVersion(),
          r.incarnation(),
          new AgentPlace(
              r.agentId(),
              r.hostname(),
              r.attributes() == null ? Map.of() : r.attributes(),
              Optional.ofNullable(r.region()),
              Optional.ofNullable(r.zone())),
          r.hostPorts() == null ? List.of() : r.hostPorts(),
          Condition.valueOf(r.condition()),
          Goal.valueOf(r.goal()),
          r.healthy(),
          r.stagedAt(),
          r.startedAt(),
          r.unreachableSince());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
