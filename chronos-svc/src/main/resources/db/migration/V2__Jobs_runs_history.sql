-- Job specs as JSON; both APIs read and write the same rows.
CREATE TABLE jobs (
  id         TEXT PRIMARY KEY,
  spec       JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Outcome counters, kept apart from the history so retention does not reset them.
CREATE TABLE job_counters (
  job_id                   TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
  disabled                 BOOLEAN NOT NULL DEFAULT FALSE,
  success_count            BIGINT NOT NULL DEFAULT 0,
  failure_count            BIGINT NOT NULL DEFAULT 0,
  errors_since_success     BIGINT NOT NULL DEFAULT 0,
  last_success_at          TIMESTAMPTZ,
  last_failure_at          TIMESTAMPTZ,
  last_dependency_mark     TIMESTAMPTZ,
  last_run_at              TIMESTAMPTZ
);

-- One row per run. The unique key on (job_id, due_at) is the claim of a due time: whoever inserts
-- it first launches the run, so a due time runs exactly once across leaders.
CREATE TABLE runs (
  id             TEXT PRIMARY KEY,
  job_id         TEXT NOT NULL,
  due_at         TIMESTAMPTZ NOT NULL,
  trigger_kind   TEXT NOT NULL,
  status         TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  finished_at    TIMESTAMPTZ,
  arguments      TEXT NOT NULL DEFAULT '',
  stop_requested BOOLEAN NOT NULL DEFAULT FALSE,
  CONSTRAINT runs_claim UNIQUE (job_id, due_at)
);
CREATE INDEX runs_active ON runs (job_id) WHERE finished_at IS NULL;
CREATE INDEX runs_finished ON runs (finished_at);

-- Every task launched for a run: the history of where and how it ran.
CREATE TABLE tasks (
  id           TEXT PRIMARY KEY,
  run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  attempt      INT NOT NULL,
  agent_id     TEXT NOT NULL DEFAULT '',
  hostname     TEXT NOT NULL DEFAULT '',
  state        TEXT NOT NULL,
  launched_at  TIMESTAMPTZ NOT NULL,
  started_at   TIMESTAMPTZ,
  completed_at TIMESTAMPTZ,
  message      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tasks_run ON tasks (run_id);

-- The framework id the master gave, reused by every later leader.
CREATE TABLE framework (
  name         TEXT PRIMARY KEY,
  framework_id TEXT NOT NULL
);
