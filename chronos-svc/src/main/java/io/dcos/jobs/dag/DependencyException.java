package io.dcos.jobs.dag;

/** A change that would break the dependency graph: a cycle, a missing parent, a live child. */
public final class DependencyException extends Exception {
  private static final long serialVersionUID = 1L;

  public DependencyException(String message) {
    super(message);
  }
}
