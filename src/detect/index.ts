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
  candidateFormats,
} from './classify.js';
export type { Classification, ClassifyContext, CredentialMatch, SecretKind } from './classify.js';
export { looksRandom, shannonEntropy, charsetOf } from './entropy.js';
export {
  normaliseName,
  isSecretName,
  isPasswordName,
  isHashName,
  isSecretEnvName,
  securityPurposeOf,
  securityPurposePhrase,
} from './names.js';
export { redact, redactIn } from './redact.js';
export {
  createFingerprinter,
  deriveRepoSalt,
  estimateEntropyBits,
  legacyFingerprinter,
  normaliseSecret,
  saltIdOf,
  hashText,
  FINGERPRINT_SCHEME,
  LOW_ENTROPY_BITS,
  SALT_BYTES,
  SCRYPT_PARAMS,
} from './fingerprint.js';
export type { Fingerprinter, ScryptParams, SecretFingerprint } from './fingerprint.js';
export { publishedExampleOf, publishedExampleJwkOf } from './examples.js';
export { buildKeywordIndex } from './prefilter.js';
export type { KeywordIndex } from './prefilter.js';
