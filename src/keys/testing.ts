/**
 * `keyhygiene/keys/testing`: what changes the behaviour of the safe entry point for the whole
 * process, so it is not in `keyhygiene/keys`. `configureRandomSource` sends `randomBytes`,
 * `randomInt` and `randomToken` to another source: a token's `C_GenerateRandom`
 * (`keyring.randomSource`), or, in tests, a deterministic fake that would be a disaster in production.
 */
export { configureRandomSource, randomSourceDescription, type RandomSource } from './random.js';
