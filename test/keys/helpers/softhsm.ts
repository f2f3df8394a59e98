/**
 * Starts a SoftHSM token for tests: a fresh token directory per run (SOFTHSM2_CONF in a temp dir),
 * initialised with softhsm2-util. SoftHSM is a library, not a daemon, so "starting" it means writing
 * the config and initialising a token; the PKCS#11 backend loads the module in-process.
 *
 * Missing softhsm2 is a test FAILURE, never a skip: CI installs it with apt (softhsm2, opensc).
 * The PIN values below are test-only, generated per run, and printed nowhere.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOFTHSM_MODULE_CANDIDATES = [
  process.env.P11_MODULE,
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
].filter((x): x is string => typeof x === 'string' && x !== '');

export interface SoftHsm {
  module: string;
  tokenLabel: string;
  pin: string;
  soPin: string;
  conf: string;
  dir: string;
  /** Backend options for openKeyring with the PIN given directly (tests only). */
  backend(): { type: 'pkcs11'; module: string; tokenLabel: string; pin: string };
  /** Initialises another token in the same token directory. */
  addToken(label: string): void;
  cleanup(): void;
}

/**
 * @throws Error when softhsm2-util or the module is missing (the test must fail, not skip).
 */
export function startSoftHsm(label = `kh-test-${randomBytes(3).toString('hex')}`): SoftHsm {
  const module = SOFTHSM_MODULE_CANDIDATES.find((p) => existsSync(p));
  if (!module)
    throw new Error('SoftHSM module libsofthsm2.so not found: install softhsm2 (apt-get install softhsm2 opensc)');
  try {
    execFileSync('softhsm2-util', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('softhsm2-util not found: install softhsm2 (apt-get install softhsm2 opensc)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'kh-softhsm-'));
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens, { mode: 0o700 });
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
    { mode: 0o600 },
  );
  // Must be set before the module's C_Initialize in this process (SoftHSM reads it then).
  process.env.SOFTHSM2_CONF = conf;
  const pin = randomBytes(6).toString('hex');
  const soPin = randomBytes(6).toString('hex');
  const init = (l: string): void => {
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', l, '--pin', pin, '--so-pin', soPin], {
      stdio: 'pipe',
      env: { ...process.env, SOFTHSM2_CONF: conf },
    });
  };
  init(label);
  return {
    module,
    tokenLabel: label,
    pin,
    soPin,
    conf,
    dir,
    backend: () => ({ type: 'pkcs11', module, tokenLabel: label, pin }),
    addToken: init,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Lists objects on the token with pkcs11-tool (opensc), as an outside witness. */
export function listTokenObjects(h: SoftHsm): string {
  return execFileSync(
    'pkcs11-tool',
    ['--module', h.module, '--token-label', h.tokenLabel, '--login', '--pin', h.pin, '--list-objects'],
    {
      stdio: 'pipe',
      env: { ...process.env, SOFTHSM2_CONF: h.conf },
    },
  ).toString();
}

export function writePinFile(dir: string, pin: string): string {
  const p = join(dir, `pin-${randomBytes(3).toString('hex')}`);
  writeFileSync(p, `${pin}\n`, { mode: 0o600 });
  return p;
}

/**
 * For a test file: a token started before its tests, and after them `cleanup` (a temp dir, the
 * loadSecret cache) then the token removed. Returns the token (valid once beforeAll ran).
 */
export function softHsmForFile(
  hooks: { beforeAll: (fn: () => void) => void; afterAll: (fn: () => Promise<void>) => void },
  cleanup: () => Promise<void> | void,
): () => SoftHsm {
  let hsm: SoftHsm | undefined;
  hooks.beforeAll(() => {
    hsm = startSoftHsm();
  });
  hooks.afterAll(async () => {
    await cleanup();
    hsm?.cleanup();
  });
  return () => {
    if (!hsm) throw new Error('the SoftHSM token is not started yet (use it inside a test)');
    return hsm;
  };
}
