// `dlpath report --html`: the page opened in headless Chromium (Debian's `chromium`; .ci/run installs it).
// The figures the browser shows equal `progress --json` and `review --json`; the console is free of errors
// (the page's Content-Security-Policy would log any attempt to load something); it prints to PDF; a
// screenshot in the light and the dark scheme is kept as an artefact (its folder is printed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CHROMIUM, chromium, dlpath, tempDir, copyFixture } from './helpers.mjs';

const attr = (html, re) => [...html.matchAll(re)].map((x) => x[1]);
const figure = (html, k) => { const v = new RegExp(`data-k="${k}"[^>]*>([^<]*)<`).exec(html); assert.ok(v, `no figure ${k}`); return v[1]; };

test('the HTML report in headless Chromium shows what progress --json and review --json say', { skip: !CHROMIUM && 'chromium is not installed here (apt-get install chromium; .ci/run installs it, so CI runs this test)' }, (t) => {
  const curriculum = copyFixture('loop');
  const home = tempDir();
  const at = (day) => ({ home, curriculum, env: { DLPATH_TEST_NOW: `2026-03-${day}T10:00:00Z`, TZ: 'UTC' } });
  const answers = path.join(home, 'a.yaml');
  assert.equal(dlpath(['learn', 'lp-one'], at('02')).code, 0);
  fs.writeFileSync(answers, 'lp-sum: 5\n');
  assert.equal(dlpath(['quiz', 'lp-one', '--answers', answers], at('02')).code, 1);
  fs.writeFileSync(answers, 'lp-sum: 4\n');
  assert.equal(dlpath(['quiz', 'lp-one', '--answers', answers], at('04')).code, 0);
  assert.equal(dlpath(['task', 'double'], at('05')).code, 0);
  assert.equal(dlpath(['check', 'double'], at('05')).code, 1);
  assert.equal(dlpath(['hint', 'double'], at('05')).code, 0);
  fs.copyFileSync(path.join(curriculum, 'modules/lp-one/tasks/double/solution.py'), path.join(home, 'workspace/lp-one/double.py'));
  assert.equal(dlpath(['check', 'double'], at('06')).code, 0);
  assert.equal(dlpath(['learn', 'lp-two'], at('06')).code, 0);

  const file = path.join(tempDir(), 'report.html');
  const w = dlpath(['report', '--html', file], at('10'));
  assert.equal(w.code, 0, w.stderr);
  const progress = JSON.parse(dlpath(['progress', '--json'], at('10')).stdout);
  const review = JSON.parse(dlpath(['review', '--json'], at('10')).stdout);
  assert.ok(review.due >= 1 && review.next_due, 'a card is due');

  // One file, nothing to fetch: no src or href at all, no script, a policy that forbids loading.
  const page = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(page, /\s(src|href)=/i);
  assert.doesNotMatch(page, /<script|@import|url\(/i);
  assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
  assert.match(page, /@media \(prefers-color-scheme:dark\)/);
  assert.match(page, /@media print/);

  const dom = chromium(['--dump-dom', `file://${file}`]);
  assert.equal(dom.status, 0, dom.stderr.slice(-2000));
  assert.deepEqual(dom.consoleLines, [], 'the console is free of errors');
  const html = dom.stdout;
  assert.match(html, /<h1>Progress report: The learner's loop<\/h1>/);
  assert.equal(Number(figure(html, 'percent')), progress.percent);
  assert.equal(Number(figure(html, 'modules_done')), progress.modules_done);
  assert.equal(Number(figure(html, 'tasks_passed')), progress.tasks_passed);
  assert.equal(Number(figure(html, 'streak_days')), progress.streak_days);
  assert.equal(Number(figure(html, 'reviews_due')), review.due);
  assert.equal(Number(figure(html, 'reviews_due')), progress.reviews_due);
  assert.equal(Number(figure(html, 'due')), review.due);
  assert.equal(/data-k="next_due" data-iso="([^"]*)"/.exec(html)[1], review.next_due);
  // The path: each module's status, best quiz and tasks as progress --json has them.
  for (const mod of progress.tracks.flatMap((tr) => tr.modules)) {
    const li = new RegExp(`<li [^>]*data-module="${mod.id}" data-status="([a-z_]+)"[\\s\\S]*?data-k="quiz_best">([^<]*)<[\\s\\S]*?data-k="tasks">([^<]*)<`).exec(html);
    assert.ok(li, mod.id);
    assert.equal(li[1], mod.status);
    assert.equal(li[2], mod.quiz_best === null ? '–' : `${Math.round(mod.quiz_best * 100)}%`);
    assert.equal(li[3], `${mod.tasks_passed}/${mod.tasks_total}`);
  }
  assert.deepEqual(attr(html, /data-k="track_percent">(\d+)</g).map(Number), progress.tracks.map((tr) => tr.percent));
  // The calendar: every day's count as in progress --json, 26 weeks of squares.
  const cal = [...html.matchAll(/<rect class="l(\d)"[^>]*data-day="([\d-]+)" data-n="(\d+)"/g)];
  const shown = Object.fromEntries(cal.filter((c) => c[3] !== '0').map((c) => [c[2], Number(c[3])]));
  assert.deepEqual(shown, progress.calendar.days);
  assert.equal(cal.length, 25 * 7 + 2, '25 full weeks, then Monday and Tuesday of this one'); // 2026-03-10 is a Tuesday
  assert.equal(Number(figure(html, 'calendar_total')), progress.calendar.total);
  // Scores: both attempts of lp-one, 0% then 100%.
  assert.deepEqual(attr(html, /data-score="(\d+)"/g), ['0', '100']);
  // Tasks: checks, hints, solution.
  assert.match(html, /data-task="double"[\s\S]*?data-k="checks">2<[\s\S]*?data-k="hints">1<[\s\S]*?data-k="solution_seen">no</);
  // The forecast: 30 days from today, today's bar holding what is due now.
  const bars = [...html.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="14" height="\d+" data-day="([\d-]+)" data-n="(\d+)"/g)];
  assert.equal(bars.length, 30);
  assert.equal(bars[0][1], '2026-03-10');
  assert.equal(Number(bars[0][2]), review.due);

  // Pictures, kept where CI can collect them (not removed at exit), in both schemes; and a printout.
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-report-shots-'));
  for (const [name, extra] of [['report-light.png', []], ['report-dark.png', ['--blink-settings=preferredColorScheme=0']]]) {
    const s = chromium([...extra, '--window-size=1100,1500', `--screenshot=${path.join(shots, name)}`, `file://${file}`]);
    assert.equal(s.status, 0, s.stderr.slice(-2000));
    assert.deepEqual(s.consoleLines, []);
    assert.ok(fs.statSync(path.join(shots, name)).size > 10000);
  }
  const pdf = path.join(shots, 'report.pdf');
  const p = chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`]);
  assert.equal(p.status, 0, p.stderr.slice(-2000));
  assert.match(fs.readFileSync(pdf).subarray(0, 5).toString(), /%PDF-/);
  t.diagnostic(`screenshots and printout: ${shots}`);

  // In Chinese.
  const zhFile = path.join(tempDir(), 'zh.html');
  assert.equal(dlpath(['report', '--html', zhFile, '--lang', 'zh'], at('10')).code, 0);
  const zh = fs.readFileSync(zhFile, 'utf8');
  assert.match(zh, /<html lang="zh-CN">/);
  assert.match(zh, /学习进度报告：学习循环/);
  assert.match(zh, /未来 30 天的待复习题数/);
});

test('report --html refuses to write over the progress database', () => {
  const curriculum = copyFixture('loop');
  const home = tempDir();
  assert.equal(dlpath(['learn', 'lp-one'], { home, curriculum }).code, 0);
  const db = path.join(home, 'progress.db');
  const before = fs.readFileSync(db);
  const r = dlpath(['report', '--html', db], { home, curriculum });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /is a SQLite database; the report would replace it/);
  assert.deepEqual(fs.readFileSync(db), before);
  assert.equal(dlpath(['report'], { home, curriculum }).code, 2);
});
