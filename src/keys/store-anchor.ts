/**
 * The rollback anchor: the latest generation and audit log head, MAC-ed under a key derived from the
 * root key, kept outside the keystore directory (a file given at open, or a data object in the token),
 * so that an attacker who can write the directory cannot put an older copy of it back unnoticed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { AnchorStore } from './backend.js';
import { KeyhygieneError } from './errors.js';
import { checkPrivate, exists, writeFileAtomic } from './fsutil.js';
import type { SecretBytes } from './secret-bytes.js';
import type { StoreBody } from './store-records.js';

export function anchorText(anchorKey: SecretBytes, storeId: string, body: StoreBody): string {
  const json = JSON.stringify({
    format: 'keyhygiene-anchor',
    storeId,
    generation: body.generation,
    head: body.lastAudit?.hash ?? null,
  });
  return `${json}\n${createHmac('sha256', anchorKey.expose()).update(json).digest('hex')}\n`;
}

/**
 * The state must not be older than the rollback anchor. Equal generations must name the same log head.
 * @throws {KeyhygieneError} E_TAMPERED (rollback, a deleted or forged anchor), E_CORRUPT, E_CONFIG
 *   (the anchor of another keystore).
 */
export async function checkAnchor(
  anchor: AnchorStore | null,
  anchorKey: SecretBytes,
  storeId: string,
  body: StoreBody,
): Promise<void> {
  if (!anchor) return;
  const raw = await anchor.read();
  if (raw === null) {
    if (body.anchor)
      throw new KeyhygieneError(
        'E_TAMPERED',
        `the keystore's rollback anchor (${anchor.description}) is missing; it was deleted or this is another machine`,
      );
    return; // first use: the next commit writes it
  }
  const [json = '', mac = ''] = raw.split('\n');
  const expect = createHmac('sha256', anchorKey.expose()).update(json).digest();
  const got = Buffer.from(mac, 'hex');
  type AnchorRecord = { format?: string; storeId?: string; generation?: number; head?: string | null };
  let a: AnchorRecord | null;
  try {
    a = JSON.parse(json) as AnchorRecord | null;
  } catch {
    a = null;
  }
  if (a?.format !== 'keyhygiene-anchor' || typeof a.generation !== 'number')
    throw new KeyhygieneError('E_CORRUPT', `rollback anchor ${anchor.description} is malformed`);
  if (a.storeId !== storeId)
    throw new KeyhygieneError('E_CONFIG', `rollback anchor ${anchor.description} belongs to another keystore`);
  if (got.length !== expect.length || !timingSafeEqual(got, expect))
    throw new KeyhygieneError('E_TAMPERED', `rollback anchor ${anchor.description} failed authentication`);
  if (body.generation < a.generation)
    throw new KeyhygieneError(
      'E_TAMPERED',
      `keystore state is generation ${body.generation} but its rollback anchor records ${a.generation}: ` +
        'an older copy of the keystore was restored (rollback)',
    );
  if (body.generation === a.generation && (body.lastAudit?.hash ?? null) !== a.head)
    throw new KeyhygieneError(
      'E_TAMPERED',
      'keystore state and its rollback anchor name different audit log heads (rollback or replaced state)',
    );
}

/**
 * The software backend's anchor: a small file outside the keystore directory (an attacker who can
 * write the directory must not be able to write it too; a different volume or owner is better still).
 * @throws {KeyhygieneError} E_CONFIG when the path lies inside the keystore directory.
 */
export function fileAnchorFor(dir: string, path: string | undefined): AnchorStore | null {
  if (path === undefined) return null;
  if (typeof path !== 'string' || path === '') throw new TypeError('anchorPath must be a non-empty string');
  const abs = resolve(path);
  const rel = relative(resolve(dir), abs);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)))
    throw new KeyhygieneError(
      'E_CONFIG',
      `anchorPath ${path} is inside the keystore directory; it must live outside it to detect a rollback`,
    );
  return {
    description: `file ${abs}`,
    record: { type: 'file', path: abs },
    async read() {
      if (!(await exists(abs))) return null;
      await checkPrivate(abs, 'file');
      return readFile(abs, 'utf8');
    },
    write: (text) => writeFileAtomic(abs, text),
  };
}
