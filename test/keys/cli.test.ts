/**
 * `keyhygiene keys ...` through runKeysCli (in-memory streams) and through a real child process
 * (test-only launcher) for exit codes. Human output by default, --json for scripts, no key material
 * printed except by export-insecure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKeysCli } from '../../src/cli/keys/index.js';
import { clearSecretCache, loadSecret } from '../../src/keys/index.js';
import { buildKeysForChildren } from './helpers/build.js';
import { dirFingerprint, tempDir, TEST_PASSPHRASE } from './helpers/fixtures.js';
import { softHsmForFile } from './helpers/softhsm.js';

const dir = tempDir('cli');
const store = join(dir, 'store');
const env = (): NodeJS.ProcessEnv => ({ KH_PASS: TEST_PASSPHRASE, KH_PIN: token().pin, SOFTHSM2_CONF: token().conf });
const sw = ['--store', store, '--backend', 'software', '--passphrase-env', 'KH_PASS'];
// The token store opens in milliseconds; the software store derives its KEK with scrypt (~1 s) on every command.
const hw = (storeName = 'hw-life'): string[] => [
  '--store',
  join(dir, storeName),
  '--backend',
  'pkcs11',
  '--module',
  token().module,
  '--token-label',
  token().tokenLabel,
  '--pin-env',
  'KH_PIN',
];

interface Run {
  code: number;
  out: string;
  err: string;
  outBuf: Buffer;
}

async function cli(args: string[], stdin?: string | Buffer, e: NodeJS.ProcessEnv = env()): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const o: Buffer[] = [];
  const r: Buffer[] = [];
  stdout.on('data', (d: Buffer) => o.push(Buffer.from(d)));
  stderr.on('data', (d: Buffer) => r.push(Buffer.from(d)));
  const code = await runKeysCli(args, {
    stdout,
    stderr,
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
    env: e,
  });
  const outBuf = Buffer.concat(o);
  return { code, out: outBuf.toString(), err: Buffer.concat(r).toString(), outBuf };
}

function expectOneLineError(r: Run, codeName: string): void {
  expect(r.code).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines[0]).toMatch(new RegExp(`^keyhygiene keys: .*\\[${codeName}\\]$`));
  expect(lines.length).toBeLessThanOrEqual(2);
  if (lines[1]) expect(lines[1]).toMatch(/^hint: /);
}

const token = softHsmForFile({ beforeAll, afterAll }, async () => {
  await clearSecretCache();
  rmSync(dir, { recursive: true, force: true });
});

describe('usage', () => {
  it('help exits 0, nothing exits 2, unknown command or flag exits 2 with a hint', async () => {
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['--help'])).out).toContain('schedule-destroy');
    expect((await cli([])).code).toBe(2);
    const u = await cli(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/unknown command "frobnicate"\nhint: /);
    expect((await cli(['list', '--bogus'])).code).toBe(2);
    const nb = await cli(['list', '--store', store]);
    expect(nb.code).toBe(2);
    expect(nb.err).toMatch(/name the backend/);
  });
});

describe('software keystore', () => {
  let secretB64 = '';

  it('init, generate, list (human and --json), labelled software', async () => {
    const init = await cli(['init', ...sw]);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain('SOFTWARE, not hardware-backed');
    const gen = await cli(['generate', ...sw, '--name', 'jwt-secret', '--purpose', 'secret']);
    expect(gen.code, gen.err).toBe(0);
    const list = await cli(['list', ...sw]);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/default\s+purpose=aead\s+backend=software \[SOFTWARE, not hardware-backed\]/);
    expect(list.out).toMatch(/jwt-secret\s+purpose=secret/);
    const json = JSON.parse((await cli(['list', ...sw, '--json'])).out) as {
      keys: Array<{ name: string; hardware: boolean; versions: unknown[] }>;
    };
    expect(json.keys.map((k) => k.name)).toEqual(['default', 'jwt-secret']);
    expect(json.keys.every((k) => k.hardware === false)).toBe(true);
    const s = await loadSecret('jwt-secret', {
      path: store,
      backend: { type: 'software', passphrase: TEST_PASSPHRASE },
    });

    secretB64 = s.expose().toString('base64');
  });

  it('encrypt and decrypt through stdin/stdout, with context; rewrap after rotate', async () => {
    const enc = await cli(['encrypt', ...sw, '--context', 'order=7'], 'card data');
    expect(enc.code, enc.err).toBe(0);
    expect(enc.out).toMatch(/^kh1\.[A-Za-z0-9_-]+\n$/);
    const dec = await cli(['decrypt', ...sw, '--context', 'order=7'], enc.out);
    expect(dec.code, dec.err).toBe(0);
    expect(dec.out).toBe('card data');
    const rot = await cli(['rotate', ...sw]);
    expect(rot.code).toBe(0);
    expect(rot.out).toMatch(/new version [0-9a-f]{8} \(#2\) is active \[software, not hardware-backed\]/);
  });

  it('wrong context, rewrap after rotate (on the token store: every software command pays ~1 s of scrypt)', async () => {
    expect((await cli(['init', ...hw()])).code).toBe(0);
    const enc = await cli(['encrypt', ...hw(), '--context', 'order=7'], 'card data');
    expectOneLineError(await cli(['decrypt', ...hw(), '--context', 'order=8'], enc.out), 'E_TAMPERED');
    expect((await cli(['rotate', ...hw()])).code).toBe(0);
    const re = await cli(['rewrap', ...hw(), '--context', 'order=7'], enc.out);
    expect(re.code, re.err).toBe(0);
    expect(re.out).not.toBe(enc.out);
    expect((await cli(['decrypt', ...hw(), '--context', 'order=7'], re.out)).out).toBe('card data');
  });

  it('staged rotation, promote, disable, enable, schedule-destroy, cancel, destroy (on the token: quick to open)', async () => {
    await cli(['rotate', ...hw()]);
    const list = JSON.parse((await cli(['list', ...hw(), '--json'])).out) as {
      keys: Array<{ name: string; versions: Array<{ id: string; state: string }> }>;
    };
    const old = list.keys[0]!.versions.find((v) => v.state === 'decrypt-only')!.id;
    const staged = JSON.parse((await cli(['rotate', ...hw(), '--stage', '--json'])).out) as {
      id: string;
      state: string;
    };
    expect(staged.state).toBe('preactive');
    expect((await cli(['promote', ...hw(), '--version', staged.id])).out).toContain('is now primary');
    expect((await cli(['disable', ...hw(), '--version', old])).out).toContain('is disabled');
    expect((await cli(['enable', ...hw(), '--version', old])).out).toContain('is decrypt-only');
    expect((await cli(['schedule-destroy', ...hw(), '--version', old])).out).toMatch(
      /unusable now, destroyed on or after/,
    );
    expectOneLineError(await cli(['destroy', ...hw(), '--version', old]), 'E_STATE');
    expect((await cli(['cancel-destroy', ...hw(), '--version', old])).code).toBe(0);
    expect((await cli(['schedule-destroy', ...hw(), '--version', old, '--days', '0'])).code).toBe(0);
    const d = await cli(['destroy', ...hw(), '--version', old]);
    expect(d.code, d.err).toBe(0);
    expect(d.out).toMatch(/crypto-erase VERIFIED/);
    expect(d.out).toMatch(/\[ok\] canary check/);
    expect(d.out).toMatch(/limits: NIST SP 800-88/);
    expectOneLineError(await cli(['disable', ...hw(), '--version', old]), 'E_DESTROYED');
    const bin = join(dir, 'ct.bin');
    expect((await cli(['encrypt', ...hw(), '--binary', '--out', bin], 'file mode')).code).toBe(0);
    expect(readFileSync(bin)[0]).toBe(1);
    expect((await cli(['decrypt', ...hw(), '--in', bin])).out).toBe('file mode');
    expect((await cli(['disable', ...hw()])).err).toMatch(/disable needs --version ID\nhint: /);
  });

  it('import marks the key compromised and suggests destroy-file; destroy-file destroys it', async () => {
    const keyFile = join(dir, 'found-in-repo.key');
    writeFileSync(keyFile, Buffer.alloc(32, 0x5a), { mode: 0o600 }); // clearly fake test key
    const imp = await cli(['import', ...sw, '--in', keyFile]);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toMatch(/compromised, decrypt-only/);
    expect(imp.out).toContain(`keyhygiene keys destroy-file ${keyFile}`);
    const df = await cli(['destroy-file', keyFile, '--json']);
    expect(df.code).toBe(0);
    expect(JSON.parse(df.out)).toMatchObject({ method: 'overwrite-and-unlink', verified: true });
    expect((await cli(['list', ...sw])).out).toMatch(/COMPROMISED,imported/);
    // a hardcoded HMAC secret for a key that does not exist yet: created with a fresh primary
    const hmacFile = join(dir, 'webhook.secret');
    writeFileSync(hmacFile, 'fake-hardcoded-webhook-secret-for-tests', { mode: 0o600 });
    const imp2 = await cli([
      'import',
      ...hw(),
      '--name',
      'webhook-legacy',
      '--purpose',
      'mac',
      '--in',
      hmacFile,
      '--json',
    ]);
    expect(imp2.code, imp2.err).toBe(0);
    const j = JSON.parse(imp2.out) as {
      imported: { compromised: boolean; id: string };
      key: { primary: string; versions: unknown[] };
    };
    expect(j.imported.compromised).toBe(true);
    expect(j.key.primary).not.toBe(j.imported.id);
    expect(j.key.versions).toHaveLength(2);
  });

  it('verify-log passes, then fails with exit 1 once a record is altered', async () => {
    const ok = await cli(['verify-log', ...sw]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/audit log OK: \d+ records/);
    const chainOnly = await cli(['verify-log', '--store', store], undefined, {});
    expect(chainOnly.code).toBe(0);
    const copy = join(dir, 'tampered');
    (await import('node:fs')).cpSync(store, copy, { recursive: true });
    const log = readFileSync(join(copy, 'audit.log'), 'utf8').replace('"event":"key.create"', '"event":"key.crEate"');
    writeFileSync(join(copy, 'audit.log'), log);
    const bad = await cli(['verify-log', '--store', copy, '--json'], undefined, {});
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, error: { reason: expect.stringContaining('altered') } });
  });

  it('key material is printed only by export-insecure, which needs the acknowledgement flag', async () => {
    const outputs: string[] = [];
    for (const args of [['rotate', ...sw, '--name', 'jwt-secret', '--json']]) {
      const r = await cli(args);
      outputs.push(r.out, r.err);
    }
    for (const o of outputs) expect(o).not.toContain(secretB64);
    const refused = await cli(['export-insecure', ...sw, '--name', 'jwt-secret', '--version', '00000001']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--i-understand-this-is-insecure/);
    const list = JSON.parse((await cli(['list', ...sw, '--json'])).out) as {
      keys: Array<{ name: string; versions: Array<{ id: string; number: number }> }>;
    };
    expect(JSON.stringify(list)).not.toContain(secretB64);
    const first = list.keys.find((k) => k.name === 'jwt-secret')!.versions.find((v) => v.number === 1)!.id;
    const ex = await cli([
      'export-insecure',
      ...sw,
      '--name',
      'jwt-secret',
      '--version',
      first,
      '--i-understand-this-is-insecure',
    ]);
    expect(ex.code, ex.err).toBe(0);
    expect(ex.out.trim()).toBe(secretB64);
    expect(ex.err).toMatch(/WARNING: printing raw key material/);
    expect(readFileSync(join(store, 'audit.log'), 'utf8')).toContain('version.export-insecure');
  });

  it('errors are one line with exit 2 and leave the store unchanged', async () => {
    const before = dirFingerprint(store);
    expectOneLineError(await cli(['list', ...sw], undefined, { KH_PASS: 'wrong passphrase' }), 'E_AUTH');
    expectOneLineError(await cli(['encrypt', ...sw, '--name', '../etc/passwd'], 'x'), 'E_BAD_NAME');
    expectOneLineError(await cli(['encrypt', ...hw(), '--name', 'nope'], 'x'), 'E_NOT_FOUND');
    expectOneLineError(await cli(['decrypt', ...sw], 'kh1.AQAAAAAB'), 'E_CORRUPT');
    expectOneLineError(await cli(['decrypt', ...sw], 'kh1.AgAAAAABAAAA'), 'E_FORMAT');
    expectOneLineError(
      await cli([
        'list',
        '--store',
        store,
        '--backend',
        'pkcs11',
        '--module',
        '/nonexistent.so',
        '--token-label',
        'x',
        '--pin-env',
        'KH_PIN',
      ]),
      'E_PKCS11',
    );
    expectOneLineError(
      await cli(['list', '--store', join(dir, 'missing'), '--backend', 'software', '--passphrase-env', 'KH_PASS']),
      'E_NOT_FOUND',
    );
    expect(dirFingerprint(store)).toBe(before);
    const withDebug = await cli(['list', ...sw, '--debug', '--name', 'a/b']);
    expect(withDebug.code).toBe(2);
    expect(withDebug.err).toMatch(/\n\s+at /);
  });

  it('random prints a base64url token', async () => {
    const r = await cli(['random', '--bytes', '24']);
    expect(r.out.trim()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe('keystore format and wrap mechanism', () => {
  it('a format-1 store is refused in one line with exit 2, naming what to read; the store is untouched', async () => {
    const p = hw('format-1');
    expect((await cli(['init', ...p])).code).toBe(0);
    // The format-1 layout as far as any build reads it: the header names version 1 (refused before the MAC).
    const file = join(p[1]!, 'keystore.json');
    const v1 = readFileSync(file, 'utf8').replace('"version":3', '"version":1');
    writeFileSync(file, v1);
    const before = dirFingerprint(p[1]!);
    const r = await cli(['list', ...p]);
    expectOneLineError(r, 'E_VERSION');
    expect(r.err).toMatch(/format version 1 cannot be opened or migrated .*"Format 1 stores" in docs\/keys\.md/);
    expect(dirFingerprint(p[1]!)).toBe(before);
  });

  it('--wrap aes-kwp makes the token wrap with CKM_AES_KEY_WRAP_PAD; a bad --wrap is a usage error', async () => {
    const p = hw('kwp');
    expect((await cli(['init', ...p, '--wrap', 'aes-kwp'])).code).toBe(0);
    const header = JSON.parse(readFileSync(join(p[1]!, 'keystore.json'), 'utf8').split('\n')[0]!) as {
      backend: { rootWrap: string };
    };
    expect(header.backend.rootWrap).toBe('aes-kwp');
    const enc = await cli(['encrypt', ...p, '--binary'], 'wrapped by RFC 5649');
    expect(enc.outBuf[5]).toBe(0x05);
    expect((await cli(['decrypt', ...p, '--binary'], enc.outBuf)).out).toBe('wrapped by RFC 5649');
    const bad = await cli(['list', ...p, '--wrap', 'aes-cbc']);
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toBe('keyhygiene keys: --wrap must be aes-gcm, aes-kwp or auto');
  });
});

describe('pkcs11 keystore', () => {
  it('init, list (hardware, generated in token), encrypt/decrypt, destroy (crypto-erase)', async () => {
    const hw2 = hw('hw');
    const init = await cli(['init', ...hw2]);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toMatch(/hardware \(PKCS#11 token\)/);
    expect(init.out).toMatch(/generated-in-token/);
    const enc = await cli(['encrypt', ...hw2], 'in the token');
    expect((await cli(['decrypt', ...hw2], enc.out)).out).toBe('in the token');
    const first = (JSON.parse((await cli(['list', ...hw2, '--json'])).out) as { keys: Array<{ primary: string }> })
      .keys[0]!.primary;
    await cli(['rotate', ...hw2]);
    await cli(['schedule-destroy', ...hw2, '--version', first, '--days', '0']);
    const d = await cli(['destroy', ...hw2]);
    expect(d.code, d.err).toBe(0);
    expect(d.out).toMatch(/crypto-erase VERIFIED \(token\)/);
    expect(d.out).toMatch(/C_FindObjects \(new session\): 0 objects found/);
    expectOneLineError(await cli(['decrypt', ...hw2], enc.out), 'E_DESTROYED');
    expectOneLineError(await cli(['list', ...hw2], undefined, { ...env(), KH_PIN: 'badpin' }), 'E_AUTH');
  });
});

describe('real child process (exit codes)', () => {
  it('exits 0 on success and 2 on a wrong passphrase, with one line on stderr', () => {
    const dist = buildKeysForChildren();
    const launcher = join(dist, 'test/keys/helpers/cli-launcher.js');
    const ok = spawnSync(process.execPath, [launcher, 'list', ...sw], { env: { ...process.env, ...env() } });
    expect(ok.status, ok.stderr.toString()).toBe(0);
    expect(ok.stdout.toString()).toContain('jwt-secret');
    const bad = spawnSync(process.execPath, [launcher, 'list', ...sw], {
      env: { ...process.env, KH_PASS: 'wrong passphrase' },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.toString()).toMatch(/^keyhygiene keys: wrong passphrase for this keystore .*\[E_AUTH\]\nhint: /);
  });
});
