import type { Backend } from './backend.js';
import { KeyhygieneError } from './errors.js';
import { Pkcs11Backend } from './pkcs11/backend.js';
import type { Pkcs11BackendOptions } from './pkcs11/options.js';
import { SoftwareBackend, type SoftwareBackendOptions } from './software-backend.js';

export type BackendOptions = SoftwareBackendOptions | Pkcs11BackendOptions;

/**
 * Creates the backend the caller named. The choice is always explicit: there is no silent fallback
 * from a token to software when the module, token or PIN is missing.
 * @throws {TypeError} when options is not an object with a `type`.
 * @throws {KeyhygieneError} E_CONFIG for an unknown type, plus whatever the backend throws.
 */
export async function createBackend(options: BackendOptions, env: NodeJS.ProcessEnv = process.env): Promise<Backend> {
  if (typeof options !== 'object' || options === null) throw new TypeError('backend must be an object with a type');
  const type = (options as { type?: unknown }).type;
  if (type === 'software') return SoftwareBackend.create(options as SoftwareBackendOptions, env);
  if (type === 'pkcs11') return Pkcs11Backend.create(options as Pkcs11BackendOptions, env);
  throw new KeyhygieneError(
    'E_CONFIG',
    `backend.type must be "software" or "pkcs11" (got ${JSON.stringify(type)}); there is no default`,
  );
}
