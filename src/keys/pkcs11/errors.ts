/**
 * Mapping pkcs11js errors to keyhygiene errors: the CKR_* name, which names mean a wrong or locked PIN
 * (E_AUTH), a failed GCM tag (E_TAMPERED, see the backend) or a key object that is gone (E_DESTROYED).
 */
import { KeyhygieneError } from '../errors.js';

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
export const TAG_ERRORS = new Set(['CKR_GENERAL_ERROR', 'CKR_ENCRYPTED_DATA_INVALID', 'CKR_ENCRYPTED_DATA_LEN_RANGE']);
export const KWP_TAG_ERRORS = new Set([
  'CKR_GENERAL_ERROR',
  'CKR_WRAPPED_KEY_INVALID',
  'CKR_WRAPPED_KEY_LEN_RANGE',
  'CKR_ENCRYPTED_DATA_INVALID',
]);
export const GONE_ERRORS = new Set(['CKR_OBJECT_HANDLE_INVALID', 'CKR_KEY_HANDLE_INVALID']);

export function p11Error(e: unknown, op: string): KeyhygieneError {
  if (e instanceof KeyhygieneError) return e;
  const name = p11Name(e);
  if (AUTH_ERRORS.has(name)) return new KeyhygieneError('E_AUTH', `${op}: wrong or locked PIN (${name})`);
  return new KeyhygieneError('E_PKCS11', `${op} failed: ${name}`);
}
