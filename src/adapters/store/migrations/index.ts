/** The schema's history, oldest first; the database's `user_version` says how far it has come. */
import { migration001 } from './001-initial.js';
import { migration002 } from './002-review.js';
import { migration003 } from './003-task-skips.js';
import { migration005 } from './005-event-ids.js';
import type { DB } from '../db.js';

export interface Migration {
  version: number;
  sql: string;
  /** Work SQL alone cannot do, run after sql in the same transaction. */
  run?: (db: DB) => void;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration005];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
