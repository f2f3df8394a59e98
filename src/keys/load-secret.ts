import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BackendOptions } from './backends.js';
import { KeyhygieneError } from './errors.js';
import { checkName, openKeyring, type Keyring } from './keyring.js';
import type { SecretBytes } from './secret-bytes.js';

export interface LoadSecretOptions {
  /** Keystore directory (default: env KEYHYGIENE_KEYSTORE). */
  path?: string;
  /** Backend (default: from the JSON file named by KEYHYGIENE_KEYSTORE_CONFIG, else software with KEYHYGIENE_PASSPHRASE). */
  backend?: BackendOptions;
  /** A specific version id instead of the primary. */
  version?: number | string;
  env?: NodeJS.ProcessEnv;
}

// Opening a keystore derives the KEK (scrypt/Argon2id, ~1 s by design) or logs in to a token, so
// keyrings are opened once per process and kept; loadSecret then costs a stat and an unwrap.
const cache = new Map<string, Promise<Keyring>>();

/**
 * Returns a named secret (purpose 'secret') as SecretBytes, for code that must hand raw bytes to a
 * third-party library: `jwt.sign(p, (await loadSecret('jwt-secret')).expose())`.
 *
 * Without options it reads the environment:
 * - KEYHYGIENE_KEYSTORE: the keystore directory (required);
 * - KEYHYGIENE_KEYSTORE_CONFIG: a JSON file `{ "backend": { "type": "pkcs11", ... } }`, or else
 * - KEYHYGIENE_PASSPHRASE: the passphrase of a software keystore.
 *
 * @throws {KeyhygieneError} E_CONFIG when unconfigured, E_BAD_NAME, E_NOT_FOUND, E_PURPOSE, and the
 *   errors of openKeyring.
 */
export async function loadSecret(name: string, options: LoadSecretOptions = {}): Promise<SecretBytes> {
  checkName(name);
  const env = options.env ?? process.env;
  const path = options.path ?? env.KEYHYGIENE_KEYSTORE;
  if (!path)
    throw new KeyhygieneError(
      'E_CONFIG',
      'loadSecret: no keystore configured (set KEYHYGIENE_KEYSTORE, or pass { path, backend })',
    );
  const backend = options.backend ?? (await backendFromEnv(env));
  // Hash the options: the map key must not keep an inline passphrase or PIN as a string.
  const cacheKey = createHash('sha256')
    .update(JSON.stringify([path, backend]))
    .digest('hex');
  let p = cache.get(cacheKey);
  if (!p) {
    p = openKeyring({ path, backend, name, env });
    cache.set(cacheKey, p);
    p.catch(() => cache.delete(cacheKey));
  }
  const root = await p;
  let ring: Keyring;
  try {
    ring = root.name === name ? root : root.key(name);
  } catch (e) {
    if (!(e instanceof KeyhygieneError && e.code === 'E_NOT_FOUND')) throw e;
    await root.list(); // re-reads the keystore: the key may have been created since it was opened
    ring = root.key(name);
  }
  if (ring.purpose !== 'secret')
    throw new KeyhygieneError('E_PURPOSE', `key "${name}" has purpose ${ring.purpose}, not secret`);
  return ring.secret(options.version);
}

/** Closes the keyrings `loadSecret` keeps open (wipes their cached material). */
export async function clearSecretCache(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  for (const p of all) {
    const k = await p.catch(() => null);
    await k?.close();
  }
}

/**
 * Backend options from KEYHYGIENE_KEYSTORE_CONFIG (a JSON file) or KEYHYGIENE_PASSPHRASE.
 * @throws {KeyhygieneError} E_CONFIG when neither is set or the file is not valid.
 */
export async function backendFromEnv(env: NodeJS.ProcessEnv): Promise<BackendOptions> {
  const cfg = env.KEYHYGIENE_KEYSTORE_CONFIG;
  if (cfg) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(cfg, 'utf8'));
    } catch {
      throw new KeyhygieneError('E_CONFIG', `KEYHYGIENE_KEYSTORE_CONFIG: cannot read JSON from ${cfg}`);
    }
    const backend = (parsed as { backend?: unknown } | null)?.backend;
    if (typeof backend !== 'object' || backend === null)
      throw new KeyhygieneError('E_CONFIG', `${cfg} has no "backend" object`);
    if ('pin' in backend || 'passphrase' in backend) {
      // A config file is often committed or shared; secrets belong in pinFile/pinEnv/passphraseEnv.
      throw new KeyhygieneError(
        'E_CONFIG',
        `${cfg} must not contain a pin or passphrase; use pinFile, pinEnv, passphraseFile or passphraseEnv`,
      );
    }
    return backend as BackendOptions;
  }
  if (env.KEYHYGIENE_PASSPHRASE) return { type: 'software', passphraseEnv: 'KEYHYGIENE_PASSPHRASE' };
  throw new KeyhygieneError(
    'E_CONFIG',
    'loadSecret: no backend configured (set KEYHYGIENE_KEYSTORE_CONFIG or KEYHYGIENE_PASSPHRASE)',
  );
}
