package io.dcos.kernel.agent.containers.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A local image holding the host's static busybox with its applets linked into /bin, imported from
 * a generated root file system (images cannot be pulled on the build machines).
 */
final class BusyboxImage {
  static final String NAME = "dcos-test/busybox";
  static final String TAG = "latest";
  static final String IMAGE = NAME + ":" + TAG;
  private static final List<String> APPLETS =
      List.of("sh", "echo", "sleep", "cat", "head", "tail", "true", "false", "env", "ls", "test");

  private BusyboxImage() {}

  static synchronized void ensure(DockerClient docker) throws IOException {
    try {
      docker.inspectImageCmd(IMAGE).exec();
      return;
    } catch (NotFoundException e) {
      // build it below
    }
    // The engine's import endpoint truncates docker-java's streamed body; a build does not.
    byte[] dockerfile = "FROM scratch\nADD rootfs.tar /\n".getBytes(StandardCharsets.UTF_8);
    byte[] rootFs = rootFs();
    ByteArrayOutputStream context = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(context)) {
      addFile(tar, "Dockerfile", dockerfile);
      addFile(tar, "rootfs.tar", rootFs);
    }
    docker
        .buildImageCmd(new ByteArrayInputStream(context.toByteArray()))
        .withTags(Set.of(IMAGE))
        .exec(new BuildImageResultCallback())
        .awaitImageId();
  }

  private static void addFile(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static byte[] rootFs() throws IOException {
    byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (String dir :
          List.of("bin/", "tmp/", "etc/", "mnt/", "mnt/mesos/", "mnt/mesos/sandbox/")) {
        TarArchiveEntry entry = new TarArchiveEntry(dir);
        entry.setMode(dir.equals("tmp/") ? 01777 : 0755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
      TarArchiveEntry binary = new TarArchiveEntry("bin/busybox");
      binary.setMode(0755);
      binary.setSize(busybox.length);
      tar.putArchiveEntry(binary);
      tar.write(busybox);
      tar.closeArchiveEntry();
      for (String applet : APPLETS) {
        TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("busybox");
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
