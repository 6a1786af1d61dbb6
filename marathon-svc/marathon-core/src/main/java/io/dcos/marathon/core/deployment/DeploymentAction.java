package io.dcos.marathon.core.deployment;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;

/**
 * One thing a deployment step does to one app. Invariant: {@link #name()} is Marathon's action name
 * as shown in deployment JSON.
 */
public sealed interface DeploymentAction {
  /** The app version the action works towards (the removed version for a stop). */
  AppDefinition app();

  /** Marathon's name of the action. */
  default String name() {
    return getClass().getSimpleName();
  }

  default PathId appId() {
    return app().id();
  }

  /** Creates a new app with no instances yet. */
  record StartApplication(AppDefinition app) implements DeploymentAction {}

  /** Kills every instance of a removed app. */
  record StopApplication(AppDefinition app) implements DeploymentAction {}

  /** Brings the app to {@code scaleTo} instances of this version, killing or launching. */
  record ScaleApplication(AppDefinition app, int scaleTo) implements DeploymentAction {}

  /** Replaces every instance by one of the new version, keeping the upgrade strategy. */
  record RestartApplication(AppDefinition app) implements DeploymentAction {}

  /** Makes the app's artifacts ({@code storeUrls}) available before launching. */
  record ResolveArtifacts(AppDefinition app) implements DeploymentAction {}
}
