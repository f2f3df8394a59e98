/**
 * The keystore state file's format: three lines (header JSON, body JSON, HMAC-SHA256 over both), the
 * format versions this build reads, and the migration of an older format to the current one. The
 * `Keystore` (`./store.ts`) owns the keys and the I/O; this module is pure.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { BackendHeader } from './backend.js';
import { KeyhygieneError } from './errors.js';
import { SecretBytes } from './secret-bytes.js';
import { FORMAT, STORE_VERSION, type StoreBody, type StoreHeader } from './store-records.js';

/** Format 2 (keyed audit chain, anchor, 'destroying') is read and migrated to format 3 at open. */
const MIGRATABLE_VERSION = 2;

/**
 * Splits the state file and checks its header (format name, version, store id).
 * @throws {KeyhygieneError} E_CORRUPT for a malformed file; E_VERSION for a format this build does not read.
 */
export function parseState(raw: string): { header: StoreHeader; lines: [string, string, string] } {
  const lines = raw.split('\n');
  if (lines.length !== 4 || lines[3] !== '' || !/^[0-9a-f]{64}$/.test(lines[2] ?? '')) {
    throw new KeyhygieneError('E_CORRUPT', 'keystore state file is truncated or malformed');
  }
  let header: StoreHeader;
  try {
    header = JSON.parse(lines[0]!) as StoreHeader;
  } catch {
    throw new KeyhygieneError('E_CORRUPT', 'keystore state header is malformed');
  }
  if (header?.format !== FORMAT) throw new KeyhygieneError('E_CORRUPT', 'not a keyhygiene keystore state file');
  if (header.version !== STORE_VERSION && header.version !== MIGRATABLE_VERSION)
    throw new KeyhygieneError('E_VERSION', versionMessage(header.version));
  if (typeof header.storeId !== 'string' || !/^[0-9a-f]{32}$/.test(header.storeId))
    throw new KeyhygieneError('E_CORRUPT', 'keystore header has a malformed store id');
  return { header, lines: [lines[0]!, lines[1]!, lines[2]!] };
}

function versionMessage(version: unknown): string {
  const v = String(version);
  const reads = `this build reads ${MIGRATABLE_VERSION} and ${STORE_VERSION}`;
  if (typeof version === 'number' && version > STORE_VERSION)
    return `keystore format version ${v} was written by a newer keyhygiene (${reads}); upgrade keyhygiene`;
  if (version === 1)
    return `keystore format version 1 cannot be opened or migrated (${reads}); see "Format 1 stores" in docs/keys.md`;
  return `keystore format version ${v} is not supported (${reads})`;
}

/** The state MAC over header and body lines, under the format version the header names. */
export function stateMac(macKey: SecretBytes, version: number, h: string, b: string): string {
  return createHmac('sha256', macKey.expose())
    .update(`${FORMAT}/v${version}\n`)
    .update(h)
    .update('\n')
    .update(b)
    .digest('hex');
}

/** True when the header is of an older format that `migrateHeader` and `migrateBody` bring up to date. */
export function needsMigration(header: StoreHeader): boolean {
  return header.version !== STORE_VERSION;
}

/**
 * Format 2 → 3: every wrap was AES-GCM, and format 3 records the wrap mechanism per wrapped item (the
 * root key in the header, each token version's ref), so a store can mix GCM- and KWP-wrapped material.
 */
export function migrateHeader(header: StoreHeader): StoreHeader {
  const backend: BackendHeader =
    header.backend.type === 'pkcs11' ? { ...header.backend, rootWrap: 'aes-gcm' } : header.backend;
  return { ...header, version: STORE_VERSION, backend };
}

export function migrateBody(body: StoreBody): void {
  for (const key of Object.values(body.keys)) {
    for (const v of key.versions) {
      const ref = v.ref;
      if (!ref?.objectId || ref.wrap) continue;
      if (ref.wrapped !== undefined || (ref.tokenResident && key.purpose === 'aead')) ref.wrap = 'aes-gcm';
    }
  }
}

/** HKDF-SHA256 (RFC 5869) with the store id as salt: a distinct key per purpose of the root key. */
export function deriveStoreKey(root: SecretBytes, storeId: string, info: string): SecretBytes {
  const ab = hkdfSync('sha256', root.expose(), Buffer.from(storeId, 'hex'), info, 32);
  return new SecretBytes(Buffer.from(ab));
}
