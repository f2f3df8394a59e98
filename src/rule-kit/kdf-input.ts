/**
 * Whether a password KDF's input is a secret a machine generated rather than a password a person chose. A KDF's
 * work factor (PBKDF2 iterations, scrypt N, argon2 memory) only slows down guessing, and guessing only works on a
 * low-entropy input: OWASP's and RFC 9106's floors are for passwords. Over 32 random bytes or an application secret
 * generated at install time (`openssl rand`), one iteration is as strong as a million (NIST SP 800-108 and RFC 5869
 * derive keys from such secrets with no work factor at all).
 *
 * Decided from where the input comes from, each origin on its own, and only when every origin is one of:
 * - CSPRNG bytes (`randomBytes(32)`, `getRandomValues(new Uint8Array(32))`);
 * - a secret environment variable that is no password (`process.env.APP_SECRET`, not `ADMIN_PASSWORD`);
 * - a field read from a record or a configuration object, named as a machine secret (`user.jwtSecret`,
 *   `env.SECRET_KEY`, `config.session.signingSecret`), not as a person's (`user.pin`, `vault.passphrase`);
 * - a parameter or a binding named as a credential the service issues (`hashApiKey(apiKey)`,
 *   `scryptSync(refreshToken, …)`): a client presents it, but no person chose it (catalogue `issuedCredentialName`).
 * - a parameter named as a key after a word of its own (`secretKey`, `encryptionKey`, `masterKey`; catalogue
 *   `keyHolderName`), not as a person's secret (`passwordKey`, `pinKey`): the function declares it takes key
 *   material, which a caller makes or configures; a bare `key` or `secret` is no such declaration.
 * Any other parameter, bare binding, call result or literal decides nothing: the value may be typed by a user.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { humanChosenSecretName, issuedCredentialName } from '../catalogue/names.js';
import { isKeyHolderName, isPasswordName, isSecretEnvName, isSecretName, normaliseName } from '../detect/names.js';
import { propertyName } from './ast.js';
import type { FileFlow } from './flow/engine.js';
import { randomSizeArg } from './random-size.js';
import type { Origin } from './values.js';

/** A name a machine secret is stored under, and not one a person's secret is. */
function machineSecretName(name: string | undefined, env: boolean): boolean {
  if (name === undefined || isPasswordName(name) || humanChosenSecretName.pattern.test(normaliseName(name)))
    return false;
  return env ? isSecretEnvName(name) : isSecretName(name) || isKeyHolderName(name);
}

/** Where user input is read: a request's body, query or parameters, a form, a prompt's answers, argv. */
const USER_INPUT = /^(?:req|request|body|query|params|form|formData|fields|input|inputs|args|argv|answers?|prompt)$/;

/** `req.body.secret`, `ctx.request.body.apiKey`: a field of user input, whatever it is called. */
function fromRequest(n: TSESTree.MemberExpression): boolean {
  for (let o: TSESTree.Node = n.object; ; o = o.object) {
    if (o.type === T.Identifier) return USER_INPUT.test(o.name);
    if (o.type === T.ThisExpression) return false;
    if (o.type !== T.MemberExpression) return true;
    if (!o.computed && USER_INPUT.test(propertyName(o) ?? '')) return true;
  }
}

/** The field read an origin stands for: `user.jwtSecret`, `this.options.webhookSecret`, `env.SECRET_KEY`. */
function fieldRead(o: Origin): TSESTree.MemberExpression | undefined {
  const n = o.node as TSESTree.Node;
  if (n.type === T.MemberExpression) return n;
  const p = n.parent;
  return n.type === T.Identifier && p?.type === T.MemberExpression && (p.property === n || p.object === n)
    ? p
    : undefined;
}

/** A parameter or a bare binding (not a field read) named as an issued credential, and not as a person's secret. */
function issuedCredential(o: Origin): boolean {
  if (o.kind !== 'param' && !(o.kind === 'unknown' && o.node.type === T.Identifier && !fieldRead(o))) return false;
  const name = o.name === undefined ? undefined : normaliseName(o.name);
  return (
    name !== undefined &&
    issuedCredentialName.pattern.test(name) &&
    !isPasswordName(name) &&
    !humanChosenSecretName.pattern.test(name)
  );
}

/** A parameter declared as key material by its name (`secretKey`, `encryptionKey`), not as a person's secret. */
function keyParameter(o: Origin): boolean {
  if (o.kind !== 'param' || o.name === undefined) return false;
  const name = normaliseName(o.name);
  return isKeyHolderName(name) && !isPasswordName(name) && !humanChosenSecretName.pattern.test(name);
}

function machineSecretOrigin(o: Origin): boolean {
  if (o.kind === 'call') return o.node.type === T.CallExpression && randomSizeArg(o.node) !== undefined;
  if (o.kind === 'env') return machineSecretName(o.ref, true);
  if (issuedCredential(o) || keyParameter(o)) return true;
  if (o.kind !== 'unknown' && o.kind !== 'import') return false;
  // A record's or a configuration object's field, not a bare binding or a parameter.
  const read = fieldRead(o);
  if (!read || read.computed || fromRequest(read)) return false;
  const name = o.name ?? propertyName(read);
  return machineSecretName(name, /^[A-Z0-9_]+$/.test(name ?? '')) || machineSecretName(name, false);
}

/** True when every origin of the KDF's input is a machine-made secret (see the module comment). */
export function kdfInputIsMachineSecret(input: TSESTree.Node | undefined, flow: FileFlow): boolean {
  if (!input || input.type === T.SpreadElement) return false;
  // An empty fallback (`process.env.FIELD_SECRET ?? ''`) stands for "unset": no one types it as a password.
  const unset = (o: Origin): boolean => o.kind === 'string' && o.fallback === true && o.value === '';
  const from = flow.origins(input).filter((o) => !unset(o));
  return from.length > 0 && from.every(machineSecretOrigin);
}

/**
 * True when every origin of the KDF's input is key material the code itself declares: CSPRNG bytes, an issued
 * credential (an API key or token hashed for lookup), or a parameter named as a key (`secretKey`, `masterKey`). The
 * salt policy of no-static-iv (docs/rules/no-static-iv.md, "Salts over key material"): over such an input a fixed
 * salt guards nothing. Narrower than `kdfInputIsMachineSecret` by the configured secrets (an env var, a settings
 * field): an operator may set a word there, and a salt, unlike a work factor, costs nothing at run time, so a fixed
 * salt over it stays judged while its work is not.
 */
export function kdfInputIsKeyMaterial(input: TSESTree.Node | undefined, flow: FileFlow): boolean {
  if (!input || input.type === T.SpreadElement) return false;
  const from = flow.origins(input);
  return (
    from.length > 0 &&
    from.every(
      (o) =>
        issuedCredential(o) ||
        keyParameter(o) ||
        (o.kind === 'call' && o.node.type === T.CallExpression && randomSizeArg(o.node) !== undefined),
    )
  );
}
