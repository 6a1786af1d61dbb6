package io.dcos.kernel.master.state;

import io.dcos.kernel.protocol.agent.MasterMessage;

/** The master's end of an agent's stream: what the master sends to that agent. */
public interface AgentLink {
  void send(MasterMessage message);

  /** Ends the stream (for example when the agent is refused or replaced by a newer stream). */
  void close(String reason);
}
