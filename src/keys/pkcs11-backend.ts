import { createHmac, randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as P11 from 'pkcs11js';
import type {
  AnchorStore,
  Backend,
  BackendDestroyResult,
  BackendHeader,
  BackendInfo,
  CreatedVersion,
  MaterialRef,
  Provenance,
  VersionContext,
} from './backend.js';
import { materialAad, rootAad } from './backend.js';
import { KeyhygieneError } from './errors.js';
import type { RandomSource } from './random.js';
import { SecretBytes } from './secret-bytes.js';
import { readSecretFile } from './software-backend.js';

export interface Pkcs11BackendOptions {
  type: 'pkcs11';
  /** Path of the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so, libykcs11.so, libCryptoki2_64.so, libcloudhsm_pkcs11.so, libkmsp11.so. */
  module: string;
  /** Token label (CKA_LABEL of the token, CK_TOKEN_INFO.label). Slot ids are not stable, labels are. */
  tokenLabel: string;
  /** The user PIN itself (avoid: prefer pinFile, pinEnv or pinPrompt). */
  pin?: string | SecretBytes;
  /** A file (mode 0600) whose first line is the PIN. */
  pinFile?: string;
  /** Name of the environment variable holding the PIN (you choose the name). */
  pinEnv?: string;
  /** Called to ask for the PIN interactively (the CLI reads the terminal without echo). */
  pinPrompt?: () => Promise<string>;
  /** Sessions kept open for concurrent operations; one operation per session (PKCS#11 §5.6). Default 4. */
  sessions?: number;
}

type Lib = P11.PKCS11;
type Handle = Buffer;
type Mod = typeof P11;

interface LoadedModule {
  mod: Mod;
  lib: Lib;
  path: string;
  refs: number;
  /** HMAC of the PIN that logged in, per slot: a second open in this process with another PIN must fail. */
  loginTags: Map<string, { tag: Buffer; refs: number }>;
}

const modules = new Map<string, Promise<LoadedModule>>();
// Random per-process key so the PIN tag held in memory is useless outside this process.
const pinTagKey = nodeRandomBytes(32);

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

async function acquireModule(path: string): Promise<LoadedModule> {
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

function releaseModule(m: LoadedModule): void {
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

/** The CKR_* name of a pkcs11js error (they come as Pkcs11Error with .code, or plain Error('CKR_X:16')). */
export function p11Name(e: unknown): string {
  if (e instanceof KeyhygieneError) return e.code;
  const msg = e instanceof Error ? e.message : String(e);
  const m = /(CKR_[A-Z_]+)/.exec(msg);
  if (m) return m[1]!;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return `CKR_0x${code.toString(16)}`;
  return (msg.split('\n')[0] ?? 'unknown error').slice(0, 120);
}

const AUTH_ERRORS = new Set([
  'CKR_PIN_INCORRECT',
  'CKR_PIN_INVALID',
  'CKR_PIN_LEN_RANGE',
  'CKR_PIN_LOCKED',
  'CKR_PIN_EXPIRED',
]);
const TAG_ERRORS = new Set(['CKR_GENERAL_ERROR', 'CKR_ENCRYPTED_DATA_INVALID', 'CKR_ENCRYPTED_DATA_LEN_RANGE']);
const GONE_ERRORS = new Set(['CKR_OBJECT_HANDLE_INVALID', 'CKR_KEY_HANDLE_INVALID']);

function p11Error(e: unknown, op: string): KeyhygieneError {
  if (e instanceof KeyhygieneError) return e;
  const name = p11Name(e);
  if (AUTH_ERRORS.has(name)) return new KeyhygieneError('E_AUTH', `${op}: wrong or locked PIN (${name})`);
  return new KeyhygieneError('E_PKCS11', `${op} failed: ${name}`);
}

/**
 * A fixed-size pool of sessions. PKCS#11 allows one active operation per session, and after an
 * error (e.g. CKR_BUFFER_TOO_SMALL) the operation can stay active, so a session that saw an error
 * is closed rather than reused.
 */
class SessionPool {
  #idle: Handle[] = [];
  #all = new Set<string>();
  #waiters: Array<(h: Handle) => void> = [];
  #closed = false;

  constructor(
    private readonly lib: Lib,
    private readonly mod: Mod,
    private readonly slot: Handle,
    private readonly max: number,
  ) {}

  /**
   * A session outside the pool (the login session, a fresh session to verify a destroy): it does not
   * count against `max`. Counting it once made `sessions: 1` deadlock at open, and every destroy
   * verification used up a pool slot for good.
   */
  open(): Handle {
    return this.lib.C_OpenSession(this.slot, this.mod.CKF_SERIAL_SESSION | this.mod.CKF_RW_SESSION);
  }

  /** A pooled session: counted until it is discarded. */
  #openPooled(): Handle {
    const h = this.open();
    this.#all.add(h.toString('hex'));
    return h;
  }

  async run<T>(op: string, fn: (s: Handle) => T | Promise<T>): Promise<T> {
    const s = await this.#acquire();
    let ok = false;
    try {
      const r = await fn(s);
      ok = true;
      return r;
    } catch (e) {
      throw e;
    } finally {
      if (ok) this.#release(s);
      else this.#discard(s);
    }
  }

  async #acquire(): Promise<Handle> {
    if (this.#closed) throw new KeyhygieneError('E_CLOSED', 'PKCS#11 backend is closed');
    const s = this.#idle.pop();
    if (s) return s;
    if (this.#all.size < this.max) return this.#openPooled();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #release(s: Handle): void {
    const w = this.#waiters.shift();
    if (w) w(s);
    else this.#idle.push(s);
  }

  #discard(s: Handle): void {
    this.#all.delete(s.toString('hex'));
    try {
      this.lib.C_CloseSession(s);
    } catch {
      // The session may already be invalid; either way it is gone from the pool.
    }
    const w = this.#waiters.shift();
    if (w) {
      try {
        w(this.#openPooled());
      } catch {
        // Cannot reopen: the waiter will be served by the next release.
        this.#waiters.unshift(w);
      }
    }
  }

  closeAll(): void {
    this.#closed = true;
    for (const s of this.#idle) {
      try {
        this.lib.C_CloseSession(s);
      } catch {
        // ignore: closing at shutdown
      }
    }
    this.#idle = [];
    this.#all.clear();
  }
}

/**
 * PKCS#11 backend (pkcs11js). Keys are generated inside the token with TOKEN, PRIVATE, SENSITIVE,
 * EXTRACTABLE=false and explicit usage flags; generation inside the token is proven by reading back
 * CKA_LOCAL, CKA_NEVER_EXTRACTABLE and CKA_ALWAYS_SENSITIVE (PKCS#11 v2.40 §4.4, §4.9) and recorded.
 * Works with any module by path (SoftHSM, YubiHSM 2, Luna, CloudHSM, Google kmsp11); tests run on SoftHSM.
 */
export class Pkcs11Backend implements Backend {
  readonly info: BackendInfo;
  readonly random: RandomSource;
  #m: LoadedModule;
  #slot: Handle;
  #slotKey: string;
  #pool: SessionPool;
  #randomSession: Handle;
  #handles = new Map<string, Handle[]>();
  #tokenSerial: string;
  #tokenModel: string;
  #tokenLabel: string;
  #closed = false;

  private constructor(
    m: LoadedModule,
    slot: Handle,
    label: string,
    serial: string,
    model: string,
    pool: SessionPool,
    randomSession: Handle,
  ) {
    this.#m = m;
    this.#slot = slot;
    this.#slotKey = slot.toString('hex');
    this.#pool = pool;
    this.#randomSession = randomSession;
    this.#tokenLabel = label;
    this.#tokenSerial = serial;
    this.#tokenModel = model;
    this.info = {
      type: 'pkcs11',
      hardware: true,
      description: `pkcs11 token "${label}" (${model}, serial ${serial}) via ${m.path}`,
    };
    this.random = {
      description: `pkcs11:C_GenerateRandom token "${label}"`,
      fill: (buf) => this.#fillRandom(buf),
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
      const slotKey = slot.toString('hex');
      const tag = createHmac('sha256', pinTagKey).update(pin.expose()).digest();
      const existing = m.loginTags.get(slotKey);
      try {
        lib.C_Login(first, mod.CKU_USER, pin.expose().toString('utf8'));
        m.loginTags.set(slotKey, { tag, refs: (existing?.refs ?? 0) + 1 });
      } catch (e) {
        const name = p11Name(e);
        if (name === 'CKR_USER_ALREADY_LOGGED_IN' && existing) {
          // PKCS#11 login state is per application: another keyring in this process is logged in.
          // Check the PIN ourselves, or a wrong PIN would be accepted here.
          if (!timingSafeEqual(existing.tag, tag)) {
            try {
              lib.C_CloseSession(first);
            } catch {
              // ignore
            }
            throw new KeyhygieneError('E_AUTH', 'C_Login: wrong PIN (CKR_PIN_INCORRECT)');
          }
          existing.refs++;
        } else {
          try {
            lib.C_CloseSession(first);
          } catch {
            // ignore
          }
          throw p11Error(e, 'C_Login');
        }
      } finally {
        pin.wipe();
      }
      const backend = new Pkcs11Backend(
        m,
        slot,
        options.tokenLabel,
        info.serialNumber.trim(),
        info.model.trim(),
        pool,
        first,
      );
      return backend;
    } catch (e) {
      pin.wipe();
      if (m) releaseModule(m);
      throw e;
    }
  }

  get tokenLabel(): string {
    return this.#tokenLabel;
  }

  #fillRandom(buf: Uint8Array): void {
    if (this.#closed) throw new KeyhygieneError('E_CLOSED', 'PKCS#11 backend is closed');
    // A dedicated session for synchronous C_GenerateRandom: synchronous calls cannot interleave with
    // each other on the JS thread, and async operations never use this session.
    const tmp = Buffer.alloc(buf.byteLength);
    try {
      const out = this.#m.lib.C_GenerateRandom(this.#randomSession, tmp);
      if (out.length !== buf.byteLength)
        throw new KeyhygieneError('E_PKCS11', 'C_GenerateRandom returned fewer bytes than asked');
      buf.set(out);
    } catch (e) {
      throw p11Error(e, 'C_GenerateRandom');
    } finally {
      tmp.fill(0);
    }
  }

  #newId(): Buffer {
    const id = Buffer.alloc(16);
    this.#fillRandom(id);
    return id;
  }

  #secretKeyTemplate(
    id: Buffer,
    label: string,
    keyType: number,
    usage: { encrypt?: boolean; sign?: boolean },
  ): P11.Template {
    const { mod } = this.#m;
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

  async #generateAes(id: Buffer, label: string): Promise<{ handle: Handle; provenance: Provenance }> {
    const { lib, mod } = this.#m;
    const handle = await this.#pool.run('C_GenerateKey', async (s) => {
      try {
        return await lib.C_GenerateKeyAsync(
          s,
          { mechanism: mod.CKM_AES_KEY_GEN },
          this.#secretKeyTemplate(id, label, mod.CKK_AES, { encrypt: true }),
        );
      } catch (e) {
        throw p11Error(e, 'C_GenerateKey(AES-256)');
      }
    });
    return { handle, provenance: await this.#prove(handle, id) };
  }

  /**
   * Reads back CKA_LOCAL, CKA_NEVER_EXTRACTABLE, CKA_ALWAYS_SENSITIVE and CKA_EXTRACTABLE. A token that
   * does not confirm all of them did not generate a non-extractable key, so the object is destroyed.
   */
  async #prove(handle: Handle, id: Buffer): Promise<Provenance> {
    const { lib, mod } = this.#m;
    const attrs = await this.#pool.run('C_GetAttributeValue', (s) => {
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
      await this.#destroyById(id).catch(() => undefined);
      throw new KeyhygieneError(
        'E_PKCS11',
        'token did not confirm LOCAL, NEVER_EXTRACTABLE, ALWAYS_SENSITIVE and PRIVATE for a new key; refused',
      );
    }
    return provenance;
  }

  async #tokenSeal(handle: Handle, plaintext: Uint8Array, aad: Uint8Array): Promise<Buffer> {
    const iv = Buffer.alloc(12);
    this.#fillRandom(iv);
    const ct = await this.#gcm(
      'encrypt',
      handle,
      Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength),
      iv,
      aad,
    );
    return Buffer.concat([iv, ct]);
  }

  async #gcm(
    dir: 'encrypt' | 'decrypt',
    handle: Handle,
    input: Buffer,
    iv: Uint8Array,
    aad: Uint8Array,
  ): Promise<Buffer> {
    const { lib, mod } = this.#m;
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
    return this.#pool.run(`C_${dir}`, async (s) => {
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
    const { lib, mod } = this.#m;
    let s: Handle | undefined;
    try {
      lib.C_GetTokenInfo(this.#slot);
      s = this.#pool.open();
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

  async #find(idHex: string, session?: Handle): Promise<Handle[]> {
    const { lib, mod } = this.#m;
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
    return this.#pool.run('C_FindObjects', run);
  }

  async #handle(ref: MaterialRef, ctx: VersionContext, which: 'secret' | 'private'): Promise<Handle> {
    if (!ref.objectId)
      throw new KeyhygieneError('E_DESTROYED', `key version ${hex8(ctx.versionId)} has no token object`);
    let hs = this.#handles.get(ref.objectId);
    if (!hs) {
      hs = await this.#find(ref.objectId);
      if (hs.length === 0)
        throw new KeyhygieneError(
          'E_DESTROYED',
          `token object for key version ${hex8(ctx.versionId)} not found (destroyed?)`,
        );
      this.#handles.set(ref.objectId, hs);
    }
    if (which === 'secret' || hs.length === 1) return hs[0]!;
    const { lib, mod } = this.#m;
    for (const h of hs) {
      const cls = await this.#pool.run('C_GetAttributeValue', (s) =>
        lib.C_GetAttributeValue(s, h, [{ type: mod.CKA_CLASS }]),
      );
      const v = cls[0]?.value;
      const n = Buffer.isBuffer(v) ? v.readUIntLE(0, Math.min(v.length, 6)) : Number(v);
      if (n === mod.CKO_PRIVATE_KEY) return h;
    }
    throw new KeyhygieneError('E_DESTROYED', `private key object for key version ${hex8(ctx.versionId)} not found`);
  }

  async initStore(storeId: string): Promise<{ header: BackendHeader; root: SecretBytes }> {
    const id = this.#newId();
    const { handle } = await this.#generateAes(id, `keyhygiene:${storeId}:root`);
    const root = Buffer.allocUnsafeSlow(32);
    this.#fillRandom(root);
    const wrapped = await this.#tokenSeal(handle, root, rootAad(storeId));
    return {
      header: {
        type: 'pkcs11',
        hardware: true,
        tokenLabel: this.#tokenLabel,
        tokenSerial: this.#tokenSerial,
        tokenModel: this.#tokenModel,
        rootObjectId: id.toString('hex'),
        wrappedRoot: wrapped.toString('base64'),
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
        `keystore belongs to token serial ${header.tokenSerial}, but "${this.#tokenLabel}" has serial ${this.#tokenSerial}`,
      );
    }
    const hs = await this.#find(header.rootObjectId);
    if (hs.length === 0)
      throw new KeyhygieneError('E_PKCS11', `keystore root key object is missing from token "${this.#tokenLabel}"`);
    const w = Buffer.from(header.wrappedRoot, 'base64');
    if (w.length < 12 + 16) throw new KeyhygieneError('E_CORRUPT', 'keystore root key is truncated');
    try {
      return new SecretBytes(await this.#gcm('decrypt', hs[0]!, w.subarray(12), w.subarray(0, 12), rootAad(storeId)));
    } catch (e) {
      if (e instanceof KeyhygieneError && e.code === 'E_TAMPERED')
        throw new KeyhygieneError('E_TAMPERED', 'keystore header failed authentication (root key does not unwrap)');
      throw e;
    }
  }

  async createVersion(ctx: VersionContext, options: { bytes: number }): Promise<CreatedVersion> {
    const { lib, mod } = this.#m;
    const id = this.#newId();
    const label = `keyhygiene:${ctx.storeId}:${ctx.keyName}:${hex8(ctx.versionId)}`;
    if (ctx.purpose === 'aead') {
      const { provenance } = await this.#generateAes(id, label);
      return { ref: { objectId: id.toString('hex'), tokenResident: true }, provenance };
    }
    if (ctx.purpose === 'mac') {
      const handle = await this.#pool.run('C_GenerateKey', async (s) => {
        try {
          return await lib.C_GenerateKeyAsync(
            s,
            { mechanism: mod.CKM_GENERIC_SECRET_KEY_GEN },
            this.#secretKeyTemplate(id, label, mod.CKK_GENERIC_SECRET, { sign: true }),
          );
        } catch (e) {
          throw p11Error(e, 'C_GenerateKey(HMAC)');
        }
      });
      return { ref: { objectId: id.toString('hex'), tokenResident: true }, provenance: await this.#prove(handle, id) };
    }
    if (ctx.purpose === 'sign') {
      const pair = await this.#pool.run('C_GenerateKeyPair', async (s) => {
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
      const provenance = await this.#prove(pair.privateKey, id);
      const point = await this.#pool.run('C_GetAttributeValue', (s) =>
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
      this.#fillRandom(material);
      return await this.#wrapUnderNewKey(ctx, id, label, material, 'token');
    } finally {
      material.fill(0);
    }
  }

  async importVersion(ctx: VersionContext, material: Uint8Array): Promise<CreatedVersion> {
    const id = this.#newId();
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
    const { handle, provenance } = await this.#generateAes(id, label);
    const wrapped = await this.#tokenSeal(handle, material, materialAad(ctx));
    return {
      ref: { objectId: id.toString('hex'), wrapped: wrapped.toString('base64'), tokenResident: false },
      provenance: origin === 'token' ? { ...provenance, origin: 'token' } : { origin: 'imported' },
    };
  }

  async unwrapMaterial(ctx: VersionContext, ref: MaterialRef): Promise<SecretBytes> {
    if (!ref.wrapped)
      throw new KeyhygieneError('E_DESTROYED', `key version ${hex8(ctx.versionId)} has no wrapped material`);
    const h = await this.#handle(ref, ctx, 'secret');
    const w = Buffer.from(ref.wrapped, 'base64');
    if (w.length < 28)
      throw new KeyhygieneError('E_CORRUPT', `key version ${hex8(ctx.versionId)} material is truncated`);
    return new SecretBytes(await this.#gcm('decrypt', h, w.subarray(12), w.subarray(0, 12), materialAad(ctx)));
  }

  async tokenEncrypt(
    ctx: VersionContext,
    ref: MaterialRef,
    plaintext: Uint8Array,
    iv: Uint8Array,
    aad: Uint8Array,
  ): Promise<Buffer> {
    const h = await this.#handle(ref, ctx, 'secret');
    return this.#gcm('encrypt', h, Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength), iv, aad);
  }

  async tokenDecrypt(
    ctx: VersionContext,
    ref: MaterialRef,
    ciphertext: Uint8Array,
    iv: Uint8Array,
    aad: Uint8Array,
  ): Promise<Buffer> {
    const h = await this.#handle(ref, ctx, 'secret');
    return this.#gcm(
      'decrypt',
      h,
      Buffer.from(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength),
      iv,
      aad,
    );
  }

  async tokenMac(ctx: VersionContext, ref: MaterialRef, data: Uint8Array): Promise<Buffer> {
    const { lib, mod } = this.#m;
    const h = await this.#handle(ref, ctx, 'secret');
    return this.#pool.run('C_Sign(HMAC)', async (s) => {
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
    const { lib, mod } = this.#m;
    const h = await this.#handle(ref, ctx, 'private');
    return this.#pool.run('C_Sign(ECDSA)', async (s) => {
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

  async #destroyById(idHex: string | Buffer): Promise<number> {
    const { lib } = this.#m;
    const hexId = typeof idHex === 'string' ? idHex : idHex.toString('hex');
    this.#handles.delete(hexId);
    return this.#pool.run('C_DestroyObject', async (s) => {
      const hs = await this.#find(hexId, s);
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

  /**
   * The rollback anchor as a token data object (CKO_DATA, CKA_PRIVATE so it needs the PIN to read or
   * change): label "keyhygiene:<storeId>:anchor", value = the anchor text.
   */
  anchor(storeId: string): AnchorStore {
    const label = `keyhygiene:${storeId}:anchor`;
    const { lib, mod } = this.#m;
    const find = (s: Handle): Handle[] => {
      lib.C_FindObjectsInit(s, [
        { type: mod.CKA_CLASS, value: mod.CKO_DATA },
        { type: mod.CKA_LABEL, value: label },
      ]);
      try {
        return lib.C_FindObjects(s, 4);
      } finally {
        lib.C_FindObjectsFinal(s);
      }
    };
    const generationOf = (text: string): number => {
      try {
        return Number((JSON.parse(text.split('\n')[0] ?? '') as { generation?: unknown }).generation) || 0;
      } catch {
        return 0;
      }
    };
    const readAll = (s: Handle): Array<{ h: Handle; text: string }> =>
      find(s).map((h) => {
        const v = lib.C_GetAttributeValue(s, h, [{ type: mod.CKA_VALUE }])[0]?.value;
        return { h, text: Buffer.isBuffer(v) ? v.toString('utf8') : '' };
      });
    return {
      description: `token "${this.#tokenLabel}" data object ${label}`,
      record: { type: 'token' },
      // SoftHSM refuses C_SetAttributeValue on CKA_VALUE (CKR_ATTRIBUTE_READ_ONLY), so a write creates
      // a new object and then destroys the old ones. A crash in between leaves two: the newer wins.
      read: () =>
        this.#pool.run('anchor read', (s) => {
          try {
            const all = readAll(s);
            if (all.length === 0) return null;
            all.sort((a, b) => generationOf(b.text) - generationOf(a.text));
            return all[0]!.text;
          } catch (e) {
            throw p11Error(e, 'rollback anchor read');
          }
        }),
      write: (text) =>
        this.#pool.run('anchor write', (s) => {
          try {
            const old = find(s);
            lib.C_CreateObject(s, [
              { type: mod.CKA_CLASS, value: mod.CKO_DATA },
              { type: mod.CKA_TOKEN, value: true },
              { type: mod.CKA_PRIVATE, value: true },
              { type: mod.CKA_MODIFIABLE, value: false },
              { type: mod.CKA_LABEL, value: label },
              { type: mod.CKA_APPLICATION, value: 'keyhygiene' },
              { type: mod.CKA_VALUE, value: Buffer.from(text, 'utf8') },
            ]);
            for (const h of old) lib.C_DestroyObject(s, h);
          } catch (e) {
            throw p11Error(e, 'rollback anchor write');
          }
        }),
    };
  }

  async versionExists(ref: MaterialRef): Promise<boolean> {
    if (!ref.objectId) return false;
    const { lib } = this.#m;
    // A new session, so no cached handle or session state can hide a surviving object.
    const s = this.#pool.open();
    try {
      return (await this.#find(ref.objectId, s)).length > 0;
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
    const n = await this.#destroyById(ref.objectId);
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
    this.#handles.clear();
    this.#pool.closeAll();
    try {
      this.#m.lib.C_CloseSession(this.#randomSession);
    } catch {
      // ignore
    }
    const t = this.#m.loginTags.get(this.#slotKey);
    if (t && --t.refs <= 0) this.#m.loginTags.delete(this.#slotKey);
    releaseModule(this.#m);
    return Promise.resolve();
  }
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** SubjectPublicKeyInfo DER for a P-256 point given CKA_EC_POINT (a DER OCTET STRING around the point). */
export function p256Spki(ecPoint: Buffer): Buffer {
  // CKA_EC_POINT is DER-encoded (04 41 04 x y) per PKCS#11 v2.40 §2.3.3; some modules return the raw point.
  let point = ecPoint;
  if (point.length === 67 && point[0] === 0x04 && point[1] === 0x41) point = point.subarray(2);
  if (point.length !== 65 || point[0] !== 0x04)
    throw new KeyhygieneError('E_PKCS11', 'token returned an EC point that is not an uncompressed P-256 point');
  return Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'), point]);
}

async function resolvePin(options: Pkcs11BackendOptions, env: NodeJS.ProcessEnv): Promise<SecretBytes> {
  const n = [options.pin, options.pinFile, options.pinEnv, options.pinPrompt].filter((x) => x !== undefined).length;
  if (n !== 1)
    throw new KeyhygieneError('E_CONFIG', 'pkcs11 backend needs exactly one of pin, pinFile, pinEnv, pinPrompt');
  if (options.pin !== undefined) {
    if (options.pin instanceof SecretBytes) return SecretBytes.from(options.pin.expose());
    if (typeof options.pin !== 'string') throw new TypeError('backend.pin must be a string or SecretBytes');
    return SecretBytes.fromUtf8(options.pin);
  }
  if (options.pinFile !== undefined) return readSecretFile(options.pinFile, 'PIN');
  if (options.pinEnv !== undefined) {
    if (typeof options.pinEnv !== 'string' || options.pinEnv === '')
      throw new TypeError('backend.pinEnv must be a variable name');
    const v = env[options.pinEnv];
    if (v === undefined || v === '')
      throw new KeyhygieneError('E_CONFIG', `environment variable ${options.pinEnv} (PIN) is not set`);
    return SecretBytes.fromUtf8(v);
  }
  if (typeof options.pinPrompt !== 'function') throw new TypeError('backend.pinPrompt must be a function');
  const v = await options.pinPrompt();
  if (typeof v !== 'string' || v === '') throw new KeyhygieneError('E_AUTH', 'no PIN entered');
  return SecretBytes.fromUtf8(v);
}
