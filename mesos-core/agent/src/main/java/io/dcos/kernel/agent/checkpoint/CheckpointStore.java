package io.dcos.kernel.agent.checkpoint;

import io.dcos.kernel.agent.containers.ContainerCheckpoint;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The agent's durable memory under {@code <work_dir>/meta}: its id, each framework's info, each
 * task's info, container and status-update log. Files are replaced atomically and logs are synced
 * before a write returns, so a kill -9 at any point loses nothing the agent has acted on.
 */
public final class CheckpointStore {
  private static final byte STATUS = 1;
  private static final byte ACK = 2;

  private final Path meta;

  /**
   * The framework infos known to be durable in this work dir, so that launching a task does not
   * rewrite and sync an unchanged framework.info on the way to TASK_STARTING.
   */
  private final Map<String, FrameworkInfo> savedFrameworks = new ConcurrentHashMap<>();

  public CheckpointStore(Path workDir) {
    this.meta = workDir.resolve("meta");
  }

  public Optional<String> agentId() {
    Path file = meta.resolve("agent.id");
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public void saveAgentId(String id) {
    writeAtomically(meta.resolve("agent.id"), id.getBytes(StandardCharsets.UTF_8));
  }

  /** Forgets everything, for an agent that the master refused (it must start anew). */
  public void clear() {
    savedFrameworks.clear();
    deleteTree(meta);
  }

  public void saveTask(FrameworkInfo framework, TaskInfo task, String containerId, Path sandbox) {
    String fid = framework.getId().getValue();
    Path fdir = frameworkDir(fid);
    if (!framework.equals(savedFrameworks.get(fid))) {
      writeAtomically(fdir.resolve("framework.info"), framework.toByteArray());
      savedFrameworks.put(fid, framework);
    }
    // One file (one sync) for the task and where it runs: it is on the path of every launch.
    Path tdir = taskDir(framework.getId().getValue(), task.getTaskId().getValue());
    Properties run = new Properties();
    run.setProperty("task_info", Base64.getEncoder().encodeToString(task.toByteArray()));
    run.setProperty("container_id", containerId);
    run.setProperty("sandbox", sandbox.toString());
    writeAtomically(tdir.resolve("run"), toBytes(run));
  }

  public void saveContainer(String frameworkId, String taskId, ContainerCheckpoint container) {
    Properties p = new Properties();
    p.setProperty("kind", container.kind());
    p.setProperty("container_id", container.containerId());
    p.setProperty("sandbox", container.sandbox().toString());
    container.fields().forEach((k, v) -> p.setProperty("field." + k, v));
    writeAtomically(taskDir(frameworkId, taskId).resolve("container"), toBytes(p));
  }

  /** Appends a status update to the task's log and syncs it. */
  public void appendStatus(String frameworkId, String taskId, TaskStatus status) {
    append(frameworkId, taskId, STATUS, status.toByteArray());
  }

  /** Appends the acknowledgement of the oldest pending update and syncs it. */
  public void appendAck(String frameworkId, String taskId, byte[] uuid) {
    append(frameworkId, taskId, ACK, uuid);
  }

  /** Removes a task whose last update is acknowledged; the framework too when it has no tasks. */
  public void removeTask(String frameworkId, String taskId) {
    deleteTree(taskDir(frameworkId, taskId));
    Path tasks = frameworkDir(frameworkId).resolve("tasks");
    try (Stream<Path> left = Files.exists(tasks) ? Files.list(tasks) : Stream.empty()) {
      if (left.findAny().isEmpty()) {
        savedFrameworks.remove(frameworkId);
        deleteTree(frameworkDir(frameworkId));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void removeFramework(String frameworkId) {
    savedFrameworks.remove(frameworkId);
    deleteTree(frameworkDir(frameworkId));
  }

  /** Reads every checkpointed task. */
  public List<TaskCheckpoint> recover() {
    List<TaskCheckpoint> result = new ArrayList<>();
    Path frameworks = meta.resolve("frameworks");
    if (!Files.isDirectory(frameworks)) {
      return result;
    }
    try (Stream<Path> fdirs = Files.list(frameworks)) {
      for (Path fdir : fdirs.toList()) {
        Path finfo = fdir.resolve("framework.info");
        if (!Files.exists(finfo)) {
          continue;
        }
        FrameworkInfo framework = FrameworkInfo.parseFrom(Files.readAllBytes(finfo));
        Path tasks = fdir.resolve("tasks");
        if (!Files.isDirectory(tasks)) {
          continue;
        }
        try (Stream<Path> tdirs = Files.list(tasks)) {
          for (Path tdir : tdirs.toList()) {
            recoverTask(framework, tdir).ifPresent(result::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the agent's checkpoint under " + meta, e);
    }
    return result;
  }

  private Optional<TaskCheckpoint> recoverTask(FrameworkInfo framework, Path tdir)
      throws IOException {
    if (!Files.exists(tdir.resolve("run"))) {
      return Optional.empty();
    }
    Properties run = read(tdir.resolve("run"));
    TaskInfo task =
        TaskInfo.parseFrom(Base64.getDecoder().decode(run.getProperty("task_info", "")));
    ContainerCheckpoint container = null;
    if (Files.exists(tdir.resolve("container"))) {
      Properties p = read(tdir.resolve("container"));
      Map<String, String> fields = new HashMap<>();
      p.stringPropertyNames().stream()
          .filter(k -> k.startsWith("field."))
          .forEach(k -> fields.put(k.substring("field.".length()), p.getProperty(k)));
      container =
          new ContainerCheckpoint(
              p.getProperty("kind"),
              p.getProperty("container_id"),
              Path.of(p.getProperty("sandbox")),
              Map.copyOf(fields));
    }
    List<TaskStatus> pending = new ArrayList<>();
    TaskStatus latest = null;
    Path log = tdir.resolve("updates");
    if (Files.exists(log)) {
      try (DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(log)))) {
        while (true) {
          byte type;
          byte[] body;
          try {
            type = in.readByte();
            body = new byte[in.readInt()];
            in.readFully(body);
          } catch (EOFException end) {
            break; // A record torn by a crash is ignored: it was never acted on.
          }
          if (type == STATUS) {
            latest = TaskStatus.parseFrom(body);
            pending.add(latest);
          } else if (type == ACK && !pending.isEmpty()) {
            pending.remove(0);
          }
        }
      }
    }
    return Optional.of(
        new TaskCheckpoint(
            framework,
            task,
            run.getProperty("container_id"),
            Path.of(run.getProperty("sandbox")),
            container,
            pending,
            latest));
  }

  private void append(String frameworkId, String taskId, byte type, byte[] body) {
    Path file = taskDir(frameworkId, taskId).resolve("updates");
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.allocate(5 + body.length);
        buf.put(type).putInt(body.length).put(body).flip();
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint a status update to " + file, e);
    }
  }

  private Path frameworkDir(String frameworkId) {
    return meta.resolve("frameworks").resolve(encode(frameworkId));
  }

  private Path taskDir(String frameworkId, String taskId) {
    return frameworkDir(frameworkId).resolve("tasks").resolve(encode(taskId));
  }

  static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  private static byte[] toBytes(Properties p) {
    try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      p.store(out, null);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties read(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p;
  }

  private static void writeAtomically(Path file, byte[] data) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp);
          FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        out.write(data);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint " + file, e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
