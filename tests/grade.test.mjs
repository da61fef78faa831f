// Grading, per question type and per normalisation rule (pure core, compiled in dist/).
import test from 'node:test';
import assert from 'node:assert/strict';
import { acceptsText, canonicalText, coerceAnswer, grade, nearMiss, normaliseText, parseBoolean, parseNumber, refusedScaleWord, score, withinTolerance } from '../dist/core/grade.js';
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
    ['a missing letter: a near miss, accepted (see below)', 'cross-entrop', true],
    ['two letters missing', 'cross-entro', false],
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

test('text: every right form meets the accepted one, in both languages (one row per form)', () => {
  // [form, what the learner types, what the curriculum accepts]
  const table = [
    ['Unicode minus', '1 − p', '1-p'],
    ['en dash', 'Cross–Entropy', 'cross-entropy'],
    ['em dash', 'encoder—decoder', 'encoder-decoder'],
    ['non-breaking hyphen', 'leaky‑ReLU', 'leaky ReLU'],
    ['full-width hyphen (Chinese keyboard)', 'ｔ－ＳＮＥ', 't-SNE'],
    ['× for *', 'W × x', 'W*x'],
    ['· for *', 'w·x', 'w * x'],
    ['⋅ for *', 'Q⋅Kᵀ', 'Q*K^T'],
    ['spaces around operators', 'x ^ 2 + y ^ 2', 'x^2+y^2'],
    ['superscript digit', 'a²', 'a^2'],
    ['superscript negative exponent', '10⁻³', '10^-3'],
    ['superscript T', 'Xᵀ', 'X^T'],
    ['exponent in braces or parentheses', 'e^{-x}', 'e^(-x)'],
    ['subscript', 'x₁', 'x_1'],
    ['full-width Latin letters', 'ＲｅＬＵ', 'ReLU'],
    ['full-width space in Chinese', '交叉　熵', '交叉熵'],
    ['ideographic full stop and quotes', '“交叉熵”。', '交叉熵'],
    ['no space between Latin and Chinese', 'hinge损失', 'hinge 损失'],
    ['a space between Latin and Chinese', 'logistic 函数', 'logistic函数'],
    ['a space inside Chinese', '模式 坍缩', '模式坍缩'],
    ['digits and Chinese', '2 个', '2个'],
    ['hyphen vs space', 'cross entropy', 'cross-entropy'],
    ['space vs hyphen', 'mini-batch gradient descent', 'mini batch gradient descent'],
    ['hyphen in mixed text', 'self-attention 机制', 'self attention机制'],
    ['British -iser', 'Adam optimiser', 'Adam optimizer'],
    ['British -isation', 'batch normalisation', 'batch normalization'],
    ['British -ise verb', 'regularise', 'regularize'],
    ['British -yse', 'analyse', 'analyze'],
    ['British -our', 'colour jitter', 'color jitter'],
    ['British -re', 'cluster centre', 'cluster center'],
    ['British -lled', 'labelled data', 'labeled data'],
    ['accents', 'naïve Bayes', 'naive Bayes'],
    // The same forms inside Chinese answers.
    ['Chinese: Unicode minus', '1−p 的对数', '1-p的对数'],
    ['Chinese: × for *', '矩阵 × 向量', '矩阵*向量'],
    ['Chinese: superscript', 'x² 项', 'x^2项'],
    ['Chinese: full-width letters and digits', 'ＲｅＬＵ６ 函数', 'ReLU6函数'],
    ['Chinese: full-width parentheses', '交叉熵（损失）', '交叉熵(损失)'],
    ['Chinese: British spelling next to Chinese', 'Adam optimiser 优化器', 'adam optimizer优化器'],
    ['Chinese: hyphen vs space next to Chinese', 'all-reduce 操作', 'all reduce操作'],
  ];
  for (const [form, typed, accepted] of table) {
    assert.equal(canonicalText(typed), canonicalText(accepted), `${form}: ${typed} vs ${accepted}`);
    assert.equal(acceptsText([accepted], undefined, typed), true, form);
  }
  // What must stay apart.
  for (const [a, b] of [['1-p', '1+p'], ['a^2', 'a2'], ['x*y', 'x/y'], ['交叉熵', '交叉'], ['four', 'for'], ['hinge损失', 'hinge'],
    ['L1', 'L2'], ['filled', 'filed']]) {
    assert.notEqual(canonicalText(a), canonicalText(b), `${a} vs ${b}`);
  }
});

