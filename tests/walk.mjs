// The whole shipped path, walked the way a learner would with `dlpath next`: read each lesson, pass
// each quiz with the right answers, solve each task by putting the reference solution in the
// workspace and running the real `dlpath check` (real Python). It must end with the path done.
// The walk runs in parts (tests/walk-<k>.e2e.test.mjs), so that the test runner can run them side
// by side: part k starts from a progress file in which every module before its slice is done
// (written through dlpath's own store), walks its slice with `next`, and checks it ended there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { dlpath, tempDir, SHIPPED, ROOT } from './helpers.mjs';

const YAML = createRequire(import.meta.url)('yaml');

export const PARTS = 3;

function moduleFile(id) {
  return YAML.parse(fs.readFileSync(path.join(SHIPPED, 'modules', id, 'module.yaml'), 'utf8'));
}

/** The modules in path order (the order of the tracks, then within each track). */
function pathOrder() {
  const root = YAML.parse(fs.readFileSync(path.join(SHIPPED, 'curriculum.yaml'), 'utf8'));
  return root.tracks.flatMap((t) => t.modules);
}

/** The right answer to each question, in the answers-file form. */
function rightAnswers(mod) {
  const out = {};
  for (const q of mod.quiz?.questions ?? []) out[q.id] = q.type === 'text' ? q.accept[0] : q.answer;
  return out;
}

/** Marks every step of the given modules done, as a learner who walked them would have. */
async function seedDone(home, ids) {
  const { Store } = await import(path.join(ROOT, 'dist/adapters/store/store.js'));
  const { markLessonRead } = await import(path.join(ROOT, 'dist/adapters/store/progress.js'));
  const { startTask, recordCheck } = await import(path.join(ROOT, 'dist/adapters/store/tasks.js'));
  const { startAttempt, finishAttempt } = await import(path.join(ROOT, 'dist/adapters/store/quiz.js'));
  const store = Store.open(home, () => new Date());
  try {
    for (const id of ids) {
      const mod = moduleFile(id);
      if (mod.lesson) markLessonRead(store, id);
      const n = mod.quiz?.questions?.length ?? 0;
      if (n) {
        const questions = mod.quiz.questions.map((q) => ({ id: q.id }));
        const attempt = startAttempt(store, id, { questions }, 1);
        finishAttempt(store, { attempt, module: id, score: 1, passed: true, correct: n, total: n });
      }
      for (const t of mod.tasks ?? []) {
        if (t.optional) continue;
        startTask(store, id, t.id, { file: path.join(home, 'workspace', id, `${t.id}.py`), created: true });
        recordCheck(store, id, t.id, { outcome: 'passed', passed: 1, total: 1, ms: 1 });
      }
    }
  } finally {
    store.close();
  }
}

/** Walks part `k` (0-based) of the path with `dlpath next`; the last part must end with the path done. */
export async function walkPart(k) {
  const order = pathOrder();
  const size = Math.ceil(order.length / PARTS);
  const before = order.slice(0, k * size);
  const slice = order.slice(k * size, (k + 1) * size);
  const home = path.join(tempDir(), 'home');
  fs.mkdirSync(home, { recursive: true });
  await seedDone(home, before);
  const o = { home, curriculum: SHIPPED };
  const seen = [];
  const skipped = [];
  for (let i = 0; i < 400; i++) {
    const r = dlpath(['next', '--json'], o);
    assert.equal(r.code, 0, r.stderr);
    const step = JSON.parse(r.stdout);
    if (step.step === 'done' || !slice.includes(step.module)) break;
    const key = `${step.module}:${step.step}:${step.task ?? ''}`;
    assert.ok(!seen.includes(key), `step repeated without progress: ${key}`);
    seen.push(key);
    if (step.step === 'lesson') {
      const l = dlpath(['learn', step.module], o);
      assert.equal(l.code, 0, `${key}\n${l.stderr}`);
    } else if (step.step === 'quiz') {
      const q = dlpath(['quiz', step.module, '--answers', '-', '--json'], { ...o, input: JSON.stringify(rightAnswers(moduleFile(step.module))) });
      assert.equal(q.code, 0, `${key} should pass with the right answers\n${q.stdout}\n${q.stderr}`);
    } else if (step.step === 'task') {
      const t = dlpath(['task', step.task], o);
      assert.equal(t.code, 0, `${key}\n${t.stderr}`);
      const mod = moduleFile(step.module);
      const task = mod.tasks.find((x) => x.id === step.task);
      const workspace = path.join(home, 'workspace', step.module, `${step.task}.py`);
      assert.ok(fs.existsSync(workspace), `dlpath task put the starter at ${workspace}`);
      const fresh = dlpath(['check', step.task], o);
      if (fresh.code === 4) {
        // This machine lacks a package the task needs (e.g. torch): the task is skipped and the path goes on.
        assert.match(fresh.stderr, /needs .*which your Python .* does not have[\s\S]*skipped for now/, `${key}\n${fresh.stderr}`);
        skipped.push(step.task);
        continue;
      }
      assert.equal(fresh.code, 1, `${key}: the untouched starter must not pass\n${fresh.stdout}`);
      fs.copyFileSync(path.join(SHIPPED, 'modules', step.module, task.solution), workspace);
      const c = dlpath(['check', step.task], o);
      assert.equal(c.code, 0, `${key}: the reference solution must pass\n${c.stdout}\n${c.stderr}`);
    } else {
      assert.fail(`unknown step ${step.step}`);
    }
  }
  const p = JSON.parse(dlpath(['progress', '--json'], o).stdout);
  const status = new Map(p.tracks.flatMap((t) => t.modules.map((m) => [m.id, m])));
  assert.equal(status.size, 34);
  const walkable = slice.filter((id) => status.get(id).status !== 'coming_soon');
  assert.ok(walkable.length > 0);
  for (const id of walkable) assert.equal(status.get(id).status, 'done', `${id} is done after the walk: ${JSON.stringify(status.get(id))}`);
  assert.ok(seen.some((s) => s.startsWith(`${walkable[0]}:`)) && seen.some((s) => s.startsWith(`${walkable.at(-1)}:`)), 'from the first module of the part to the last');
  if (k === PARTS - 1) {
    const last = JSON.parse(dlpath(['next', '--json'], o).stdout);
    assert.equal(last.step, 'done', `the walk ended before the path was done: ${JSON.stringify(last)}`);
    assert.equal(p.percent, 100);
    assert.equal(p.tasks_skipped, skipped.length);
    assert.equal(p.modules_done, p.modules_total);
  }
}
