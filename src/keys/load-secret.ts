import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BackendOptions } from './backends.js';
import { KeyhygieneError } from './errors.js';
import { checkName, openKeyring, type Keyring } from './keyring.js';
import { SecretBytes } from './secret-bytes.js';

export interface LoadSecretOptions {
  /** Keystore directory (default: env KEYHYGIENE_KEYSTORE). */
  path?: string;
  /**
   * Backend (default: from the JSON file named by KEYHYGIENE_KEYSTORE_CONFIG, else software with
   * KEYHYGIENE_PASSPHRASE).
   */
  backend?: BackendOptions;
  /** A specific version id instead of the primary. */
  version?: number | string;
  env?: NodeJS.ProcessEnv;
}

// Opening a keystore derives the KEK (scrypt/Argon2id, ~1 s by design) or logs in to a token, so
// keyrings are opened once per process and kept; loadSecret then costs a stat and an unwrap.
const cache = new Map<string, Promise<Keyring>>();
// Random per process: the cache key is an HMAC of the credential, useless outside this process.
const cacheKeyKey = randomBytes(32);

/**
 * The cache key: the keystore path and an HMAC over everything that decides who may open it,
 * including the credential's bytes (a SecretBytes passphrase serialises as "redacted", so
 * JSON.stringify of the options would let a wrong passphrase of the same length hit the cache),
 * and the values behind passphraseEnv/pinEnv and passphraseFile/pinFile as they are now.
 */
async function cacheKeyOf(path: string, backend: BackendOptions, env: NodeJS.ProcessEnv): Promise<string> {
  const mac = createHmac('sha256', cacheKeyKey);
  const o = backend as unknown as Record<string, unknown>;
  for (const k of Object.keys(o).sort()) {
    const v = o[k];
    mac.update(`${k}\0`);
    if (v instanceof SecretBytes) mac.update(v.expose());
    else if (typeof v === 'function') mac.update('function');
    else mac.update(JSON.stringify(v) ?? 'undefined');
    mac.update('\0');
    if ((k === 'passphraseEnv' || k === 'pinEnv') && typeof v === 'string') mac.update(`env=${env[v] ?? ''}\0`);
    if ((k === 'passphraseFile' || k === 'pinFile') && typeof v === 'string') {
      const content = await readFile(v).catch(() => null);
      if (content) {
        mac.update(content);
        content.fill(0);
      }
      mac.update('\0');
    }
  }
  return `${resolve(path)}\0${mac.digest('hex')}`;
}

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
  const cacheKey = await cacheKeyOf(path, backend, env);
  let p = cache.get(cacheKey);
  if (!p) {
    p = openKeyring({ path, backend, name, env });
    cache.set(cacheKey, p);
    p.catch(() => cache.delete(cacheKey));
  }
  const root = await p;
  let ring: Keyring;
  try {
    // One keyring per name (Keyring.key keeps them), so repeated calls share one cache of material.
    ring = root.key(name);
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
