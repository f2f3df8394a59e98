/**
 * The code that lint-rule suggestions insert when they send users to keyhygiene/keys. Each entry is
 * what a fixed file looks like after the suggestion; suggestions.test.ts compiles every one against
 * the real API (src/keys/index.ts, mapped as 'keyhygiene/keys'), so a renamed export or a changed
 * signature breaks the build here, not in users' editors. Rule authors: import this table in your
 * rule tests to keep `suggestions[].output` in step with it.
 */
export interface SuggestionSnippet {
  /** The hazard the suggestion fixes. */
  hazard: string;
  /** The names the suggestion imports from 'keyhygiene/keys'. */
  imports: string[];
  code: string;
}

export const SUGGESTION_SNIPPETS: SuggestionSnippet[] = [
  {
    hazard: 'hardcoded JWT HMAC secret: jwt.sign(p, "literal")',
    imports: ['loadSecret'],
    code: `import jwt from 'jsonwebtoken';
import { loadSecret } from 'keyhygiene/keys';
export async function issue(p: object): Promise<string> {
  return jwt.sign(p, (await loadSecret('jwt-secret')).expose());
}`,
  },
  {
    hazard: 'hardcoded express-session secret',
    imports: ['loadSecret'],
    code: `import session from 'express-session';
import { loadSecret } from 'keyhygiene/keys';
export async function middleware(): Promise<unknown> {
  return session({ secret: (await loadSecret('session-secret')).expose().toString('base64url') });
}`,
  },
  {
    hazard: 'hardcoded key in a legacy createCipheriv call that needs raw bytes',
    imports: ['loadSecret', 'randomBytes'],
    code: `import { createCipheriv } from 'node:crypto';
import { loadSecret, randomBytes } from 'keyhygiene/keys';
export async function legacy(data: Buffer): Promise<Buffer> {
  const iv = randomBytes(12);
  const key = await loadSecret('legacy-aes-key');
  try {
    const c = createCipheriv('aes-256-gcm', key.expose(), iv);
    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);
  } finally {
    key.wipe();
  }
}`,
  },
  {
    hazard: 'hand-rolled encryption with a hardcoded key: use the keyring (envelope AEAD)',
    imports: ['openKeyring'],
    code: `import { openKeyring } from 'keyhygiene/keys';
export async function seal(data: Uint8Array, userId: string): Promise<Buffer> {
  const keyring = await openKeyring({ path: process.env.KEYHYGIENE_KEYSTORE ?? '.keys', backend: { type: 'software', passphraseEnv: 'KEYHYGIENE_PASSPHRASE' } });
  try {
    const ct = await keyring.encrypt(data, userId);
    await keyring.decrypt(ct, userId);
    return ct;
  } finally {
    await keyring.close();
  }
}`,
  },
  {
    hazard: 'hardcoded HMAC key: use a mac keyring',
    imports: ['openKeyring'],
    code: `import { openKeyring } from 'keyhygiene/keys';
export async function tag(body: string): Promise<boolean> {
  const k = await openKeyring({ path: '/var/lib/app/keys', name: 'webhook', purpose: 'mac', backend: { type: 'pkcs11', module: '/usr/lib/softhsm/libsofthsm2.so', tokenLabel: 'app', pinFile: '/run/secrets/pin' } });
  const t = await k.mac(body);
  return k.verifyMac(body, t);
}`,
  },
  {
    hazard: 'Math.random() for tokens, ids or indexes',
    imports: ['randomToken', 'randomInt', 'randomBytes'],
    code: `import { randomBytes, randomInt, randomToken } from 'keyhygiene/keys';
export const token: string = randomToken();
export const shortToken: string = randomToken(16);
export const index: number = randomInt(0, 10);
export const nonce: Buffer = randomBytes(12);`,
  },
  {
    hazard: 'fast hash of a password (md5/sha1/sha256) or a weak KDF',
    imports: ['deriveKey', 'randomBytes'],
    code: `import { deriveKey, randomBytes } from 'keyhygiene/keys';
export async function kdf(password: string): Promise<{ salt: Buffer; key: Buffer }> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, { salt });
  const s = await deriveKey(password, { salt, algorithm: 'scrypt' });
  s.wipe();
  return { salt, key: key.use((b) => Buffer.from(b)) };
}`,
  },
  {
    hazard: 'private key file committed to the repository',
    imports: ['destroyKeyFile'],
    code: `import { destroyKeyFile } from 'keyhygiene/keys';
export async function purge(): Promise<boolean> {
  const report = await destroyKeyFile('config/server.key');
  return report.verified && report.method === 'overwrite-and-unlink';
}`,
  },
  {
    hazard: 'hardcoded key found in source: import it as compromised and rotate',
    imports: ['openKeyring', 'SecretBytes'],
    code: `import { openKeyring, SecretBytes } from 'keyhygiene/keys';
export async function adopt(found: string): Promise<string> {
  const k = await openKeyring({ path: '.keys', name: 'legacy', purpose: 'secret', backend: { type: 'software', passphraseEnv: 'KEYHYGIENE_PASSPHRASE' }, create: true });
  const v = await k.import(SecretBytes.from(Buffer.from(found, 'utf8')));
  await k.close();
  return v.id;
}`,
  },
];
