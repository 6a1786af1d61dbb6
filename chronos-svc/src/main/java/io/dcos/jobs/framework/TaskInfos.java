package io.dcos.jobs.framework;

import io.dcos.jobs.engine.Placement;
import io.dcos.jobs.model.RunSpec;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.Environment;
import io.dcos.kernel.protocol.Label;
import io.dcos.kernel.protocol.Labels;
import io.dcos.kernel.protocol.Parameter;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.Volume;
import java.util.Map;

/** Converts a {@link Placement} into the kernel's {@link TaskInfo}. */
final class TaskInfos {
  private TaskInfos() {}

  static TaskInfo of(Placement p, String role) {
    RunSpec spec = p.spec();
    Resources resources =
        Resources.builder()
            .scalar("cpus", spec.cpus())
            .scalar("mem", spec.mem())
            .scalar("disk", spec.disk())
            .build();
    CommandInfo.Builder cmd = CommandInfo.newBuilder();
    if (!spec.args().isEmpty() && spec.cmd().isEmpty()) {
      cmd.setShell(false).setValue(spec.args().get(0)).addAllArguments(spec.args());
    } else {
      String line = spec.cmd();
      if (!p.run().arguments().isEmpty()) {
        line = line + " " + p.run().arguments();
      }
      cmd.setShell(spec.shell()).setValue(line);
      if (!spec.shell()) {
        cmd.addArguments(line);
      }
    }
    Environment.Builder env = Environment.newBuilder();
    for (Map.Entry<String, String> e : spec.env().entrySet()) {
      env.addVariables(
          Environment.Variable.newBuilder().setName(e.getKey()).setValue(e.getValue()));
    }
    env.addVariables(var("CHRONOS_JOB_NAME", p.jobId()));
    env.addVariables(var("METRONOME_JOB_ID", p.jobId()));
    env.addVariables(var("METRONOME_JOB_RUN_ID", p.run().id()));
    cmd.setEnvironment(env);
    if (!spec.user().isEmpty()) {
      cmd.setUser(spec.user());
    }
    for (RunSpec.Artifact a : spec.artifacts()) {
      cmd.addUris(
          CommandInfo.URI
              .newBuilder()
              .setValue(a.uri())
              .setExtract(a.extract())
              .setExecutable(a.executable())
              .setCache(a.cache()));
    }
    TaskInfo.Builder task =
        TaskInfo.newBuilder()
            .setName(p.jobId())
            .setTaskId(TaskID.newBuilder().setValue(p.taskId()))
            .setAgentId(AgentID.newBuilder().setValue(p.agentId()))
            .addAllResources(ResourceConverter.toProto(resources, role))
            .setCommand(cmd)
            .setLabels(
                Labels.newBuilder()
                    .addLabels(Label.newBuilder().setKey("jobId").setValue(p.jobId()))
                    .addLabels(Label.newBuilder().setKey("runId").setValue(p.run().id())));
    if (spec.docker() != null && !spec.docker().image().isBlank()) {
      ContainerInfo.DockerInfo.Builder docker =
          ContainerInfo.DockerInfo.newBuilder()
              .setImage(spec.docker().image())
              .setForcePullImage(spec.docker().forcePullImage())
              .setPrivileged(spec.docker().privileged())
              .setNetwork(ContainerInfo.DockerInfo.Network.HOST);
      spec.docker()
          .parameters()
          .forEach((k, v) -> docker.addParameters(Parameter.newBuilder().setKey(k).setValue(v)));
      ContainerInfo.Builder container =
          ContainerInfo.newBuilder().setType(ContainerInfo.Type.DOCKER).setDocker(docker);
      for (RunSpec.Volume v : spec.volumes()) {
        container.addVolumes(
            Volume.newBuilder()
                .setContainerPath(v.containerPath())
                .setHostPath(v.hostPath())
                .setMode(v.mode() == RunSpec.Volume.Mode.RO ? Volume.Mode.RO : Volume.Mode.RW));
      }
      task.setContainer(container);
    }
    return task.build();
  }

  private static Environment.Variable var(String name, String value) {
    return Environment.Variable.newBuilder().setName(name).setValue(value).build();
  }
}
