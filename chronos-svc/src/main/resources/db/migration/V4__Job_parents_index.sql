-- Dependent jobs are looked up by parent each time a run succeeds: index the parents of each spec.
CREATE INDEX jobs_parents ON jobs USING GIN ((spec -> 'parents') jsonb_path_ops);
