/** What `dlpath export --format json` writes and `dlpath import` reads (kept apart: export must not load the merging code). */
import type { EventKind } from './store.js';

export const EXPORT_FORMAT = 'dlpath-export';
/** The version of the export file this dlpath writes (and the newest it can import). */
export const EXPORT_VERSION = 1;

export const EVENT_KINDS: readonly EventKind[] = [
  'lesson_read', 'quiz_started', 'quiz_answered', 'quiz_finished', 'review',
  'task_started', 'task_checked', 'task_hint', 'task_solution', 'reset',
];
