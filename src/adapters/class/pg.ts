/**
 * The class database: a PostgreSQL server the learners sync to and the teacher reads.
 * `pg` (node-postgres) is loaded here only, on first use, so commands that never reach a server do not pay for it.
 * Every value goes in as a query parameter; identifiers (role names) are built from checked characters only,
 * and passwords reach the server only as SCRAM verifiers (never as text a statement log could keep).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The part of node-postgres used here, declared locally: the build does not need pg's types (a worktree
 * whose node_modules predates the dependency still compiles; only the class commands need pg itself).
 */
interface QueryResult { rows: any[]; rowCount: number | null } // eslint-disable-line @typescript-eslint/no-explicit-any
export interface Client {
  connect(): Promise<void>;
  end(): Promise<void>;
  query(text: string, values?: unknown[]): Promise<QueryResult>;
  on(event: 'error', f: (e: Error) => void): void;
}
interface PgModule {
  Client: new (config: { connectionString: string; connectionTimeoutMillis?: number; application_name?: string }) => Client;
}
import { EnvError, UsageError } from '../../core/errors.js';
import { m } from '../../i18n/class.js';
import { suggest } from '../../core/suggest.js';
import { summarySchemaSql, SUMMARIES_SINCE_VERSION } from './summaries.js';

let pgMod: PgModule | undefined;
function pg(): PgModule {
  try {
    pgMod ??= createRequire(import.meta.url)('pg') as PgModule;
  } catch (e) {
    throw new EnvError(m('pgMissing', { reason: (e as Error).message.split('\n')[0] }), m('pgMissingHint'));
  }
  return pgMod;
}

/**
 * The URL with its password hidden, for messages: no fragment, and a `password` query parameter hidden too
 * (a URL whose password was not percent-encoded is refused by parseUrl before it could show here).
 */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (k.toLowerCase() === 'password') u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return '(a URL that could not be read)';
  }
}

/**
 * A PostgreSQL URL, or a UsageError saying what is wrong with it, never showing the URL (it holds a password):
 * another scheme (a typo of postgresql://), or a password holding @ / ? # % not percent-encoded (the URL
 * then reads as another host, path or fragment; part of the password would show as such in messages).
 */
export function parseUrl(url: string): URL {
  let u: URL | undefined;
  try { u = new URL(url); } catch { /* said below */ }
  if (u && u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new UsageError(m('badUrlScheme', { scheme: u.protocol.slice(0, -1).slice(0, 20) }), m('badUrlHint'));
  }
  // An @ read as part of the path, a fragment, a query that is no key=value before its @, a URL that cannot
  // be read although it has an @, a bad %: the password (or user name) was not percent-encoded. A query's
  // value may hold an @ (sslrootcert=/home/a@b/ca.pem).
  const q = u?.search.slice(1) ?? '';
  const qa = q.indexOf('@');
  let unencoded = u ? Boolean(u.hash) || u.pathname.includes('@') || (qa >= 0 && !q.slice(0, qa).includes('=')) : url.includes('@');
  try { if (u) { decodeURIComponent(u.username); decodeURIComponent(u.password); } } catch { unencoded = true; }
  if (unencoded) throw new UsageError(m('badUrlEncoding'), m('badUrlEncodingHint'));
  if (!u) throw new UsageError(m('badUrl'), m('badUrlHint'));
  return u;
}

/** What dlpath says about an error code from TLS (Node's and OpenSSL's codes). */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|HOSTNAME_MISMATCH$|EPROTO$)/;

/** The server answered a request for TLS with no: it has none. */
const serverWithoutTls = (e: unknown) => /does not support SSL/i.test((e as Error).message ?? '');

/** The server's rules (pg_hba.conf) refuse a connection without TLS: the URL's sslmode, not the account. */
const serverWantsTls = (e: unknown) => (e as { code?: string }).code === '28000' && /no encryption|SSL off/i.test((e as Error).message ?? '');

/**
 * A connection error as a clear message (exit 4); the password never appears in it. For a learner's
 * command (`learner`), a refused privilege means the account lost its rights: revoked while it could still
 * connect (a connection opened before the revoke), so it is said as a revoked account is; a teacher's
 * command gets a hint without `dlpath sync` in it.
 */
