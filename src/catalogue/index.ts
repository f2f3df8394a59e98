/**
 * The shared catalogue: data read by both the ESLint rules and the repository scanner.
 * Each module is one family of entries; each entry carries its own positive and negative samples.
 */
export * from './types.js';
export { contextPublicIdentifiers, credentialFormats, publicIdentifiers } from './credentials.js';
export type { CredentialFormatId } from './credentials.js';
export { keySinks, secretRoles } from './sinks.js';
export * from './names.js';
export * from './code-names.js';
export * from './name-words.js';
export * from './value-shapes.js';
export * from './project-paths.js';
