// The whole shipped path, walked the way a learner would with `dlpath next`: read each lesson, pass
// each quiz with the right answers, solve each task by putting the reference solution in the
// workspace and running the real `dlpath check` (real Python). It must end with the path done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { dlpath, tempDir, SHIPPED } from './helpers.mjs';

const YAML = createRequire(import.meta.url)('yaml');

function moduleFile(id) {
  return YAML.parse(fs.readFileSync(path.join(SHIPPED, 'modules', id, 'module.yaml'), 'utf8'));
}

/** The right answer to each question, in the answers-file form. */
function rightAnswers(mod) {
  const out = {};
  for (const q of mod.quiz?.questions ?? []) out[q.id] = q.type === 'text' ? q.accept[0] : q.answer;
  return out;
}

test('the shipped path can be walked with dlpath next from the first module to the last', { timeout: 600000 }, () => {
  const home = path.join(tempDir(), 'home');
  const o = { home, curriculum: SHIPPED };
  const seen = [];
  const skipped = [];
  for (let i = 0; i < 400; i++) {
    const r = dlpath(['next', '--json'], o);
    assert.equal(r.code, 0, r.stderr);
    const step = JSON.parse(r.stdout);
    if (step.step === 'done') break;
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
  const last = JSON.parse(dlpath(['next', '--json'], o).stdout);
  assert.equal(last.step, 'done', `the walk ended before the path was done: ${JSON.stringify(last)}`);
  const p = JSON.parse(dlpath(['progress', '--json'], o).stdout);
  assert.equal(p.percent, 100);
  assert.equal(p.tasks_skipped, skipped.length);
  assert.equal(p.modules_done, p.modules_total);
  const ids = p.tracks.flatMap((t) => t.modules.map((m) => m.id));
  assert.equal(ids.length, 34);
  assert.ok(seen.some((s) => s.startsWith(`${ids[0]}:`)) && seen.some((s) => s.startsWith(`${ids.at(-1)}:`)), 'from the first module to the last');
});
