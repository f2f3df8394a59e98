/**
 * The PKCS#11 backend: the keystore's `Backend` on a token. It creates the backend (token by label,
 * login), and maps keystore operations (root key, versions per purpose, wrapped material, destroy with
 * verification) onto the token primitives in `./token.ts`. The module, session pool, PIN, error mapping,
 * anchor object and SPKI encoding each live in their own file beside this one.
 */
import type * as P11 from 'pkcs11js';
import type {
  AnchorStore,
  Backend,
  BackendDestroyResult,
  BackendHeader,
  BackendInfo,
  CreatedVersion,
  MaterialRef,
  VersionContext,
  WrapMechanism,
} from '../backend.js';
import { materialAad, rootAad } from '../backend.js';
import { KeyhygieneError } from '../errors.js';
import type { RandomSource } from '../random.js';
import { SecretBytes } from '../secret-bytes.js';
import { tokenAnchor } from './anchor.js';
import { GONE_ERRORS, p11Error, p11Name } from './errors.js';
import { acquireModule, releaseModule, type Handle, type LoadedModule } from './module.js';
import type { Pkcs11BackendOptions } from './options.js';
import { login, releaseLogin, resolvePin } from './pin.js';
import { SessionPool } from './session-pool.js';
import { p256Spki } from './spki.js';
import { Token, hex8 } from './token.js';

/**
 * PKCS#11 backend (pkcs11js). Keys are generated inside the token with TOKEN, PRIVATE, SENSITIVE,
 * EXTRACTABLE=false and explicit usage flags; generation inside the token is proven by reading back
 * CKA_LOCAL, CKA_NEVER_EXTRACTABLE and CKA_ALWAYS_SENSITIVE (PKCS#11 v2.40 §4.4, §4.9) and recorded.
 * Works with any module by path (SoftHSM, YubiHSM 2, Luna, CloudHSM, Google kmsp11); tests run on SoftHSM.
 */
export class Pkcs11Backend implements Backend {
  readonly info: BackendInfo;
  readonly random: RandomSource;
  #token: Token;
  #slotKey: string;
  #tokenSerial: string;
  #tokenModel: string;
  #tokenLabel: string;
  #wrap: WrapMechanism;
  #closed = false;

  private constructor(token: Token, slot: Handle, label: string, serial: string, model: string, wrap: WrapMechanism) {
    this.#token = token;
    this.#wrap = wrap;
    this.#slotKey = slot.toString('hex');
    this.#tokenLabel = label;
    this.#tokenSerial = serial;
    this.#tokenModel = model;
    this.info = {
      type: 'pkcs11',
      hardware: true,
      description: `pkcs11 token "${label}" (${model}, serial ${serial}) via ${token.m.path}`,
    };
    this.random = {
      description: `pkcs11:C_GenerateRandom token "${label}"`,
      fill: (buf) => this.#token.fillRandom(buf),
    };
  }

  /**
   * Loads the module, selects the token by label and logs in.
   * @throws {KeyhygieneError} E_PKCS11 for a missing module, pkcs11js or token; E_AUTH for a wrong PIN;
   *   E_CONFIG when no PIN source is given.
   */
  static async create(options: Pkcs11BackendOptions, env: NodeJS.ProcessEnv = process.env): Promise<Pkcs11Backend> {
    if (typeof options.module !== 'string' || options.module === '')
      throw new TypeError('backend.module must be a path');
    if (typeof options.tokenLabel !== 'string' || options.tokenLabel === '')
      throw new TypeError('backend.tokenLabel must be a string');
    const choice = options.wrapMechanism ?? 'aes-gcm';
    if (!['aes-gcm', 'aes-kwp', 'auto'].includes(choice))
      throw new RangeError("backend.wrapMechanism must be 'aes-gcm', 'aes-kwp' or 'auto'");
    const sessions = options.sessions ?? 4;
    if (!Number.isSafeInteger(sessions) || sessions < 1 || sessions > 64)
      throw new RangeError('backend.sessions must be in [1, 64]');
    const pin = await resolvePin(options, env);
    let m: LoadedModule | undefined;
    try {
      m = await acquireModule(options.module);
      const { lib, mod } = m;
      let slots: Handle[];
      try {
        slots = lib.C_GetSlotList(true);
      } catch (e) {
        throw p11Error(e, 'C_GetSlotList');
      }
      // Slot ids change after token init and SoftHSM always adds an empty slot: select by label.
      const matches: Array<{ slot: Handle; info: P11.TokenInfo }> = [];
      for (const slot of slots) {
        const info = lib.C_GetTokenInfo(slot);
        if (info.label.trim() === options.tokenLabel) matches.push({ slot, info });
      }
      if (matches.length === 0)
        throw new KeyhygieneError('E_PKCS11', `no token labelled "${options.tokenLabel}" in ${options.module}`);
      if (matches.length > 1)
        throw new KeyhygieneError(
          'E_PKCS11',
          `${matches.length} tokens are labelled "${options.tokenLabel}"; labels must be unique`,
        );
      const { slot, info } = matches[0]!;
      const pool = new SessionPool(lib, mod, slot, sessions);
      const first = pool.open();
      login(m, first, slot.toString('hex'), pin);
      const token = new Token(m, slot, pool, first);
      try {
        const wrap = chooseWrapMechanism(choice, () => token.supportsKwp(), options.tokenLabel);
        return new Pkcs11Backend(token, slot, options.tokenLabel, info.serialNumber.trim(), info.model.trim(), wrap);
      } catch (e) {
        token.close();
        releaseLogin(m, slot.toString('hex'));
        throw e;
      }
    } catch (e) {
      pin.wipe();
      if (m) releaseModule(m);
      throw e;
    }
  }

