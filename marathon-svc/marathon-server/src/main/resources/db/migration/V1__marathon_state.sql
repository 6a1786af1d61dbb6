-- Every version of every app, as Marathon app JSON.
CREATE TABLE app_versions (
  app_id     text        NOT NULL,
  version    timestamptz NOT NULL,
  definition jsonb       NOT NULL,
  PRIMARY KEY (app_id, version)
);

-- Every kept version of the root group: its groups and which app version each app had.
CREATE TABLE root_group_versions (
  version timestamptz PRIMARY KEY,
  tree    jsonb       NOT NULL
);

-- The current root group version (one row).
CREATE TABLE current_root (
  singleton boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
  version   timestamptz NOT NULL REFERENCES root_group_versions (version)
);

-- Running deployment plans, kept until they finish so a new leader continues them.
CREATE TABLE deployments (
  id         text        PRIMARY KEY,
  version    timestamptz NOT NULL,
  plan       jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Instances of apps, one row each.
CREATE TABLE instances (
  instance_id text  PRIMARY KEY,
  app_id      text  NOT NULL,
  state       jsonb NOT NULL
);
CREATE INDEX instances_by_app ON instances (app_id);

-- The framework id given by the kernel (one row).
CREATE TABLE framework (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  framework_id text    NOT NULL
);
