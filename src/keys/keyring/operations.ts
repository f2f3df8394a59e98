/**
 * Using a key: envelope encryption (AEAD), MACs, signatures and reading a 'secret' key. Each operation
 * picks its version (`./reservations.ts` for the primary, `KeyCore.versionFor` for a given key id) and
 * runs either inside the token or on the unwrapped material. The public contracts are on `Keyring`.
 */
import {
  createHash,
  createHmac,
  createPublicKey,
  timingSafeEqual,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { gcmOpen, gcmSeal } from '../aead.js';
import { ed25519Sign } from '../ed25519.js';
import { KeyhygieneError } from '../errors.js';
import {
  ALG,
  contextBytes,
  dataBytes,
  encodeHeader,
  fromText,
  HEADER_LEN,
  parseHeader,
  payloadAad,
  toText,
  type AlgorithmId,
} from '../format.js';
import { SecretBytes } from '../secret-bytes.js';
import type { VersionRecord } from '../store-records.js';
import type { KeyCore } from './core.js';
import { primaryForUse, reserveOne } from './reservations.js';
import { hexId, parseVersion, type CompromisedUse } from './types.js';

const ENVELOPE_MIN = HEADER_LEN + 12 + 48 + 12 + 16;
// header | RFC 5649 wrap of the 32-byte DEK (40) | iv(12) | tag(16)
const ENVELOPE_KWP_MIN = HEADER_LEN + 40 + 12 + 16;

/** The envelope a version writes: its token key's recorded wrap mechanism decides how the DEK is wrapped. */
function envelopeAlg(v: VersionRecord): AlgorithmId {
  return v.ref?.tokenResident && v.ref.wrap === 'aes-kwp' ? ALG.AES256_GCM_ENVELOPE_KWP : ALG.AES256_GCM_ENVELOPE;
}

const ALG_BY_NAME: Record<string, AlgorithmId> = {
  'AES-256-GCM-ENVELOPE': ALG.AES256_GCM_ENVELOPE,
  'HMAC-SHA256': ALG.HMAC_SHA256,
  Ed25519: ALG.ED25519,
  'ECDSA-P256-SHA256': ALG.ECDSA_P256_SHA256,
};

export async function encrypt(k: KeyCore, data: string | Uint8Array, context?: string | Uint8Array): Promise<Buffer> {
  const pt = dataBytes(data);
  const ctx = contextBytes(context);
  k.requirePurpose('aead');
  const v = await reserveOne(k);
  return encryptWith(k, v, pt, ctx);
}

export async function decrypt(
  k: KeyCore,
  ciphertext: Uint8Array,
  context?: string | Uint8Array,
  options: CompromisedUse = {},
): Promise<Buffer> {
  if (!(ciphertext instanceof Uint8Array)) throw new TypeError('ciphertext must be a Uint8Array');
  const ctx = contextBytes(context);
  k.requirePurpose('aead');
  const h = parseHeader(ciphertext, 'ciphertext');
  if (h.alg !== ALG.AES256_GCM_ENVELOPE && h.alg !== ALG.AES256_GCM_ENVELOPE_KWP)
    throw new KeyhygieneError('E_FORMAT', `ciphertext algorithm 0x${h.alg.toString(16)} is not an AEAD envelope`);
  const min = h.alg === ALG.AES256_GCM_ENVELOPE_KWP ? ENVELOPE_KWP_MIN : ENVELOPE_MIN;
  if (ciphertext.byteLength < min) throw new KeyhygieneError('E_CORRUPT', 'ciphertext is truncated');
  const v = await k.versionFor(h.keyId, 'decrypt', options.insecureAllowCompromised === true);
  // The header is in the data AAD, so a changed algorithm byte fails authentication in any case; a
  // mismatch with the version's recorded mechanism is refused before anything reaches the token.
  if (envelopeAlg(v) !== h.alg)
    throw new KeyhygieneError(
      'E_TAMPERED',
      'ciphertext failed authentication (its DEK wrap does not match the key version)',
    );
  return decryptWith(k, v, ciphertext, ctx);
}

export async function encryptString(k: KeyCore, text: string, context?: string | Uint8Array): Promise<string> {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  return toText(await encrypt(k, text, context));
}

export async function decryptString(
  k: KeyCore,
  text: string,
  context?: string | Uint8Array,
  options: CompromisedUse = {},
): Promise<string> {
  const pt = await decrypt(k, fromText(text, 'ciphertext'), context, options);
  try {
    return pt.toString('utf8');
  } finally {
    pt.fill(0);
  }
}

export async function rewrap(
  k: KeyCore,
  ciphertext: Uint8Array | string,
  context?: string | Uint8Array,
): Promise<Buffer> {
  const bin = typeof ciphertext === 'string' ? fromText(ciphertext, 'ciphertext') : ciphertext;
  const pt = await decrypt(k, bin, context, { insecureAllowCompromised: false });
  try {
    return await encrypt(k, pt, context);
  } finally {
    pt.fill(0);
  }
}

async function encryptWith(k: KeyCore, v: VersionRecord, pt: Uint8Array, ctx: Uint8Array | undefined): Promise<Buffer> {
  const backend = k.store.backend;
  const alg = envelopeAlg(v);
  const header = encodeHeader(v.id, alg);
  // One RNG call for DEK and both IVs (a token round trip or a getrandom syscall each).
  const rnd = Buffer.allocUnsafeSlow(56);
  const dek = rnd.subarray(0, 32);
  try {
    backend.random.fill(rnd);
    const wrapIv = rnd.subarray(32, 44);
    const iv = rnd.subarray(44, 56);
    if (alg === ALG.AES256_GCM_ENVELOPE_KWP) {
      // RFC 5649 has no IV and no AAD; the header and context are bound by the data AAD below.
      const wrappedDek = await backend.tokenWrapKwp!(k.vctx(v), v.ref!, dek);
      const sealed = gcmSeal(dek, iv, pt, payloadAad('keyhygiene/v1/data', header, ctx));
      return Buffer.concat([header, wrappedDek, iv, sealed]);
    }
    const wrapAad = payloadAad('keyhygiene/v1/dek', header, ctx);
    const wrapped = v.ref?.tokenResident
      ? await backend.tokenEncrypt!(k.vctx(v), v.ref, dek, wrapIv, wrapAad)
      : gcmSeal((await k.materialOf(v)).expose(), wrapIv, dek, wrapAad);
    const body = gcmSeal(dek, iv, pt, payloadAad('keyhygiene/v1/data', header, ctx));
    return Buffer.concat([header, wrapIv, wrapped, iv, body]);
  } finally {
    rnd.fill(0);
  }
}

async function decryptWith(k: KeyCore, v: VersionRecord, c: Uint8Array, ctx: Uint8Array | undefined): Promise<Buffer> {
  const backend = k.store.backend;
  const header = c.subarray(0, HEADER_LEN);
  const kwp = c[5] === ALG.AES256_GCM_ENVELOPE_KWP;
  const wrapIv = c.subarray(6, 18);
  const wrapped = kwp ? c.subarray(6, 46) : c.subarray(18, 66);
  const iv = kwp ? c.subarray(46, 58) : c.subarray(66, 78);
  const body = c.subarray(kwp ? 58 : 78);
  const wrapAad = payloadAad('keyhygiene/v1/dek', header, ctx);
  let dek: Buffer | undefined;
  try {
    if (kwp) dek = await backend.tokenUnwrapKwp!(k.vctx(v), v.ref!, wrapped, 32);
    else
      dek = v.ref?.tokenResident
        ? await backend.tokenDecrypt!(k.vctx(v), v.ref, wrapped, wrapIv, wrapAad)
        : gcmOpen((await k.materialOf(v)).expose(), wrapIv, wrapped, wrapAad, 'ciphertext');
    if (dek.length !== 32) throw new KeyhygieneError('E_TAMPERED', 'ciphertext failed authentication');
    return gcmOpen(dek, iv, body, payloadAad('keyhygiene/v1/data', header, ctx), 'ciphertext');
  } catch (e) {
    if (e instanceof KeyhygieneError && e.code === 'E_TAMPERED') {
      throw new KeyhygieneError(
        'E_TAMPERED',
        'ciphertext failed authentication (tampered, wrong context or wrong key)',
      );
    }
    throw e;
  } finally {
    dek?.fill(0);
  }
}

export async function mac(k: KeyCore, data: string | Uint8Array): Promise<Buffer> {
  const d = dataBytes(data);
  k.requirePurpose('mac');
  const v = await primaryForUse(k);
  const header = encodeHeader(v.id, ALG.HMAC_SHA256);
  return Buffer.concat([header, await macWith(k, v, header, d)]);
}

export async function verifyMac(k: KeyCore, data: string | Uint8Array, tag: Uint8Array): Promise<boolean> {
  const d = dataBytes(data);
  if (!(tag instanceof Uint8Array)) throw new TypeError('tag must be a Uint8Array');
  k.requirePurpose('mac');
  const h = parseHeader(tag, 'MAC tag');
  if (h.alg !== ALG.HMAC_SHA256) throw new KeyhygieneError('E_FORMAT', 'MAC tag algorithm is not HMAC-SHA256');
  if (tag.byteLength !== HEADER_LEN + 32) throw new KeyhygieneError('E_CORRUPT', 'MAC tag has the wrong length');
  const v = await k.versionFor(h.keyId, 'verify');
  const expect = await macWith(k, v, tag.subarray(0, HEADER_LEN), d);
  return timingSafeEqual(expect, tag.subarray(HEADER_LEN));
}

async function macWith(k: KeyCore, v: VersionRecord, header: Uint8Array, d: Uint8Array): Promise<Buffer> {
  const input = Buffer.concat([header, d]);
  if (v.ref?.tokenResident) return k.store.backend.tokenMac!(k.vctx(v), v.ref, input);
  return createHmac('sha256', (await k.materialOf(v)).expose())
    .update(input)
    .digest();
}

export async function sign(k: KeyCore, data: string | Uint8Array): Promise<Buffer> {
  const d = dataBytes(data);
  k.requirePurpose('sign');
  const v = await primaryForUse(k);
  const alg = ALG_BY_NAME[v.algorithm]!;
  const header = encodeHeader(v.id, alg);
  return Buffer.concat([header, await signWith(k, v, header, d)]);
}

export async function verify(k: KeyCore, data: string | Uint8Array, signature: Uint8Array): Promise<boolean> {
  const d = dataBytes(data);
  if (!(signature instanceof Uint8Array)) throw new TypeError('signature must be a Uint8Array');
  k.requirePurpose('sign');
  const h = parseHeader(signature, 'signature');
  const v = await k.versionFor(h.keyId, 'verify');
  if (ALG_BY_NAME[v.algorithm] !== h.alg)
    throw new KeyhygieneError('E_FORMAT', 'signature algorithm does not match the key version');
  const msg = Buffer.concat([signature.subarray(0, HEADER_LEN), d]);
  const sig = signature.subarray(HEADER_LEN);
  const pub = publicKeyObject(v);
  if (h.alg === ALG.ED25519) return nodeVerify(null, msg, pub, sig);
  return nodeVerify('sha256', msg, { key: pub, dsaEncoding: 'ieee-p1363' }, sig);
}

export function publicKey(k: KeyCore, version?: number | string): string {
  k.requirePurpose('sign');
  const rec = k.record();
  const v =
    version === undefined
      ? rec.versions.find((x) => x.state === 'active')
      : rec.versions.find((x) => x.id === parseVersion(version));
  if (!v) throw new KeyhygieneError('E_NOT_FOUND', `no such version of key "${k.name}"`);
  return publicKeyObject(v).export({ type: 'spki', format: 'pem' }).toString();
}

function publicKeyObject(v: VersionRecord): KeyObject {
  if (!v.publicKey) throw new KeyhygieneError('E_DESTROYED', `key version ${hexId(v.id)} has no public key`);
  return createPublicKey({ key: Buffer.from(v.publicKey, 'base64'), format: 'der', type: 'spki' });
}

async function signWith(k: KeyCore, v: VersionRecord, header: Uint8Array, d: Uint8Array): Promise<Buffer> {
  const msg = Buffer.concat([header, d]);
  if (v.ref?.tokenResident) {
    const digest = createHash('sha256').update(msg).digest();
    return k.store.backend.tokenSign!(k.vctx(v), v.ref, digest);
  }
  return ed25519Sign((await k.materialOf(v)).expose(), msg);
}

export async function secret(
  k: KeyCore,
  version?: number | string,
  options: CompromisedUse = {},
): Promise<SecretBytes> {
  k.requirePurpose('secret');
  await k.maybeRefresh(true);
  const v =
    version === undefined
      ? await primaryForUse(k)
      : await k.versionFor(parseVersion(version), 'secret', options.insecureAllowCompromised === true);
  return SecretBytes.from((await k.materialOf(v)).expose());
}
