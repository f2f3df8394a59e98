/**
 * Options of the PKCS#11 backend: which module, which token, where the PIN comes from and how many
 * sessions to keep. A file of its own so the public type (`Pkcs11BackendOptions`, exported from
 * `keyhygiene/keys`) does not pull in the backend.
 */
import type { SecretBytes } from '../secret-bytes.js';

export interface Pkcs11BackendOptions {
  type: 'pkcs11';
  /**
   * Path of the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so, libykcs11.so, libCryptoki2_64.so,
   * libcloudhsm_pkcs11.so, libkmsp11.so.
   */
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
  /**
   * How token keys wrap host bytes (DEKs, `secret` material, the root key) in versions and keystores
   * created from now on; what wrapped existing material is recorded with it and keeps working.
   * 'aes-gcm' (default): C_Encrypt with CKM_AES_GCM, a host-chosen IV and AAD. 'aes-kwp': C_WrapKey with
   * CKM_AES_KEY_WRAP_PAD (RFC 5649), for HSMs that refuse host-chosen GCM IVs (FIPS mode); refused when
   * the token lacks it. 'auto': 'aes-kwp' when the token offers it, else 'aes-gcm'.
   */
  wrapMechanism?: 'aes-gcm' | 'aes-kwp' | 'auto';
  /** Sessions kept open for concurrent operations; one operation per session (PKCS#11 §5.6). Default 4. */
  sessions?: number;
}
