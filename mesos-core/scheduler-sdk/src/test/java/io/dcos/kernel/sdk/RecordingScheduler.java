package io.dcos.kernel.sdk;

import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskStatus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link Scheduler} that records what it hears, and the threads it hears it on. */
final class RecordingScheduler implements Scheduler {
  final List<String> log = new CopyOnWriteArrayList<>();
  final List<FrameworkID> subscriptions = new CopyOnWriteArrayList<>();
  final List<MasterInfo> masters = new CopyOnWriteArrayList<>();
  final List<Offer> offers = new CopyOnWriteArrayList<>();
  final List<TaskStatus> updates = new CopyOnWriteArrayList<>();
  final List<String> errors = new CopyOnWriteArrayList<>();
  final Set<String> threads = ConcurrentHashMap.newKeySet();
  volatile Consumer<TaskStatus> onUpdate = s -> {};

  private void heard(String what) {
    threads.add(Thread.currentThread().getName());
    log.add(what);
  }

  @Override
  public void subscribed(FrameworkID frameworkId, MasterInfo master) {
    heard("subscribed " + frameworkId.getValue() + " at " + master.getId());
    subscriptions.add(frameworkId);
    masters.add(master);
  }

  @Override
  public void offers(List<Offer> received) {
    heard("offers " + received.size());
    offers.addAll(received);
  }

  @Override
  public void rescinded(OfferID offerId) {
    heard("rescinded " + offerId.getValue());
  }

  @Override
  public void update(TaskStatus status) {
    heard("update " + status.getTaskId().getValue() + " " + status.getState());
    updates.add(status);
    onUpdate.accept(status);
  }

  @Override
  public void error(String message) {
    heard("error " + message);
    errors.add(message);
  }

  @Override
  public void disconnected(String reason) {
    heard("disconnected");
  }

  long count(String prefix) {
    return log.stream().filter(l -> l.startsWith(prefix)).count();
  }
}
