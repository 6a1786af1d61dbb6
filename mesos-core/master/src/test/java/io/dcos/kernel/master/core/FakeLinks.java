package io.dcos.kernel.master.core;

import io.dcos.kernel.master.state.AgentLink;
import io.dcos.kernel.master.state.FrameworkLink;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.scheduler.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Hand-written stream ends that record what the master sends. */
final class FakeLinks {
  private FakeLinks() {}

  static final class Agent implements AgentLink {
    final List<MasterMessage> received = new CopyOnWriteArrayList<>();
    volatile String closed;

    @Override
    public void send(MasterMessage message) {
      received.add(message);
    }

    @Override
    public void close(String reason) {
      closed = reason;
    }

    long count(Predicate<MasterMessage> p) {
      return received.stream().filter(p).count();
    }

    MasterMessage last(Predicate<MasterMessage> p) {
      return received.stream().filter(p).reduce((a, b) -> b).orElseThrow();
    }
  }

  static final class Framework implements FrameworkLink {
    final List<Event> received = new CopyOnWriteArrayList<>();
    volatile String failed;

    @Override
    public void send(Event event) {
      received.add(event);
    }

    @Override
    public void fail(String message) {
      failed = message;
    }

    long count(Event.Type type) {
      return received.stream().filter(e -> e.getType() == type).count();
    }

    Event last(Event.Type type) {
      return received.stream().filter(e -> e.getType() == type).reduce((a, b) -> b).orElseThrow();
    }

    boolean hasUpdate(Predicate<io.dcos.kernel.protocol.TaskStatus> p) {
      return received.stream()
          .anyMatch(e -> e.getType() == Event.Type.UPDATE && p.test(e.getUpdate().getStatus()));
    }
  }
}
