/**
 * The token's primitives, one logged-in token in one class: random bytes from C_GenerateRandom, secret
 * key generation with proof of where the key was made, AES-GCM under a token key, and finding or
 * destroying objects by CKA_ID. The backend (`./backend.ts`) maps the keystore onto these; nothing here
 * knows about keystores beyond the version id used in error messages.
 */
import type * as P11 from 'pkcs11js';
import type { MaterialRef, Provenance, VersionContext } from '../backend.js';
import { KeyhygieneError } from '../errors.js';
import { GONE_ERRORS, TAG_ERRORS, p11Error, p11Name } from './errors.js';
import type { Handle, LoadedModule } from './module.js';
import type { SessionPool } from './session-pool.js';

export function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
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
    usage: { encrypt?: boolean; sign?: boolean },
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
      { type: mod.CKA_WRAP, value: false },
      { type: mod.CKA_UNWRAP, value: false },
      { type: mod.CKA_DERIVE, value: false },
      { type: mod.CKA_ID, value: id },
      { type: mod.CKA_LABEL, value: label },
    ];
  }

  async generateAes(id: Buffer, label: string): Promise<{ handle: Handle; provenance: Provenance }> {
    const { lib, mod } = this.m;
    const handle = await this.pool.run('C_GenerateKey', async (s) => {
      try {
        return await lib.C_GenerateKeyAsync(
          s,
          { mechanism: mod.CKM_AES_KEY_GEN },
          this.secretKeyTemplate(id, label, mod.CKK_AES, { encrypt: true }),
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
