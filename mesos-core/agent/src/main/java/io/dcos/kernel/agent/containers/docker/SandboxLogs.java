package io.dcos.kernel.agent.containers.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a container's log stream into {@code sandbox/stdout} and {@code sandbox/stderr}. The
 * stream is followed from the container's first byte, so the files are rewritten from the start and
 * hold the complete logs even after a re-attach.
 */
final class SandboxLogs extends ResultCallback.Adapter<Frame> {
  private final OutputStream stdout;
  private final OutputStream stderr;

  SandboxLogs(Path sandbox) {
    try {
      this.stdout = Files.newOutputStream(sandbox.resolve("stdout"));
      this.stderr = Files.newOutputStream(sandbox.resolve("stderr"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onNext(Frame frame) {
    try {
      OutputStream out = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
      out.write(frame.getPayload());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      try {
        stdout.close();
      } finally {
        stderr.close();
      }
    }
  }
}
