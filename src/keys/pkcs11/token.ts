/**
 * The token's primitives, one logged-in token in one class: random bytes from C_GenerateRandom, secret
 * key generation with proof of where the key was made, AES-GCM under a token key, and finding or
 * destroying objects by CKA_ID. The backend (`./backend.ts`) maps the keystore onto these; nothing here
 * knows about keystores beyond the version id used in error messages.
 */
import type * as P11 from 'pkcs11js';
import type { MaterialRef, Provenance, VersionContext, WrapMechanism } from '../backend.js';
import { KeyhygieneError } from '../errors.js';
import { GONE_ERRORS, KWP_TAG_ERRORS, TAG_ERRORS, p11Error, p11Name } from './errors.js';
import type { Handle, LoadedModule } from './module.js';
import type { SessionPool } from './session-pool.js';

export function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function destroyQuietly(lib: LoadedModule['lib'], s: Handle, obj: Handle): void {
  try {
    lib.C_DestroyObject(s, obj);
  } catch {
    // a session object: it goes when the session closes in any case
  }
}

export class Token {
  #slot: Handle;
  #randomSession: Handle;
  #handles = new Map<string, Handle[]>();
  #closed = false;

  constructor(
    readonly m: LoadedModule,
    slot: Handle,
    readonly pool: SessionPool,
    randomSession: Handle,
  ) {
    this.#slot = slot;
    this.#randomSession = randomSession;
  }

