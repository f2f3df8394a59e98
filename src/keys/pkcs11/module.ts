/**
 * Loading a PKCS#11 module through pkcs11js, once per path per process, with reference counting:
 * C_Initialize and C_Finalize are per application (PKCS#11 v2.40 §5.4), so every keyring that uses the
 * same module shares one loaded library, and the last one to close finalizes it.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import type * as P11 from 'pkcs11js';
import { KeyhygieneError } from '../errors.js';
import { p11Name } from './errors.js';

export type Lib = P11.PKCS11;
export type Handle = Buffer;
export type Mod = typeof P11;

export interface LoadedModule {
  mod: Mod;
  lib: Lib;
  path: string;
  refs: number;
  /** HMAC of the PIN that logged in, per slot: a second open in this process with another PIN must fail. */
  loginTags: Map<string, { tag: Buffer; refs: number }>;
}

const modules = new Map<string, Promise<LoadedModule>>();

function loadPkcs11js(): Mod {
  try {
    // Lazy: pkcs11js is an optional native dependency; the ESLint plugin must load without it.
    const require = createRequire(import.meta.url);
    return require('pkcs11js') as Mod;
  } catch {
    throw new KeyhygieneError(
      'E_PKCS11',
      'pkcs11js is not installed (npm i -E pkcs11js@2.1.7) so the PKCS#11 backend is unavailable',
    );
  }
}

function loadModule(path: string): LoadedModule {
  if (!existsSync(path)) throw new KeyhygieneError('E_PKCS11', `PKCS#11 module not found: ${path}`);
  const mod = loadPkcs11js();
  const lib = new mod.PKCS11();
  try {
    lib.load(path);
  } catch (e) {
    throw new KeyhygieneError('E_PKCS11', `cannot load PKCS#11 module ${path}: ${p11Name(e)}`);
  }
  try {
    // CKF_OS_LOCKING_OK: without it, async calls on several sessions corrupted the heap
    // (docs/keys.md; PKCS#11 v2.40 §5.4 C_Initialize locking).
    lib.C_Initialize({ flags: mod.CKF_OS_LOCKING_OK });
  } catch (e) {
    if (p11Name(e) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
      throw new KeyhygieneError('E_PKCS11', `C_Initialize failed for ${path}: ${p11Name(e)}`);
    }
  }
  return { mod, lib, path, refs: 0, loginTags: new Map() };
}

export async function acquireModule(path: string): Promise<LoadedModule> {
  let p = modules.get(path);
  if (!p) {
    p = Promise.resolve().then(() => loadModule(path));
    modules.set(path, p);
    p.catch(() => modules.delete(path));
  }
  const m = await p;
  m.refs++;
  return m;
}

export function releaseModule(m: LoadedModule): void {
  m.refs--;
  if (m.refs <= 0) {
    modules.delete(m.path);
    try {
      m.lib.C_Finalize();
    } catch {
      // Finalize failing at shutdown leaves nothing to clean up on our side.
    }
  }
}
