/**
 * The real `keyhygiene keys` binary (dist/src/cli/bin.js, built by `npm run build`, which
 * scripts/test.sh runs first), driven through real pipes and through a pseudo-terminal. In-process
 * tests of runKeysCli pass their own streams, so they never saw that the binary read no stdin and
 * could not prompt (issue 14, High 3). The pseudo-terminal comes from script(1) (util-linux, package
 * bsdutils; scripts/test.sh installs it when missing): no native npm module.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/fixtures.js';
import { startSoftHsm, type SoftHsm } from './helpers/softhsm.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/src/cli/bin.js');
const dir = tempDir('cli-binary');
/** Test-only values, generated per run. */
const PASSPHRASE = `pty-only-passphrase-${process.pid}`;
let hsm: SoftHsm;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first`);
  try {
    execFileSync('script', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('script(1) not found: install util-linux/bsdutils (scripts/test.sh does)');
  }
  hsm = startSoftHsm();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  hsm?.cleanup();
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes (for --binary). */
  raw?: Buffer;
}

/** Runs the binary with `input` piped to its stdin (then closed). */
function piped(args: string[], input: string | Buffer | null, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((res, rej) => {
    const c = spawn(process.execPath, [BIN, 'keys', ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const r: Result = { code: null, stdout: '', stderr: '' };
    const chunks: Buffer[] = [];
    c.stdout.on('data', (d: Buffer) => chunks.push(d));
    c.stderr.on('data', (d: Buffer) => (r.stderr += d.toString()));
    c.on('error', rej);
    c.on('close', (code) => {
      r.code = code;
      r.raw = Buffer.concat(chunks);
      r.stdout = r.raw.toString('utf8');
      res(r);
    });
    if (input !== null) c.stdin.end(input);
    else c.stdin.end();
  });
}

/**
 * Runs the binary on a pseudo-terminal (script -qec CMD /dev/null) and answers each prompt that
 * appears with the next of `answers` followed by Enter. Returns everything the terminal showed.
 */
function onTerminal(args: string[], answers: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const cmd = [process.execPath, BIN, 'keys', ...args].map(quote).join(' ');
  return new Promise((res, rej) => {
    const c = spawn('script', ['-qec', cmd, '/dev/null'], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const r: Result = { code: null, stdout: '', stderr: '' };
    let asked = 0;
    const timer = setTimeout(() => c.kill('SIGKILL'), 60_000);
    c.stdout.on('data', (d: Buffer) => {
      r.stdout += d.toString();
      const prompts = r.stdout.match(/(passphrase|PIN for token "[^"]+"): /g)?.length ?? 0;
      while (asked < prompts && asked < answers.length) c.stdin.write(`${answers[asked++]}\r`);
    });
    c.stderr.on('data', (d: Buffer) => (r.stderr += d.toString()));
    c.on('error', rej);
    c.on('exit', (code) => {
      clearTimeout(timer);
      r.code = code;
      res(r);
    });
  });
}

describe('through pipes', () => {
  const store = join(dir, 'piped');
  const env = { KH_BIN_PASSPHRASE: PASSPHRASE };
  const sw = ['--store', store, '--backend', 'software', '--passphrase-env', 'KH_BIN_PASSPHRASE'];

  it('init, then `echo x | keyhygiene keys encrypt` reads stdin, and decrypt reads the ciphertext from stdin', async () => {
    expect((await piped(['init', ...sw], null, env)).code).toBe(0);
    const enc = await piped(['encrypt', ...sw, '--context', 'c1'], 'piped plaintext\n', env);
    expect(enc.stderr).toBe('');
    expect(enc.code).toBe(0);
    expect(enc.stdout).toMatch(/^kh1\.[A-Za-z0-9_-]+\n$/);
    const dec = await piped(['decrypt', ...sw, '--context', 'c1'], enc.stdout, env);
    expect(dec.code).toBe(0);
    expect(dec.stdout).toBe('piped plaintext\n');
    const bin = await piped(['encrypt', ...sw, '--binary'], Buffer.from([0, 1, 2, 255]), env);
    expect(bin.code).toBe(0);
    const back = await piped(['decrypt', ...sw], bin.raw!, env);
    expect(back.stderr).toBe('');
    expect(back.raw).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('with a pipe and no passphrase source there is no terminal: one line, a hint, exit 2', async () => {
    const r = await piped(['list', '--store', store, '--backend', 'software'], 'not a passphrase\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'keyhygiene keys: no passphrase/PIN source given and no terminal to prompt on\nhint: keyhygiene keys --help\n',
    );
  });

  it('errors go through the CLI formatter: one line with the code, a hint, and with --debug the cause', async () => {
    const r = await piped(['list', ...sw, '--debug'], null, { KH_BIN_PASSPHRASE: 'a wrong passphrase' });
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^keyhygiene keys: wrong passphrase .*\[E_AUTH\]$/);
    expect(lines[1]).toMatch(/^hint: check the passphrase or PIN source/);
    expect(r.stderr).toMatch(/caused by: KeyhygieneError: wrong passphrase/);
    expect(r.stderr).not.toContain('a wrong passphrase\n');
  });
});

describe('on a pseudo-terminal', () => {
  it('prompts for a new passphrase without echo, then for the passphrase on the next open', async () => {
    const store = join(dir, 'pty');
    const init = await onTerminal(['init', '--store', store, '--backend', 'software'], [PASSPHRASE]);
    expect(init.code, init.stdout).toBe(0);
    expect(init.stdout).toContain('New keystore passphrase: ');
    expect(init.stdout).toContain('keystore ready at');
    expect(init.stdout).not.toContain(PASSPHRASE);
    const list = await onTerminal(['list', '--store', store, '--backend', 'software'], [PASSPHRASE]);
    expect(list.code, list.stdout).toBe(0);
    expect(list.stdout).toContain('Keystore passphrase: ');
    expect(list.stdout).toMatch(/default {2}purpose=aead/);
    const wrong = await onTerminal(['list', '--store', store, '--backend', 'software'], ['not-the-passphrase']);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toMatch(/\[E_AUTH\]/);
  });

  it('prompts for the token PIN', async () => {
    const store = join(dir, 'pty-p11');
    const args = ['init', '--store', store, '--backend', 'pkcs11', '--module', hsm.module];
    const r = await onTerminal([...args, '--token-label', hsm.tokenLabel], [hsm.pin], { SOFTHSM2_CONF: hsm.conf });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`PIN for token "${hsm.tokenLabel}": `);
    expect(r.stdout).toContain('hardware (PKCS#11 token)');
    expect(r.stdout).not.toContain(hsm.pin);
  });
});
