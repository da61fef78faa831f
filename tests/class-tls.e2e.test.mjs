// TLS through the URL's sslmode, against a server of this test's own that refuses connections without TLS
// (tests/pg.mjs startCluster({ tls }): a test authority signs its certificate for 127.0.0.1). Each sslmode
// means what it means to psql (libpq): the default (prefer) and require encrypt, verify-ca/verify-full check
// the certificate against sslrootcert; a wrong authority, a mode that turns TLS off, a mode dlpath does not
// know and a missing sslrootcert file each get their own message and exit code, never the password.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './helpers.mjs';
import { startCluster, freshDb } from './pg.mjs';
import { RIGHT, run, takeQuiz, addLearners, serverCount } from './class-kit.mjs';

const openssl = spawnSync('openssl', ['version']).status === 0;
const server = openssl ? await startCluster({ tls: true }) : { skip: 'openssl is not installed (apt-get install openssl); .ci/run installs it' };

/** The URL with these search parameters. */
const withParams = (url, params) => {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
};

test('TLS as the URL says: verified, encrypted, refused; each failure said', { skip: server.skip ?? false }, async () => {
  const verified = { sslmode: 'verify-full', sslrootcert: server.ca };
  const url = withParams(await freshDb(withParams(server.url, verified), 'dlpath_t_tls'), verified);
  const teacher = tempDir();
  let r = run(teacher, ['class', 'init', url]);
  assert.equal(r.code, 0, r.stderr);
  // The learner's URL keeps the class URL's TLS settings.
  const { ana } = addLearners(teacher, url, ['ana']);
  assert.equal(new URL(ana).searchParams.get('sslmode'), 'verify-full');
  assert.equal(new URL(ana).searchParams.get('sslrootcert'), server.ca);
  const home = tempDir();
  assert.equal(takeQuiz(home, RIGHT).code, 0);
  r = run(home, ['class', 'join', ana]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(await serverCount(url) > 0, 'the events went over TLS');

  // The server refuses a connection without TLS: each success below was encrypted.
  const password = new URL(ana).password;
  const outputs = [];
  const join = (home, u) => { const x = run(home, ['class', 'join', u]); outputs.push(x.stdout, x.stderr); return x; };
  const as = (params) => {
    const u = new URL(ana);
    u.search = '';
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    return u.toString();
  };
  for (const params of [{}, { sslmode: 'require' }, { sslmode: 'prefer' }, { sslmode: 'allow' }, { sslmode: 'verify-ca', sslrootcert: server.ca }]) {
    r = join(tempDir(), as(params));
    assert.equal(r.code, 0, `${JSON.stringify(params)}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /SECURITY WARNING|Warning/, 'no warning from the driver');
  }
  r = join(tempDir(), as({ sslmode: 'disable' }));
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /The secure connection \(TLS\) to the class database at .* failed \(.*no encryption/);
  assert.match(r.stderr, /Check the URL's sslmode/);

  // A certificate signed by another authority than the one the URL trusts.
  const other = tempDir();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=another CA',
    '-keyout', path.join(other, 'ca.key'), '-out', path.join(other, 'ca.crt')], { stdio: 'pipe' });
  r = join(tempDir(), as({ sslmode: 'verify-full', sslrootcert: path.join(other, 'ca.crt') }));
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /The secure connection \(TLS\) .* failed \((self-signed certificate in certificate chain|unable to get local issuer certificate|unable to verify the first certificate)\)/);
  r = run(teacher, ['--lang', 'zh', 'class', 'report', '--url', withParams(url, { sslrootcert: path.join(other, 'ca.crt') })]);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /的安全连接（TLS）失败/);
  // Usage mistakes in the URL: exit 2, nothing saved.
  const fresh = tempDir();
  r = join(fresh, as({ sslmode: 'verify_full' }));
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /sslmode "verify_full" is not one dlpath knows[\s\S]*verify-full/);
  r = join(fresh, as({ sslmode: 'verify-ca' }));
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /verify-ca needs .* sslrootcert=<file>/);
  r = join(fresh, as({ sslmode: 'verify-full', sslrootcert: path.join(other, 'missing.crt') }));
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /sslrootcert file .*missing\.crt cannot be read \(ENOENT\)/);
  for (const out of outputs) assert.ok(!out.includes(password), 'the password is never printed');
});
