package io.dcos.kernel.master.state;

import io.dcos.kernel.protocol.scheduler.Event;

/** The master's end of a framework's scheduler stream. */
public interface FrameworkLink {
  void send(Event event);

  /** Sends an ERROR event and ends the stream. */
  void fail(String message);
}
