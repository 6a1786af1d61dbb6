package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;

/**
 * What one agent can offer one role right now: the resources, their quantities, and whether they
 * are all of the agent's free resources (then the agent has nothing left after it).
 */
record Offer(Resources resources, long[] quantities, boolean wholeAgent) {}
