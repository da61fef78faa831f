import type { Migration } from './index.js';

/**
 * Spaced-repetition cards, one per question per module epoch: a reset starts the module's cards
 * over in the new epoch and leaves the old ones (and every answer in `events`) as history.
 */
export const migration002: Migration = {
  version: 2,
  sql: `
CREATE TABLE review_cards (
  module          TEXT NOT NULL,
  question        TEXT NOT NULL,
  epoch           INTEGER NOT NULL,
  due             TEXT NOT NULL,
  stability       REAL NOT NULL,
  difficulty      REAL NOT NULL,
  elapsed_days    REAL NOT NULL,
  scheduled_days  REAL NOT NULL,
  learning_steps  INTEGER NOT NULL,
  reps            INTEGER NOT NULL,
  lapses          INTEGER NOT NULL,
  state           INTEGER NOT NULL,
  last_review     TEXT,
  last_correct    INTEGER NOT NULL,
  PRIMARY KEY (module, question, epoch)
) WITHOUT ROWID;
CREATE INDEX review_cards_due ON review_cards(epoch, due);
`,
};
