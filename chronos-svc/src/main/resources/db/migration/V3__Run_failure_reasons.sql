-- Why a run was stopped by the service itself (its maxCompletionTime or maxLaunchDelay), shown in
-- the run's history; runs that failed on their own have no row.
CREATE TABLE run_failure_reasons (
  run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  reason TEXT NOT NULL
);
