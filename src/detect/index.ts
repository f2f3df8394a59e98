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
  publicUnderNameOf,
  keyHolderSecret,
  benignShapeOf,
} from './classify.js';
export { looksRandom, shannonEntropy } from './entropy.js';
export {
  normaliseName,
  isSecretName,
  isHashName,
  isSecretEnvName,
  secretFlagJudgedName,
  securityPurposeOf,
} from './names.js';
export { redact, redactIn } from './redact.js';
export {
  createFingerprinter,
  deriveRepoSalt,
  estimateEntropyBits,
  legacyFingerprinter,
  saltIdOf,
  hashText,
  LOW_ENTROPY_BITS,
  SALT_BYTES,
} from './fingerprint.js';
export type { Fingerprinter } from './fingerprint.js';
export { publishedExampleOf, publishedExampleJwkOf } from './examples.js';
