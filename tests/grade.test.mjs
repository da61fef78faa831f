// Grading, per question type and per normalisation rule (pure core, compiled in dist/).
import test from 'node:test';
import assert from 'node:assert/strict';
import { acceptsText, coerceAnswer, grade, normaliseText, parseBoolean, parseNumber, score, withinTolerance } from '../dist/core/grade.js';
import { planQuiz, planQuestion, reconcilePlan, rng, shuffleChoices } from '../dist/core/quiz-plan.js';

const choices = (...ids) => ids.map((id) => ({ id, text: { en: `choice ${id}`, zh: `选项 ${id}` } }));

const single = {
  id: 'q-single', type: 'single', prompt: 'p', answer: 'a',
  choices: [...choices('a', 'c'), { id: 'b', text: 'Fan Hui', feedback: { en: 'That is the 5–0 against Fan Hui, not Lee Sedol.', zh: '那是对樊麾的 5:0。' } }],
};
const multiple = { id: 'q-multi', type: 'multiple', prompt: 'p', answer: ['a', 'c'],
  choices: [...choices('a', 'c', 'd'), { id: 'b', text: 'Adam', feedback: 'Adam is an optimiser.' }] };
const tf = { id: 'q-tf', type: 'true_false', prompt: 'p', answer: true, feedback: 'They are probabilities.' };
const numeric = (tolerance) => ({ id: 'q-num', type: 'numeric', prompt: 'p', answer: 2.302585, tolerance });
const text = { id: 'q-text', type: 'text', prompt: 'p', accept: ['cross-entropy', 'cross entropy', '交叉熵'] };
const textPattern = { ...text, accept: ['cross-entropy'], pattern: '^cross[- ]?entropy( loss)?$' };
const ordering = { id: 'q-order', type: 'ordering', prompt: 'p', choices: choices('a', 'b', 'c', 'd'), answer: ['c', 'a', 'd', 'b'] };

const gradeRaw = (q, raw) => {
  const c = coerceAnswer(q, raw);
  assert.ok(c.ok, `answer ${JSON.stringify(raw)} should have the right shape: ${JSON.stringify(c)}`);
  return grade(q, c.response);
};

test('single choice: right, wrong with the choice\'s own feedback, wrong without feedback', () => {
  for (const [raw, correct, feedback] of [
    ['a', true, 0], ['A', true, 0], [' a ', true, 0], ['b', false, 1], ['c', false, 0],
  ]) {
    const r = gradeRaw(single, raw);
    assert.equal(r.correct, correct, `answer ${raw}`);
    assert.equal(r.feedback.length, feedback, `feedback for ${raw}`);
  }
  assert.match(gradeRaw(single, 'b').feedback[0].en, /not Lee Sedol/);
});

test('multiple choice: all-or-nothing, and says which were missed and which were extra', () => {
  const table = [
    [['a', 'c'], true, [], []],
    [['c', 'a'], true, [], []],
    ['a, c', true, [], []],
    [['a'], false, ['c'], []],
    [['a', 'c', 'd'], false, [], ['d']],
    [['b', 'd'], false, ['a', 'c'], ['b', 'd']],
    [[], false, ['a', 'c'], []],
  ];
  for (const [raw, correct, missed, extra] of table) {
    const r = gradeRaw(multiple, raw);
    assert.equal(r.correct, correct, JSON.stringify(raw));
    assert.deepEqual(r.missed, missed, `missed for ${JSON.stringify(raw)}`);
    assert.deepEqual(r.extra, extra, `extra for ${JSON.stringify(raw)}`);
  }
  assert.deepEqual(gradeRaw(multiple, ['a', 'b']).feedback, ['Adam is an optimiser.']);
});

test('true/false: booleans and the words people type, feedback only when wrong', () => {
  for (const [raw, correct] of [[true, true], ['true', true], ['True', true], ['yes', true], ['对', true], ['T', true],
    [false, false], ['false', false], ['no', false], ['错', false]]) {
    assert.equal(gradeRaw(tf, raw).correct, correct, JSON.stringify(raw));
  }
  assert.deepEqual(gradeRaw(tf, true).feedback, []);
  assert.deepEqual(gradeRaw(tf, false).feedback, ['They are probabilities.']);
  assert.equal(parseBoolean('maybe'), undefined);
});

