/**
 * The token's user PIN: where it comes from (exactly one of pin, pinFile, pinEnv, pinPrompt) and the
 * login with it. PKCS#11 login state is per application, so a second keyring in this process on the
 * same token finds it already logged in; an HMAC of the PIN that logged in lets us refuse another PIN.
 */
import { createHmac, randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto';
import { KeyhygieneError } from '../errors.js';
import { SecretBytes } from '../secret-bytes.js';
import { readSecretFile } from '../software-backend.js';
import { p11Error, p11Name } from './errors.js';
import type { Handle, LoadedModule } from './module.js';
import type { Pkcs11BackendOptions } from './options.js';

// Random per-process key so the PIN tag held in memory is useless outside this process.
const pinTagKey = nodeRandomBytes(32);

/**
 * Reads the PIN from the one source the options name.
 * @throws {KeyhygieneError} E_CONFIG when not exactly one source is given or the variable is unset,
 *   E_AUTH when the prompt returns nothing.
 * @throws {TypeError} for a source of the wrong type.
 */
export async function resolvePin(options: Pkcs11BackendOptions, env: NodeJS.ProcessEnv): Promise<SecretBytes> {
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

/**
 * Logs in on `session` and counts the login on the slot; the PIN is wiped whatever happens, and the
 * session is closed when the login fails.
 * @throws {KeyhygieneError} E_AUTH for a wrong or locked PIN, E_PKCS11 when C_Login fails otherwise.
 */
export function login(m: LoadedModule, session: Handle, slotKey: string, pin: SecretBytes): void {
  const { lib, mod } = m;
  const tag = createHmac('sha256', pinTagKey).update(pin.expose()).digest();
  const existing = m.loginTags.get(slotKey);
  try {
    lib.C_Login(session, mod.CKU_USER, pin.expose().toString('utf8'));
    m.loginTags.set(slotKey, { tag, refs: (existing?.refs ?? 0) + 1 });
  } catch (e) {
    const name = p11Name(e);
    if (name === 'CKR_USER_ALREADY_LOGGED_IN' && existing) {
      // PKCS#11 login state is per application: another keyring in this process is logged in.
      // Check the PIN ourselves, or a wrong PIN would be accepted here.
      if (!timingSafeEqual(existing.tag, tag)) {
        try {
          lib.C_CloseSession(session);
        } catch {
          // ignore
        }
        throw new KeyhygieneError('E_AUTH', 'C_Login: wrong PIN (CKR_PIN_INCORRECT)');
      }
      existing.refs++;
    } else {
      try {
        lib.C_CloseSession(session);
      } catch {
        // ignore
      }
      throw p11Error(e, 'C_Login');
    }
  } finally {
    pin.wipe();
  }
}

/** Forgets one login on the slot (the keyring closed); the last one removes the PIN tag. */
export function releaseLogin(m: LoadedModule, slotKey: string): void {
  const t = m.loginTags.get(slotKey);
  if (t && --t.refs <= 0) m.loginTags.delete(slotKey);
}
