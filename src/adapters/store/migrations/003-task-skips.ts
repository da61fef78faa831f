import type { Migration } from './index.js';

/** A task whose packages this machine lacks is skipped: the path goes on; the task stays open to do later. */
export const migration003: Migration = {
  version: 3,
  sql: `ALTER TABLE task_progress ADD COLUMN skipped_at TEXT;`,
};