  fillRandom(buf: Uint8Array): void {
    if (this.#closed) throw new KeyhygieneError('E_CLOSED', 'PKCS#11 backend is closed');
    // A dedicated session for synchronous C_GenerateRandom: synchronous calls cannot interleave with
    // each other on the JS thread, and async operations never use this session.
    const tmp = Buffer.alloc(buf.byteLength);
    try {
      const out = this.m.lib.C_GenerateRandom(this.#randomSession, tmp);
      if (out.length !== buf.byteLength)
        throw new KeyhygieneError('E_PKCS11', 'C_GenerateRandom returned fewer bytes than asked');
      buf.set(out);
    } catch (e) {
      throw p11Error(e, 'C_GenerateRandom');
    } finally {
      tmp.fill(0);
    }
  }

  newId(): Buffer {
    const id = Buffer.alloc(16);
    this.fillRandom(id);
    return id;
  }

  secretKeyTemplate(
    id: Buffer,
    label: string,
    keyType: number,
    usage: { encrypt?: boolean; sign?: boolean; wrap?: boolean },
  ): P11.Template {
    const { mod } = this.m;
    // Every attribute explicit: SoftHSM stores PRIVATE=false objects unencrypted on disk (notes, trap 4).
    return [
      { type: mod.CKA_CLASS, value: mod.CKO_SECRET_KEY },
      { type: mod.CKA_KEY_TYPE, value: keyType },
      { type: mod.CKA_VALUE_LEN, value: 32 },
      { type: mod.CKA_TOKEN, value: true },
      { type: mod.CKA_PRIVATE, value: true },
      { type: mod.CKA_SENSITIVE, value: true },
      { type: mod.CKA_EXTRACTABLE, value: false },
      { type: mod.CKA_MODIFIABLE, value: false },
      { type: mod.CKA_ENCRYPT, value: usage.encrypt === true },
      { type: mod.CKA_DECRYPT, value: usage.encrypt === true },
      { type: mod.CKA_SIGN, value: usage.sign === true },
      { type: mod.CKA_VERIFY, value: usage.sign === true },
      { type: mod.CKA_WRAP, value: usage.wrap === true },
      { type: mod.CKA_UNWRAP, value: usage.wrap === true },
      { type: mod.CKA_DERIVE, value: false },
      { type: mod.CKA_ID, value: id },
      { type: mod.CKA_LABEL, value: label },
    ];
  }

  /**
   * An AES-256 key for one wrap mechanism: 'aes-gcm' keys may only encrypt and decrypt (C_Encrypt), and
   * 'aes-kwp' keys may only wrap and unwrap (C_WrapKey), so neither can be used the other way.
   */
  async generateAes(
    id: Buffer,
    label: string,
    wrap: WrapMechanism = 'aes-gcm',
  ): Promise<{ handle: Handle; provenance: Provenance }> {
    const { lib, mod } = this.m;
    const usage = wrap === 'aes-kwp' ? { wrap: true } : { encrypt: true };
    const handle = await this.pool.run('C_GenerateKey', async (s) => {
      try {
        return await lib.C_GenerateKeyAsync(
          s,
          { mechanism: mod.CKM_AES_KEY_GEN },
          this.secretKeyTemplate(id, label, mod.CKK_AES, usage),
        );
      } catch (e) {
        throw p11Error(e, 'C_GenerateKey(AES-256)');
      }
    });
    return { handle, provenance: await this.prove(handle, id) };
  }

  /**
   * Reads back CKA_LOCAL, CKA_NEVER_EXTRACTABLE, CKA_ALWAYS_SENSITIVE and CKA_EXTRACTABLE. A token that
   * does not confirm all of them did not generate a non-extractable key, so the object is destroyed.
   */
  async prove(handle: Handle, id: Buffer): Promise<Provenance> {
    const { lib, mod } = this.m;
    const attrs = await this.pool.run('C_GetAttributeValue', (s) => {
      try {
        return lib.C_GetAttributeValue(s, handle, [
          { type: mod.CKA_LOCAL },
          { type: mod.CKA_NEVER_EXTRACTABLE },
          { type: mod.CKA_ALWAYS_SENSITIVE },
          { type: mod.CKA_EXTRACTABLE },
          { type: mod.CKA_PRIVATE },
        ]);
      } catch (e) {
        throw p11Error(e, 'C_GetAttributeValue');
      }
    });
    const flag = (i: number): boolean => {
      const v = attrs[i]?.value;
      return Buffer.isBuffer(v) ? v.length > 0 && v[0] === 1 : v === true;
    };
    const provenance: Provenance = {
      origin: 'token',
      local: flag(0),
      neverExtractable: flag(1),
      alwaysSensitive: flag(2),
    };
    if (!provenance.local || !provenance.neverExtractable || !provenance.alwaysSensitive || flag(3) || !flag(4)) {
      await this.destroyById(id).catch(() => undefined);
      throw new KeyhygieneError(
        'E_PKCS11',
        'token did not confirm LOCAL, NEVER_EXTRACTABLE, ALWAYS_SENSITIVE and PRIVATE for a new key; refused',
      );
    }
    return provenance;
  }

  async seal(handle: Handle, plaintext: Uint8Array, aad: Uint8Array): Promise<Buffer> {
    const iv = Buffer.alloc(12);
    this.fillRandom(iv);
    const ct = await this.gcm(
      'encrypt',
      handle,
      Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength),
      iv,
      aad,
    );
    return Buffer.concat([iv, ct]);
  }

  async gcm(
    dir: 'encrypt' | 'decrypt',
    handle: Handle,
    input: Buffer,
    iv: Uint8Array,
    aad: Uint8Array,
  ): Promise<Buffer> {
    const { lib, mod } = this.m;
    const mech: P11.Mechanism = {
      mechanism: mod.CKM_AES_GCM,
      parameter: {
        type: mod.CK_PARAMS_AES_GCM,
        iv: Buffer.from(iv),
        aad: Buffer.from(aad),
        ivBits: 96,
        tagBits: 128,
      } as P11.AesGCM,
    };
    return this.pool.run(`C_${dir}`, async (s) => {
      try {
        if (dir === 'encrypt') {
          lib.C_EncryptInit(s, mech, handle);
          // Exact size (plaintext + 16-byte tag): a CKR_BUFFER_TOO_SMALL would leave the operation active.
          return await lib.C_EncryptAsync(s, input, Buffer.alloc(input.length + 16));
        }
        lib.C_DecryptInit(s, mech, handle);
        // SoftHSM wants an output buffer as large as the input (ciphertext + tag) for GCM decrypt.
        const out = Buffer.alloc(input.length);
        const pt = await lib.C_DecryptAsync(s, input, out);
        const exact = Buffer.allocUnsafeSlow(pt.length);
        pt.copy(exact);
        out.fill(0);
        return exact;
      } catch (e) {
        const name = p11Name(e);
        if (dir === 'decrypt' && TAG_ERRORS.has(name)) {
          // SoftHSM reports a GCM tag mismatch as CKR_GENERAL_ERROR (notes, trap 5), but on other
          // devices it can mean a device fault. It counts as tampering only while the token still
          // answers for this key; otherwise it is a token failure.
          if (name === 'CKR_GENERAL_ERROR' && !this.#keyAnswers(handle))
            throw new KeyhygieneError(
              'E_PKCS11',
              `C_Decrypt(AES-GCM) failed: ${name}, and the token stopped answering`,
            );
          throw new KeyhygieneError('E_TAMPERED', `token AES-GCM decryption failed authentication (${name})`);
        }
        if (GONE_ERRORS.has(name)) throw new KeyhygieneError('E_DESTROYED', `token key object is gone (${name})`);
        throw p11Error(e, `C_${dir === 'encrypt' ? 'Encrypt' : 'Decrypt'}(AES-GCM)`);
      }
    });
  }

  /**
   * True when the token offers CKM_AES_KEY_WRAP_PAD (RFC 5649) for C_WrapKey and C_UnwrapKey
   * (C_GetMechanismList, then CKF_WRAP and CKF_UNWRAP in C_GetMechanismInfo). A token that offers it
   * only through C_Encrypt (CKF_ENCRYPT) counts as lacking it: that path is not implemented.
   */
  supportsKwp(): boolean {
    const { lib, mod } = this.m;
    try {
      if (!lib.C_GetMechanismList(this.#slot).includes(mod.CKM_AES_KEY_WRAP_PAD)) return false;
      const info = lib.C_GetMechanismInfo(this.#slot, mod.CKM_AES_KEY_WRAP_PAD);
      const need = mod.CKF_WRAP | mod.CKF_UNWRAP;
      return (info.flags & need) === need && info.maxKeySize >= 32;
    } catch (e) {
      throw p11Error(e, 'C_GetMechanismInfo(CKM_AES_KEY_WRAP_PAD)');
    }
  }

  /**
   * RFC 5649 (AES key wrap with padding) of host bytes under an 'aes-kwp' token key: the bytes become a
   * short-lived session object (extractable, never on the token's disk), which C_WrapKey wraps and which
   * is destroyed at once. No IV is chosen by the host, which is what FIPS-mode HSMs require.
   */
  async kwpWrap(wrappingKey: Handle, material: Uint8Array): Promise<Buffer> {
    const { lib, mod } = this.m;
    return this.pool.run('C_WrapKey(CKM_AES_KEY_WRAP_PAD)', async (s) => {
      let obj: Handle | undefined;
      try {
        obj = lib.C_CreateObject(s, [
          ...this.#sessionSecretTemplate(),
          { type: mod.CKA_VALUE, value: Buffer.from(material) },
        ]);
        // RFC 5649 §4.1: the output is the input padded to a multiple of 8 bytes, plus the 8-byte AIV.
        const out = Buffer.alloc(Math.ceil(material.byteLength / 8) * 8 + 8);
        return await lib.C_WrapKeyAsync(s, { mechanism: mod.CKM_AES_KEY_WRAP_PAD }, wrappingKey, obj, out);
      } catch (e) {
        if (GONE_ERRORS.has(p11Name(e))) throw new KeyhygieneError('E_DESTROYED', 'token key object is gone');
        throw p11Error(e, 'C_WrapKey(CKM_AES_KEY_WRAP_PAD)');
      } finally {
        if (obj !== undefined) destroyQuietly(lib, s, obj);
      }
    });
  }

  /**
   * Reverses `kwpWrap`. `length` is the recorded length of the material: SoftHSM 2.6 returns the RFC 5649
   * padding with the value when the length is not a multiple of 8, so zero padding up to the next
   * multiple of 8 is removed here, and any other length is refused.
   * @throws {KeyhygieneError} E_TAMPERED when the RFC 5649 integrity check fails; E_DESTROYED when the key is gone.
   */
  async kwpUnwrap(unwrappingKey: Handle, wrapped: Uint8Array, length: number): Promise<Buffer> {
    const { lib, mod } = this.m;
    return this.pool.run('C_UnwrapKey(CKM_AES_KEY_WRAP_PAD)', async (s) => {
      let obj: Handle | undefined;
      try {
        obj = await lib.C_UnwrapKeyAsync(
          s,
          { mechanism: mod.CKM_AES_KEY_WRAP_PAD },
          unwrappingKey,
          Buffer.from(wrapped),
          this.#sessionSecretTemplate(),
        );
        const value = lib.C_GetAttributeValue(s, obj, [{ type: mod.CKA_VALUE }])[0]?.value;
        if (!Buffer.isBuffer(value)) throw new KeyhygieneError('E_PKCS11', 'token returned no CKA_VALUE');
        const out = Buffer.allocUnsafeSlow(length);
        const padded = Math.ceil(length / 8) * 8;
        const ok = value.length === length || (value.length === padded && value.subarray(length).every((b) => b === 0));
        if (ok) value.copy(out, 0, 0, length);
        value.fill(0);
        if (!ok) throw new KeyhygieneError('E_TAMPERED', 'RFC 5649 unwrap returned material of the wrong length');
        return out;
      } catch (e) {
        const name = p11Name(e);
        if (e instanceof KeyhygieneError) throw e;
        if (GONE_ERRORS.has(name)) throw new KeyhygieneError('E_DESTROYED', `token key object is gone (${name})`);
        // SoftHSM reports a failed RFC 5649 integrity check as CKR_GENERAL_ERROR (as for a GCM tag).
        if (KWP_TAG_ERRORS.has(name)) {
          if (name === 'CKR_GENERAL_ERROR' && !this.#keyAnswers(unwrappingKey))
            throw new KeyhygieneError(
              'E_PKCS11',
              `C_UnwrapKey(AES-KWP) failed: ${name}, and the token stopped answering`,
            );
          throw new KeyhygieneError('E_TAMPERED', `token AES key unwrap failed its integrity check (${name})`);
        }
        throw p11Error(e, 'C_UnwrapKey(CKM_AES_KEY_WRAP_PAD)');
      } finally {
        if (obj !== undefined) destroyQuietly(lib, s, obj);
      }
    });
  }

  /** A session object (gone when the session closes) that C_WrapKey may wrap and whose value we may read. */
  #sessionSecretTemplate(): P11.Template {
    const { mod } = this.m;
    return [
      { type: mod.CKA_CLASS, value: mod.CKO_SECRET_KEY },
      { type: mod.CKA_KEY_TYPE, value: mod.CKK_GENERIC_SECRET },
      { type: mod.CKA_TOKEN, value: false },
      { type: mod.CKA_PRIVATE, value: true },
      { type: mod.CKA_SENSITIVE, value: false },
      { type: mod.CKA_EXTRACTABLE, value: true },
    ];
  }

  /** True when a fresh session can still read the key object's class (the token and the key are there). */
  #keyAnswers(handle: Handle): boolean {
    const { lib, mod } = this.m;
    let s: Handle | undefined;
    try {
      lib.C_GetTokenInfo(this.#slot);
      s = this.pool.open();
      lib.C_GetAttributeValue(s, handle, [{ type: mod.CKA_CLASS }]);
      return true;
    } catch {
      return false;
    } finally {
      if (s)
        try {
          lib.C_CloseSession(s);
        } catch {
          // ignore: the session was only a probe
        }
    }
  }

  async find(idHex: string, session?: Handle): Promise<Handle[]> {
    const { lib, mod } = this.m;
    const run = (s: Handle): Handle[] => {
      try {
        lib.C_FindObjectsInit(s, [{ type: mod.CKA_ID, value: Buffer.from(idHex, 'hex') }]);
        try {
          return lib.C_FindObjects(s, 16);
        } finally {
          lib.C_FindObjectsFinal(s);
        }
      } catch (e) {
        throw p11Error(e, 'C_FindObjects');
      }
    };
    if (session) return run(session);
    return this.pool.run('C_FindObjects', run);
  }

  async handle(ref: MaterialRef, ctx: VersionContext, which: 'secret' | 'private'): Promise<Handle> {
    if (!ref.objectId)
      throw new KeyhygieneError('E_DESTROYED', `key version ${hex8(ctx.versionId)} has no token object`);
    let hs = this.#handles.get(ref.objectId);
    if (!hs) {
      hs = await this.find(ref.objectId);
      if (hs.length === 0)
        throw new KeyhygieneError(
          'E_DESTROYED',
          `token object for key version ${hex8(ctx.versionId)} not found (destroyed?)`,
        );
      this.#handles.set(ref.objectId, hs);
    }
    if (which === 'secret' || hs.length === 1) return hs[0]!;
    const { lib, mod } = this.m;
    for (const h of hs) {
      const cls = await this.pool.run('C_GetAttributeValue', (s) =>
        lib.C_GetAttributeValue(s, h, [{ type: mod.CKA_CLASS }]),
      );
      const v = cls[0]?.value;
      const n = Buffer.isBuffer(v) ? v.readUIntLE(0, Math.min(v.length, 6)) : Number(v);
      if (n === mod.CKO_PRIVATE_KEY) return h;
    }
    throw new KeyhygieneError('E_DESTROYED', `private key object for key version ${hex8(ctx.versionId)} not found`);
  }

  async destroyById(idHex: string | Buffer): Promise<number> {
    const { lib } = this.m;
    const hexId = typeof idHex === 'string' ? idHex : idHex.toString('hex');
    this.#handles.delete(hexId);
    return this.pool.run('C_DestroyObject', async (s) => {
      const hs = await this.find(hexId, s);
      for (const h of hs) {
        try {
          lib.C_DestroyObject(s, h);
        } catch (e) {
          throw p11Error(e, 'C_DestroyObject');
        }
      }
      return hs.length;
    });
  }

  /** Closes every session; later calls fail with E_CLOSED. Logout and module release are the backend's. */
  close(): void {
    this.#closed = true;
    this.#handles.clear();
    this.pool.closeAll();
    try {
      this.m.lib.C_CloseSession(this.#randomSession);
    } catch {
      // ignore
    }
  }
}
