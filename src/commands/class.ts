/**
 * `dlpath class init|add-learner|add-teacher|revoke|restore|join|leave|report`: a class on a PostgreSQL server (see docs/class.md).
 * The teacher's commands take the URL the class was created with; a learner's is the URL add-learner printed.
 */
import type { Context } from './context.js';
import { LEARNER_NAME_RE, nameExample, isClassLearner, connect, initClass, addLearner, addTeacher, revokeLearner, restoreLearner, parseUrl, redact, envErrorOf, classCourse } from '../adapters/class/pg.js';
import { classFile, readClassState, unsentCount, writeClassState } from '../adapters/class/state.js';
import fs from 'node:fs';
import path from 'node:path';
import { DlpathError, EnvError, UsageError } from '../core/errors.js';
import { writeFileAtomic } from '../adapters/files.js';
import { m } from '../i18n/class.js';
import { sentences } from '../i18n/index.js';
import { connectTimeout, syncNow, report as syncReport } from './sync.js';

function teacherUrl(ctx: Context, opts: Record<string, unknown>): string {
  const url = (opts.url as string | undefined) ?? ctx.env.DLPATH_CLASS_URL;
  if (!url) throw new UsageError(m('needUrl'), m('needUrlHint'));
  parseUrl(url);
  return url;
}

async function withClient<T>(url: string, f: (c: Awaited<ReturnType<typeof connect>>) => Promise<T>, learner = false, timeoutMs?: number): Promise<T> {
  const c = await connect(url, timeoutMs, learner);
  try {
    return await f(c);
  } catch (e) {
    if (e instanceof DlpathError) throw e;
    if ((e as { code?: string }).code) throw envErrorOf(e, url, learner);
    throw e;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function courseId(ctx: Context): Promise<string | null> {
  try {
    const { loadCurriculum } = await import('../adapters/curriculum/index.js');
    return (await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr })).curriculum.id;
  } catch {
    return null;
  }
}

export async function init(ctx: Context, args: unknown[]): Promise<number> {
  const url = String(args[0]);
  parseUrl(url);
  const course = await courseId(ctx);
  const r = await withClient(url, (c) => initClass(c, course));
  if (ctx.json) ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else ctx.stdout.write(`${m(r.created ? 'initDone' : 'initAgain', { db: r.database })}\n`);
  return 0;
}

export async function addLearnerCmd(ctx: Context, args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const url = teacherUrl(ctx, opts);
  const name = String(args[0]);
  // Said before connecting: a bad name is the same mistake whether the server answers or not.
  if (!LEARNER_NAME_RE.test(name)) throw new UsageError(m('badLearnerName', { name }), m('badLearnerNameHint', { example: nameExample(name, 'ana') }));
  return printLogin(ctx, name, await withClient(url, (c) => addLearner(c, url, name)), 'learnerAdded', 'learnerAddedHint');
}

export async function addTeacherCmd(ctx: Context, args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const url = teacherUrl(ctx, opts);
  const name = String(args[0]);
  if (!LEARNER_NAME_RE.test(name)) throw new UsageError(m('badTeacherName', { name }), m('badTeacherNameHint', { example: nameExample(name, 'lin') }));
  return printLogin(ctx, name, await withClient(url, (c) => addTeacher(c, url, name)), 'teacherAdded', 'teacherAddedHint');
}

/** A new login's URL, printed this once (it holds the password). */
function printLogin(ctx: Context, name: string, r: { role: string; url: string }, said: 'learnerAdded' | 'teacherAdded', hint: 'learnerAddedHint' | 'teacherAddedHint'): number {
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ name, role: r.role, url: r.url }, null, 2)}\n`);
  else ctx.stdout.write(`${m(said, { name })}\n\n  ${r.url}\n\n${m(hint)}\n`);
  return 0;
}

/** Revoking twice is not an error: it says so (exit 0). */
export async function revokeCmd(ctx: Context, args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const url = teacherUrl(ctx, opts);
  const name = String(args[0]);
  const r = await withClient(url, (c) => revokeLearner(c, url, name));
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ name, role: r.role, revoked: true, revoked_at: r.revoked_at, already_revoked: r.already,
      events_kept: r.events, sessions_ended: r.sessions_ended }, null, 2)}\n`);
  } else if (r.already) {
    ctx.stdout.write(`${m('revokedAlready', { name, when: r.revoked_at.replace('T', ' ').replace('Z', ' UTC') })}\n`);
  } else {
    const ended = r.sessions_ended ? m('revokedEnded', { n: r.sessions_ended }) : '';
    ctx.stdout.write(`${sentences(m('revoked', { name, events: r.events }), ended)}\n${m('revokedHint', { name })}\n`);
  }
  return 0;
}

