/**
 * Error type for every failure of the key manager that is not a plain argument error.
 *
 * Messages are one line and never contain key material, passphrases or PINs: they name the
 * operation, the key name or version id, and the reason. Callers branch on `code`.
 */
export type KeyhygieneErrorCode =
  | 'E_AUTH' // wrong passphrase or PIN
  | 'E_TAMPERED' // authentication failed: store, ciphertext, tag or audit log was altered
  | 'E_CORRUPT' // a file is truncated or malformed
  | 'E_DESTROYED' // the key version is destroyed or scheduled for destruction
  | 'E_DISABLED' // the key version is disabled or below minDecryptionVersion
  | 'E_STATE' // a lifecycle transition that the current state does not allow
  | 'E_LOCKED' // the keystore lock could not be acquired in time
  | 'E_BAD_NAME' // a key name with path characters or out of the allowed alphabet
  | 'E_NOT_FOUND' // no such key, version or keystore
  | 'E_EXISTS' // the keystore or key already exists
  | 'E_UNKNOWN_KEY' // a ciphertext names a key id this keyring does not hold
  | 'E_FORMAT' // unknown ciphertext format byte or algorithm: rejected, no fallback
  | 'E_VERSION' // keystore or record written by an unsupported format version
  | 'E_PURPOSE' // the key's purpose does not allow this operation
  | 'E_LIMIT' // the SP 800-38D invocation bound would be exceeded
  | 'E_PERMISSIONS' // keystore files or directory are readable by others
  | 'E_PKCS11' // PKCS#11 module, slot or token failure
  | 'E_CONFIG' // missing or contradictory configuration
  | 'E_CLOSED'; // the keyring was closed

export class KeyhygieneError extends Error {
  readonly code: KeyhygieneErrorCode;

  constructor(code: KeyhygieneErrorCode, message: string, options?: { cause?: unknown }) {
    // One line only: a multi-line message would break CLI output and log parsers.
    super(message.replace(/[\r\n]+/g, ' '), options);
    this.name = 'KeyhygieneError';
    this.code = code;
  }
}

/** True when `e` is a KeyhygieneError, optionally with the given code. */
export function isKeyhygieneError(e: unknown, code?: KeyhygieneErrorCode): e is KeyhygieneError {
  return e instanceof KeyhygieneError && (code === undefined || e.code === code);
}
