package io.dcos.kernel.agent.core;

import io.dcos.kernel.protocol.CommandInfo;
import java.nio.file.Path;
import java.util.List;

/** Puts a task's URIs into its sandbox before launch. */
public interface Fetching {
  /** Throws with a message naming the URI and the problem when one cannot be fetched. */
  void fetch(List<CommandInfo.URI> uris, Path sandbox) throws Exception;
}
