import type { Migration } from './index.js';

/** The event history (append-only) and the summaries derived from it. */
export const migration001: Migration = {
  version: 1,
  sql: `
CREATE TABLE events (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  ts      TEXT NOT NULL,
  kind    TEXT NOT NULL,
  module  TEXT,
  item    TEXT,
  epoch   INTEGER NOT NULL DEFAULT 0,
  data    TEXT
);
CREATE INDEX events_module ON events(module, epoch);

CREATE TABLE module_epoch (
  module  TEXT PRIMARY KEY,
  epoch   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE module_progress (
  module          TEXT NOT NULL,
  epoch           INTEGER NOT NULL,
  lesson_read_at  TEXT,
  quiz_best       REAL,
  quiz_passed_at  TEXT,
  last_activity   TEXT,
  PRIMARY KEY (module, epoch)
) WITHOUT ROWID;

CREATE TABLE task_progress (
  task              TEXT NOT NULL,
  epoch             INTEGER NOT NULL,
  module            TEXT NOT NULL,
  started_at        TEXT,
  passed_at         TEXT,
  best_passed       INTEGER,
  total             INTEGER,
  checks            INTEGER NOT NULL DEFAULT 0,
  hints_shown       INTEGER NOT NULL DEFAULT 0,
  solution_seen_at  TEXT,
  last_activity     TEXT,
  PRIMARY KEY (task, epoch)
) WITHOUT ROWID;
CREATE INDEX task_progress_module ON task_progress(module, epoch);

CREATE TABLE quiz_attempts (
  id           INTEGER PRIMARY KEY,
  module       TEXT NOT NULL,
  epoch        INTEGER NOT NULL,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  plan         TEXT NOT NULL,
  seed         INTEGER,
  score        REAL,
  passed       INTEGER
);
CREATE INDEX quiz_attempts_module ON quiz_attempts(module, epoch, finished_at);

CREATE TABLE quiz_answers (
  attempt   INTEGER NOT NULL REFERENCES quiz_attempts(id),
  question  TEXT NOT NULL,
  answer    TEXT NOT NULL,
  correct   INTEGER NOT NULL,
  ts        TEXT NOT NULL,
  PRIMARY KEY (attempt, question)
) WITHOUT ROWID;

CREATE TABLE activity_days (
  day  TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
`,
};
