// The activity calendar of `dlpath progress` in a real terminal (tmux) at 100, 60 and 40 columns, with a
// clock the test sets (DLPATH_TEST_NOW) and a history seeded on chosen days: each day's shade, the week
// columns, the legend; colour squares in a terminal, characters under NO_COLOR; --json carries the counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, hasTmux, tempDir, tmuxShell, copyFixture, dlpath } from './helpers.mjs';

process.env.TZ = 'UTC';
const NOW = '2026-03-15T12:00:00.000Z'; // a Sunday: the last row of the last column
const DAY = 86400000;
/** Days before NOW → events that day. */
const SEED = { 0: 8, 1: 2, 3: 4, 10: 1, 40: 6, 100: 3, 181: 2, 182: 5, 200: 7 };

async function seeded() {
  const home = path.join(tempDir(), 'home');
  const { Store } = await import(path.join(ROOT, 'dist/adapters/store/store.js'));
  for (const [ago, n] of Object.entries(SEED)) {
    const t = Date.parse(NOW) - Number(ago) * DAY;
    const store = Store.open(home, () => new Date(t));
    store.tx(() => { for (let i = 0; i < n; i++) store.record({ kind: 'lesson_read', module: 'alpha' }); });
    store.close();
  }
  return home;
}

/** The grid the calendar should show: rows Monday..Sunday, the last `weeks` weeks ending on NOW's week. */
function expectedGrid(weeks, chars) {
  const max = 8;
  const level = (n) => (n ? Math.min(4, Math.ceil((4 * n) / max)) : 0);
  const rows = [];
  for (let r = 0; r < 7; r++) {
    const cells = [];
    for (let w = weeks - 1; w >= 0; w--) {
      const ago = 7 * w + (6 - r); // NOW is the Sunday (row 6) of the last week
      cells.push(chars[level(SEED[ago] ?? 0)]);
    }
    rows.push(cells.join(' '));
  }
  return rows;
}

function capture(session) {
  return spawnSync('tmux', ['capture-pane', '-p', '-t', session, '-S', '0', '-E', '79'], { encoding: 'utf8' }).stdout;
}

test('progress: the activity calendar at 100, 60 and 40 columns, with and without colour; --json has the counts', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const home = await seeded();
  const curriculum = copyFixture('mini');
  const env = { DLPATH_HOME: home, DLPATH_CURRICULUM: curriculum, DLPATH_TEST_NOW: NOW, TZ: 'UTC', PAGER: 'cat' };
  // 182 days ago is the Sunday 26 weeks back: outside; 181 is the Monday that starts the first column.
  const json = JSON.parse(dlpath(['progress', '--json'], { env }).stdout).calendar;
  assert.equal(json.weeks, 26);
  assert.equal(json.first_day, '2025-09-15');
  assert.equal(json.last_day, '2026-03-15');
  assert.deepEqual(json.days, { '2025-09-15': 2, '2025-12-05': 3, '2026-02-03': 6, '2026-03-05': 1, '2026-03-12': 4, '2026-03-14': 2, '2026-03-15': 8 });
  assert.equal(json.total, 26);
  assert.equal(json.max, 8);

  for (const [width, weeks, color] of [[100, 26, false], [60, 26, false], [40, 17, false], [60, 26, true]]) {
    const sh = tmuxShell(`cal-${width}-${color}`, { width, height: 80, env: { ...env, NO_COLOR: color ? '' : '1' } });
    try {
      await sh.waitFor(/^\$/m);
      sh.type(`clear; ${process.execPath} ${BIN} progress; echo DONE`);
      await sh.waitFor(/^DONE$/m);
      const screen = capture(sh.session);
      const lines = screen.split('\n');
      const at = lines.findIndex((l) => l.startsWith('Activity, last 26 weeks'));
      assert.ok(at >= 0, screen);
      const grid = lines.slice(at + 2, at + 9).map((l) => l.slice(4).trimEnd());
      const chars = color ? ['·', '■', '■', '■', '■'] : ['·', '░', '▒', '▓', '█'];
      assert.deepEqual(grid, expectedGrid(weeks, chars), `${width} columns:\n${screen}`);
      assert.deepEqual(lines.slice(at + 2, at + 9).map((l) => l.slice(0, 4).trim()), ['Mon', '', 'Wed', '', 'Fri', '', '']);
      // The month row names the months over their first week (the last column's month is March).
      assert.match(lines[at + 1], /Mar\s*$/);
      if (width >= 60) assert.match(lines[at + 1], /^\s+Sep\s+Oct\s+Nov\s+Dec\s+Jan\s+Feb\s+Mar$/);
      assert.match(screen, /Less [·░▒▓█■ ]+ More/);
      assert.match(screen, /26 events in 26 weeks;\s+busiest day: 8/);
      // The calendar (heading to legend) never reaches the edge (at 40 columns, the rest of progress may wrap).
      const legend = lines.findIndex((l, i) => i > at && /More/.test(l));
      for (const l of lines.slice(at, legend + 2)) assert.ok([...l].length <= width - 1, `wider than ${width - 1}: ${l}`);
      if (color) {
        // In colour the squares are shaded: the four levels of this history show as four different styles.
        const styled = spawnSync('tmux', ['capture-pane', '-p', '-e', '-t', sh.session, '-S', '0', '-E', '79'], { encoding: 'utf8' }).stdout.split('\n');
        const cal = styled.slice(styled.findIndex((l) => l.includes('Activity, last 26 weeks')) + 2).slice(0, 7).join('\n');
        const styles = new Set([...cal.matchAll(/((?:\u001b\[[0-9;]*m)+)■/g)].map((x) => x[1]));
        assert.ok(styles.size >= 4, `${styles.size} shades: ${JSON.stringify([...styles])}`);
      }
      if (width >= 60) {
        // -J joins lines the terminal wrapped: at 60 columns and more nothing reaches the edge.
        const joined = spawnSync('tmux', ['capture-pane', '-p', '-J', '-t', sh.session, '-S', '0', '-E', '79'], { encoding: 'utf8' }).stdout;
        assert.equal(joined.replace(/\s+$/, ''), screen.replace(/\s+$/, ''));
      }
    } finally {
      sh.close();
    }
  }
});

test('the calendar reads a bounded range of days by the index, not the history', async () => {
  const home = await seeded();
  const { Store } = await import(path.join(ROOT, 'dist/adapters/store/store.js'));
  const store = Store.open(home);
  const plan = store.db.prepare('EXPLAIN QUERY PLAN SELECT day, events FROM activity_days WHERE day BETWEEN ? AND ? AND events > 0')
    .all('2025-09-15', '2026-03-15').map((r) => r.detail).join('\n');
  store.close();
  assert.match(plan, /SEARCH activity_days USING PRIMARY KEY \(day>\? AND day<\?\)/);
});
