-- The last failed task of each app (Marathon's lastTaskFailure), kept across restarts and
-- forgotten when the app is removed.
CREATE TABLE task_failures (
  app_id    text        PRIMARY KEY,
  task_id   text        NOT NULL,
  state     text        NOT NULL,
  message   text        NOT NULL,
  host      text        NOT NULL,
  slave_id  text,
  version   timestamptz NOT NULL,
  failed_at timestamptz NOT NULL
);
