/**
 * The detection core: pure functions over values and names. No I/O, no console.
 * The ESLint rules and the scanner both call these.
 */
export {
  classifyValue,
  findCredentials,
  isPlaceholder,
  isDummyValue,
  isPrivateJwk,
  publicIdentifierOf,
  publicInContextOf,
  benignShapeOf,
  isHashLike,
} from './classify.js';
export type { Classification, ClassifyContext, CredentialMatch, SecretKind } from './classify.js';
export { looksRandom, shannonEntropy, charsetOf } from './entropy.js';
export {
  normaliseName,
  isSecretName,
  isHashName,
  isSecretEnvName,
  securityPurposeOf,
  securityPurposePhrase,
} from './names.js';
export { redact, redactIn } from './redact.js';
export { fingerprint, shortFingerprint, normaliseSecret, hashText } from './fingerprint.js';
