/**
 * Issue 14 (Low): `destroyKeyFile` must never follow a symbolic link, not even one swapped in between
 * its `lstat` check and its open (O_NOFOLLOW, then the open descriptor must be the inode `lstat` saw);
 * `readSecretFile` (passphrase and PIN files) refuses links, non-regular files, shared modes and other
 * owners, checked on the open descriptor. The swap is made deterministic by a hook on `open`.
 */
import {
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { KeyhygieneError } from '../../src/keys/errors.js';
import { destroyKeyFile } from '../../src/keys/destroy.js';
import { readSecretFile } from '../../src/keys/software-backend.js';
import { tempDir } from './helpers/fixtures.js';

// Runs just before destroy.ts opens its file: the window between its lstat check and its open.
const hook = vi.hoisted(() => ({ beforeOpen: null as null | ((path: string) => void) }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = (path, ...rest) => {
    const h = hook.beforeOpen;
    hook.beforeOpen = null;
    if (h) h(String(path));
    return real.open(path, ...rest);
  };
  return { ...real, default: { ...real, open }, open };
});

const dir = tempDir('secret-files');
let n = 0;
const file = (content: string, mode = 0o600): string => {
  const p = join(dir, `f-${++n}`);
  writeFileSync(p, content, { mode });
  return p;
};

afterEach(() => {
  hook.beforeOpen = null;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<KeyhygieneError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KeyhygieneError);
  expect((e as KeyhygieneError).code).toBe('E_PERMISSIONS');
  expect((e as Error).message).not.toMatch(/\n/);
  return e as KeyhygieneError;
}

describe('destroyKeyFile never follows a symbolic link', () => {
  it('a symlink given directly is refused; the link and its target are untouched', async () => {
    const target = file('-----BEGIN PRIVATE KEY----- target');
    const link = join(dir, `link-${++n}`);
    symlinkSync(target, link);
    const e = await refusal(destroyKeyFile(link));
    expect(e.message).toMatch(/symbolic link/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('-----BEGIN PRIVATE KEY----- target');
  });

  it('a symlink swapped in between lstat and open is refused (O_NOFOLLOW); the target is untouched', async () => {
    const victim = file('-----BEGIN PRIVATE KEY----- victim, must survive');
    const path = file('stray key file');
    let swapped = false;
    hook.beforeOpen = (p) => {
      expect(p).toBe(path);
      rmSync(path);
      symlinkSync(victim, path);
      swapped = true;
    };
    const e = await refusal(destroyKeyFile(path));
    expect(swapped).toBe(true);
    expect(e.message).toMatch(/symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('-----BEGIN PRIVATE KEY----- victim, must survive');
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
  });

  it('another regular file swapped in between lstat and open is refused (inode check); both are untouched', async () => {
    const other = file('another file, must survive');
    const path = file('stray key file');
    const aside = join(dir, `aside-${++n}`);
    hook.beforeOpen = () => {
      renameSync(path, aside);
      renameSync(other, path);
    };
    const e = await refusal(destroyKeyFile(path));
    expect(e.message).toMatch(/changed between the check and the open/);
    expect(readFileSync(path, 'utf8')).toBe('another file, must survive');
    expect(readFileSync(aside, 'utf8')).toBe('stray key file');
  });

  it('without a swap the same file is destroyed (the hook itself changes nothing)', async () => {
    const path = file('stray key file');
    let called = false;
    hook.beforeOpen = () => {
      called = true;
    };
    const report = await destroyKeyFile(path);
    expect(called).toBe(true);
    expect(report.verified).toBe(true);
    expect(existsSync(path)).toBe(false);
  });
});

describe('readSecretFile (passphraseFile, pinFile)', () => {
  it('reads the first line of a private regular file', async () => {
    const s = await readSecretFile(file('1234\r\nignored\n'), 'PIN');
    expect(s.expose().toString()).toBe('1234');
  });

  it('a symbolic link is refused even when its target is a private file', async () => {
    const target = file('1234\n');
    const link = join(dir, `pin-link-${++n}`);
    symlinkSync(target, link);
    expect((await refusal(readSecretFile(link, 'PIN'))).message).toMatch(/PIN file .* is a symbolic link; refused/);
  });

  it('group or other permission bits are refused', async () => {
    for (const mode of [0o640, 0o604, 0o660]) {
      const e = await refusal(readSecretFile(file('1234\n', mode), 'passphrase'));
      expect(e.message).toMatch(/readable by group or others/);
    }
  });

  it('a directory is refused as not a regular file', async () => {
    const d = join(dir, `d-${++n}`);
    mkdirSync(d, { mode: 0o700 });
    expect((await refusal(readSecretFile(d, 'PIN'))).message).toMatch(/not a regular file/);
  });

  // Only root can give a file to another owner; as another user this case cannot be set up.
  it.runIf(process.getuid?.() === 0)('a file owned by another user is refused', async () => {
    const p = file('1234\n');
    chownSync(p, 4242, 4242);
    expect((await refusal(readSecretFile(p, 'PIN'))).message).toMatch(/owned by uid 4242, not by this user/);
  });
});
