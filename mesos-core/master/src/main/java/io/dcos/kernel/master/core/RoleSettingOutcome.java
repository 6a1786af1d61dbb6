package io.dcos.kernel.master.core;

/**
 * What became of an operator's change to role weights or quota. {@link Kind#APPLIED} means the
 * change is durable in the registry and in force in the allocator; every other kind means nothing
 * changed, and {@code message} says why in one line.
 */
public record RoleSettingOutcome(Kind kind, String message) {
  /** The outcomes an endpoint maps to its answers. */
  public enum Kind {
    /** Durable and in force. */
    APPLIED,
    /** The request is wrong; the message names the problem. */
    INVALID,
    /** There is nothing to change (for example no quota to remove). */
    NOT_FOUND,
    /** This master does not lead (any more); ask the leader. */
    NOT_LEADER,
    /** The registry did not take the change; it may be retried. */
    NOT_DURABLE
  }

  static final RoleSettingOutcome APPLIED_OUTCOME = new RoleSettingOutcome(Kind.APPLIED, "");

  static RoleSettingOutcome invalid(String message) {
    return new RoleSettingOutcome(Kind.INVALID, message);
  }

  static RoleSettingOutcome notFound(String message) {
    return new RoleSettingOutcome(Kind.NOT_FOUND, message);
  }

  static RoleSettingOutcome notLeader() {
    return new RoleSettingOutcome(Kind.NOT_LEADER, "this master is not the leader");
  }

  static RoleSettingOutcome notDurable(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    return new RoleSettingOutcome(
        Kind.NOT_DURABLE, "the registry did not record the change: " + cause.getMessage());
  }

  public boolean applied() {
    return kind == Kind.APPLIED;
  }
}
