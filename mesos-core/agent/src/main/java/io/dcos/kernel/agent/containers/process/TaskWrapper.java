package io.dcos.kernel.agent.containers.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tiny shell program every task runs under. Started through {@code setsid} it leads the task's
 * session and process group, so the task outlives the agent. It joins the container's cgroups
 * before the task starts (so no task byte escapes accounting), ignores SIGTERM itself while the
 * task gets the default disposition back, waits for the task and records its exit status
 * (128+signal when a signal ended it) in the run directory. Only shell builtins are used after the
 * start, so a task's odd PATH cannot break the recording.
 */
final class TaskWrapper {
  static final String SCRIPT =
      String.join(
          "\n",
          "run_dir=$1; procs=$2; shift 2",
          "set -f",
          "if [ -n \"$procs\" ]; then",
          "  IFS=:",
          "  for f in $procs; do",
          "    if ! echo $$ > \"$f\"; then",
          "      echo \"cannot join cgroup $f\" >&2",
          "      echo 125 > \"$run_dir/exit_status\"",
          "      exit 125",
          "    fi",
          "  done",
          "  unset IFS",
          "fi",
          "trap '' TERM",
          "( trap - TERM; exec \"$@\" ) </dev/null &",
          "wait $!",
          "rc=$?",
          "echo \"$rc\" > \"$run_dir/exit_status\"",
          "exit $rc");

  private TaskWrapper() {}

  /** The full command line: setsid, the wrapper with its arguments, then the task's argv. */
  static List<String> commandLine(
      Path setsid, Path shell, RunDirectory runDir, List<Path> procsFiles, List<String> taskArgv) {
    List<String> argv = new ArrayList<>();
    argv.add(setsid.toString());
    argv.add(shell.toString());
    argv.add("-c");
    argv.add(SCRIPT);
    argv.add("mesos-task-wrapper");
    argv.add(runDir.path().toString());
    argv.add(procsFiles.stream().map(Path::toString).collect(Collectors.joining(":")));
    argv.addAll(taskArgv);
    return argv;
  }
}