export async function restoreCmd(ctx: Context, args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const url = teacherUrl(ctx, opts);
  const name = String(args[0]);
  const r = await withClient(url, (c) => restoreLearner(c, url, name));
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ name, role: r.role, revoked: false, already_restored: r.already }, null, 2)}\n`);
  else ctx.stdout.write(`${m(r.already ? 'restoredAlready' : 'restored', { name })}\n`);
  return 0;
}

export async function join(ctx: Context, args: unknown[]): Promise<number> {
  const url = String(args[0]);
  parseUrl(url);
  const old = readClassState(ctx.home);
  // The same class again keeps how far this machine had sent; another class starts from the beginning.
  const same = old && sameClass(old.url, url);
  const state = { url, sent_through: same ? old.sent_through : 0, last_sync: same ? old.last_sync : null,
    ...(same && old.fetched_from ? { fetched_from: old.fetched_from } : {}), ...(same && old.sent_uid ? { sent_uid: old.sent_uid } : {}) };
  // Checked before it is saved: a URL that does not connect, or a class of another course, is not remembered.
  const { theirs, who } = await withClient(url, async (c) => ({ theirs: await classCourse(c), who: await isClassLearner(c) }), true, connectTimeout(ctx));
  // The class owner's or a teacher's URL: syncing with it would send this machine's work under their name
  // (or fail for want of the right to insert); a learner's URL is the one add-learner printed.
  if (who.learner === false) throw new UsageError(m('notLearnerUrl', { user: who.user }), m('notLearnerUrlHint'));
  const ours = await courseId(ctx);
  if (theirs && ours && theirs !== ours) throw new UsageError(m('otherCourse', { theirs, ours }), m('otherCourseHint'));
  writeClassState(ctx.home, state);
  // Another class: this machine now syncs with the new one only; said, so that it is no surprise.
  if (!ctx.json && old && !same) ctx.stdout.write(`${m('switched', { where: redact(old.url) })}\n`);
  if (!ctx.json) ctx.stdout.write(`${m(same ? 'joinedAgain' : 'joined', { where: redact(url) })}\n`);
  syncReport(ctx, await syncNow(ctx, state));
  return 0;
}

/**
 * `dlpath class leave`: this machine stops syncing (class.json, which holds the URL, goes); nothing else
 * changes: not the local progress, not what the server holds. Says how many local events were never sent.
 */
export async function leave(ctx: Context): Promise<number> {
  const file = classFile(ctx.home);
  let state: ReturnType<typeof readClassState>;
  // An unreadable class.json is left all the same (it is what the learner wants gone).
  try { state = readClassState(ctx.home); } catch { state = { url: '', sent_through: 0, last_sync: null }; }
  if (!state) {
    if (ctx.json) ctx.stdout.write(`${JSON.stringify({ left: false, unsent: 0 }, null, 2)}\n`);
    else ctx.stdout.write(`${m('notJoinedLeave')}\n`);
    return 0;
  }
  let unsent = 0;
  if (fs.existsSync(path.join(ctx.home, 'progress.db'))) {
    const { Store } = await import('../adapters/store/store.js');
    const store = Store.open(ctx.home, ctx.clock);
    try { unsent = unsentCount(store.db, state); } finally { store.close(); }
  }
  try { fs.rmSync(file, { force: true }); } catch (e) {
    throw new EnvError(m('stateUnwritable', { file, reason: (e as Error).message }), m('stateHint'));
  }
  const where = state.url ? redact(state.url) : file;
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ left: true, class: where, unsent }, null, 2)}\n`);
  else ctx.stdout.write(`${sentences(m('left', { where }), unsent ? m('leftUnsent', { n: unsent }) : '')}\n${m('leftHint')}\n`);
  return 0;
}

function sameClass(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.host === y.host && x.pathname === y.pathname && x.username === y.username;
  } catch { return false; }
}

export async function reportCmd(ctx: Context, _args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const url = teacherUrl(ctx, opts);
  const { classReport, renderReport } = await import('./class-report.js');
  const data = await withClient(url, (c) => classReport(ctx, c, url));
  if (typeof opts.html === 'string') {
    const file = path.resolve(ctx.cwd, opts.html);
    try {
      writeFileAtomic(file, (await import('./class-report.js')).renderHtml(data, ctx.lang ?? 'en'));
    } catch (e) {
      throw new EnvError(m('repCantWrite', { file: opts.html, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }), m('repCantWriteHint'));
    }
    if (!ctx.json) { ctx.stdout.write(`${m('repWritten', { file: opts.html })}\n`); return 0; }
  }
  if (ctx.json) ctx.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else ctx.stdout.write(renderReport(data, ctx.stdout.columns ?? 80));
  return 0;
}
