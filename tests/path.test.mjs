// Table tests for the pure path logic: module status and the next step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexCurriculum } from '../dist/core/model.js';
import { moduleStates, nextStep, overallPercent } from '../dist/core/path.js';

const mod = (id, { requires = [], lesson = true, quiz = true, tasks = [] } = {}) => ({
  id, title: id, track: 't', requires, resources: [], file: `modules/${id}/module.yaml`,
  lesson: lesson ? 'lesson.md' : undefined,
  quiz: quiz ? { pass_mark: 0.8, questions: [{ id: `${id}-q`, type: 'true_false', prompt: 'p', answer: true }] } : undefined,
  tasks: tasks.map((t) => ({ id: t.id ?? t, title: 't', starter: 's.py', tests: 't.py', solution: 'x.py', hints: [], packages: [], time_limit: 10, optional: t.optional ?? false })),
});

const ix = indexCurriculum({
  dir: '/x', format_version: 1, id: 'c', title: 'c',
  tracks: [{ id: 't', title: 't', modules: ['a', 'b', 'soon', 'c', 'd'] }],
  modules: [
    mod('a'),
    mod('b', { requires: ['a'], tasks: ['b_task', { id: 'b_extra', optional: true }] }),
    mod('soon', { lesson: false, quiz: false }),
    mod('c', { requires: ['soon'] }),
    mod('d', { requires: ['b', 'c'] }),
  ],
});

const P = (modules = {}, tasks = {}) => ({
  modules: Object.fromEntries(Object.entries(modules).map(([k, v]) => [k, { lessonRead: false, quizBest: null, quizPassed: false, lastActivity: null, ...v }])),
  tasks: Object.fromEntries(Object.entries(tasks).map(([k, v]) => [k, { started: false, passed: false, bestPassed: null, total: null, checks: 0, hintsShown: 0, solutionSeen: false, skipped: false, lastActivity: null, ...v }])),
});

const table = [
  { name: 'fresh learner', p: P(),
    status: { a: 'available', b: 'locked', soon: 'coming_soon', c: 'available', d: 'locked' }, next: ['a', 'lesson'] },
  { name: 'lesson read: quiz next, module in progress', p: P({ a: { lessonRead: true } }),
    status: { a: 'in_progress', b: 'locked' }, next: ['a', 'quiz'] },
  { name: 'quiz taken but failed: still the quiz', p: P({ a: { lessonRead: true, quizBest: 0.5 } }),
    status: { a: 'in_progress' }, next: ['a', 'quiz'] },
  { name: 'module done unlocks the next', p: P({ a: { lessonRead: true, quizPassed: true, quizBest: 1 } }),
    status: { a: 'done', b: 'available' }, next: ['b', 'lesson'] },
  { name: 'required task left: the task is next', p: P({ a: { lessonRead: true, quizPassed: true }, b: { lessonRead: true, quizPassed: true } }),
    status: { b: 'in_progress' }, next: ['b', 'task', 'b_task'] },
  { name: 'optional task does not block', p: P({ a: { lessonRead: true, quizPassed: true }, b: { lessonRead: true, quizPassed: true } }, { b_task: { passed: true } }),
    status: { b: 'done', d: 'locked' }, next: ['c', 'lesson'] },
  { name: 'a task skipped for a missing package does not block the path', p: P({ a: { lessonRead: true, quizPassed: true }, b: { lessonRead: true, quizPassed: true } }, { b_task: { skipped: true } }),
    status: { b: 'done' }, next: ['c', 'lesson'] },
  { name: 'quiz passed before the lesson (testing out): the lesson is still a step', p: P({ a: { quizPassed: true } }),
    status: { a: 'in_progress' }, next: ['a', 'lesson'] },
  { name: 'a task started in a locked module marks it in progress only once unlocked', p: P({}, { b_task: { started: true } }),
    status: { b: 'locked' }, next: ['a', 'lesson'] },
  { name: 'everything done: no next step', p: P(
      { a: { lessonRead: true, quizPassed: true }, b: { lessonRead: true, quizPassed: true }, c: { lessonRead: true, quizPassed: true }, d: { lessonRead: true, quizPassed: true } },
      { b_task: { passed: true } }),
    status: { a: 'done', b: 'done', c: 'done', d: 'done' }, next: null, percent: 100 },
];

for (const row of table) {
  test(`path: ${row.name}`, () => {
    const states = moduleStates(ix, row.p);
    const by = Object.fromEntries(states.map((s) => [s.module.id, s.status]));
    for (const [id, st] of Object.entries(row.status)) assert.equal(by[id], st, `status of ${id}`);
    const n = nextStep(states);
    if (row.next === null) assert.equal(n, undefined);
    else assert.deepEqual([n.next.module, n.next.kind, ...(n.next.task ? [n.next.task] : [])], row.next);
    if (row.percent !== undefined) assert.equal(overallPercent(states), row.percent);
  });
}

test('path: a locked module lists the prerequisites that are missing', () => {
  const d = moduleStates(ix, P()).find((s) => s.module.id === 'd');
  assert.deepEqual(d.missing, ['b', 'c']);
});