export function envErrorOf(e: unknown, url: string, learner = false): EnvError {
  const err = e as { code?: string; message?: string };
  const where = redact(url);
  const code = err.code ?? '';
  const message = err.message ?? String(e);
  let key: Parameters<typeof m>[0] = 'pgOther';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENOENT', 'EAI_AGAIN'].includes(code)) key = 'pgDown';
  else if (TLS_CODE.test(code) || serverWithoutTls(e) || serverWantsTls(e)) key = 'pgTls';
  else if (code === '28P01') key = 'pgPassword';
  else if (code === '28000') key = 'pgRevoked';
  else if (code === '42501') key = learner ? 'pgRevoked' : 'pgDenied';
  else if (code === '3D000') key = 'pgNoDatabase';
  else if (code === 'ECONNRESET' || code === '57P01' || code === 'EPIPE' || /Connection terminated/i.test(message)) key = 'pgCut';
  const hint = !learner && (key === 'pgDown' || key === 'pgCut' || key === 'pgOther' || key === 'pgPassword') ? `${key}HintTeacher` : `${key}Hint`;
  return new EnvError(m(key, { where, reason: hidePassword(message, url) }), m(hint as Parameters<typeof m>[0]));
}

/** Text with the URL's password (as written, and decoded) replaced by ***. */
function hidePassword(text: string, url: string): string {
  let out = text.split(url).join(redact(url));
  try {
    const pw = new URL(url).password;
    for (const p of pw ? [pw, decodeURIComponent(pw)] : []) out = out.split(p).join('***');
  } catch { /* no URL, no password */ }
  return out;
}

/** The sslmode values libpq knows, and node-postgres's no-verify. */
export const SSLMODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'] as const;

/**
 * How to connect for the URL's sslmode, with libpq's meaning of each (what psql does with the same URL),
 * prefer when the URL names none (libpq's default): `first`, then `fallback` when the first is refused for
 * its TLS (prefer: TLS, then plain if the server has no TLS; allow: plain, then TLS if the server wants it).
 * node-postgres is given `uselibpqcompat=true` for that meaning (its own makes require mean verify-full).
 */
export function tlsPlan(url: string): { mode: string; first: string; fallback?: string } {
  const u = parseUrl(url);
  const given = u.searchParams.get('sslmode');
  const mode = (given ?? 'prefer').toLowerCase();
  if (!(SSLMODES as readonly string[]).includes(mode)) throw new UsageError(m('badSslmode', { mode: given ?? '' }), m('badSslmodeHint', { modes: SSLMODES.join(', ') }));
  if (mode === 'verify-ca' && !u.searchParams.get('sslrootcert')) throw new UsageError(m('needRootCert'), m('needRootCertHint'));
  for (const k of ['sslrootcert', 'sslcert', 'sslkey']) {
    const file = u.searchParams.get(k);
    if (!file) continue;
    try { fs.accessSync(file, fs.constants.R_OK); } catch (e) {
      throw new UsageError(m('sslFile', { key: k, file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }), m('sslFileHint', { key: k }));
    }
  }
  const as = (sslmode: string) => {
    const x = new URL(u);
    x.searchParams.set('sslmode', sslmode);
    if (sslmode !== 'no-verify' && sslmode !== 'disable' && !x.searchParams.has('uselibpqcompat')) x.searchParams.set('uselibpqcompat', 'true');
    return x.toString();
  };
  if (mode === 'prefer') return { mode, first: as('prefer'), fallback: as('disable') };
  if (mode === 'allow') return { mode, first: as('disable'), fallback: as('prefer') };
  return { mode, first: as(mode) };
}

/** Whether the first try of a plan failed for its TLS choice alone (so the fallback may connect). */
function refusedForTls(mode: string, e: unknown): boolean {
  return (mode === 'prefer' && serverWithoutTls(e)) || (mode === 'allow' && serverWantsTls(e));
}

