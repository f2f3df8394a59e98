/**
 * A full disk (ENOSPC), injected through the store's internal file-system seam, leaves the previous
 * store intact: the state file is byte-identical, no temp file is left behind, the store reopens, and
 * every existing ciphertext still decrypts. The same holds when the rename fails.
 */
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openKeyring, type OpenKeyringOptions } from '../../src/keys/index.js';
import { setStoreFsForTesting, type StoreFs } from '../../src/keys/fsutil.js';

const PASS_ENV = 'KH_TEST_ENOSPC_PASSPHRASE';
process.env[PASS_ENV] = randomBytes(24).toString('base64url'); // test-only, generated per run
const root = mkdtempSync(join(tmpdir(), 'kh-enospc-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => setStoreFsForTesting(undefined));

const enospc = (): Error =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });

/** Every file opened for writing from now on fails its writes with ENOSPC. */
function fullDisk(realOpen: StoreFs['open']): Partial<StoreFs> {
  return {
    open: (async (...args: Parameters<StoreFs['open']>) => {
      const fd: FileHandle = await realOpen(...args);
      return new Proxy(fd, {
        get(target, prop) {
          if (prop === 'write' || prop === 'writeFile' || prop === 'appendFile') return () => Promise.reject(enospc());
          const v: unknown = Reflect.get(target, prop);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }) as StoreFs['open'],
  };
}

const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

describe('a failed store write leaves the previous store intact', () => {
  for (const [name, inject] of [
    ['ENOSPC on every write', async () => fullDisk((await import('node:fs/promises')).open)],
    [
      'rename fails (EIO)',
      () =>
        Promise.resolve({
          rename: (() =>
            Promise.reject(Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }))) as StoreFs['rename'],
        }),
    ],
  ] as const) {
    it(
      name,
      async () => {
        const path = join(root, name.replace(/\W+/g, '-'));
        const options: OpenKeyringOptions = {
          path,
          backend: { type: 'software', passphraseEnv: PASS_ENV },
          name: 'orders',
          purpose: 'aead',
          create: true,
        };
        const k = await openKeyring(options);
        const ct = await k.encrypt(Buffer.from('invoice 42'), 'ctx');
        await k.close();
        const before = snapshot(path);

        const k2 = await openKeyring({ ...options, create: false });
        setStoreFsForTesting(await inject());
        await expect(k2.rotate()).rejects.toThrow(/ENOSPC|EIO|no space|i\/o/i);
        setStoreFsForTesting(undefined);
        await k2.close().catch(() => undefined);

        // Same files, same bytes: no partial state, no stray temp file.
        expect(snapshot(path)).toEqual(before);
        const k3 = await openKeyring({ ...options, create: false });
        try {
          expect((await k3.decrypt(ct, 'ctx')).toString()).toBe('invoice 42');
          expect(k3.info().versions).toHaveLength(1);
          await k3.rotate();
          expect(k3.info().versions).toHaveLength(2);
          expect((await k3.decrypt(ct, 'ctx')).toString()).toBe('invoice 42');
        } finally {
          await k3.close();
        }
      },
      120_000,
    );
  }
});
