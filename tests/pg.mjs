// A PostgreSQL server for the class tests: the one .ci/run started (DLPATH_TEST_PG_URL, a superuser URL),
// or a throwaway cluster of our own (initdb in a temporary folder, loopback only, stopped at exit) when
// PostgreSQL is installed; otherwise the tests are skipped with the reason.
import { spawnSync, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './helpers.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
export const pg = require('pg');

function binDir() {
  for (const v of ['17', '16', '15', '14', '13']) {
    const d = `/usr/lib/postgresql/${v}/bin`;
    if (fs.existsSync(path.join(d, 'initdb'))) return d;
  }
  const r = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return r.status === 0 ? path.dirname(r.stdout.trim()) : null;
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

let server;

/**
 * { url, log } of a superuser connection and the server's log file (undefined when unknown: .ci/run's
 * cluster gives it as DLPATH_TEST_PG_LOG), or { skip: reason }. Each test file that imports this gets the
 * shared server when DLPATH_TEST_PG_URL is set, else a cluster of its own.
 */
export async function pgServer() {
  if (server) return server;
  if (process.env.DLPATH_TEST_PG_URL) return (server = { url: process.env.DLPATH_TEST_PG_URL, log: process.env.DLPATH_TEST_PG_LOG || undefined });
  return (server = await startCluster());
}

/**
 * A throwaway cluster of this process (initdb in a temporary folder, loopback only, stopped at exit):
 * { url, log, dir } or { skip: reason }. With `tls`, the server has TLS on, with a certificate for
 * 127.0.0.1 signed by a test authority (`ca`: its certificate's file), and refuses connections without TLS.
 */
export async function startCluster({ tls = false } = {}) {
  const bin = binDir();
  if (!bin) return { skip: 'PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-pg-'));
  const data = path.join(dir, 'data');
  const password = `pw${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(path.join(dir, 'pw'), password);
  const root = process.getuid?.() === 0;
  const as = (cmd, args) => (root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  if (root) execFileSync('chown', ['-R', 'postgres', dir]);
  const port = await freePort();
  // The C locale: whatever LANG says may not be installed (initdb then refuses to start).
  const pgEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  const run = (cmd, args) => { const [c, a] = as(path.join(bin, cmd), args); execFileSync(c, a, { stdio: 'pipe', env: pgEnv }); };
  run('initdb', ['-D', data, '-U', 'postgres', '--pwfile', path.join(dir, 'pw'), '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
  let ca;
  const options = [`-k ${dir}`, '-c listen_addresses=127.0.0.1', `-p ${port}`, '-c fsync=off'];
  if (tls) {
    ca = makeCertificates(dir, data, root);
    // TLS or nothing: a connection without it is refused by the server's own rules.
    fs.writeFileSync(path.join(data, 'pg_hba.conf'), 'local all all trust\nhostssl all all 127.0.0.1/32 scram-sha-256\nhostnossl all all 127.0.0.1/32 reject\n');
    options.push('-c ssl=on');
  }
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', options.join(' '), 'start']);
  process.on('exit', () => {
    try { run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']); } catch { /* already stopped */ }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, log: path.join(dir, 'log'), dir, ca };
}

/** A test authority and a server certificate for 127.0.0.1 signed by it (openssl); returns the authority's certificate file. */
function makeCertificates(dir, data, root) {
  const ossl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ossl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=dlpath test CA', '-keyout', 'ca.key', '-out', 'ca.crt');
  ossl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr');
  fs.writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  ossl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'san.ext', '-out', path.join(data, 'server.crt'));
  fs.copyFileSync(path.join(dir, 'server.key'), path.join(data, 'server.key'));
  fs.chmodSync(path.join(data, 'server.key'), 0o600);
  if (root) execFileSync('chown', ['postgres', path.join(data, 'server.key'), path.join(data, 'server.crt')]);
  return path.join(dir, 'ca.crt');
}

/** The same server, another database. */
export function withDb(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Runs queries as the URL's role; returns the last result's rows. */
export async function sql(url, ...queries) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    let r;
    for (const q of queries) r = Array.isArray(q) ? await c.query(q[0], q[1]) : await c.query(q);
    return r.rows;
  } finally {
    await c.end();
  }
}

/**
 * A new empty database; returns its URL (superuser). The roles a class made in a database of that name
 * before (roles are the server's, not the database's: dlpath_<name>_<hash>_...) go with it, so that a test
 * can run again on the same server.
 */
export async function freshDb(url, name) {
  await sql(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  // Exactly this database's roles (adapters/class/pg.ts roleNames), not those of a longer name it begins.
  const prefix = `dlpath_${name.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 24)}_${crypto.createHash('sha256').update(name).digest('hex').slice(0, 6)}_`;
  const roles = (await sql(url, 'SELECT rolname FROM pg_roles ORDER BY rolname DESC'))
    .map((r) => r.rolname).filter((r) => r.startsWith(prefix));
  if (roles.length) await sql(url, `DROP ROLE ${roles.map((r) => `"${r}"`).join(', ')}`);
  await sql(url, `CREATE DATABASE ${name}`);
  return withDb(url, name);
}
