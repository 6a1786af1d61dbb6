package io.dcos.marathon.core.placement;

import java.util.List;

/** The verdict of matching one request against one offer: what to take, or why not. */
public sealed interface MatchResult {

  /** The offer the verdict is about. */
  String offerId();

  /**
   * The request fits: {@code takes} are the exact resources to launch with and {@code hostPorts}
   * the host ports in the order they were requested.
   */
  record Match(OfferView offer, List<ResourceTake> takes, List<Integer> hostPorts)
      implements MatchResult {
    public Match {
      takes = List.copyOf(takes);
      hostPorts = List.copyOf(hostPorts);
    }

    @Override
    public String offerId() {
      return offer.offerId();
    }
  }

  /** The request does not fit; {@code reasons} say why, for the queue's statistics and logs. */
  record NoMatch(String offerId, List<NoMatchReason> reasons) implements MatchResult {
    public NoMatch {
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a no-match needs a reason");
      }
    }
  }
}