/** Connects (TLS as the URL's sslmode says, with libpq's meaning), or throws an EnvError (a UsageError for a bad sslmode). */
export async function connect(url: string, timeoutMs = 10_000, learner = false): Promise<Client> {
  const plan = tlsPlan(url);
  const { Client } = pg();
  const open = async (connectionString: string): Promise<Client> => {
    const client = new Client({ connectionString, connectionTimeoutMillis: timeoutMs, application_name: 'dlpath' });
    client.on('error', () => { /* a dropped connection is reported by the query that meets it */ });
    try {
      await client.connect();
    } catch (e) {
      try { await client.end(); } catch { /* never opened */ }
      throw e;
    }
    return client;
  };
  const fail = (e: unknown): EnvError => {
    // node-postgres's own connect timeout (connectionTimeoutMillis): a server that accepted and never answered.
    if (!(e as { code?: string }).code && /timeout expired|connection timeout/i.test((e as Error).message ?? '')) {
      return new EnvError(m('pgTimeout', { where: redact(url), seconds: timeoutMs / 1000 }), m(learner ? 'pgDownHint' : 'pgDownHintTeacher'));
    }
    return envErrorOf(e, url, learner);
  };
  try {
    return await open(plan.first);
  } catch (e) {
    if (plan.fallback && refusedForTls(plan.mode, e)) {
      try { return await open(plan.fallback); } catch (e2) { throw fail(e2); }
    }
    throw fail(e);
  }
}

/**
 * `f` inside one transaction (`begin`: the statement that opens it), committed when `f` returns, rolled
 * back when it throws.
 */
export async function inTransaction<T>(c: Client, f: () => Promise<T>, begin = 'BEGIN'): Promise<T> {
  await c.query(begin);
  try {
    const out = await f();
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** A read-only transaction that sees one snapshot throughout. */
export const READ_SNAPSHOT = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

// ------------------------------------------------------------------ roles and passwords

/** Role names come from the database name: roles are the cluster's, a class is a database. */
export function roleNames(db: string): { teacher: string; learners: string; prefix: string } {
  const base = db.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 24);
  const tag = crypto.createHash('sha256').update(db).digest('hex').slice(0, 6);
  const prefix = `dlpath_${base}_${tag}`;
  return { prefix, teacher: `${prefix}_teacher`, learners: `${prefix}_learners` };
}

export const LEARNER_NAME_RE = /^[a-z][a-z0-9_]{0,19}$/;

/** A name a learner or teacher may have, made from one that may not ("Ana Maria" → ana_maria), for a hint. */
export function nameExample(name: string, fallback: string): string {
  const x = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '').replace(/_+$/, '').slice(0, 20).replace(/_+$/, '');
  return LEARNER_NAME_RE.test(x) ? x : fallback;
}

