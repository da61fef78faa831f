/** What the HTML report reads besides progress: every finished quiz attempt, and when each current card falls due. */
import type { Store } from './store.js';
import { CURRENT } from './review-due.js';

export interface QuizScore { module: string; ts: string; epoch: number; score: number; passed: boolean }

/** Every finished quiz attempt (all epochs), oldest first. */
export function quizScores(store: Store): QuizScore[] {
  const rows = store.db.prepare("SELECT module, ts, epoch, data FROM events WHERE kind = 'quiz_finished' ORDER BY ts, id").all() as
    Array<{ module: string; ts: string; epoch: number; data: string | null }>;
  const out: QuizScore[] = [];
  for (const r of rows) {
    try {
      const d = JSON.parse(r.data ?? 'null') as { score?: unknown; passed?: unknown } | null;
      if (d && typeof d.score === 'number') out.push({ module: r.module, ts: r.ts, epoch: r.epoch, score: d.score, passed: d.passed === true });
    } catch { /* unreadable data: left out */ }
  }
  return out;
}

/** The due time of every card in current epochs. */
export function cardDues(store: Store): Array<{ module: string; question: string; due: string }> {
  return store.db.prepare(`SELECT c.module, c.question, c.due ${CURRENT}`).all() as Array<{ module: string; question: string; due: string }>;
}