test('numeric: absolute tolerance, relative tolerance, either, and exact without one', () => {
  const table = [
    [{ abs: 0.001 }, 2.3026, true],
    [{ abs: 0.001 }, 2.3016, true],
    [{ abs: 0.001 }, 2.304, false],
    [{ rel: 0.01 }, 2.32, true],
    [{ rel: 0.01 }, 2.33, false],
    [{ abs: 0.0001, rel: 0.01 }, 2.32, true],
    [undefined, 2.302585, true],
    [undefined, 2.3026, false],
  ];
  for (const [tol, x, correct] of table) {
    assert.equal(gradeRaw(numeric(tol), x).correct, correct, `${x} with ${JSON.stringify(tol)}`);
  }
  assert.equal(withinTolerance(0.3, 0.1 + 0.2), true, 'a float rounding difference is not a wrong answer');
  assert.equal(withinTolerance(-5, 5, { rel: 0.1 }), false);
});

test('numeric: the ways a learner writes a number', () => {
  const table = [
    ['0.001', 0.001], ['1e-3', 0.001], ['1E-3', 0.001], ['+2', 2], ['-3', -3], ['−3', -3],
    ['１.５', 1.5], ['１．５', 1.5], ['  42  ', 42], ['.5', 0.5], ['5.', 5], ['1,000', 1000], ['1 000 000', 1e6], [7, 7],
    ['1/4', 0.25], ['-3/8', -0.375], ['１／４', 0.25],
  ];
  for (const [raw, want] of table) assert.equal(parseNumber(raw), want, JSON.stringify(raw));
  for (const raw of ['abc', '', '1.2.3', '0x10', '1e', 'NaN', 'Infinity', '12,34', '--1', '1/0', '1/2/3']) {
    assert.equal(parseNumber(raw), undefined, JSON.stringify(raw));
  }
  assert.equal(gradeRaw(numeric({ abs: 0.001 }), '２.３０２６').correct, true);
});

test('text: normalisation rules, one per row', () => {
  const table = [
    ['case', 'Cross-Entropy', true],
    ['surrounding spaces', '   cross-entropy  ', true],
    ['repeated spaces', 'cross    entropy', true],
    ['tabs and newlines', 'cross\tentropy\n', true],
    ['full-width forms', 'ｃｒｏｓｓ－ｅｎｔｒｏｐｙ', true],
    ['trailing full stop', 'cross-entropy.', true],
    ['trailing Chinese full stop', '交叉熵。', true],
    ['trailing exclamation marks', 'cross entropy!!', true],
    ['surrounding quotes', '"cross-entropy"', true],
    ['other language form', '交叉熵', true],
    ['a different word', 'mean squared error', false],
    ['a missing letter', 'cross-entrop', false],
    ['an inner punctuation change matters', 'cross_entropy', false],
  ];
  for (const [rule, raw, correct] of table) assert.equal(gradeRaw(text, raw).correct, correct, rule);
  assert.equal(normaliseText('  Ｈｅｌｌｏ,   World！ '), 'hello, world');
});

test('text: the optional pattern is case-insensitive and applies after normalisation', () => {
  for (const [raw, correct] of [['cross entropy loss', true], ['CrossEntropy', true], ['Cross-Entropy Loss.', true],
    ['entropy', false], ['binary cross entropy', false]]) {
    assert.equal(gradeRaw(textPattern, raw).correct, correct, raw);
  }
  assert.equal(acceptsText(['x'], '([', 'x'), true, 'an invalid pattern never crashes grading');
  assert.equal(acceptsText(['x'], '([', 'y'), false);
});

test('ordering: right only in exactly the right order; counts positions in place', () => {
  assert.equal(gradeRaw(ordering, ['c', 'a', 'd', 'b']).correct, true);
  assert.equal(gradeRaw(ordering, 'c a d b').correct, true);
  const r = gradeRaw(ordering, ['c', 'a', 'b', 'd']);
  assert.equal(r.correct, false);
  assert.equal(r.inPlace, 2);
});