  get tokenLabel(): string {
    return this.#tokenLabel;
  }

  /** The mechanism new wraps use (recorded with each wrapped item; existing ones keep theirs). */
  get wrapMechanism(): WrapMechanism {
    return this.#wrap;
  }

  async initStore(storeId: string): Promise<{ header: BackendHeader; root: SecretBytes }> {
    const id = this.#token.newId();
    const { handle } = await this.#token.generateAes(id, `keyhygiene:${storeId}:root`, this.#wrap);
    const root = Buffer.allocUnsafeSlow(32);
    this.#token.fillRandom(root);
    // With AES-KWP the root key has no AAD: its token object is used for this keystore's root alone.
    const wrapped =
      this.#wrap === 'aes-kwp'
        ? await this.#token.kwpWrap(handle, root)
        : await this.#token.seal(handle, root, rootAad(storeId));
    return {
      header: {
        type: 'pkcs11',
        hardware: true,
        tokenLabel: this.#tokenLabel,
        tokenSerial: this.#tokenSerial,
        tokenModel: this.#tokenModel,
        rootObjectId: id.toString('hex'),
        wrappedRoot: wrapped.toString('base64'),
        rootWrap: this.#wrap,
      },
      root: new SecretBytes(root),
    };
  }

  async openStore(storeId: string, header: BackendHeader): Promise<SecretBytes> {
    if (header.type !== 'pkcs11')
      throw new KeyhygieneError('E_CONFIG', `keystore was created with the ${header.type} backend, not pkcs11`);
    if (header.tokenSerial !== this.#tokenSerial) {
      throw new KeyhygieneError(
        'E_PKCS11',
        `keystore belongs to token serial ${header.tokenSerial}, ` +
          `but "${this.#tokenLabel}" has serial ${this.#tokenSerial}`,
      );
    }
    const hs = await this.#token.find(header.rootObjectId);
    if (hs.length === 0)
      throw new KeyhygieneError('E_PKCS11', `keystore root key object is missing from token "${this.#tokenLabel}"`);
    const w = Buffer.from(header.wrappedRoot, 'base64');
    const kwp = header.rootWrap === 'aes-kwp';
    if (w.length < (kwp ? 40 : 12 + 16)) throw new KeyhygieneError('E_CORRUPT', 'keystore root key is truncated');
    try {
      if (kwp) return new SecretBytes(await this.#token.kwpUnwrap(hs[0]!, w, 32));
      return new SecretBytes(
        await this.#token.gcm('decrypt', hs[0]!, w.subarray(12), w.subarray(0, 12), rootAad(storeId)),
      );
    } catch (e) {
      if (e instanceof KeyhygieneError && e.code === 'E_TAMPERED')
        throw new KeyhygieneError('E_TAMPERED', 'keystore header failed authentication (root key does not unwrap)');
      throw e;
    }
  }

  async createVersion(ctx: VersionContext, options: { bytes: number }): Promise<CreatedVersion> {
    const { lib, mod } = this.#token.m;
    const id = this.#token.newId();
    const label = `keyhygiene:${ctx.storeId}:${ctx.keyName}:${hex8(ctx.versionId)}`;
    if (ctx.purpose === 'aead') {
      const { provenance } = await this.#token.generateAes(id, label, this.#wrap);
      return { ref: { objectId: id.toString('hex'), tokenResident: true, wrap: this.#wrap }, provenance };
    }
    if (ctx.purpose === 'mac') {
      const handle = await this.#token.pool.run('C_GenerateKey', async (s) => {
        try {
          return await lib.C_GenerateKeyAsync(
            s,
            { mechanism: mod.CKM_GENERIC_SECRET_KEY_GEN },
            this.#token.secretKeyTemplate(id, label, mod.CKK_GENERIC_SECRET, { sign: true }),
          );
        } catch (e) {
          throw p11Error(e, 'C_GenerateKey(HMAC)');
        }
      });
      return {
        ref: { objectId: id.toString('hex'), tokenResident: true },
        provenance: await this.#token.prove(handle, id),
      };
    }
    if (ctx.purpose === 'sign') {
      const pair = await this.#token.pool.run('C_GenerateKeyPair', async (s) => {
        try {
          return await lib.C_GenerateKeyPairAsync(
            s,
            { mechanism: mod.CKM_EC_KEY_PAIR_GEN },
            [
              { type: mod.CKA_TOKEN, value: true },
              { type: mod.CKA_PRIVATE, value: false },
              { type: mod.CKA_MODIFIABLE, value: false },
              { type: mod.CKA_VERIFY, value: true },
              { type: mod.CKA_ENCRYPT, value: false },
              { type: mod.CKA_WRAP, value: false },
              // secp256r1 OID 1.2.840.10045.3.1.7 (RFC 5480 §2.1.1.1)
              { type: mod.CKA_EC_PARAMS, value: Buffer.from('06082a8648ce3d030107', 'hex') },
              { type: mod.CKA_ID, value: id },
              { type: mod.CKA_LABEL, value: label },
            ],
            [
              { type: mod.CKA_TOKEN, value: true },
              { type: mod.CKA_PRIVATE, value: true },
              { type: mod.CKA_SENSITIVE, value: true },
              { type: mod.CKA_EXTRACTABLE, value: false },
              { type: mod.CKA_MODIFIABLE, value: false },
              { type: mod.CKA_SIGN, value: true },
              { type: mod.CKA_DECRYPT, value: false },
              { type: mod.CKA_UNWRAP, value: false },
              { type: mod.CKA_DERIVE, value: false },
              { type: mod.CKA_ID, value: id },
              { type: mod.CKA_LABEL, value: label },
            ],
          );
        } catch (e) {
          throw p11Error(e, 'C_GenerateKeyPair(EC P-256)');
        }
      });
      const provenance = await this.#token.prove(pair.privateKey, id);
      const point = await this.#token.pool.run('C_GetAttributeValue', (s) =>
        lib.C_GetAttributeValue(s, pair.publicKey, [{ type: mod.CKA_EC_POINT }]),
      );
      const ecPoint = point[0]?.value;
      if (!Buffer.isBuffer(ecPoint)) throw new KeyhygieneError('E_PKCS11', 'token returned no CKA_EC_POINT');
      return {
        ref: { objectId: id.toString('hex'), tokenResident: true },
        provenance,
        publicKey: p256Spki(ecPoint).toString('base64'),
      };
    }
    // 'secret': the caller needs the raw bytes (third-party libraries), so they cannot stay in the
    // token. They come from C_GenerateRandom and are wrapped by a per-version token key, so destroying
    // that key is still a crypto-erase of the stored bytes.
    const material = Buffer.allocUnsafeSlow(options.bytes);
    try {
      this.#token.fillRandom(material);
      return await this.#wrapUnderNewKey(ctx, id, label, material, 'token');
    } finally {
      material.fill(0);
    }
  }

  async importVersion(ctx: VersionContext, material: Uint8Array): Promise<CreatedVersion> {
    const id = this.#token.newId();
    return this.#wrapUnderNewKey(
      ctx,
      id,
      `keyhygiene:${ctx.storeId}:${ctx.keyName}:${hex8(ctx.versionId)}:imported`,
      material,
      'imported',
    );
  }

  async #wrapUnderNewKey(
    ctx: VersionContext,
    id: Buffer,
    label: string,
    material: Uint8Array,
    origin: 'token' | 'imported',
  ): Promise<CreatedVersion> {
    const { handle, provenance } = await this.#token.generateAes(id, label, this.#wrap);
    // AES-KWP has no AAD; the binding to store, key and version comes from the per-version token key
    // (its CKA_ID is recorded in the authenticated state) instead.
    const kwp = this.#wrap === 'aes-kwp';
    const wrapped = kwp
      ? await this.#token.kwpWrap(handle, material)
      : await this.#token.seal(handle, material, materialAad(ctx));
    const ref: MaterialRef = {
      objectId: id.toString('hex'),
      wrapped: wrapped.toString('base64'),
      tokenResident: false,
      wrap: this.#wrap,
    };
    if (kwp) ref.length = material.byteLength;
    return {
      ref,
      provenance: origin === 'token' ? { ...provenance, origin: 'token' } : { origin: 'imported' },
    };
  }

  async unwrapMaterial(ctx: VersionContext, ref: MaterialRef): Promise<SecretBytes> {
    if (!ref.wrapped)
      throw new KeyhygieneError('E_DESTROYED', `key version ${hex8(ctx.versionId)} has no wrapped material`);
    const h = await this.#token.handle(ref, ctx, 'secret');
    const w = Buffer.from(ref.wrapped, 'base64');
    if (ref.wrap === 'aes-kwp') {
      const length = ref.length;
      if (length === undefined || w.length !== Math.ceil(length / 8) * 8 + 8)
        throw new KeyhygieneError('E_CORRUPT', `key version ${hex8(ctx.versionId)} material is truncated`);
      return new SecretBytes(await this.#token.kwpUnwrap(h, w, length));
    }
    if (w.length < 28)
      throw new KeyhygieneError('E_CORRUPT', `key version ${hex8(ctx.versionId)} material is truncated`);
    return new SecretBytes(await this.#token.gcm('decrypt', h, w.subarray(12), w.subarray(0, 12), materialAad(ctx)));
  }

  async tokenEncrypt(
    ctx: VersionContext,
    ref: MaterialRef,
    plaintext: Uint8Array,
    iv: Uint8Array,
    aad: Uint8Array,
  ): Promise<Buffer> {
    assertWrap(ref, 'aes-gcm', ctx);
    const h = await this.#token.handle(ref, ctx, 'secret');
    return this.#token.gcm(
      'encrypt',
      h,
      Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength),
      iv,
      aad,
    );
  }

  async tokenDecrypt(
    ctx: VersionContext,
    ref: MaterialRef,
    ciphertext: Uint8Array,
    iv: Uint8Array,
    aad: Uint8Array,
  ): Promise<Buffer> {
    assertWrap(ref, 'aes-gcm', ctx);
    const h = await this.#token.handle(ref, ctx, 'secret');
    return this.#token.gcm(
      'decrypt',
      h,
      Buffer.from(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength),
      iv,
      aad,
    );
  }

  async tokenWrapKwp(ctx: VersionContext, ref: MaterialRef, material: Uint8Array): Promise<Buffer> {
    assertWrap(ref, 'aes-kwp', ctx);
    return this.#token.kwpWrap(await this.#token.handle(ref, ctx, 'secret'), material);
  }

  async tokenUnwrapKwp(ctx: VersionContext, ref: MaterialRef, wrapped: Uint8Array, length: number): Promise<Buffer> {
    assertWrap(ref, 'aes-kwp', ctx);
    return this.#token.kwpUnwrap(await this.#token.handle(ref, ctx, 'secret'), wrapped, length);
  }

  async tokenMac(ctx: VersionContext, ref: MaterialRef, data: Uint8Array): Promise<Buffer> {
    const { lib, mod } = this.#token.m;
    const h = await this.#token.handle(ref, ctx, 'secret');
    return this.#token.pool.run('C_Sign(HMAC)', async (s) => {
      try {
        lib.C_SignInit(s, { mechanism: mod.CKM_SHA256_HMAC }, h);
        return await lib.C_SignAsync(s, Buffer.from(data.buffer, data.byteOffset, data.byteLength), Buffer.alloc(32));
      } catch (e) {
        if (GONE_ERRORS.has(p11Name(e))) throw new KeyhygieneError('E_DESTROYED', 'token key object is gone');
        throw p11Error(e, 'C_Sign(CKM_SHA256_HMAC)');
      }
    });
  }

  async tokenSign(ctx: VersionContext, ref: MaterialRef, digest: Uint8Array): Promise<Buffer> {
    const { lib, mod } = this.#token.m;
    const h = await this.#token.handle(ref, ctx, 'private');
    return this.#token.pool.run('C_Sign(ECDSA)', async (s) => {
      try {
        // CKM_ECDSA over our own SHA-256 digest: SoftHSM rejects CKM_ECDSA_SHA256 (notes, trap 6).
        lib.C_SignInit(s, { mechanism: mod.CKM_ECDSA }, h);
        return await lib.C_SignAsync(
          s,
          Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength),
          Buffer.alloc(64),
        );
      } catch (e) {
        if (GONE_ERRORS.has(p11Name(e))) throw new KeyhygieneError('E_DESTROYED', 'token key object is gone');
        throw p11Error(e, 'C_Sign(CKM_ECDSA)');
      }
    });
  }

  /**
   * The rollback anchor as a token data object (`./anchor.ts`).
   */
  anchor(storeId: string): AnchorStore {
    return tokenAnchor(this.#token.m, this.#token.pool, this.#tokenLabel, storeId);
  }

  async versionExists(ref: MaterialRef): Promise<boolean> {
    if (!ref.objectId) return false;
    const { lib } = this.#token.m;
    // A new session, so no cached handle or session state can hide a surviving object.
    const s = this.#token.pool.open();
    try {
      return (await this.#token.find(ref.objectId, s)).length > 0;
    } finally {
      try {
        lib.C_CloseSession(s);
      } catch {
        // ignore
      }
    }
  }

  async destroyVersion(_ctx: VersionContext, ref: MaterialRef): Promise<BackendDestroyResult> {
    const steps: BackendDestroyResult['steps'] = [];
    if (!ref.objectId) {
      return {
        method: 'crypto-erase',
        steps: [{ step: 'C_DestroyObject', ok: true, detail: 'no token object recorded' }],
        verified: true,
      };
    }
    const n = await this.#token.destroyById(ref.objectId);
    // n = 0 happens when an earlier destroy removed the object but crashed before the keystore was
    // rewritten; destroy is idempotent.
    steps.push({
      step: 'C_DestroyObject',
      ok: true,
      detail: `${n} object(s) with CKA_ID ${ref.objectId.slice(0, 8)}… destroyed`,
    });
    const still = await this.versionExists(ref);
    steps.push({
      step: 'C_FindObjects (new session)',
      ok: !still,
      detail: still ? 'object still found' : '0 objects found',
    });
    return { method: 'crypto-erase', steps, verified: !still };
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    this.#token.close();
    releaseLogin(this.#token.m, this.#slotKey);
    releaseModule(this.#token.m);
    return Promise.resolve();
  }
}

/** A version key is made for one mechanism (`Token.generateAes`); using it the other way is refused here. */
function assertWrap(ref: MaterialRef, want: WrapMechanism, ctx: VersionContext): void {
  const have = ref.wrap ?? 'aes-gcm';
  if (have !== want)
    throw new KeyhygieneError(
      'E_FORMAT',
      `key version ${hex8(ctx.versionId)} wraps with ${have}, but the ciphertext or operation needs ${want}`,
    );
}

/**
 * Resolves the `wrapMechanism` option against what the token offers.
 * @throws {KeyhygieneError} E_PKCS11 when 'aes-kwp' is asked for and the token lacks CKM_AES_KEY_WRAP_PAD.
 */
export function chooseWrapMechanism(
  choice: 'aes-gcm' | 'aes-kwp' | 'auto',
  supportsKwp: () => boolean,
  tokenLabel: string,
): WrapMechanism {
  if (choice === 'aes-gcm') return 'aes-gcm';
  const kwp = supportsKwp();
  if (choice === 'auto') return kwp ? 'aes-kwp' : 'aes-gcm';
  if (!kwp)
    throw new KeyhygieneError(
      'E_PKCS11',
      `token "${tokenLabel}" does not offer CKM_AES_KEY_WRAP_PAD for C_WrapKey/C_UnwrapKey; ` +
        "wrapMechanism 'aes-kwp' cannot be used (choose 'aes-gcm' or 'auto')",
    );
  return 'aes-kwp';
}
