/** `dlpath doctor`: is everything dlpath needs here? Says how to fix each missing essential; exit 4 if one is. */
import fs from 'node:fs';
import type { DlpathError } from '../core/errors.js';
import path from 'node:path';
import type { Context } from './context.js';
import { makeDirs } from '../adapters/dirs.js';
import { EXIT } from '../core/errors.js';
import { loadCurriculumFiles } from '../adapters/curriculum/load.js';
import { HARNESS, probePython, pythonCommand } from '../adapters/runner/index.js';
import { Store } from '../adapters/store/store.js';
import { isUtf8, theme } from '../adapters/ui/theme.js';
import { m } from '../i18n/tasks.js';
import { pick } from '../i18n/index.js';
import { upgradeCommand } from './context.js';

export interface Finding {
  id: string;
  label: string;
  ok: boolean;
  /** A missing essential makes doctor exit 4; the rest are information. */
  essential: boolean;
  detail: string;
  fix?: string;
}

const MIN_NODE = 20;

/** Columns a label takes in a terminal: CJK characters take two. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - columns(s)));
const MIN_PYTHON: [number, number] = [3, 8];

/** What is wrong with the data folder (it cannot be written) or with its database (its own message and fix). */
function homeProblem(home: string): { reason: string; db?: boolean; fix?: string } | undefined {
  try {
    makeDirs(home);
    const probe = path.join(home, `.doctor-${process.pid}.tmp`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (e) {
    return { reason: (e as Error).message };
  }
  const db = path.join(home, 'progress.db');
  if (fs.existsSync(db)) {
    try {
      Store.open(home).close();
    } catch (e) {
      return { reason: (e as Error).message, db: true, fix: (e as DlpathError).hint };
    }
  }
  return undefined;
}

export function diagnose(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const node = process.versions.node;
  const nodeOk = Number(node.split('.')[0]) >= MIN_NODE;
  out.push({ id: 'node', label: m('docNode'), ok: nodeOk, essential: true,
    detail: m(nodeOk ? 'nodeOk' : 'nodeOld', { version: `v${node}` }), ...(nodeOk ? {} : { fix: m('nodeFix') }) });

  // The curriculum first: it says which optional packages the tasks want.
  const cur = loadCurriculumFiles(ctx.curriculumDir);
  const errors = cur.problems.filter((p) => p.severity === 'error').length;
  const warnings = cur.problems.filter((p) => p.severity === 'warning').length;
  const users = new Map<string, string[]>();
  const numpyUsers: string[] = [];
  for (const mod of cur.curriculum?.modules ?? []) for (const t of mod.tasks) {
    for (const p of t.packages) if (p !== 'numpy') users.set(p, [...(users.get(p) ?? []), t.id]); else numpyUsers.push(t.id);
  }
  // NumPy is essential only to a course whose tasks list it (a course that cannot be read: assume the shipped kind).
  const needsNumpy = !cur.curriculum || numpyUsers.length > 0;

  const cmd = pythonCommand(ctx.env);
  const probe = probePython(ctx.env, ['numpy', ...users.keys()]);
  const py = probe.info;
  const pyOk = Boolean(py) && (py!.versionTuple[0] > MIN_PYTHON[0] || (py!.versionTuple[0] === MIN_PYTHON[0] && py!.versionTuple[1] >= MIN_PYTHON[1]));
  out.push({ id: 'python', label: m('docPython'), ok: pyOk, essential: true,
    detail: py ? m(pyOk ? 'pythonOk' : 'pythonOld', { version: py.version, path: py.executable }) : m('pythonMissing', { cmd, reason: probe.error ?? '' }),
    ...(pyOk ? {} : { fix: m('pythonFix') }) });
  const numpy = py?.packages.numpy;
  if (needsNumpy) {
    out.push({ id: 'numpy', label: m('docNumpy'), ok: Boolean(numpy), essential: true,
      detail: !py ? m('numpyUnknown') : numpy ? m('numpyOk', { version: numpy }) : m('numpyMissing'),
      ...(numpy ? {} : { fix: m('numpyFix', { cmd }) }) });
  } else if (py) {
    out.push({ id: 'numpy', label: m('docNumpy'), ok: true, essential: false,
      detail: m(numpy ? 'numpyNotNeeded' : 'numpyNotNeededMissing', { version: numpy ?? '' }) });
  }
  for (const [name, tasks] of py ? users : []) {
    const v = py?.packages[name];
    out.push({ id: `package:${name}`, label: m('docPackage', { name }), ok: Boolean(v), essential: false,
      detail: v ? m('packageOk', { version: v, tasks: tasks.join(', ') }) : m('packageMissing', { tasks: tasks.join(', ') }),
      ...(v ? {} : { fix: m('packageFix', { cmd, name }) }) });
  }
  const harnessOk = fs.existsSync(HARNESS);
  out.push({ id: 'harness', label: m('docHarness'), ok: harnessOk, essential: true,
    detail: m(harnessOk ? 'harnessOk' : 'harnessMissing', { path: HARNESS }), ...(harnessOk ? {} : { fix: m('harnessFix', { cmd: upgradeCommand() }) }) });

  const homeErr = homeProblem(ctx.home);
  out.push({ id: 'home', label: m('docHome'), ok: !homeErr, essential: true,
    detail: !homeErr ? m('homeOk', { path: ctx.home }) : homeErr.db ? homeErr.reason : m('homeBad', { path: ctx.home, reason: homeErr.reason }),
    ...(homeErr ? { fix: homeErr.fix ?? m('homeFix') } : {}) });

  const tasks = cur.curriculum?.modules.reduce((n, mod) => n + mod.tasks.length, 0) ?? 0;
  const curOk = Boolean(cur.curriculum) && errors === 0;
  const title = cur.curriculum ? `${pick(cur.curriculum.title)} · ` : '';
  out.push({ id: 'curriculum', label: m('docCurriculum'), ok: curOk, essential: true,
    detail: title + (!curOk ? m('curriculumBad', { dir: ctx.curriculumDir, errors: Math.max(errors, 1) })
      : warnings ? m('curriculumWarn', { dir: ctx.curriculumDir, warnings })
        : m('curriculumOk', { dir: ctx.curriculumDir, modules: cur.curriculum!.modules.length, tasks })),
    ...(curOk ? {} : { fix: m('curriculumFix', { dir: ctx.curriculumDir }) }) });

  const utf8 = isUtf8(ctx.env);
  out.push({ id: 'terminal', label: m('docTerminal'), ok: true, essential: false,
    detail: m('terminalInfo', {
      tty: ctx.stdout.isTTY ? m('ttyYes') : m('ttyNo'), color: ctx.color ? m('on') : m('off'),
      utf8: utf8 ? m('utf8Yes') : m('utf8No'), cols: ctx.stdout.columns ?? 80 }) });
  return out;
}

export async function run(ctx: Context): Promise<number> {
  const findings = diagnose(ctx);
  const missing = findings.filter((f) => f.essential && !f.ok).length;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ ok: missing === 0, checks: findings }, null, 2)}\n`);
    return missing ? EXIT.env : EXIT.ok;
  }
  const t = theme(ctx);
  const width = Math.max(...findings.map((f) => columns(f.label)));
  let out = `${t.heading(m('doctorHeader'))}\n\n`;
  for (const f of findings) {
    const sym = f.ok ? t.ok(t.sym.pass) : f.essential ? t.bad(t.sym.fail) : t.warn(t.sym.skip);
    out += `  ${sym} ${pad(f.label, width)}  ${f.detail}\n`;
    if (f.fix) out += `    ${' '.repeat(width)}  ${f.essential ? t.bad('→') : t.dim('→')} ${f.fix}\n`;
  }
  out += `\n${missing ? t.bad(m('doctorBad', { n: missing })) : t.ok(m('doctorOk'))}\n`;
  ctx.stdout.write(out);
  return missing ? EXIT.env : EXIT.ok;
}