test('answers of the wrong shape are refused with the reason', () => {
  const table = [
    [single, ['a', 'c'], 'oneChoiceNotList'],
    [single, 'z', 'notChoice'],
    [single, { a: 1 }, 'notChoice'],
    [single, null, 'none'],
    [multiple, ['a', 'z'], 'notChoice'],
    [multiple, ['a', 'a'], 'twice'],
    [multiple, 3.5, 'notList'],
    [tf, 'maybe', 'notBoolean'],
    [tf, 1, 'notBoolean'],
    [numeric(), 'two', 'notNumber'],
    [numeric(), [1], 'notNumber'],
    [text, '   ', 'empty'],
    [text, ['a'], 'notText'],
    [ordering, ['a', 'b'], 'orderMissing'],
  ];
  for (const [q, raw, problem] of table) {
    const c = coerceAnswer(q, raw);
    assert.equal(c.ok, false, `${q.id} ${JSON.stringify(raw)}`);
    assert.equal(c.problem, problem, `${q.id} ${JSON.stringify(raw)}`);
  }
  assert.equal(coerceAnswer(text, 42).ok, true, 'a number is fine as a text answer');
});

test('score: the pass mark is reached exactly at 4 of 5 for 80%', () => {
  assert.deepEqual(score(4, 5, 0.8), { score: 0.8, passed: true });
  assert.deepEqual(score(3, 5, 0.8), { score: 0.6, passed: false });
  assert.deepEqual(score(7, 10, 0.7), { score: 0.7, passed: true });
  assert.equal(score(0, 0, 0.8).passed, false);
});

test('plan: the same seed gives the same quiz; draw takes N; a fixed choice stays put', () => {
  const fixed = { ...single, choices: [...choices('a', 'b', 'c', 'd'), { id: 'e', text: 'All of the above', fixed: true }] };
  const quiz = { pass_mark: 0.8, questions: [fixed, multiple, tf, numeric(), text, ordering] };
  assert.deepEqual(planQuiz(quiz, 7), planQuiz(quiz, 7));
  const orders = new Set();
  for (let seed = 0; seed < 30; seed++) {
    const plan = planQuiz(quiz, seed);
    assert.equal(plan.questions.length, 6);
    orders.add(plan.questions.map((q) => q.id).join());
    const f = plan.questions.find((q) => q.id === fixed.id);
    assert.equal(f.choices[4], 'e', 'the fixed choice keeps its last place');
    assert.deepEqual([...f.choices].sort(), ['a', 'b', 'c', 'd', 'e']);
    const o = plan.questions.find((q) => q.id === ordering.id);
    assert.notDeepEqual(o.choices, ordering.answer, 'an ordering question never starts out solved');
    assert.equal(plan.questions.find((q) => q.id === tf.id).choices, undefined);
  }
  assert.ok(orders.size > 10, 'different seeds shuffle differently');
  const drawn = planQuiz({ ...quiz, draw: 2 }, 3);
  assert.equal(drawn.questions.length, 2);
  assert.equal(new Set(drawn.questions.map((q) => q.id)).size, 2);
  const middle = [...choices('a'), { id: 'x', text: 'fixed', fixed: true }, ...choices('b', 'c')];
  for (let s = 0; s < 10; s++) assert.equal(shuffleChoices(middle, rng(s))[1], 'x');
  assert.ok(planQuestion(single, rng(1)).choices.length === 3);
});

test('plan: a stored plan survives questions and choices the author removed or added since', () => {
  const plan = { questions: [{ id: 'gone' }, { id: 'q-single', choices: ['c', 'zz', 'a'] }, { id: 'q-tf' }] };
  const bank = new Map([[single.id, single], [tf.id, tf]]);
  const items = reconcilePlan(plan, (id) => bank.get(id));
  assert.deepEqual(items.map((i) => i.question.id), ['q-single', 'q-tf']);
  assert.deepEqual(items[0].choices, ['c', 'a', 'b']);
});
