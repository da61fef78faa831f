/**
 * `dlpath sync`: sends every local event the class database does not hold yet (in batches, each one
 * remembered once the server has it; a batch sent twice adds nothing: ON CONFLICT on the event id), then
 * fetches this learner's events from their other machines and merges them as `dlpath import` does.
 * Killed or cut off midway, the next sync carries on; nothing local is ever changed by a failure.
 */
import type { Context } from './context.js';
import { Store } from '../adapters/store/store.js';
import { compareEvents, mergeInto, type HistoryEvent } from '../adapters/store/merge.js';
import { readClassState, writeClassState, type ClassState } from '../adapters/class/state.js';
import { connect, envErrorOf, eventColumns, fetchOwnEvents, pushEvents, type Client, type WireEvent } from '../adapters/class/pg.js';
import { DlpathError, EnvError } from '../core/errors.js';
import { m } from '../i18n/class.js';

/** Events per INSERT (DLPATH_SYNC_BATCH overrides it, for tests of a sync cut midway). */
const BATCH = Math.max(1, Number(process.env.DLPATH_SYNC_BATCH) || 2000);

export interface SyncResult { sent: number; received: number; fetched: number }

type LocalRow = { id: number; uid: string; ts: string; kind: string; module: string | null; item: string | null; epoch: number; data: string | null };

/**
 * merge.ts's lag of each of these local events (resets of its module before it, in this machine's history,
 * less its epoch), from the resets alone: the same figure lagsOf gives, without reading the whole history.
 */
function lagsFor(store: Store, rows: readonly LocalRow[]): Map<string, number> {
  const resets = store.db.prepare(`SELECT uid, ts, kind, module, item, epoch, data FROM events WHERE kind = 'reset'`).all() as HistoryEvent[];
  const lags = new Map<string, number>();
  for (const r of rows) {
    const e = r as unknown as HistoryEvent;
    const before = r.module === null ? 0 : resets.filter((x) => x.module === r.module && compareEvents(x, e) < 0).length;
    lags.set(r.uid, r.module === null ? 0 : before - r.epoch);
  }
  return lags;
}

/** Sends and fetches over an open connection; the state file follows each batch the server holds. */
export async function syncWith(ctx: Context, client: Client, state: ClassState): Promise<SyncResult> {
  const store = Store.open(ctx.home, ctx.clock);
  try {
    let sent = 0;
    // The marks speak of this database: if the event they name is not where they say (the database was
    // deleted or restored from a backup since), everything is sent and fetched again (nothing twice: by id).
    if (state.sent_through > 0) {
      const uid = store.db.prepare('SELECT uid FROM events WHERE id = ?').pluck().get(state.sent_through) as string | undefined;
      if (uid === undefined || (state.sent_uid !== undefined && uid !== state.sent_uid)) {
        state.sent_through = 0;
        delete state.sent_uid;
        delete state.fetched_from;
      }
    }
    const cols = await eventColumns(client);
    const page = store.db.prepare('SELECT id, uid, ts, kind, module, item, epoch, data FROM events WHERE id > ? ORDER BY id LIMIT ?');
    for (;;) {
      const rows = page.all(state.sent_through, BATCH) as LocalRow[];
      if (!rows.length) break;
      // Each event goes with its lag, read off this machine's history (consistent, unlike the server's rows).
      const lags = lagsFor(store, rows);
      const wire: WireEvent[] = rows.map((r) => {
        let data: unknown = r.data;
        if (r.data !== null) { try { data = JSON.parse(r.data); } catch { /* sent as text */ } }
        return { uid: r.uid, ts: r.ts, kind: r.kind, module: r.module, item: r.item, epoch: r.epoch, data, lag: lags.get(r.uid) ?? 0 };
      });
      sent += await pushEvents(client, wire, cols.lag);
      state.sent_through = rows[rows.length - 1].id;
      state.sent_uid = rows[rows.length - 1].uid;
      writeClassState(ctx.home, state);
    }
    // What arrived since the last fetch (all of it the first time, or from a class without the mark column).
    const { events: theirs, mark } = await fetchOwnEvents(client, cols, state.fetched_from);
    const known = store.db.prepare('SELECT 1 FROM events WHERE uid = ?').pluck();
    const incoming = theirs.filter((e) => !known.get(e.uid)) as Array<HistoryEvent & Pick<WireEvent, 'lag'>>;
    if (incoming.length) {
      const before = store.db.prepare('SELECT coalesce(max(id), 0) FROM events').pluck().get() as number;
      // Not the lags of the server's rows read as one history: an event sent before its machine knew of a reset
      // made earlier elsewhere would seem to have been started before that reset. No lag sent (an older dlpath): 0.
      // Only for the events this machine lacks: those it holds keep the lags its own history gives them.
      const incomingLags = new Map(incoming.map((e) => [e.uid, e.lag ?? 0]));
      store.tx(() => mergeInto(store, incoming, incomingLags));
      // What came from the server need not go back to it (when everything before it had been sent).
      if (state.sent_through >= before) {
        const last = store.db.prepare('SELECT id, uid FROM events ORDER BY id DESC LIMIT 1').get() as { id: number; uid: string };
        state.sent_through = last.id;
        state.sent_uid = last.uid;
      }
    }
    // The mark moves only once what was fetched is merged: a failure before this fetches it again.
    if (mark !== null) state.fetched_from = mark;
    else delete state.fetched_from;
    state.last_sync = ctx.clock().toISOString();
    writeClassState(ctx.home, state);
    return { sent, received: incoming.length, fetched: theirs.length };
  } finally {
    store.close();
  }
}

/**
 * How long a sync waits for the server to answer the connection, in ms: 5 s (a learner on a dead network
 * is told soon), or DLPATH_CLASS_TIMEOUT seconds.
 */
export function connectTimeout(ctx: Context): number {
  const s = Number(ctx.env.DLPATH_CLASS_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? Math.round(s * 1000) : 5000;
}

/** Connects with the saved URL and syncs; every server failure is an EnvError (exit 4). */
export async function syncNow(ctx: Context, state: ClassState): Promise<SyncResult> {
  const client = await connect(state.url, connectTimeout(ctx), true);
  try {
    return await syncWith(ctx, client, state);
  } catch (e) {
    if (e instanceof DlpathError) throw e;
    // Only the server's and the network's errors are the server's (SQLSTATE codes, E* codes, a dropped connection).
    const code = (e as { code?: string }).code;
    const server = code !== undefined ? /^([0-9A-Z]{5}|E[A-Z]+)$/.test(code) && !code.startsWith('SQLITE') : /connection|terminat/i.test((e as Error).message ?? '');
    if (!server) throw e;
    throw envErrorOf(e, state.url, true);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function report(ctx: Context, r: SyncResult): void {
  if (ctx.json) { ctx.stdout.write(`${JSON.stringify({ sent: r.sent, received: r.received, fetched: r.fetched }, null, 2)}\n`); return; }
  ctx.stdout.write(`${r.sent || r.received ? m('synced', { sent: r.sent, got: r.received }) : m('syncedNothing')}\n`);
}

export async function run(ctx: Context): Promise<number> {
  const state = readClassState(ctx.home);
  if (!state) throw new EnvError(m('notJoined'), m('notJoinedHint'));
  report(ctx, await syncNow(ctx, state));
  return 0;
}