/** A role name in a statement: only [a-z0-9_] gets here, double-quoted all the same. */
export function ident(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** A random password of letters and digits (~143 bits). */
export function newPassword(): string {
  const abc = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(32);
  let s = '';
  for (let i = 0; i < 26; i++) s += abc[bytes[i] % abc.length];
  return s;
}

/** The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677): the server never sees the password. */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = crypto.randomBytes(16);
  const salted = crypto.pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = crypto.createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = crypto.createHash('sha256').update(clientKey).digest();
  const serverKey = crypto.createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** A literal of base64 and `$:-` characters only (a SCRAM verifier); anything else is refused. */
function verifierLiteral(v: string): string {
  if (!/^[A-Za-z0-9+/=$:-]+$/.test(v)) throw new Error('unexpected characters in a verifier');
  return `'${v}'`;
}

// ------------------------------------------------------------------ the schema

/** 1: events, learners, meta; 2: the summaries the report reads (summaries.ts), kept by a trigger. */
export const CLASS_SCHEMA_VERSION = 2;

function schemaSql(r: { teacher: string; learners: string }): string[] {
  const T = ident(r.teacher);
  const L = ident(r.learners);
  return [
    'CREATE SCHEMA IF NOT EXISTS dlpath',
    'CREATE TABLE IF NOT EXISTS dlpath.meta (key text PRIMARY KEY, value text NOT NULL)',
    `CREATE TABLE IF NOT EXISTS dlpath.learners (role name PRIMARY KEY, name text UNIQUE NOT NULL,
      added_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE IF NOT EXISTS dlpath.events (
      uid uuid PRIMARY KEY,
      learner name NOT NULL DEFAULT current_user,
      ts timestamptz NOT NULL,
      kind text NOT NULL,
      module text,
      item text,
      epoch integer NOT NULL,
      data jsonb,
      received_at timestamptz NOT NULL DEFAULT now())`,
    'CREATE INDEX IF NOT EXISTS events_learner_ts ON dlpath.events (learner, ts)',
    // How many of its own machine's resets came between the start of an event's work and its recording
    // (merge.ts): sent with each event, since another machine cannot read it off the server's rows.
    'ALTER TABLE dlpath.events ADD COLUMN IF NOT EXISTS lag integer',
    // The transaction that wrote each event, so that sync fetches only what arrived since its last fetch
    // (fetchOwnEvents); the index serves that per learner.
    'ALTER TABLE dlpath.events ADD COLUMN IF NOT EXISTS xid xid8 NOT NULL DEFAULT pg_current_xact_id()',
    'CREATE INDEX IF NOT EXISTS events_learner_xid ON dlpath.events (learner, xid)',
    // Set by class revoke (the learner's events stay), cleared by class restore.
    'ALTER TABLE dlpath.learners ADD COLUMN IF NOT EXISTS revoked_at timestamptz',
    'ALTER TABLE dlpath.events ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE dlpath.events FORCE ROW LEVEL SECURITY',
    'REVOKE ALL ON SCHEMA dlpath FROM PUBLIC',
    'REVOKE ALL ON ALL TABLES IN SCHEMA dlpath FROM PUBLIC',
    `GRANT USAGE ON SCHEMA dlpath TO ${T}, ${L}`,
    `GRANT SELECT ON dlpath.events, dlpath.learners, dlpath.meta TO ${T}`,
    // Append-only for learners: no UPDATE, no DELETE, no TRUNCATE; the policies below keep each to its own rows.
    // The columns a learner's sync writes: not received_at nor xid, which the server sets (xid marks what a
    // later fetch reads; a learner who could set it could hide events from their own other machines).
    `REVOKE INSERT ON dlpath.events FROM ${L}`,
    `GRANT SELECT ON dlpath.events TO ${L}`,
    `GRANT INSERT (uid, learner, ts, kind, module, item, epoch, data, lag) ON dlpath.events TO ${L}`,
    // What the class is (its course, its schema version): no learner's data in it.
    `GRANT SELECT ON dlpath.meta TO ${L}`,
    'DROP POLICY IF EXISTS learner_insert ON dlpath.events',
    'DROP POLICY IF EXISTS learner_select ON dlpath.events',
    'DROP POLICY IF EXISTS teacher_select ON dlpath.events',
    `CREATE POLICY learner_insert ON dlpath.events FOR INSERT TO ${L} WITH CHECK (learner = current_user)`,
    `CREATE POLICY learner_select ON dlpath.events FOR SELECT TO ${L} USING (learner = current_user)`,
    `CREATE POLICY teacher_select ON dlpath.events FOR SELECT TO ${T} USING (true)`,
    ...summarySchemaSql(T),
  ];
}

async function ensureRole(c: Client, name: string): Promise<void> {
  const r = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  if (!r.rowCount) await c.query(`CREATE ROLE ${ident(name)} NOLOGIN`);
}

/** What the database holds outside PostgreSQL's own schemas and ours. */
async function foreignObjects(c: Client): Promise<string[]> {
  const r = await c.query(`SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'dlpath')
      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%' ORDER BY 1 LIMIT 5`);
  return r.rows.map((x: { name: string }) => x.name);
}

export interface InitResult { database: string; teacher: string; learners: string; created: boolean }

/** Creates (or completes) the class in an empty database; refuses one that holds anything else. */
export async function initClass(c: Client, course: string | null): Promise<InitResult> {
  const db = (await c.query('SELECT current_database() AS d')).rows[0].d as string;
  const others = await foreignObjects(c);
  if (others.length) throw new UsageError(m('initNotEmpty', { db, objects: others.join(', ') }), m('initNotEmptyHint'));
  const had = (await c.query(`SELECT to_regclass('dlpath.meta') IS NOT NULL AS had`)).rows[0].had as boolean;
  let version = 0;
  if (had) {
    const v = await c.query(`SELECT value FROM dlpath.meta WHERE key = 'schema_version'`);
    version = Number(v.rows[0]?.value ?? 0);
    if (version > CLASS_SCHEMA_VERSION) throw new EnvError(m('initNewer', { db, version }), m('initNewerHint'));
  }
  const r = roleNames(db);
  await inTransaction(c, async () => {
    await ensureRole(c, r.teacher);
    await ensureRole(c, r.learners);
    for (const sql of schemaSql(r)) await c.query(sql);
    // A class made by an older dlpath: its summaries, from the events it holds (inside this transaction).
    if (version < SUMMARIES_SINCE_VERSION) await c.query('SELECT dlpath.rebuild_summaries()');
    await c.query(`INSERT INTO dlpath.meta (key, value) VALUES ('schema_version', $1), ('teacher_role', $2), ('learner_role', $3)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(CLASS_SCHEMA_VERSION), r.teacher, r.learners]);
    if (course) await c.query(`INSERT INTO dlpath.meta (key, value) VALUES ('course', $1) ON CONFLICT (key) DO NOTHING`, [course]);
    // Whoever created the class reads it as the teacher does (its table is subject to the policies too: FORCE).
    const me = (await c.query('SELECT current_user AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su')).rows[0];
    if (!me.su) await c.query(`GRANT ${ident(r.teacher)} TO ${ident(me.u)}`);
  });
  return { database: db, teacher: r.teacher, learners: r.learners, created: !had };
}

/** A UsageError unless the database holds a class; `where`: its URL with the password hidden. */
export async function requireClass(c: Client, where: string): Promise<void> {
  const has = (await c.query(`SELECT to_regclass('dlpath.meta') IS NOT NULL AS has`)).rows[0].has as boolean;
  if (!has) throw new UsageError(m('notAClass', { where }), m('notAClassHint', { url: where }));
}

async function classRoles(c: Client, url: string): Promise<{ teacher: string; learners: string; prefix: string; db: string }> {
  await requireClass(c, redact(url));
  const db = (await c.query('SELECT current_database() AS d')).rows[0].d as string;
  return { ...roleNames(db), db };
}

/** Creates a learner's login role; returns the URL to hand out (the only place the password appears). */
export async function addLearner(c: Client, url: string, name: string): Promise<{ url: string; role: string }> {
  if (!LEARNER_NAME_RE.test(name)) throw new UsageError(m('badLearnerName', { name }), m('badLearnerNameHint', { example: nameExample(name, 'ana') }));
  const r = await classRoles(c, url);
  return createLogin(c, url, `${r.prefix}_l_${name}`, r.learners, m('learnerExists', { name }),
    () => c.query('INSERT INTO dlpath.learners (role, name) VALUES ($1, $2)', [`${r.prefix}_l_${name}`, name]));
}

/**
 * A login role in `group` with a new password, and what `record` adds, in one transaction; returns the
 * class URL with that role and password (the only place the password appears).
 */
async function createLogin(c: Client, url: string, role: string, group: string, exists: string, record?: () => Promise<unknown>): Promise<{ url: string; role: string }> {
  if ((await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount) throw new UsageError(exists, m('learnerExistsHint'));
  const password = newPassword();
  await inTransaction(c, async () => {
    await c.query(`CREATE ROLE ${ident(role)} LOGIN PASSWORD ${verifierLiteral(scramVerifier(password))} IN ROLE ${ident(group)}`);
    await record?.();
  });
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return { url: u.toString(), role };
}

// ------------------------------------------------------------------ revoking a learner, teachers

export interface LearnerRow { name: string; role: string; revoked_at: string | null }

/** The column class revoke writes, added here too when the class was made before it (as init does). */
async function ensureRevokedColumn(c: Client): Promise<void> {
  const r = await c.query(`SELECT 1 FROM pg_attribute WHERE attrelid = 'dlpath.learners'::regclass AND attname = 'revoked_at' AND NOT attisdropped`);
  if (!r.rowCount) await c.query('ALTER TABLE dlpath.learners ADD COLUMN IF NOT EXISTS revoked_at timestamptz');
}

/** A learner by name, or a UsageError that names the closest ones (or some of the class's learners). */
async function findLearner(c: Client, url: string, name: string): Promise<{ row: LearnerRow & { events: number }; r: { learners: string } }> {
  const r = await classRoles(c, url);
  await ensureRevokedColumn(c);
  const found = await c.query(`SELECT l.name, l.role, to_char(l.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS revoked_at,
    (SELECT count(*) FROM dlpath.events e WHERE e.learner = l.role)::int AS events FROM dlpath.learners l WHERE l.name = $1`, [name]);
  if (found.rowCount) return { row: found.rows[0] as LearnerRow & { events: number }, r };
  const names = (await c.query('SELECT name FROM dlpath.learners ORDER BY name')).rows.map((x: { name: string }) => x.name);
  const near = suggest(name, names);
  const hint = near.length ? m('didYouMean', { names: near.join(m('listSep')) })
    : names.length ? m('learnersAre', { names: names.slice(0, 10).join(m('listSep')) + (names.length > 10 ? m('andMore', { n: names.length - 10 }) : '') })
      : m('noLearners');
  throw new UsageError(m('unknownLearner', { name }), hint);
}

export interface RevokeResult { name: string; role: string; revoked_at: string; already: boolean; events: number; sessions_ended: number | null }

/**
 * Ends a learner's place in the class: their role can no longer log in, and loses the learners group (so a
 * connection already open, or kept by a pool, can no longer insert or read); their open connections are
 * ended when this role may signal them. Their events stay, and stay in the report.
 */
export async function revokeLearner(c: Client, url: string, name: string): Promise<RevokeResult> {
  const { row, r } = await findLearner(c, url, name);
  if (row.revoked_at) return { name, role: row.role, revoked_at: row.revoked_at, already: true, events: row.events, sessions_ended: null };
  const at = await inTransaction(c, async () => {
    await c.query(`ALTER ROLE ${ident(row.role)} NOLOGIN`);
    await c.query(`REVOKE ${ident(r.learners)} FROM ${ident(row.role)}`);
    return (await c.query(`UPDATE dlpath.learners SET revoked_at = now() WHERE role = $1
      RETURNING to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at`, [row.role])).rows[0].at as string;
  });
  let ended: number | null = null;
  try {
    ended = (await c.query('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE usename = $1', [row.role]))
      .rows.filter((x: { ok: boolean }) => x.ok).length;
  } catch (e) {
    // Not a superuser nor in pg_signal_backend: their open connections stay, without the group's rights.
    if ((e as { code?: string }).code !== '42501') throw e;
  }
  return { name, role: row.role, revoked_at: at, already: false, events: row.events, sessions_ended: ended };
}

/** Undoes revokeLearner: the same URL works again. */
export async function restoreLearner(c: Client, url: string, name: string): Promise<{ name: string; role: string; already: boolean }> {
  const { row, r } = await findLearner(c, url, name);
  if (!row.revoked_at) return { name, role: row.role, already: true };
  await inTransaction(c, async () => {
    await c.query(`GRANT ${ident(r.learners)} TO ${ident(row.role)}`);
    await c.query(`ALTER ROLE ${ident(row.role)} LOGIN`);
    await c.query('UPDATE dlpath.learners SET revoked_at = NULL WHERE role = $1', [row.role]);
  });
  return { name, role: row.role, already: false };
}

/**
 * A teacher's login role, in the class's teacher group: it reads the whole class (the report), and nothing
 * more (no INSERT, UPDATE or DELETE, not the owner of any table or policy, no password of anyone).
 */
export async function addTeacher(c: Client, url: string, name: string): Promise<{ url: string; role: string }> {
  if (!LEARNER_NAME_RE.test(name)) throw new UsageError(m('badTeacherName', { name }), m('badTeacherNameHint', { example: nameExample(name, 'lin') }));
  const r = await classRoles(c, url);
  return createLogin(c, url, `${r.prefix}_t_${name}`, r.teacher, m('teacherExists', { name }));
}

// ------------------------------------------------------------------ events

export interface WireEvent {
  uid: string; ts: string; kind: string; module: string | null; item: string | null; epoch: number; data: unknown;
  /** merge.ts's lag, from the sender's own history (null: sent by a dlpath, or to a class, without the column). */
  lag?: number | null;
}

/**
 * Which of the newer columns the class's events have (a class made before they were added lacks them until
 * its teacher runs init again): `lag` (merge.ts's lag, sent with each event) and `xid` (fetch since a mark).
 */
export async function eventColumns(c: Client): Promise<{ lag: boolean; xid: boolean }> {
  const r = await c.query(`SELECT attname FROM pg_attribute WHERE attrelid = to_regclass('dlpath.events')
    AND attname IN ('lag', 'xid') AND NOT attisdropped`);
  const names = new Set(r.rows.map((x: { attname: string }) => x.attname));
  return { lag: names.has('lag'), xid: names.has('xid') };
}

/** Sends events (one statement for the batch); those already there are left alone. */
export async function pushEvents(c: Client, events: readonly WireEvent[], withLag = false): Promise<number> {
  if (!events.length) return 0;
  // One array a column; lag only where the class's events have that column.
  type Column = [name: string, type: string, value: (e: WireEvent) => unknown];
  const lag: Column = ['lag', 'int', (e) => e.lag ?? null];
  const columns: Column[] = [
    ['uid', 'uuid', (e) => e.uid], ['ts', 'timestamptz', (e) => e.ts], ['kind', 'text', (e) => e.kind],
    ['module', 'text', (e) => e.module], ['item', 'text', (e) => e.item], ['epoch', 'int', (e) => e.epoch],
    ['data', 'jsonb', (e) => (e.data === null || e.data === undefined ? null : JSON.stringify(e.data))],
    ...(withLag ? [lag] : []),
  ];
  const r = await c.query(`INSERT INTO dlpath.events (${columns.map(([name]) => name).join(', ')})
    SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
    ON CONFLICT (uid) DO NOTHING`, columns.map(([, , value]) => events.map(value)));
  return r.rowCount ?? 0;
}

/**
 * This role's own events (the policies show no others to a learner): with `since` (a mark an earlier fetch
 * returned), only those written by transactions that were not yet committed when that fetch ran, so a
 * sync reads what is new, not the whole history. The mark is the oldest transaction still running at the
 * fetch (its snapshot's xmin): every transaction the fetch could not see has an id at least that, so none
 * is missed, and a few already seen come again (they are known locally and skipped).
 */
export async function fetchOwnEvents(c: Client, cols: { lag: boolean; xid: boolean }, since?: string): Promise<{ events: WireEvent[]; mark: string | null }> {
  const select = `SELECT uid::text AS uid, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ts,
    kind, module, item, epoch, data, ${cols.lag ? 'lag' : 'NULL::int AS lag'} FROM dlpath.events WHERE learner = current_user`;
  if (!cols.xid) return { events: (await c.query(select)).rows as WireEvent[], mark: null };
  if (since !== undefined && !/^\d{1,20}$/.test(since)) since = undefined;
  // One snapshot for the mark and the rows.
  return inTransaction(c, async () => {
    const mark = (await c.query('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS mark')).rows[0].mark as string;
    const rows = since === undefined ? await c.query(select) : await c.query(`${select} AND xid >= $1::xid8`, [since]);
    return { events: rows.rows as WireEvent[], mark };
  }, READ_SNAPSHOT);
}

/** The course the class was created for (null when init ran without one). */
/**
 * Whether the connection's user is one of the class's learners (a direct member of its learners group; a
 * superuser counts as a member of every role for pg_has_role, so membership is read from pg_auth_members):
 * null when the database holds no class (its meta names no learners group).
 */
export async function isClassLearner(c: Client): Promise<{ learner: boolean | null; user: string }> {
  const r = await c.query(`SELECT current_user::text AS user, (SELECT value FROM dlpath.meta WHERE key = 'learner_role') AS grp,
    EXISTS (SELECT 1 FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles u ON u.oid = am.member
            WHERE u.rolname = current_user AND g.rolname = (SELECT value FROM dlpath.meta WHERE key = 'learner_role')) AS member`);
  const row = r.rows[0] as { user: string; grp: string | null; member: boolean };
  return { learner: row.grp === null ? null : row.member, user: row.user };
}

export async function classCourse(c: Client): Promise<string | null> {
  const r = await c.query(`SELECT value FROM dlpath.meta WHERE key = 'course'`);
  return (r.rows[0]?.value as string | undefined) ?? null;
}
