// The database checker of the reliability review (issue #12): every invariant between the event
// history and the summary tables. Returns a list of problems (empty: consistent).
import path from 'node:path';

export async function checkDatabase(home, opts = {}) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(home, 'progress.db'), { readonly: true, fileMustExist: true });
  const problems = [];
  const bad = (s) => problems.push(s);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') bad(`integrity_check: ${integrity}`);
    const events = db.prepare('SELECT id, kind, module, item, epoch, data FROM events ORDER BY id').all()
      .map((e) => ({ ...e, data: e.data === null ? null : JSON.parse(e.data) }));
    const of = (kind) => events.filter((e) => e.kind === kind);

    // quiz_answers ↔ quiz_answered, one to one, no duplicates.
    const answers = db.prepare('SELECT attempt, question FROM quiz_answers').all();
    const answered = of('quiz_answered');
    const key = (a, q) => `${a}/${q}`;
    const evKeys = new Map();
    for (const e of answered) {
      const k = key(e.data.attempt, e.item);
      if (evKeys.has(k)) bad(`duplicate quiz_answered event ${k}`);
      evKeys.set(k, e);
    }
    const rowKeys = new Set(answers.map((r) => key(r.attempt, r.question)));
    for (const k of rowKeys) if (!evKeys.has(k)) bad(`answer ${k} has no event`);
    for (const k of evKeys.keys()) if (!rowKeys.has(k)) bad(`event ${k} has no answer row`);

    // Attempts: one quiz_started; one quiz_finished iff finished; all answers if finished; the epochs agree.
    const attempts = db.prepare('SELECT id, module, epoch, finished_at, plan FROM quiz_attempts').all();
    for (const a of attempts) {
      const started = of('quiz_started').filter((e) => e.data.attempt === a.id);
      const finished = of('quiz_finished').filter((e) => e.data.attempt === a.id);
      if (started.length !== 1) bad(`attempt ${a.id}: ${started.length} quiz_started events`);
      if (finished.length !== (a.finished_at ? 1 : 0)) bad(`attempt ${a.id}: ${finished.length} quiz_finished events, finished_at ${a.finished_at}`);
      for (const e of [...started, ...finished]) if (e.epoch !== a.epoch) bad(`attempt ${a.id} began in epoch ${a.epoch}; its ${e.kind} event is in ${e.epoch}`);
      const plan = JSON.parse(a.plan).questions.map((q) => q.id);
      const given = answers.filter((r) => r.attempt === a.id).map((r) => r.question);
      for (const e of answered.filter((x) => x.data.attempt === a.id)) if (e.epoch !== a.epoch) bad(`attempt ${a.id}: answer event in epoch ${e.epoch}, attempt in ${a.epoch}`);
      if (a.finished_at && given.length !== plan.length) bad(`attempt ${a.id} finished with ${given.length} of ${plan.length} answers`);
      // Scripted quizzes answer in plan order: the stored answers are a prefix of the plan.
      const order = answered.filter((x) => x.data.attempt === a.id).map((x) => x.item);
      if (opts.scripted && order.some((q, i) => q !== plan[i])) bad(`attempt ${a.id}: answers are not a prefix of the plan`);
      for (const q of given) if (!plan.includes(q)) bad(`attempt ${a.id}: answer to ${q}, not in its plan`);
    }

    // Epochs: module_epoch equals the number of resets, and the resets chain 0→1→2….
    const epochs = new Map(db.prepare('SELECT module, epoch FROM module_epoch').all().map((r) => [r.module, r.epoch]));
    const resets = new Map();
    for (const e of of('reset')) resets.set(e.module, [...(resets.get(e.module) ?? []), e]);
    for (const mod of new Set([...epochs.keys(), ...resets.keys()])) {
      const list = resets.get(mod) ?? [];
      if ((epochs.get(mod) ?? 0) !== list.length) bad(`${mod}: epoch ${epochs.get(mod) ?? 0} but ${list.length} resets`);
      list.forEach((e, i) => {
        if (e.data.from_epoch !== i || e.data.to_epoch !== i + 1 || e.epoch !== i) bad(`${mod}: reset ${i} goes ${e.data.from_epoch}→${e.data.to_epoch} in epoch ${e.epoch}`);
      });
    }

    // module_progress: quiz_best, quiz_passed_at and lesson_read_at against a recount.
    for (const r of db.prepare('SELECT * FROM module_progress').all()) {
      const fin = of('quiz_finished').filter((e) => e.module === r.module && e.epoch === r.epoch);
      const best = fin.length ? Math.max(...fin.map((e) => e.data.score)) : null;
      if ((r.quiz_best ?? null) !== best) bad(`${r.module}@${r.epoch}: quiz_best ${r.quiz_best} vs recount ${best}`);
      if (Boolean(r.quiz_passed_at) !== fin.some((e) => e.data.passed)) bad(`${r.module}@${r.epoch}: quiz_passed_at ${r.quiz_passed_at}`);
      const read = of('lesson_read').some((e) => e.module === r.module && e.epoch === r.epoch);
      if (Boolean(r.lesson_read_at) !== read) bad(`${r.module}@${r.epoch}: lesson_read_at ${r.lesson_read_at} vs ${read}`);
    }
    for (const e of of('quiz_finished')) {
      const r = db.prepare('SELECT 1 FROM module_progress WHERE module = ? AND epoch = ? AND quiz_best IS NOT NULL').get(e.module, e.epoch);
      if (!r) bad(`quiz_finished ${e.id} has no summary in ${e.module}@${e.epoch}`);
    }

    // review_cards.reps: the answer events per (module, question, epoch).
    const reps = new Map();
    for (const e of events) if (e.kind === 'quiz_answered' || e.kind === 'review') {
      const k = `${e.module}/${e.item}/${e.epoch}`;
      reps.set(k, (reps.get(k) ?? 0) + 1);
    }
    const cards = db.prepare('SELECT module, question, epoch, reps FROM review_cards').all();
    for (const c of cards) {
      const k = `${c.module}/${c.question}/${c.epoch}`;
      if ((reps.get(k) ?? 0) !== c.reps) bad(`card ${k}: reps ${c.reps} vs ${reps.get(k) ?? 0} events`);
    }
    if (cards.length !== reps.size) bad(`${cards.length} cards for ${reps.size} answered (module, question, epoch)`);

    // task_progress: checks, passed_at, hints_shown against the events.
    for (const t of db.prepare('SELECT * FROM task_progress').all()) {
      const checks = of('task_checked').filter((e) => e.item === t.task && e.epoch === t.epoch);
      const counted = checks.filter((e) => e.data.outcome !== 'missing_packages').length;
      if (t.checks !== counted) bad(`task ${t.task}@${t.epoch}: checks ${t.checks} vs ${counted}`);
      if (Boolean(t.passed_at) !== checks.some((e) => e.data.outcome === 'passed')) bad(`task ${t.task}@${t.epoch}: passed_at ${t.passed_at}`);
      const hints = of('task_hint').filter((e) => e.item === t.task && e.epoch === t.epoch);
      const level = hints.length ? Math.max(...hints.map((e) => e.data.level)) : 0;
      if (t.hints_shown !== level) bad(`task ${t.task}@${t.epoch}: hints_shown ${t.hints_shown} vs ${level}`);
    }
    for (const e of of('task_checked')) {
      if (!db.prepare('SELECT 1 FROM task_progress WHERE task = ? AND epoch = ?').get(e.item, e.epoch)) bad(`task_checked ${e.id}: no summary row`);
    }
  } finally {
    db.close();
  }
  return problems;
}