test('text: a near miss in spelling is accepted with the right form; not in short words, numbers or formulas', () => {
  const q = { id: 'q', type: 'text', prompt: 'p', accept: ['dropout', '随机失活', 'batch normalization', 'L2 regularization', 'ReLU', 'GELU', '1e-3'] };
  const table = [
    ['a missing letter', 'dropot', 'dropout'],
    ['an extra letter', 'droppout', 'dropout'],
    ['a wrong letter', 'dripout', 'dropout'],
    ['two letters swapped', 'dorpout', 'dropout'],
    ['in one word of several', 'batch normalizaton', 'batch normalization'],
    ['after the other normalising', 'Batch-Normalizaton', 'batch normalization'],
    ['next to a formula word', 'L2 regularizaton', 'L2 regularization'],
  ];
  for (const [rule, typed, form] of table) {
    const r = grade(q, typed);
    assert.equal(r.correct, true, rule);
    assert.equal(r.nearMiss, form, rule);
  }
  for (const [rule, typed] of [
    ['a word under 6 letters', 'RaLU'], ['two edits', 'drpot'], ['two words each one edit off', 'bach normalizaton'],
    ['a number', '1e-4'], ['Chinese', '随机失火'], ['a different word count', 'dropout layer'],
  ]) {
    const r = grade(q, typed);
    assert.equal(r.correct, false, rule);
    assert.equal(r.nearMiss, undefined, rule);
  }
  assert.equal(grade(q, 'Dropout').nearMiss, undefined, 'an exact answer is no near miss');
  assert.equal(nearMiss(['x^2'], 'y^2'), undefined, 'a formula is never a near miss');
});

test('numeric: a unit or measure word after the number; a scale word only when it is the question\'s unit', () => {
  const unitless = { id: 'q', type: 'numeric', prompt: 'p', answer: 2500 };
  const billions = { ...unitless, answer: 175, unit: { en: 'billion', zh: '十亿' } };
  const percent = { ...unitless, answer: 9.5, unit: { en: '%', zh: '%' } };
  const table = [
    [unitless, '2500 examples', 2500], [unitless, '2500 个', 2500], [unitless, '2500个样本', 2500], [unitless, '2,500 examples', 2500],
    [unitless, '1.9 GB', 1.9], [unitless, '1.9GB', 1.9], [unitless, '0.127 bits per parameter', 0.127], [unitless, '−2.3 nats', -2.3],
    [unitless, '1.75 × N', 1.75], [unitless, '≈ 0.167', 0.167], [unitless, '约 0.167', 0.167], [unitless, '25%', 0.25],
    [percent, '9.5%', 9.5], [percent, '9.5 %', 9.5], [billions, '175 billion', 175], [billions, '175B', 175], [billions, '175 十亿', 175],
  ];
  for (const [q, raw, want] of table) {
    const c = coerceAnswer(q, raw);
    assert.ok(c.ok, `${raw} should be a number`);
    assert.equal(c.response, want, raw);
  }
  // A scale word that is not the question's unit would change the number's meaning: refused, so the learner types it plainly.
  for (const [q, raw] of [[unitless, '175 billion'], [unitless, '2500万'], [unitless, '3k'], [billions, '0.175 trillion'], [unitless, '1e'], [unitless, '2 3 GB']]) {
    assert.equal(coerceAnswer(q, raw).ok, false, raw);
  }
  assert.equal(gradeRaw(unitless, '2500 examples').correct, true);
  // The refused scale word is named, so the learner is told what to change.
  assert.equal(refusedScaleWord('175 billion'), 'billion');
  assert.equal(refusedScaleWord('2500万'), '万');
  assert.equal(refusedScaleWord('175 billion', billions.unit), undefined, 'the unit\'s own scale is no problem');
  assert.equal(refusedScaleWord('2500 examples'), undefined);
  assert.equal(refusedScaleWord('abc'), undefined);
});
