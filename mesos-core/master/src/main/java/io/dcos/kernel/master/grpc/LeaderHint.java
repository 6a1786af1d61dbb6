package io.dcos.kernel.master.grpc;

import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import java.util.Optional;

/** Tells a client refused by a standby where the leader is, if one is known. */
public final class LeaderHint {
  private final MasterDetector detector;

  public LeaderHint(MasterDetector detector) {
    this.detector = detector;
  }

  public String describe() {
    Optional<MasterInfo> leader = detector.leader();
    return leader
        .map(
            m ->
                "not the leading master; the leader is "
                    + m.getAddress().getIp()
                    + ":"
                    + m.getGrpcPort())
        .orElse("not the leading master; no leader is elected yet");
  }
}
