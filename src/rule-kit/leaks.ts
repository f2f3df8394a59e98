/**
 * Finding key material inside a value that reaches a sink (a log call, an error message, a file write):
 * by secret names, by where the value comes from (the value-flow engine's origins: env reads, key
 * producers, KMS data keys, seed phrases, imported configuration), and through the transforms that keep
 * a key a key (templates, concatenation, `toString`, `JSON.stringify`). One-way and masking calls end
 * the search. Read by no-logged-key; names, producers and sources are catalogue data.
 */
import { resolve } from 'node:path';
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  exposeMethods,
  keyHandleTypes,
  keyMaterialName,
  keyProducers,
  notKeyMaterialName,
  stringEncodings,
  wrappedKeyName,
} from '../catalogue/deletion.js';
import {
  bearerTokenConsumers,
  cipherParameterNames,
  configObjectName,
  connectionUrlEnvName,
  credentialMessage,
  incomingConnection,
  secretResponses,
  credentialHeaders,
  isCredentialHeader,
  writtenHeaderNames,
  browserStores,
  clientFactories,
  tokenCallbackParams,
  credentialTokenName,
  pushAddress,
  webAuthnPublicName,
  keyPairName,
  oneTimeCodeName,
  encodedKeyPairGenerators,
  keyPairFactories,
  passThrough,
  urlObjects,
  cliOptions,
  publicKeyName,
  publicMembers,
  randomSecretName,
  routeResourceName,
  credentialInputType,
  requestCredentialCopies,
  requestCredentialMembers,
  requestName,
  fileWideRootName,
  replyVerdict,
  secretGetters,
  secretAccessorName,
  secretGetterVerb,
  decryptedParameterRead,
  privateKeyGetters,
  requestSessionMembers,
  safeToLog,
  secretKeyCalls,
  secretPromptType,
  secretKeyPhrase,
  secretValueMembers,
  seedPhraseName,
  seedPhraseSources,
  secretStoreReads,
  secretStoreWrites,
  tokenProducers,
  errorCodeWord,
  errorValueName,
} from '../catalogue/loggers.js';
import { jwkPrivateMembers, nonSecretName, referenceTailName } from '../catalogue/names.js';
import { benignShapeOf, isHashName, isSecretEnvName, isSecretName, normaliseName } from '../detect/index.js';
import { isConstantCaseName, isPasswordName } from '../detect/names.js';
import {
  calleeName,
  constInitOf,
  derefConst,
  enclosingClass,
  enclosingFunction,
  envVarName,
  findVariable,
  isFunctionNode,
  memberPath,
  isProcessEnv,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
} from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import { clientCredentialWritten } from './client-credentials.js';
import { flowOf } from './flow/engine.js';
import { localFunction, returnExpressions } from './flow/functions.js';
import { valueRolesOf } from './flow/roles.js';
import { moduleValueOf } from './module-values.js';
import { parsedModule, scopeGetter } from './module-files.js';
import { secretMemberOf, type HolderNames } from './secret-holders.js';
import { loadedSettings } from './loaded-settings.js';
import { thisWrites } from './flow/this-writes.js';
import { createWeakSecretJudge, type WeakSecret } from './weak-secrets.js';
import { isEnumeratedSetting } from './setting-values.js';
import type { ImportMap } from './imports.js';
import type { Origin } from './values.js';
import {
  exportsPublicKey,
  isDataKeyPlaintext,
  isDataKeyResponse,
  isPrivateExport,
  operationCall,
} from './key-exports.js';
import { createMemberEvidence, type MemberEvidence } from './member-evidence.js';
import { objectPointOf } from './object-points.js';
import { isEmbeddedMask, isMaskingReplace } from './mask-replace.js';
import { isBuiltText, isPartOf } from './built-text.js';
import { makesUrl, urlWrites } from './url-parts.js';
import { createSecretOptionFinder, readsCliOptions } from './cli-options.js';
import type { Evidence } from '../catalogue/types.js';
import {
  clientErrorRequest,
  incomingCredentials,
  isEnvironmentObject,
  isPlatformEnvironment,
  outgoingHeaders,
  platformEnvVarName,
  wholeRequest,
  wholeTokenResponse,
} from './whole-leaks.js';
import { isGeneratorSeed } from './prng-seeds.js';
import { signingJwk } from './signing-jwks.js';
import { createAssetTokenJudge } from './asset-tokens.js';
import { storePayloadOf } from './store-payloads.js';
import { secretUsesOf, type SecretUse } from './secret-uses.js';

export interface Leak {
  /** The sub-expression that carries the key (what a suggestion replaces). */
  readonly node: TSESTree.Node;
  /** How the key is named in the message: a binding name, an env variable, a call. Never the value. */
  readonly what: string;
  readonly dump?: boolean;
  /**
   * The value is the server's own secret (a secret environment variable, the environment, a configuration,
   * a private key export, a plaintext data key), not a credential issued to or sent by a caller: what an
   * HTTP response must never carry.
   */
  readonly server?: boolean;
  /** A whole incoming request (its credential headers go with it), found by its shape, not a secret name. */
  readonly wholeRequest?: boolean;
  /**
   * What says the value is key material (src/rule-kit/evidence.ts), when more than a name: `format` (a private JWK),
   * `sink` (the file passes it as a key, a secret or an Authorization header), `flow` (a secret environment
   * variable, a key generator or export, a KMS data key, a secret store, a password prompt). Unset: a name.
   */
  readonly evidence?: Evidence;
  /**
   * The secret members that make a holder object secret-bearing, when that is the evidence (a request body's secret
   * fields, the secret member the file reads of it): a copy that deleted them all holds none of them.
   */
  readonly members?: readonly string[];
}

/** What the finder needs to know of the sink: fields the logger redacts, and whether it writes a key file. */
export interface LeakSink {
  /** Field names the logger removes before writing (pino `redact`, winston format). */
  readonly redacted?: ReadonlySet<string>;
  /**
   * A file write whose path names key material (`*.key`, `*.pem`): random bytes written there are a key,
   * whatever their name.
   */
  readonly keyFile?: boolean;
  /** How a message names the sink (`console.log`, `the pino logger`), when the caller gives it. */
  readonly title?: string;
  /** What the sink is, when the caller says: a settings file written back (`file`) is the settings' own store. */
  readonly kind?: 'log' | 'error' | 'file';
}

/** Leaks that name the same value as `inner` carry its server flag and its evidence. */
const holding = (leak: Leak, inner: Leak | undefined): Leak => ({
  ...leak,
  ...(inner?.server ? { server: true } : {}),
  ...(inner?.evidence ? { evidence: inner.evidence } : {}),
});

/** Key-call titles that name the server's own key (not a token it issues): see `keyCall`. */
const PRIVATE_EXPORT = 'a private key export';
const ENCODED_PAIR = 'a key pair with an unencrypted encoded private key';
const serverKey = (what: string): boolean => what === PRIVATE_EXPORT || what === ENCODED_PAIR;

const MAX_DEPTH = 6;
/** A type annotation's text that names a key handle (catalogue `keyHandleTypes`): it prints no key bytes. */
const handleTypeText = new RegExp(`\\b(?:${[...keyHandleTypes.names].join('|')})\\b`);
/**
 * Names too generic to make random bytes a key (`const key = randomBytes(16)` is often a nonce, such as
 * the WebSocket handshake key).
 */
/** A message key: dot-separated camelCase words (`errors.sessionTokenMissing`). */
const I18N_KEY = /^[a-z]+(?:[A-Z][a-z]+)*(?:\.[a-z]+(?:[A-Z][a-z]+)*)+$/;
/** A constant's name by convention: `INVALID_SESSION_TOKEN`, `ERR_KEY`. */
const GENERIC = new Set(['key', 'keys', 'seed', 'key_hex', 'key_str', 'key_string', 'key_data']);

/** A name that says the value is about a key, not the key: `keyId`, `secretArn`, `publicKey`, `tokenHash`. */
function isSafeName(name: string): boolean {
  const n = normaliseName(name);
  // `idToken`: an OpenID Connect ID token, a bearer credential, though `id` is a safe word on its own.
  if (headNounSecret(n) || credentialTokenName.pattern.test(n)) return false;
  // `encryptedMasterKey`, `wrappedDek`: a key under a wrapping key is ciphertext (catalogue `wrappedKeyName`).
  if (wrappedKeyName.pattern.test(n)) return true;
  // `excludeCredentials`, `attestedCredentialData`: WebAuthn credential ids and public keys (catalogue).
  if (webAuthnPublicName.pattern.test(n)) return true;
  return nonSecretName.pattern.test(n) || publicKeyName.pattern.test(n) || isHashName(name) || FLAG_NAME.test(n);
}

/**
 * `missingPassword`, `hasApiKey`, `showSecret`: a flag about a secret, not the secret. Not `invalid…`: an invalid
 * token or password (what a caller sent) is still the secret (test/rules/error-code-constants.test.ts).
 */
const FLAG_NAME = /^(?:missing|has|is|needs|requires?|show|hide|use|allow|enable|disable|no)_/;

/**
 * Words that say where a secret is used, not what the value is about: in `endpointSecret` (Stripe's webhook
 * signing secret) or `inputPassword` the last word names the value, so the name is a secret's.
 */
const LOCATOR_WORDS = new Set(['endpoint', 'url', 'uri', 'input', 'header', 'env', 'field', 'file']);
/** `endpoint_secret`, `input_password`: a secret head noun after locator words only. */
function headNounSecret(normalised: string): boolean {
  const words = normalised.split('_');
  const head = words.pop();
  if (words.length === 0 || !/^(?:secret|password|passphrase|passwd)$/.test(head ?? '')) return false;
  if (!words.some((w) => LOCATOR_WORDS.has(w)) || FLAG_NAME.test(normalised) || isHashName(normalised)) return false;
  return words.every((w) => LOCATOR_WORDS.has(w) || !nonSecretName.pattern.test(w));
}

/** A name that holds key bytes (`key`, `dataKey`) or a secret (`apiKey`, `password`). */
function isKeyish(name: string | undefined): boolean {
  if (name === undefined || isSafeName(name)) return false;
  const n = normaliseName(name);
  return isSecretName(name) || (keyMaterialName.pattern.test(n) && !notKeyMaterialName.pattern.test(n));
}

/** A secret name (`apiKey`, `password`) or the name of a bearer credential token (`vaultToken`, `idToken`). */
function credentialName(name: string): boolean {
  const n = normaliseName(name);
  return (
    isSecretName(name) || credentialTokenName.pattern.test(n) || headNounSecret(n) || oneTimeCodeName.pattern.test(n)
  );
}

/** `fn`, `obj.fn`, `a.b.fn` → the dotted text of a callee made of names only. */
export function calleeText(callee: TSESTree.Node): string | undefined {
  const c = unwrap(callee);
  if (c.type === T.Identifier) return c.name;
  if (c.type === T.MemberExpression) {
    const p = propertyName(c);
    const o = calleeText(c.object);
    return p === undefined ? undefined : o === undefined ? p : `${o}.${p}`;
  }
  return undefined;
}

/**
 * `AuthType.Password`: a PascalCase member of a PascalCase object is an enum constant, not a value. Given the scope,
 * also `WalletType.seed` of an enum declared here (`enum WalletType { seed = 'seed' }`), or of an import returned by a
 * function declared to return that same type (`(s: string): WalletType => … return WalletType.seed`): a value of
 * the type its holder names is one of the enum's members, a kind of thing, not the thing.
 */
function isEnumMember(n: TSESTree.MemberExpression, scope?: TSESLint.Scope.Scope): boolean {
  const obj = unwrap(n.object);
  const p = propertyName(n) ?? '';
  if (obj.type !== T.Identifier || !/^[A-Z][a-z]/.test(obj.name)) return false;
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/.test(p)) return true;
  const def = scope && !n.computed ? findVariable(scope, obj)?.defs[0] : undefined;
  if (def?.type === TSESLint.Scope.DefinitionType.TSEnumName) return true;
  if (def?.type !== TSESLint.Scope.DefinitionType.ImportBinding || n.parent?.type !== T.ReturnStatement) return false;
  const fn = enclosingFunction(n);
  const ret = fn && 'returnType' in fn ? fn.returnType?.typeAnnotation : undefined;
  return ret?.type === T.TSTypeReference && ret.typeName.type === T.Identifier && ret.typeName.name === obj.name;
}

/** `{ ...secret, password: '***' }`: a copy whose secret fields are overwritten after the spread with literals. */
function maskedCopy(obj: TSESTree.ObjectExpression, spread: TSESTree.SpreadElement): boolean {
  const after = obj.properties.slice(obj.properties.indexOf(spread) + 1);
  return after.some((p) => {
    if (p.type !== T.Property) return false;
    const key = propertyName(p);
    const v = unwrap(p.value);
    return key !== undefined && isSecretName(key) && (v.type === T.Literal || v.type === T.TemplateLiteral);
  });
}

/** `{ ...runtime, material: '[redacted]' }`: the spread's member `key` is overwritten after it with a literal. */
function overwrittenAfterSpread(n: TSESTree.Node, key: string): boolean {
  const spread = n.parent;
  const obj = spread?.parent;
  if (spread?.type !== T.SpreadElement || obj?.type !== T.ObjectExpression) return false;
  return obj.properties.slice(obj.properties.indexOf(spread) + 1).some((p) => {
    const v = p.type === T.Property ? unwrap(p.value) : undefined;
    return propertyName(p as TSESTree.Property) === key && (v?.type === T.Literal || v?.type === T.TemplateLiteral);
  });
}

/** An environment variable whose value is a secret, or a connection URL that carries its password. */
function isSecretEnvRef(ref: string | undefined): boolean {
  return (
    ref !== undefined && ref !== '*' && (isSecretEnvName(ref) || connectionUrlEnvName.pattern.test(normaliseName(ref)))
  );
}

/** Where the linted file is, to read a value it imports from another module of the project. */
export interface LeakWhere {
  readonly filename: string;
  readonly cwd: string;
  readonly settings: Readonly<Record<string, unknown>> | undefined;
}

/** A value imported from another module: `import { config } from './config'`, `require('./config')`. */
function isRequireOrImport(o: Origin): boolean {
  if (o.kind === 'import') return true;
  const c = o.kind === 'call' ? o.node : undefined;
  return c?.type === T.CallExpression && c.callee.type === T.Identifier && c.callee.name === 'require';
}

/** `{ kty: 'EC', …, d }`: a JWK object literal with a private member (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
function privateJwkLiteral(n: TSESTree.ObjectExpression): boolean {
  const names = new Set(n.properties.map((p) => (p.type === T.Property ? propertyName(p) : undefined)));
  return names.has('kty') && jwkPrivateMembers.some((m) => names.has(m));
}

/**
 * The value itself reaches the sink, through `a && b`, `c ? a : b`, `await`, `!` and `as`: a call argument, a
 * field value, a template part, an array element or a spread.
 */
function wholeValue(node: TSESTree.Node): boolean {
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    switch (p.type) {
      case T.ChainExpression:
      case T.TSNonNullExpression:
      case T.TSAsExpression:
      case T.AwaitExpression:
        continue;
      case T.LogicalExpression:
        if (p.operator === '&&' && p.left === n) return false;
        continue;
      case T.ConditionalExpression:
        if (p.test === n) return false;
        continue;
      case T.CallExpression:
        return (p.arguments as readonly TSESTree.Node[]).includes(n);
      case T.Property:
        return p.value === n;
      case T.TemplateLiteral:
      case T.ArrayExpression:
      case T.SpreadElement:
        return true;
      default:
        return false;
    }
  }
  return false;
}

/** The value itself is what is logged: an argument, a shorthand field, or the argument of a pass-through. */
function loggedWhole(n: TSESTree.Identifier): boolean {
  const p = n.parent;
  if (!p) return false;
  if (p.type === T.CallExpression) return p.arguments.includes(n);
  if (p.type === T.Property) return p.value === n;
  return p.type === T.TemplateLiteral;
}

export interface LeakFinder {
  /** Every leak inside a sink argument. */
  readonly leaksIn: (expr: TSESTree.Node, sink: LeakSink, depth?: number) => Leak[];
  /**
   * Whether a sink argument leaks under a sink with one of these titles (and nothing else: no redacted field, no key
   * file). A title after the first is tried only when the search under the one before read its title: a search that
   * never read it takes the same steps under any title, so it would find the same nothing.
   */
  readonly leaksUnderAnyTitle: (expr: TSESTree.Node, titles: readonly string[]) => boolean;
  /** Key material from a call (a name that says key, for random bytes): how the message names it. */
  readonly keyCall: (
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    name: string | undefined,
    keyFile?: boolean,
  ) => string | undefined;
  /** A private key export the file makes unencrypted (`const { privateKey } = generateKeyPairSync(…pem…)`). */
  readonly madePrivateExport: (n: TSESTree.Node) => boolean;
  /** A value the message labels a secret (`log('sms code %s', c)`, `console.log('password:', pw)`). */
  readonly labelledLeaks: (expr: TSESTree.Node, label: string | undefined) => Leak[];
  /**
   * A field of a record whose message names a credential (`log.warn({ presented }, 'unknown refresh token')`),
   * when the code hashes that value for a lookup or comparison: the credential the message names.
   */
  readonly hashedNamedLeaks: (expr: TSESTree.Node, message: string | undefined) => Leak[];
}

/** The leak finder of one file; `imports` is the file's import map. */
export function createLeakFinder(sourceCode: TSESLint.SourceCode, imports: ImportMap, where?: LeakWhere): LeakFinder {
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  /** The file imports a JWT library (the only case where a generic `token` can be proven a bearer token). */
  const tokenModules = new Set(bearerTokenConsumers.flatMap((c) => c.modules));
  const hasTokenModule = [...imports.values()].some((i) => tokenModules.has(i.module));
  // In a module that registers for push notifications, a device or push token is the device's push address.
  const pushModule = [...imports.values()].some((i) => pushAddress.modules.has(i.module));
  const isPushAddress = (name: string): boolean => pushModule && pushAddress.name.pattern.test(normaliseName(name));
  const isCredentialName = (name: string): boolean => credentialName(name) && !isPushAddress(name);
  // In wallet and exchange code a token named by a message may be an asset (asset-tokens.ts): `token.symbol`.
  const assets = createAssetTokenJudge(sourceCode);
  // A member's content counts by the same env test as the audit's summary (flow/summary.ts): a connection URL in a
  // section (`queue: { url: process.env.QUEUE_URL }`) is judged by its name, as before, not as a secret by content.
  const holderNames: HolderNames = { isCredential: isCredentialName, isSafe: isSafeName, isSecretEnv: isSecretEnvName };
  /** The file imports a key-pair library (tweetnacl, libsodium, ethers): only then can a member be a pair's. */
  const pairModules = new Set(keyPairFactories.flatMap((f) => f.modules));
  const hasPairModule = [...imports.values()].some((i) => pairModules.has(i.module));
  /** The file imports a secret store's client: only then can a value be a secret-store payload (store-payloads.ts). */
  const storeModules = new Set(secretStoreReads.flatMap((p) => p.modules));
  const readsSecretStore = [...imports.values()].some((i) => storeModules.has(i.module));
  let credentialHeaderSent: boolean | undefined;
  /**
   * The file's requests carry a credential header: an object literal with its key (`Authorization:`,
   * `'x-api-key':`), or the header set on a request's headers (`config.headers.Authorization = …`,
   * `headers['x-api-key'] = …`, `headers.set('Authorization', …)`, as an axios or fetch interceptor adds it).
   */
  const sendsCredentialHeader = (): boolean =>
    (credentialHeaderSent ??= writtenHeaderNames(sourceCode.text).some(isCredentialHeader));
  const weakSecret = createWeakSecretJudge(sourceCode, imports, where?.filename);
  const weakLeak = (n: TSESTree.Identifier, w: WeakSecret): Leak => ({
    node: n,
    what: `'${n.name}' (${w.purpose}), ${w.source === undefined ? 'by the code around it' : `made from ${w.source}`}`,
    evidence: 'flow',
  });
  /** What the file's text says about object paths (secret members, credential use), read on demand. */
  let memberEvidence: MemberEvidence | undefined;
  const evidence = (): MemberEvidence =>
    (memberEvidence ??= createMemberEvidence(sourceCode.text, {
      isSecret: (s) => (isCredentialName(s) && !isSafeName(s)) || isCredentialHeader(s),
      isSecretLabel: (t) => secretKeyPhrase.pattern.test(t),
    }));
  /** Key material from a call: `loadSecret()`, `.expose()`, a KDF, an unencrypted private-key export. */
  const keyCall = (
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    name: string | undefined,
    keyFile = false,
  ): string | undefined => {
    if (call.type !== T.CallExpression) return undefined;
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression) {
      const method = propertyName(callee);
      if (method !== undefined && exposeMethods.has(method) && call.arguments.length === 0)
        return `.${method}() on a secret handle`;
      if (method === 'export' && isPrivateExport(call, imports, getScope(call))) return PRIVATE_EXPORT;
    }
    const seed = matchCallPattern(call, imports, getScope(call), seedPhraseSources);
    if (seed) return seed.title;
    const generated = matchCallPattern(call, imports, getScope(call), secretKeyCalls);
    if (generated) return generated.title;
    if (callee.type === T.MemberExpression && privateKeyGetters.has(propertyName(callee) ?? ''))
      return `a private key read by .${propertyName(callee)}()`;
    const issued = matchCallPattern(call, imports, getScope(call), tokenProducers);
    if (issued) return issued.title;
    if (encodedPrivateKeyPair(call)) return ENCODED_PAIR;
    const pair = matchCallPattern(call, imports, getScope(call), keyPairFactories);
    if (pair) return name !== undefined && (publicMembers.has(name) || isSafeName(name)) ? undefined : pair.title;
    const p = matchCallPattern(call, imports, getScope(call), keyProducers);
    if (!p || exportsPublicKey(p, call)) return undefined;
    const secretName = name !== undefined && randomSecretName.pattern.test(normaliseName(name));
    if (
      p.strength === 'random' &&
      !keyFile &&
      !secretName &&
      (!isKeyish(name) || GENERIC.has(normaliseName(name ?? '')))
    )
      return undefined;
    return p.title;
  };

  /** `generateKeyPairSync('rsa', { …, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })`: no `cipher`. */
  const encodedPrivateKeyPair = (call: TSESTree.CallExpression): boolean => {
    if (!matchCallPattern(call, imports, getScope(call), encodedKeyPairGenerators)) return false;
    const opts = call.arguments[1] && unwrap(call.arguments[1]);
    const obj = opts?.type === T.Identifier ? constInitOf(opts, getScope(opts)) : opts;
    if (obj?.type !== T.ObjectExpression) return false;
    const enc = obj.properties.find((q) => q.type === T.Property && propertyName(q) === 'privateKeyEncoding');
    const v = enc?.type === T.Property ? unwrap(enc.value) : undefined;
    return (
      v?.type === T.ObjectExpression && !v.properties.some((q) => q.type === T.Property && propertyName(q) === 'cipher')
    );
  };

  /** `randomBytes(32).toString('hex')` → `randomBytes(32)`: the call whose bytes a pass-through method encodes. */
  const encodedFrom = (
    call: TSESTree.CallExpression | TSESTree.NewExpression,
  ): TSESTree.CallExpression | TSESTree.NewExpression => {
    let c: TSESTree.CallExpression | TSESTree.NewExpression = call;
    for (let i = 0; i < 3 && c.type === T.CallExpression; i++) {
      const callee = unwrap(c.callee);
      const inner = callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
      if (!inner || (inner.type !== T.CallExpression && inner.type !== T.NewExpression)) break;
      if (!passThrough.methods.has(propertyName(callee as TSESTree.MemberExpression) ?? '')) break;
      c = inner;
    }
    return c;
  };

  /** Reads of a sink's title in this finder: a search that read none could not depend on it. */
  let titleReads = 0;
  const titleOf = (sink: LeakSink) => (): string | undefined => {
    titleReads++;
    return sink.title;
  };
  const leaksUnderAnyTitle = (expr: TSESTree.Node, titles: readonly string[]): boolean => {
    for (const title of titles) {
      const before = titleReads;
      if (leaksIn(expr, { title }).length > 0) return true;
      if (titleReads === before) return false;
    }
    return false;
  };

  /** Every leak inside a sink argument. */
  const leaksIn = (expr: TSESTree.Node, sink: LeakSink, depth = 0): Leak[] => {
    const n = unwrap(expr);
    if (depth > MAX_DEPTH) return [];
    if (isProcessEnv(n)) return [{ node: n, what: 'process.env', dump: true, evidence: 'flow' }];
    if (isEnvironmentObject(n))
      return [{ node: n, what: `the whole environment (${sourceCode.getText(n)})`, server: true, evidence: 'flow' }];
    const env = envVarName(n);
    if (env !== undefined) {
      const use = isSecretEnvRef(env) ? undefined : evidence().usedAsSecret(`process.env.${env}`);
      if (!isSecretEnvRef(env) && !use?.whole) return [];
      const what = `process.env.${env}${use ? `, ${use.how} in this file` : ''}`;
      return [{ node: n, what, server: true, evidence: 'flow' }];
    }
    if ((n.type === T.MemberExpression || n.type === T.Identifier) && isPlatformEnvironment(n, getScope(n)))
      return [{ node: n, what: `the whole environment (${sourceCode.getText(n)})`, server: true, evidence: 'flow' }];
    const platformVar = n.type === T.MemberExpression ? platformEnvVarName(n, getScope(n)) : undefined;
    if (platformVar !== undefined)
      return isSecretEnvRef(platformVar)
        ? [{ node: n, what: `${sourceCode.getText(n)}`, server: true, evidence: 'flow' }]
        : [];
    const next = (e: TSESTree.Node): Leak[] => leaksIn(e, sink, depth + 1);
    switch (n.type) {
      case T.TemplateLiteral:
        return n.expressions.flatMap(next);
      case T.BinaryExpression:
        return n.operator === '+' ? [...next(n.left), ...next(n.right)] : [];
      case T.LogicalExpression:
        return n.operator === '&&' ? next(n.right) : [...next(n.left), ...next(n.right)];
      case T.ConditionalExpression:
        return [...next(n.consequent), ...next(n.alternate)];
      case T.AwaitExpression:
        return next(n.argument);
      case T.ArrayExpression:
        return n.elements.flatMap((e) => (e ? next(e.type === T.SpreadElement ? e.argument : e) : []));
      case T.ObjectExpression:
        return objectLeaks(n, sink, depth);
      case T.CallExpression:
        return storeLeaks(n) ?? callLeaks(n, sink, depth);
      case T.NewExpression:
        // `new Uint8Array(der)`, `new TextDecoder().decode(…)`: the same bytes under another view; a form body or
        // header set made from an object keeps its fields (`new URLSearchParams({ client_secret })`).
        return n.callee.type === T.Identifier &&
          (BYTE_VIEWS.has(n.callee.name) || passThrough.constructors.has(n.callee.name)) &&
          n.arguments[0]
          ? next(n.arguments[0])
          : [];
      case T.SpreadElement:
        return next(n.argument);
      case T.Identifier:
        return storeLeaks(n) ?? identifierLeaks(n, sink);
      case T.MemberExpression:
        return storeLeaks(n) ?? memberLeaks(n, sink, depth);
      case T.ThisExpression:
        return instanceLeaks(n);
      default:
        return [];
    }
  };

  /**
   * A secret-store payload, by where it came from whatever it is called (`{ data }` of `accessSecretVersion`,
   * `JSON.parse(res.SecretString)` under `payload`): store-payloads.ts. Undefined when it is not one.
   */
  const storeLeaks = (n: TSESTree.Identifier | TSESTree.MemberExpression | TSESTree.CallExpression) => {
    const store = readsSecretStore ? storePayloadOf(n, imports, getScope) : undefined;
    if (store === undefined) return undefined;
    const text = sourceCode.getText(n);
    const what = text.length > 40 ? `${text.slice(0, 37)}…` : text;
    return [{ node: n, what: `'${what}', the values of ${store}`, server: true, evidence: 'flow' } satisfies Leak];
  };

  /**
   * `inspect(this)`, `{ vault: this }`: the whole instance, printed with every field it holds, where the class
   * declares or writes a field under a key-material name (`private dek?: Buffer`, `this.cvkA = cvk.subarray(0, 8)`).
   */
  const instanceLeaks = (n: TSESTree.ThisExpression): Leak[] => {
    const cls = enclosingClass(n);
    // `this` of a nested `function` is not the instance.
    for (let p: TSESTree.Node | undefined = n.parent; p && p !== cls; p = p.parent)
      if (p.type === T.FunctionDeclaration || p.type === T.FunctionExpression)
        if (p.parent?.type !== T.MethodDefinition) return [];
    if (!cls) return [];
    const names: string[] = [];
    const walk = (node: TSESTree.Node): void => {
      if (node.type === T.PropertyDefinition || node.type === T.TSParameterProperty) {
        const key = node.type === T.PropertyDefinition ? node.key : node.parameter;
        const id = key.type === T.AssignmentPattern ? key.left : key;
        if (id.type === T.Identifier || id.type === T.PrivateIdentifier) names.push(id.name);
      } else if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression) {
        const name = unwrap(node.left.object).type === T.ThisExpression ? propertyName(node.left) : undefined;
        if (name !== undefined) names.push(name);
      }
      for (const k of sourceCode.visitorKeys[node.type] ?? []) {
        const c = (node as unknown as Record<string, unknown>)[k];
        for (const x of Array.isArray(c) ? (c as unknown[]) : [c])
          if (x && typeof (x as TSESTree.Node).type === 'string') walk(x as TSESTree.Node);
      }
    };
    walk(cls);
    const field = names.find((f) => isKeyish(f) && !GENERIC.has(normaliseName(f)));
    return field === undefined
      ? []
      : [{ node: n, what: `'this', an instance whose field '${field}' holds key material` }];
  };

  const objectLeaks = (n: TSESTree.ObjectExpression, sink: LeakSink, depth: number): Leak[] => {
    if (privateJwkLiteral(n)) return [{ node: n, what: 'a private JWK', evidence: 'format' }];
    const out: Leak[] = [];
    for (const p of n.properties) {
      if (p.type === T.SpreadElement) {
        if (!maskedCopy(n, p)) out.push(...leaksIn(p.argument, sink, depth + 1));
        continue;
      }
      const key = propertyName(p);
      const found = propertyLeaks(n, p, key, sink, depth);
      // A field the logger redacts is not written (read only when the field would leak: the logger may be made in
      // another module).
      if (found.length && !(key !== undefined && sink.redacted?.has(key))) out.push(...found);
    }
    return out;
  };

  /** The leaks of one property of a logged object literal. */
  const propertyLeaks = (
    n: TSESTree.ObjectExpression,
    p: TSESTree.Property,
    key: string | undefined,
    sink: LeakSink,
    depth: number,
  ): Leak[] => {
    const out: Leak[] = [];
    if (key !== undefined && isSafeName(key)) {
      const v = unwrap(p.value);
      // `{ env: process.env }`: a safe field name does not make the whole environment safe; nor does it make
      // safe the fields of an object written under it (`endpoint: { url, authToken }`).
      if (isProcessEnv(v) || isEnvironmentObject(v) || v.type === T.ObjectExpression)
        out.push(...leaksIn(v, sink, depth + 1));
      // `{ passphraseHint: passphrase }`: a label that claims a partial view over the whole secret, named for
      // what it is (not a locator label: `{ credentialsFile: CREDENTIALS }` holds a path).
      if (
        v.type === T.Identifier &&
        PARTIAL_VIEW_LABEL.test(normaliseName(key)) &&
        !GENERIC.has(normaliseName(v.name)) &&
        isKeyish(v.name)
      ) {
        out.push(...leaksIn(v, sink, depth + 1));
        return out;
      }
      if (v.type === T.Identifier) {
        const built = builtText(v, constInitOf(v, getScope(v)), sink);
        out.push(...(built.length ? built : heldSecret(v, v.name)));
      }
      // `{ axiosConfig: err.config }`: a label does not take the headers off a failed request.
      if (v.type === T.MemberExpression && clientErrorRequest(v, getScope(v), sendsCredentialHeader))
        out.push({
          node: v,
          what: `'${sourceCode.getText(v)}', the failed request of an HTTP client error`,
          ...(sendsCredentialHeader() ? { server: true } : {}),
        });
      return out;
    }
    const inner = leaksIn(p.value, sink, depth + 1);
    if (inner.length) out.push(...inner);
    else if (key !== undefined && isCredentialName(key) && valueMayBeSecret(p.value))
      out.push({ node: p.value, what: `the '${key}' field` });
    else if (key !== undefined && isCredentialHeader(key) && !isLiteralText(p.value))
      out.push({ node: p.value, what: `the '${key}' header` });
    else if (key !== undefined && cipherKeyField(n, key) && valueMayBeSecret(p.value))
      out.push({ node: p.value, what: `the cipher's '${key}'` });
    return out;
  };

  /** `{ key, iv }`: a bare `key`/`secret` field beside an IV or nonce is a cipher key. */
  const cipherKeyField = (obj: TSESTree.ObjectExpression, key: string): boolean =>
    (key === 'key' || key === 'secret') &&
    obj.properties.some((q) => q.type === T.Property && cipherParameterNames.has(propertyName(q) ?? ''));

  /**
   * A field value that could hold the secret its key names: not a literal, not a length or a flag. Through
   * fallbacks and conditionals (`process.env.SMTP_PASS || 'dev'`, `sealed ? unseal(sealed) : undefined`), and a
   * call that is no hash, mask, check or count (`fromEnv('JWT_SECRET')`, `unseal(row.token).toString('utf8')`).
   */
  const valueMayBeSecret = (v: TSESTree.Node, depth = 0): boolean => {
    const u = unwrap(v);
    if (depth > 3) return false;
    if (u.type === T.Identifier) return u.name !== 'undefined' && !isSafeName(u.name) && !readsOnlyReferences(u);
    if (u.type === T.MemberExpression) {
      const p = propertyName(u);
      return p !== undefined && !isSafeName(p) && !safeToLog.properties.has(p);
    }
    if (u.type === T.LogicalExpression)
      return (u.operator !== '&&' && valueMayBeSecret(u.left, depth + 1)) || valueMayBeSecret(u.right, depth + 1);
    if (u.type === T.ConditionalExpression)
      return valueMayBeSecret(u.consequent, depth + 1) || valueMayBeSecret(u.alternate, depth + 1);
    if (u.type === T.AwaitExpression) return valueMayBeSecret(u.argument, depth + 1);
    if (u.type !== T.CallExpression) return false;
    const last = calleeText(u.callee)?.split('.').pop();
    if (last === undefined || safeToLog.functions.has(last) || safeToLog.maskMethods.has(last)) return false;
    return !SAFE_CALL.test(normaliseName(last));
  };

  /** `Plaintext`, `Buffer.from(Plaintext)`, or a binding of either: a KMS plaintext data key's bytes. */
  const plainDataKey = (x: TSESTree.Node): boolean => {
    let b = unwrap(x);
    if (b.type === T.Identifier && !isDataKeyPlaintext(b, imports, getScope(b)))
      b = unwrap(constInitOf(b, getScope(b)) ?? b);
    if (
      b.type === T.CallExpression &&
      /^(?:Buffer|Uint8Array)\.from$/.test(calleeText(b.callee) ?? '') &&
      b.arguments[0]
    )
      b = unwrap(b.arguments[0]);
    return isDataKeyPlaintext(b, imports, getScope(b));
  };

  const callLeaks = (n: TSESTree.CallExpression, sink: LeakSink, depth: number): Leak[] => {
    // One-way or boolean functions anywhere in a chain: `createHash('sha256').update(t).digest('hex')`.
    for (
      let c: TSESTree.Node = n;
      c.type === T.CallExpression || c.type === T.MemberExpression;
      c = c.type === T.CallExpression ? unwrap(c.callee) : unwrap(c.object)
    ) {
      if (c.type === T.CallExpression) {
        const text = calleeText(c.callee);
        const last = text?.split('.').pop();
        if (last !== undefined && safeToLog.functions.has(last)) return [];
      }
    }
    const callee = unwrap(n.callee);
    const text = calleeText(callee);
    const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
    const key = keyCall(n, undefined);
    if (key) return [{ node: n, what: key, evidence: 'flow', ...(serverKey(key) ? { server: true } : {}) }];
    const read = configSecretRead(n);
    if (read) return [{ node: n, what: read, server: true }];
    const cli = readsCliOptions(n) ? cliOptionLeaks(n, n) : [];
    if (cli.length) return cli;
    // `apiKey.replace(/.(?=.{4})/g, '*')`: a mask of fixed characters, not the key (mask-replace.ts).
    if (isMaskingReplace(n)) return [];
    // `cmd.replace(password, '***')`, `url.replace(/(token=)[^&]+/, '$1***')`: masked inside the text that held it.
    // ...only in text built from parts: `secret.replace(/^(.*)(.{4})$/, '$1****')` keeps most of the secret.
    const maskedPart = (p: TSESTree.Node): boolean =>
      callee.type === T.MemberExpression && isPartOf(p, callee.object, getScope, (x) => sourceCode.getText(x));
    const recv = callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
    const split = recv?.type === T.CallExpression && unwrap(recv.callee).type === T.MemberExpression;
    const whole = split ? (unwrap(recv.callee) as TSESTree.MemberExpression).object : recv;
    const inBuilt = whole !== undefined && isBuiltText(whole, getScope);
    if (inBuilt && isEmbeddedMask(n, (p) => maskedPart(p) || leaksIn(p, sink, depth + 1).length > 0)) return [];
    if (method !== undefined && callee.type === T.MemberExpression && safeToLog.maskMethods.has(method)) {
      if (masked(method, n.arguments, unwrap(callee.object))) return [];
      return leaksIn(callee.object, sink, depth + 1);
    }
    // The whole pass-through call carries the key, so a suggestion replaces `key.toString('hex')`, not `key`.
    const lift = (leaks: Leak[], inner: TSESTree.Node): Leak[] =>
      leaks.map((l) => (l.node === unwrap(inner) && !l.dump ? { ...l, node: n } : l));
    const root = text?.split('.')[0];
    const styled = root !== undefined && passThrough.styleModules.has(imports.get(root)?.module ?? '');
    if (
      text !== undefined &&
      (styled || passThrough.functions.has(text) || passThrough.functions.has(text.split('.').pop() ?? ''))
    ) {
      return n.arguments.flatMap((a) =>
        a.type === T.SpreadElement
          ? leaksIn(a.argument, sink, depth + 1)
          : n.arguments.length === 1
            ? lift(leaksIn(a, sink, depth + 1), a)
            : leaksIn(a, sink, depth + 1),
      );
    }
    // `key.toString('hex')`: only bytes take an encoding, so a key-named receiver holds key bytes (`key` included).
    if (
      method === 'toString' &&
      callee.type === T.MemberExpression &&
      stringEncodings.has(staticString(n.arguments[0]) ?? '')
    ) {
      const recv = unwrap(callee.object);
      // `Buffer.from(rootKey).toString('hex')`: the bytes wrapped are the bytes encoded.
      const wrapped =
        recv.type === T.CallExpression && /^(?:Buffer|Uint8Array)\.from$/.test(calleeText(recv.callee) ?? '')
          ? recv.arguments[0]
          : undefined;
      const name = calleeName(wrapped ?? recv);
      // ...a KMS plaintext data key is the server's own (see `checkResponse`).
      const dataKey = plainDataKey(wrapped ?? recv);
      if (isKeyish(name))
        return [
          {
            node: n,
            what: `'${name}' as ${staticString(n.arguments[0])}`,
            ...(dataKey ? { server: true, evidence: 'flow' as const } : {}),
          },
        ];
    }
    if (method !== undefined && callee.type === T.MemberExpression && passThrough.methods.has(method))
      return lift(leaksIn(callee.object, sink, depth + 1), callee.object);
    // `req.cookies.getAll()`, `request.headers.entries()`: every cookie or header of the request, copied.
    if (method !== undefined && callee.type === T.MemberExpression && requestCredentialCopies.has(method)) {
      const m = unwrap(callee.object);
      const holder = m.type === T.MemberExpression ? calleeName(unwrap(m.object)) : undefined;
      const member = m.type === T.MemberExpression ? propertyName(m) : undefined;
      if (
        member !== undefined &&
        requestCredentialMembers.has(member) &&
        holder !== undefined &&
        requestName.pattern.test(normaliseName(holder)) &&
        !(member === 'headers' && credentialHeaders.standardIncoming.every((h) => sink.redacted?.has(h)))
      )
        return [
          {
            node: n,
            what:
              `'${sourceCode.getText(n).slice(0, 60)}', every ${member === 'headers' ? 'header' : 'cookie'}` +
              ' of the request',
          },
        ];
    }
    // `call.metadata.getMap()`: the metadata as a plain object, every entry kept.
    if (method !== undefined && callee.type === T.MemberExpression && incomingConnection.metadataCopies.has(method)) {
      const m = unwrap(callee.object);
      if (m.type === T.MemberExpression && incomingCredentials(m, getScope(m), (x) => sourceCode.getText(x)))
        return [
          { node: n, what: `'${sourceCode.getText(n).slice(0, 60)}', the credentials of an incoming connection` },
        ];
    }
    return returnedLeaks(n, sink, depth);
  };

  /** Functions whose return values are being read (a function that returns a call of itself is read once). */
  const returning = new Set<TSESTree.Node>();
  /**
   * `requestContext(req)`, `redisConnection()`, `upstreamAuthHeader(u)`: what a function of this file returns, read
   * where it is written (an object with the caller's Authorization header, options with a password from the
   * environment, a header built from a password). A parameter returned as it is (`{ password }` of a `password`
   * parameter) is the caller's value: a leak when the caller's argument is one (`label(userName)` is not).
   */
  const returnedLeaks = (n: TSESTree.CallExpression, sink: LeakSink, depth: number): Leak[] => {
    const fn = unwrap(n.callee).type === T.Identifier ? localFunction(n.callee, getScope) : undefined;
    if (!fn || returning.has(fn) || depth >= MAX_DEPTH - 1) return [];
    const params = fn.params.map((p) => (p.type === T.Identifier ? p.name : undefined));
    /** A parameter returned as it is stands for the caller's argument: a leak only if that argument is one. */
    const callerHolds = (l: Leak): boolean => {
      const i = l.node.type === T.Identifier ? params.indexOf(l.node.name) : -1;
      const arg = i < 0 ? undefined : n.arguments[i];
      if (i < 0) return true;
      return arg !== undefined && arg.type !== T.SpreadElement && leaksIn(arg, sink, depth + 1).length > 0;
    };
    returning.add(fn);
    try {
      for (const r of returnExpressions(fn, sourceCode.visitorKeys)) {
        // Another function's expression, read afresh (the set above stops a function that returns a call of itself).
        const inner = leaksIn(r, sink, Math.min(depth + 1, 2)).filter(callerHolds);
        if (inner.length) {
          const name = calleeText(n.callee) ?? 'the function';
          return [holding({ node: n, what: `'${name}()', which returns ${inner[0]!.what}` }, inner[0])];
        }
      }
    } finally {
      returning.delete(fn);
    }
    return [];
  };

  /**
   * `config.get('JWT_SECRET')`, `configService.getOrThrow('db.password')`, `form.get('password')`: a getter
   * asked for a value by a secret name returns that secret.
   */
  const configSecretRead = (n: TSESTree.CallExpression): string | undefined => {
    const callee = unwrap(n.callee);
    const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
    const path = n.arguments.length === 1 ? staticString(n.arguments[0]) : undefined;
    if (method !== undefined && secretGetters.has(method) && path !== undefined) {
      const last = path.split('.').pop() ?? path;
      const secret =
        (/^[A-Z][A-Z0-9_]*$/.test(last) ? isSecretEnvName(last) : isCredentialName(last)) || isCredentialHeader(last);
      return secret ? `the value read by ${method}('${path}')` : undefined;
    }
    // `const SECRET_PATH = 'projects/p/secrets/db-password/versions/latest'; accessSecretVersion(SECRET_PATH)`.
    const arg = n.arguments.length === 1 ? unwrap(n.arguments[0]!) : undefined;
    const held = arg?.type === T.Identifier ? staticString(constInitOf(arg, getScope(arg))) : undefined;
    return accessorSecretRead(n, path ?? held);
  };

  /**
   * `getSecretVersion(projectId, secret, 'latest')`, `accessSecret(secret)`: a binding the file hands to a secret
   * accessor (catalogue `secretAccessorName`) as an argument is the name it is asked for, not the secret's value.
   */
  const namesAnAccessedSecret = (n: TSESTree.Identifier): boolean =>
    (findVariable(getScope(n), n)?.references ?? []).some((r) => {
      const call = r.identifier.parent;
      if (call?.type !== T.CallExpression || !call.arguments.some((a) => a === r.identifier)) return false;
      const name = calleeName(unwrap(call.callee));
      return name !== undefined && secretAccessorName.pattern.test(normaliseName(name));
    });

  /** An origin that is a call of the project's own secret accessor (`accessorSecretRead`). */
  const accessedSecret = (o: Origin): string | undefined => {
    const c = o.kind === 'call' ? unwrap(o.node.type === T.AwaitExpression ? o.node.argument : o.node) : undefined;
    if (c?.type !== T.CallExpression) return undefined;
    return accessorSecretRead(c, c.arguments.length === 1 ? staticString(c.arguments[0]) : undefined);
  };

  /**
   * The project's own secret accessor (catalogue `secretAccessorName`): asked for a secret by name
   * (`await getSecret('payments/api-key')`, `accessSecretVersion('…/secrets/db-password/versions/latest')`,
   * `requireEnv('STRIPE_SECRET_KEY')`), or a getter with no argument named for the secret it hands over
   * (`getJwtSecret()`, `await loadApiKey()`): it returns the server's own secret, wherever it is then written.
   */
  const accessorSecretRead = (n: TSESTree.CallExpression, path: string | undefined): string | undefined => {
    const name = calleeName(unwrap(n.callee));
    if (name === undefined) return undefined;
    const words = normaliseName(name);
    if (path !== undefined && !/\s/.test(path) && secretAccessorName.pattern.test(words)) {
      // A Secret Manager resource path ends in its version (`…/secrets/NAME/versions/latest`): the name is before it.
      const parts = path.replace(/\/versions?\/[^/]+$/, '').split(/[./:]/);
      const last = parts.pop() ?? path;
      const secret = /^[A-Z][A-Z0-9_]*$/.test(last) ? isSecretEnvName(last) : isCredentialName(last);
      return secret ? `the secret read by ${name}('${path}')` : undefined;
    }
    if (n.arguments.length !== 0) return undefined;
    const [verb, ...rest] = words.split('_');
    const noun = rest.join('_');
    if (!secretGetterVerb.has(verb ?? '') || !noun || isHashName(noun) || !isCredentialName(noun)) return undefined;
    return `the secret returned by ${name}()`;
  };

  /**
   * `req.body` logged whole in a handler that reads a secret field of it (`req.body.password`,
   * `const { password } = req.body`): the body carries that secret.
   */
  const bodySecretFields = (n: TSESTree.MemberExpression, redacted: ReadonlySet<string> | undefined): string[] => {
    const root = unwrap(n.object);
    if (root.type !== T.Identifier) return [];
    // A secret field the logger redacts (pino `redact: ['*.passphrase']`) is not written with the body.
    const secret = (k: string | undefined): k is string => k !== undefined && isCredentialName(k) && !redacted?.has(k);
    const fields = new Set<string>();
    for (const r of findVariable(getScope(root), root)?.references ?? []) {
      const body = r.identifier.parent;
      if (body?.type !== T.MemberExpression || body.object !== r.identifier || propertyName(body) !== 'body') continue;
      const use = body.parent;
      const read = use?.type === T.MemberExpression && use.object === body ? propertyName(use) : undefined;
      if (secret(read)) fields.add(read);
      if (use?.type === T.VariableDeclarator && use.init === body && use.id.type === T.ObjectPattern)
        for (const p of use.id.properties) {
          const key = p.type === T.Property ? propertyName(p) : undefined;
          if (secret(key)) fields.add(key);
        }
    }
    return [...fields];
  };

  /**
   * `delete copy.password`, `copy.password = undefined` in a statement that runs before `n` on every path to it (a
   * statement of a block that holds `n`): past it, the binding's object no longer holds the member.
   */
  const deletedBefore = (n: TSESTree.Identifier, member: string): boolean =>
    (findVariable(getScope(n), n)?.references ?? []).some((r) => {
      const m = r.identifier.parent;
      if (m?.type !== T.MemberExpression || m.object !== r.identifier || propertyName(m) !== member) return false;
      const op = m.parent;
      const removes =
        (op?.type === T.UnaryExpression && op.operator === 'delete') ||
        (op?.type === T.AssignmentExpression &&
          op.operator === '=' &&
          op.left === m &&
          (isLiteralText(op.right) || (op.right.type === T.Identifier && op.right.name === 'undefined')));
      const stmt = removes ? op?.parent : undefined;
      const block = stmt?.type === T.ExpressionStatement ? stmt.parent : undefined;
      return (
        (block?.type === T.BlockStatement || block?.type === T.Program) &&
        stmt!.range[1] <= n.range[0] &&
        block.range[0] <= n.range[0] &&
        n.range[1] <= block.range[1]
      );
    });

  /** A string literal (or a template with no expressions): text written in the source, not a value. */
  const isLiteralText = (v: TSESTree.Node): boolean => {
    const u = unwrap(v);
    return u.type === T.Literal || (u.type === T.TemplateLiteral && u.expressions.length === 0);
  };

  /** `s.slice(-4)`, `s.slice(0, 4)`, `s.startsWith('sk_')`: at most a few characters, or a boolean. */
  const masked = (method: string, args: TSESTree.CallExpressionArgument[], of: TSESTree.Node): boolean => {
    if (method !== 'slice' && method !== 'substring' && method !== 'substr') return true;
    const a = staticNumber(args[0]);
    const b = staticNumber(args[1]);
    const name = calleeName(of);
    const prefix = a === 0 && !(name !== undefined && isPasswordName(name));
    const max = prefix ? safeToLog.maxPrefixChars : safeToLog.maxVisibleChars;
    if (a !== undefined && a < 0 && b === undefined) return -a <= max;
    if (a !== undefined && b !== undefined) return method === 'substr' ? b <= max : b - a <= max && b - a >= 0;
    return false;
  };

  /** The CLI's options (`program.opts()`) where this file declares a secret option (src/rule-kit/cli-options.ts). */
  const secretOption = createSecretOptionFinder(
    sourceCode,
    (name) => (isCredentialName(name) || cliOptions.tokenFlag.pattern.test(normaliseName(name))) && !isSafeName(name),
  );
  const cliOptionLeaks = (n: TSESTree.Node, read: TSESTree.Node): Leak[] => {
    const flag = wholeValue(n) ? secretOption(read) : undefined;
    const what = n.type === T.Identifier ? `'${n.name}'` : `'${sourceCode.getText(n).slice(0, 40)}'`;
    return flag === undefined ? [] : [{ node: n, what: `${what}, the command's options with its --${flag}` }];
  };

  /**
   * A URL made here, judged by what made it (`new URL(\`…?token=${t}\`)`) and by what was written into it before
   * the read (`u.password = pw`, `u.searchParams.set('client_secret', s)`; src/rule-kit/url-parts.ts): a literal
   * written last (`u.password = ''`) leaves nothing of the secret in the text.
   */
  const urlLeaks = (n: TSESTree.Identifier, init: TSESTree.NewExpression, sink: LeakSink): Leak[] => {
    const writes = urlWrites(n, getScope(n), n.range[0]);
    // `shown.password = ''`: a copy of a URL with its password cleared before the read.
    const cleared = writes.some((w) => w.slot === 'password' && unwrap(w.value).type === T.Literal);
    const base = init.arguments[0];
    const made = base && base.type !== T.SpreadElement && !cleared ? leaksIn(base, sink, MAX_DEPTH - 2) : [];
    if (made.length && !made[0]!.dump)
      return [holding({ node: n, what: `'${n.name}', a URL made from ${made[0]!.what}` }, made[0])];
    for (const w of writes) {
      const v = unwrap(w.value);
      if (v.type === T.Literal || (v.type === T.TemplateLiteral && v.expressions.length === 0)) continue;
      const inner = leaksIn(v, sink, MAX_DEPTH - 2);
      if (inner.length && !inner[0]!.dump)
        return [holding({ node: n, what: `'${n.name}', a URL given ${inner[0]!.what}` }, inner[0])];
      if (w.slot === 'password' || (w.param !== undefined && isCredentialName(w.param)))
        return [{ node: n, what: `'${n.name}', a URL given its ${w.param ?? 'password'}` }];
    }
    return [];
  };

  /**
   * Text built from a secret (`const url = \`…?api_key=${apiKey}\``, a connection string with its password),
   * even under a name that is safe on its own (`url`); not under a public-key or hash name.
   */
  const builtText = (n: TSESTree.Identifier, init: TSESTree.Node | undefined, sink: LeakSink): Leak[] => {
    if (publicKeyName.pattern.test(normaliseName(n.name)) || isHashName(n.name)) return [];
    if (init?.type !== T.TemplateLiteral && (init?.type !== T.BinaryExpression || init.operator !== '+')) return [];
    const inner = leaksIn(init, sink, MAX_DEPTH - 2);
    return inner.length && !inner[0]!.dump
      ? [holding({ node: n, what: `'${n.name}', text built from ${inner[0]!.what}` }, inner[0])]
      : [];
  };

  /**
   * Every way the binding gets its value is a read of an environment variable or a setting whose name says it names
   * or locates a secret (catalogue `referenceTailName`: `KEY_ALIAS`, `keyPath`, `SECRET_ARN`), or a literal fallback
   * of one: the binding holds the reference, not the key.
   */
  const readsOnlyReferences = (n: TSESTree.Identifier): boolean => {
    const origins = flowOf(sourceCode).origins(n);
    const refName = (name: string | undefined): boolean =>
      name !== undefined && referenceTailName.pattern.test(normaliseName(name));
    let read = false;
    for (const o of origins) {
      if (o.kind === 'string' && o.fallback) continue;
      const m = unwrap(o.node);
      const env = o.kind === 'env' ? o.ref : undefined;
      // A setting's member (`cfg.signingKeyPath`): the property read, or the name the engine found it stored under.
      const member =
        o.kind !== 'unknown' ? undefined : m.type === T.MemberExpression && !m.computed ? propertyName(m) : o.name;
      if (!refName(env ?? member)) return false;
      read = true;
    }
    return read;
  };

  /**
   * Bindings whose value is being judged, and how deep: an object that holds another binding whose object holds
   * the first (`const a = { b }; const b = { a }`, or a record passed back into the call that made it) is judged
   * once, and a long chain of bindings stops at MAX_BINDINGS instead of exhausting the stack.
   */
  const judging = new Set<TSESTree.Node>();
  // Aliases being judged (`const pass = password`), so `const a = b; const b = a` ends.
  const aliasing = new Set<TSESTree.Node>();
  const MAX_BINDINGS = 12;
  const identifierLeaks = (n: TSESTree.Identifier, sink: LeakSink): Leak[] => {
    const init = constInitOf(n, getScope(n));
    const key = init ?? n;
    if (judging.has(key) || judging.size >= MAX_BINDINGS) return [];
    judging.add(key);
    try {
      return bindingLeaks(n, init, sink);
    } finally {
      judging.delete(key);
    }
  };
  /** Settings loaded whole at start-up, logged whole (not in a template, not written back to a file). */
  const loadedWhole = (n: TSESTree.Identifier, sink: LeakSink): string | undefined =>
    loggedWhole(n) && n.parent?.type !== T.TemplateLiteral && sink.kind !== 'file'
      ? loadedSettings(n, imports, getScope)
      : undefined;
  /** A whole object logged: one another module exports with a secret member, or settings loaded whole. */
  const wholeHolderLeaks = (n: TSESTree.Identifier, sink: LeakSink): Leak[] => {
    const holder = importedHolder(n);
    if (holder.length) return holder;
    const loaded = loadedWhole(n, sink);
    return loaded
      ? [{ node: n, what: `'${n.name}', the settings loaded by ${loaded}`, server: true, evidence: 'flow' }]
      : [];
  };
  const bindingLeaks = (n: TSESTree.Identifier, init: TSESTree.Expression | undefined, sink: LeakSink): Leak[] => {
    if (n.name === 'undefined') return [];
    // `const keypair = process.env.SM_KEYPAIR_ALIAS`: the value names or locates a key, whatever the binding says.
    if (readsOnlyReferences(n)) return [];
    // `const env = process.env; log(env)`: the whole environment under another name.
    if (init && isProcessEnv(unwrap(init))) return [{ node: n, what: 'process.env', dump: true, evidence: 'flow' }];
    const built = builtText(n, init, sink);
    if (built.length) return built;
    if (makesUrl(init)) return urlLeaks(n, init, sink);
    const cli = init && readsCliOptions(init) ? cliOptionLeaks(n, init) : [];
    if (cli.length) return cli;
    const request = loggedWhole(n)
      ? wholeRequest(
          n,
          getScope(n),
          (x) => sourceCode.getText(x),
          () => titleOf(sink)() ?? '',
        )
      : undefined;
    if (request) return [{ node: n, what: request, wholeRequest: true }];
    // Judged by the call that made it, whatever its name (`cert`): a response holding a private key.
    const response = loggedWhole(n) ? secretResponseOf(n) : undefined;
    if (response) return [{ node: n, what: `'${n.name}', ${response}`, server: true }];
    // `init` logged whole where it is a `RequestInit` parameter or an axios interceptor's config: its headers too.
    if (loggedWhole(n) && outgoingHeaders(n, getScope(n)))
      return [{ node: n, what: `'${n.name}', an outgoing request's options with their headers` }];
    const whole = loggedWhole(n)
      ? wholeTokenResponse(n, flowOf(sourceCode).origins(n), (x) => sourceCode.getText(x))
      : undefined;
    if (whole) return [{ node: n, what: whole, evidence: 'flow' }];
    const typed = typedInput(n);
    if (typed.length) return typed;
    // A URL name is safe on its own, unless the value is a connection URL from the environment (its password).
    // ...and an object under such a name (`input`, `payload`) by the secret members the file reads from it.
    if (isSafeName(n.name)) {
      const url = connectionUrl(n);
      if (url.length) return url;
      const holder = wholeHolderLeaks(n, sink);
      if (holder.length) return holder;
      const derived = derivedLeaks(n, init, [], sink);
      if (derived.length) return derived;
      const weak = weakSecret(n, init, titleOf(sink));
      if (weak) return [weakLeak(n, weak)];
      const held = heldSecret(n, n.name);
      return held.length ? held : usedAsSecret(n, n.name);
    }
    // An object literal bound here is judged by what it holds, not by its name:
    // `logSecret = { ...secret, password: '***' }`.
    // ...and by what the file writes into it later (`headers.authorization = \`Bearer ${t}\``) or hands it to
    // (`createTransport(smtpOptions)`: options holding the client's password).
    if (init?.type === T.ObjectExpression) {
      // `const payload = { ...req.body, hash }; delete payload.password; log(payload)`: a copy that deleted every
      // secret member that made the spread object secret-bearing holds none of them.
      const inner = objectLeaks(init, sink, MAX_DEPTH - 2).filter(
        (l) =>
          !(
            l.node.parent?.type === T.SpreadElement &&
            l.node.parent.parent === init &&
            l.members?.length &&
            l.members.every((m) => deletedBefore(n, m))
          ),
      );
      if (inner.length)
        return [holding({ node: n, what: `'${n.name}', an object holding ${inner[0]!.what}` }, inner[0])];
      const held = heldSecret(n, n.name);
      return held.length ? held : roleUse(n);
    }
    // `const lines = [\`private key: ${w.privateKey}\`]; write(lines.join('\\n'))`: an array judged by its elements.
    if (init?.type === T.ArrayExpression) {
      const inner = leaksIn(init, sink, MAX_DEPTH - 3);
      if (inner.length)
        return [holding({ node: n, what: `'${n.name}', an array holding ${inner[0]!.what}` }, inner[0])];
    }
    // An error code under a credential's name (`TOKEN_EXPIRED`) holds no secret: asked only of a binding the rest
    // would report, since telling one may read the module that exports it (`errorCode`); both judgements are pure.
    const found = valueLeaks(n, init, sink);
    return found.length > 0 && errorCode(n) ? [] : found;
  };
  /** `bindingLeaks` past its value-shape judgements: by name, origin, use and role. */
  const valueLeaks = (n: TSESTree.Identifier, init: TSESTree.Expression | undefined, sink: LeakSink): Leak[] => {
    const element = collectionElement(n, sink);
    if (element.length) return element;
    const origins = flowOf(sourceCode).origins(n);
    const fromEnv = origins.find((o) => o.kind === 'env' && isSecretEnvRef(o.ref));
    // By name alone only secret names count (`apiKey`, `clientSecret`); `environmentKey` or
    // `optionKeys` name lookup keys, so names that merely end in "key" need a key origin.
    if (isCredentialName(n.name)) {
      // `const dbPassword = await getSecret('reports-db-password')`: the server's own, like one from the environment.
      const server = fromEnv !== undefined || origins.some((o) => accessedSecret(o) !== undefined);
      // A name handed to a secret accessor is the secret's name, unless the binding holds a secret read above.
      if (!server && namesAnAccessedSecret(n)) return [];
      // `const seed = this.prng.getSeed()`, `new PRNG(seed)`: a seeded generator's seed fixes draws, not a key (the
      // generator's `getSeed()` reads no secret store, whatever its name says).
      if (fromEnv === undefined && isGeneratorSeed(n, getScope)) return [];
      return [{ node: n, what: `'${n.name}'`, ...(server ? { server: true } : {}) }];
    }
    // A binding the code branches on by its literal values is a setting (setting-values.ts), whatever it was read
    // from (`opts.storeClientSecret`); under a secret's own name (above) it stays the secret.
    if (isEnumeratedSetting(n, getScope(n))) return [];
    if (wholeKeyPair(n, n.name)) return [{ node: n, what: `'${n.name}', a whole key pair` }];
    // `importJWK(jwk, 'ES256')` whose key then signs: the JWK holds the private key (signing-jwks.ts).
    if (loggedWhole(n) && signingJwk(n, imports, getScope))
      return [{ node: n, what: `'${n.name}', a JWK imported to sign, with its private member`, evidence: 'flow' }];
    const store = browserStore(n);
    if (store) return [{ node: n, what: store }];
    const callback = tokenCallbackParam(n);
    if (callback) return [{ node: n, what: callback }];
    // ...or message text that calls the value a secret key: `invalid signing key: ${key}`; not a value named for
    // what went wrong (`failed to get access token: ${error}`).
    if (
      n.parent?.type === T.TemplateLiteral &&
      !errorValueName.pattern.test(normaliseName(n.name)) &&
      !isPushAddress(n.name) &&
      !caughtErrorText(n) &&
      !assets.namesAsset(n.name) &&
      !assets.movedWithAmount(n) &&
      namedSecretByMessage(n.parent, n)
    )
      return [{ node: n, what: `'${n.name}', named a secret key by the message` }];
    if (isDataKeyPlaintext(n, imports, getScope(n)))
      return [{ node: n, what: `'${n.name}', a plaintext data key`, server: true, evidence: 'flow' }];
    // `const res = await kms.send(new GenerateDataKeyCommand(…)); log(res)`: the whole response, Plaintext in it.
    if (loggedWhole(n) && isDataKeyResponse(constInitOf(n, getScope(n)) ?? undefined, imports, getScope(n)))
      return [
        { node: n, what: `'${n.name}', a KMS response with its plaintext data key`, server: true, evidence: 'flow' },
      ];
    const bearer = bearerTokenUse(n) ?? (sentAsCredential(n) ? 'an Authorization header' : undefined);
    if (bearer) return [{ node: n, what: `'${n.name}', a bearer token passed to ${bearer}`, evidence: 'sink' }];
    const kept = storedAsSecret(n);
    if (kept) return [{ node: n, what: `'${n.name}', which the file keeps in ${kept}`, evidence: 'sink' }];
    // `res.cookie('sid', v, { httpOnly: true })`, `timingSafeEqual(v, sent)`: a value, a parameter too, that the file
    // treats as a credential whatever its name (src/rule-kit/secret-uses.ts).
    const use = secretUseOf(n);
    if (use) return [{ node: n, what: `'${n.name}', ${use.via}`, evidence: 'sink' }];
    const verified = wholeValue(n) ? bearerMemberUse(n) : undefined;
    if (verified)
      return [
        { node: n, what: `'${n.name}', whose '${verified.member}' is passed to ${verified.title}`, evidence: 'sink' },
      ];
    for (const o of origins) {
      if (o === fromEnv)
        return [{ node: n, what: `'${n.name}', from process.env.${o.ref}`, server: true, evidence: 'flow' }];
      if (o.kind === 'call' && (o.node.type === T.CallExpression || o.node.type === T.NewExpression)) {
        const k = keyCall(encodedFrom(o.node), o.name ?? n.name, sink.keyFile === true);
        if (k)
          return [
            { node: n, what: `'${n.name}', from ${k}`, evidence: 'flow', ...(serverKey(k) ? { server: true } : {}) },
          ];
      }
      // A whole object that holds secrets (a config, a key pair, options with a token), logged as one value.
      if (isRequireOrImport(o) && loggedWhole(n) && configObjectName.pattern.test(normaliseName(n.name)))
        return [{ node: n, what: `'${n.name}', a whole configuration imported from '${o.ref ?? '?'}'`, server: true }];
      if (o.kind === 'object' && o.node.type === T.ObjectExpression) {
        const inner = objectLeaks(o.node, sink, MAX_DEPTH - 2);
        if (inner.length)
          return [holding({ node: n, what: `'${n.name}', an object holding ${inner[0]!.what}` }, inner[0])];
      }
    }
    const derived = derivedLeaks(n, init, origins, sink);
    if (derived.length) return derived;
    // `const code = sixDigits()` in an OTP route: a secret by its purpose, however weakly made (weak-secrets.ts).
    const weak = weakSecret(n, init, titleOf(sink));
    if (weak) return [weakLeak(n, weak)];
    const imported = importedSecret(n);
    if (imported.length) return imported;
    // `console.log(settings)` of `yaml.load(fs.readFileSync('settings.yml'))`, `dotenv.config().parsed`.
    const holder = wholeHolderLeaks(n, sink);
    if (holder.length) return holder;
    const held = heldSecret(n, n.name);
    if (held.length) return held;
    const used = usedAsSecret(n, n.name);
    if (used.length) return used;
    const role = roleUse(n);
    return role.length ? role : clientWithSecret(n, sink);
  };

  /**
   * `function seal(k: Buffer, data) { log.debug(…k…); createCipheriv(alg, k, iv) }`: a generic name the file passes
   * as the key, secret or password of a catalogue key sink (flow/roles.ts); not a public key or a hash by name. A
   * class field (`this.material`) is judged by its uses in the class.
   */
  const fieldRoleUse = (n: TSESTree.MemberExpression, p: string): Leak[] => {
    if (publicKeyName.pattern.test(normaliseName(p)) || isHashName(p)) return [];
    const use = valueRolesOf(sourceCode, imports).secretUseOfField(n);
    const what = `'this.${p}', used as the ${use?.role} of ${use?.sink} at line ${use?.line}`;
    return use ? [{ node: n, what, evidence: 'sink' }] : [];
  };

  /**
   * A text or a number has no members: an environment variable's value (`process.env.REDIS_PORT`, always a string),
   * a template, a numeric conversion, or a fallback between such values (`process.env.PORT || 6379`). node-redis v2
   * and ioredis take `(port, host, options)`, so the first argument is not always the options object.
   */
  const scalar = (v: TSESTree.Node): boolean => {
    const u = unwrap(v);
    if (u.type === T.Literal || u.type === T.TemplateLiteral) return true;
    if (u.type === T.LogicalExpression) return scalar(u.left) && scalar(u.right);
    if (u.type === T.CallExpression && u.callee.type === T.Identifier)
      return ['Number', 'parseInt', 'parseFloat', 'String'].includes(u.callee.name);
    return envVarName(u) !== undefined;
  };
  /** Options bound to an object literal hold `path` only if it writes it (`{ host, port }` has no `auth.pass`). */
  const mayHold = (n: TSESTree.Identifier, path: string): boolean => {
    let v: TSESTree.Node | undefined = constInitOf(n, getScope(n));
    if (v !== undefined && scalar(v)) return false;
    for (const k of path.split('.')) {
      if (!v || unwrap(v).type !== T.ObjectExpression) return v === undefined || unwrap(v).type !== T.Literal;
      const obj = unwrap(v) as TSESTree.ObjectExpression;
      if (obj.properties.some((p) => p.type === T.SpreadElement)) return true;
      const prop = obj.properties.find((p) => p.type === T.Property && propertyName(p) === k) as
        TSESTree.Property | undefined;
      if (!prop) return false;
      v = prop.value;
    }
    return true;
  };

  const roleUse = (n: TSESTree.Identifier): Leak[] => {
    if (publicKeyName.pattern.test(normaliseName(n.name)) || isHashName(n.name)) return [];
    const use = valueRolesOf(sourceCode, imports).secretUseOf(n);
    if (use?.within !== undefined && wholeValue(n) && mayHold(n, use.within)) {
      const what = `'${n.name}', options holding the ${use.role} (${use.within}) of ${use.sink}`;
      return [{ node: n, what, evidence: 'sink' }];
    }
    return use && use.within === undefined
      ? [{ node: n, what: `'${n.name}', used as the ${use.role} of ${use.sink} at line ${use.line}`, evidence: 'sink' }]
      : [];
  };

  /** A value behind a constant default (`x ?? ''`, `x || ''`) or a presence guard (`x ? f(x) : ''`). */
  const guardedValue = (e: TSESTree.Node): TSESTree.Node => {
    const constant = (c: TSESTree.Node): boolean => {
      const u = unwrap(c);
      return (
        u.type === T.Literal ||
        (u.type === T.TemplateLiteral && u.expressions.length === 0) ||
        (u.type === T.Identifier && u.name === 'undefined')
      );
    };
    let v = e;
    for (let i = 0; i < 4; i++) {
      if (v.type === T.LogicalExpression && v.operator !== '&&') v = unwrap(v.left);
      else if (v.type === T.ConditionalExpression && constant(v.alternate) && !constant(v.consequent))
        v = unwrap(v.consequent);
      else if (v.type === T.ConditionalExpression && constant(v.consequent) && !constant(v.alternate))
        v = unwrap(v.alternate);
      else break;
    }
    return v;
  };

  /**
   * What a binding holds by the call that made it: `const creds = JSON.parse(res.SecretString)` (a pass-through of a
   * secret), `const auth = req.get('Authorization')` (a getter asked for a secret), the answers of a prompt that asks
   * for a password (`inquirer.prompt([{ type: 'password', … }])`), logged whole.
   */
  const derivedLeaks = (
    n: TSESTree.Identifier,
    init: TSESTree.Node | undefined,
    origins: readonly Origin[],
    sink: LeakSink,
  ): Leak[] => {
    // `const bankKey = out.Parameter?.Value ?? ''`, `const pass = password ? password.toString() : ''`: the value
    // behind a default or a presence guard, under another name.
    const made = init && guardedValue(unwrap(init.type === T.AwaitExpression ? init.argument : init));
    const named = !isHashName(n.name) && !publicKeyName.pattern.test(normaliseName(n.name));
    if (named && made?.type === T.MemberExpression && made.parent?.type !== T.CallExpression) {
      const inner = memberLeaks(made, sink, MAX_DEPTH - 2);
      if (inner.length) return [holding({ node: n, what: `'${n.name}', from ${inner[0]!.what}` }, inner[0])];
    }
    // `const pass = password`: another name for a binding that is itself a secret.
    if (named && made?.type === T.Identifier && made !== n && made.name !== n.name) {
      // Judged as the binding it names (identifierLeaks would key this node as the alias's own init, a cycle).
      const inner: Leak[] = [];
      if (!aliasing.has(made) && judging.size < MAX_BINDINGS) {
        aliasing.add(made);
        try {
          inner.push(...bindingLeaks(made, constInitOf(made, getScope(made)), sink));
        } finally {
          aliasing.delete(made);
        }
      }
      if (inner.length && !inner[0]!.dump)
        return [holding({ node: n, what: `'${n.name}', made from ${inner[0]!.what}` }, inner[0])];
    }
    if (made?.type === T.NewExpression && named && unwrap(made.callee).type === T.Identifier) {
      const inner = passThrough.constructors.has((unwrap(made.callee) as TSESTree.Identifier).name)
        ? leaksIn(made, sink, MAX_DEPTH - 2)
        : [];
      if (inner.length) return [holding({ node: n, what: `'${n.name}', made from ${inner[0]!.what}` }, inner[0])];
    }
    // `const SecretId = getEnvOrThrow('GITHUB_APP_SECRET')`: a binding named as a reference holds the secret's id.
    const byAccessor = (what: string): boolean =>
      /^the secret (?:read|returned) by /.test(what) && referenceTailName.pattern.test(normaliseName(n.name));
    if (made?.type === T.CallExpression && named) {
      const inner = callLeaks(made, sink, MAX_DEPTH - 2);
      if (inner.length && !inner[0]!.dump && !byAccessor(inner[0]!.what))
        return [holding({ node: n, what: `'${n.name}', made from ${inner[0]!.what}` }, inner[0])];
    }
    for (const o of origins) {
      const c = o.kind === 'call' ? unwrap(o.node.type === T.AwaitExpression ? o.node.argument : o.node) : undefined;
      if (c?.type !== T.CallExpression) continue;
      const read = configSecretRead(c);
      if (read && !byAccessor(read)) return [{ node: n, what: `'${n.name}', ${read}` }];
      if (
        loggedWhole(n) &&
        /(?:^|\.)prompts?$/.test(calleeText(c.callee) ?? '') &&
        secretPromptType.test(sourceCode.getText(c))
      )
        return [{ node: n, what: `'${n.name}', the answers to a password prompt`, evidence: 'flow' }];
    }
    return [];
  };

  /** `out.Parameter.Value` where `out` is what a GetParameter call with `WithDecryption: true` returned. */
  const decryptedParameter = (n: TSESTree.MemberExpression): boolean => {
    const holder = unwrap(n.object);
    const hp = holder.type === T.MemberExpression ? propertyName(holder) : undefined;
    if (holder.type !== T.MemberExpression || hp === undefined) return false;
    if (!decryptedParameterRead.holder.test(hp) && !decryptedParameterRead.holder.test(calleeName(holder) ?? ''))
      return false;
    let root: TSESTree.Node = holder;
    while (root.type === T.MemberExpression) root = unwrap(root.object);
    if (root.type !== T.Identifier) return false;
    return flowOf(sourceCode)
      .origins(root)
      .some((o) => {
        const t = o.kind === 'call' ? sourceCode.getText(o.node) : '';
        return decryptedParameterRead.call.test(t) && decryptedParameterRead.decrypt.test(t);
      });
  };

  /** The type written on the parameter a value is, or is read from (`action.payload` → the annotation of `action`). */
  const parameterAnnotation = (n: TSESTree.Node): TSESTree.TypeNode | undefined => {
    let root = n;
    while (root.type === T.MemberExpression) root = unwrap(root.object);
    if (root.type !== T.Identifier) return undefined;
    const def = findVariable(getScope(root), root)?.defs[0];
    if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.name.type !== T.Identifier) return undefined;
    return def.name.typeAnnotation?.typeAnnotation;
  };

  /**
   * `job: Job<SyncJob>` logged whole, or its `data`: the type argument is declared in the file with a secret member
   * (`credentials`), so the record it wraps carries that secret.
   */
  const typedHolder = (n: TSESTree.Identifier | TSESTree.MemberExpression, path: string): Leak[] => {
    const parts = path.split('.');
    if (parts.length > 2 || (parts.length === 2 && !WRAPPED_RECORD.has(parts[1]!))) return [];
    const ann = parameterAnnotation(n);
    if (ann?.type !== T.TSTypeReference) return [];
    for (const a of ann.typeArguments?.params ?? []) {
      if (a.type !== T.TSTypeReference || a.typeName.type !== T.Identifier) continue;
      const member = evidence().typeSecretMember(a.typeName.name);
      if (member !== undefined) return [{ node: n, what: `'${path}', a record of ${a.typeName.name} (${member})` }];
    }
    return [];
  };

  /**
   * `(action: { payload: { pwd: string } }) => log(action.payload)`, `(action: { payload: Unlock })` with `Unlock`
   * declared in the file with a secret member: the parameter's own type, followed along the logged path, declares it.
   */
  const declaredHolder = (n: TSESTree.Identifier | TSESTree.MemberExpression, path: string): Leak[] => {
    if (n.type !== T.MemberExpression) return [];
    let type: TSESTree.TypeNode | undefined = parameterAnnotation(n);
    for (const key of path.split('.').slice(1)) {
      if (type?.type !== T.TSTypeLiteral) return [];
      const sig = type.members.find(
        (m) => m.type === T.TSPropertySignature && m.key.type === T.Identifier && m.key.name === key,
      );
      type = sig?.type === T.TSPropertySignature ? sig.typeAnnotation?.typeAnnotation : undefined;
    }
    let member: string | undefined;
    if (type?.type === T.TSTypeLiteral)
      member = type.members
        .map((m) =>
          m.type !== T.TSPropertySignature || m.typeAnnotation?.typeAnnotation.type === T.TSFunctionType
            ? undefined
            : m.key.type === T.Identifier
              ? m.key.name
              : m.key.type === T.Literal && typeof m.key.value === 'string' && !m.computed
                ? m.key.value
                : undefined,
        )
        .find((k) => k !== undefined && isCredentialName(k) && !isSafeName(k));
    else if (type?.type === T.TSTypeReference && type.typeName.type === T.Identifier)
      member = evidence().typeSecretMember(type.typeName.name);
    return member === undefined ? [] : [{ node: n, what: `'${path}', an object typed with '${member}'` }];
  };

  /**
   * A parameter typed as the input of a credential operation (`dto: LoginDto`), or with a type the file declares
   * with a secret member (`input: ChangePasswordInput` where the interface has `newPassword`), logged whole.
   */
  const typedInput = (n: TSESTree.Identifier): Leak[] => {
    const ann = parameterAnnotation(n);
    if (ann === undefined || !wholeValue(n)) return [];
    // `(creds: { username: string; password: string })`: an inline type with a secret member.
    if (ann?.type === T.TSTypeLiteral) {
      // A callback member (`getPrivateKey?: () => string`) is a function, not the secret.
      const names = ann.members.map((m) =>
        m.type === T.TSPropertySignature &&
        m.key.type === T.Identifier &&
        m.typeAnnotation?.typeAnnotation.type !== T.TSFunctionType
          ? m.key.name
          : undefined,
      );
      const name = names.find((k) => k !== undefined && isCredentialName(k) && !isSafeName(k));
      return name === undefined ? [] : [{ node: n, what: `'${n.name}', an object typed with '${name}'` }];
    }
    if (ann?.type !== T.TSTypeReference || ann.typeName.type !== T.Identifier) return [];
    const type = ann.typeName.name;
    const member =
      evidence().typeSecretMember(type) ??
      (credentialInputType.pattern.test(normaliseName(type)) ? 'the password it carries' : undefined);
    return member === undefined ? [] : [{ node: n, what: `'${n.name}', a ${type} (${member})` }];
  };

  /**
   * The template's text before `n` calls it a secret: the quasi right before it (`invalid signing key: ${key}`),
   * or the text before an interpolated subject (`verification code for ${email}: ${code}`).
   */
  const namedSecretByMessage = (t: TSESTree.TemplateLiteral, n: TSESTree.Node): boolean => {
    const i = t.expressions.indexOf(n as TSESTree.Expression);
    const before = t.quasis[i];
    if (!before) return false;
    if (secretKeyPhrase.pattern.test(before.value.cooked ?? before.value.raw)) return true;
    const prev = t.quasis[i - 1];
    if (!prev || !/^[ :=('"]{0,3}$/.test(before.value.cooked ?? before.value.raw)) return false;
    const subject = textBeforeTrailingPreposition(prev.value.cooked ?? prev.value.raw);
    return subject !== undefined && secretKeyPhrase.pattern.test(subject);
  };

  /**
   * `token` sent elsewhere in the file as an Authorization header value: it is a credential. A member sent so
   * (`Bearer ${reply.access_token}`) says nothing of the object logged where that member is tested absent
   * (`if (!reply.access_token) log.error({ reply })`: the error reply of an OAuth token endpoint, RFC 6749 §5.2).
   */
  const sentAsCredential = (n: TSESTree.Identifier): boolean =>
    (findVariable(getScope(n), n)?.references ?? []).some((r) => {
      if (!evidence().usedAt(r.identifier.range[0])) return false;
      const m = r.identifier.parent;
      const member = m?.type === T.MemberExpression && m.object === r.identifier ? propertyName(m) : undefined;
      return member === undefined || !testedAbsent(n, n.name, member);
    });

  /**
   * An object logged whole (`console.log(account)`, `job.data`, `JSON.stringify(settings)`) whose secret member
   * the file reads or writes (`account.access_token`, `settings.billing.stripeSecretKey`): it carries that secret.
   */
  /**
   * A bare binding is judged in the function that declares it, and so is a member path rooted at a function's own
   * binding (`action.payload` in one NgRx effect is not the `action` of the effect that reads `.payload.pwd`); a
   * path rooted at `this`, a module binding or a binding of one shape across handlers (catalogue
   * `fileWideRootName`: a request, a queue job) in the whole file. Inside a `switch` on the root's own member
   * (`switch (msg.command)`), the root is judged in its case: each case receives another message shape.
   */
  const judgedIn = (n: TSESTree.Identifier | TSESTree.MemberExpression): readonly [number, number] | undefined => {
    let root: TSESTree.Node = n;
    while (root.type === T.MemberExpression) root = unwrap(root.object);
    if (root.type !== T.Identifier) return undefined;
    if (n.type !== T.Identifier && fileWideRootName.pattern.test(normaliseName(root.name))) return undefined;
    const decl = findVariable(getScope(root), root)?.defs[0];
    const fn =
      decl && (decl.type === TSESLint.Scope.DefinitionType.Parameter ? decl.node : enclosingFunction(decl.node));
    if (!fn) return undefined;
    return dispatchCaseOf(n, root.name, fn) ?? fn.range;
  };

  /** The cases of a `switch (root.kind)` around `n` inside `fn` that run `n` (with the empty cases falling into it). */
  const dispatchCaseOf = (n: TSESTree.Node, root: string, fn: TSESTree.Node): readonly [number, number] | undefined => {
    for (let c: TSESTree.Node | undefined = n; c && c !== fn; c = c.parent) {
      if (c.type !== T.SwitchCase || c.parent?.type !== T.SwitchStatement) continue;
      let d: TSESTree.Node = unwrap(c.parent.discriminant);
      if (d.type !== T.MemberExpression) continue;
      while (d.type === T.MemberExpression) d = unwrap(d.object);
      if (d.type !== T.Identifier || d.name !== root) continue;
      const cases = c.parent.cases;
      let first = cases.indexOf(c);
      while (first > 0 && cases[first - 1]!.consequent.length === 0) first--;
      return [cases[first]!.range[0], c.range[1]];
    }
    return undefined;
  };

  /**
   * `map((action: { type: string; payload: { node: GraphNode } }) => log(action.payload))`: the parameter's own
   * declared type, followed along the logged path, cannot hold `member` (a primitive, an array, a type literal
   * without it, or a union of those), whatever another binding of the same name carries elsewhere in the file
   * (`action.payload.pwd` in another NgRx effect). A named type, `any` or no annotation says nothing.
   */
  const declaredWithout = (n: TSESTree.Identifier | TSESTree.MemberExpression, path: string, member: string) => {
    let type: TSESTree.TypeNode | undefined = parameterAnnotation(n);
    for (const key of path.split('.').slice(1)) {
      if (type?.type !== T.TSTypeLiteral) return false;
      const sig = type.members.find(
        (m) => m.type === T.TSPropertySignature && m.key.type === T.Identifier && m.key.name === key,
      );
      type = sig?.type === T.TSPropertySignature ? sig.typeAnnotation?.typeAnnotation : undefined;
    }
    const head = member.split('.')[0];
    const without = (t: TSESTree.TypeNode | undefined): boolean => {
      if (!t) return false;
      if (t.type === T.TSUnionType) return t.types.every(without);
      if (t.type === T.TSArrayType || t.type === T.TSLiteralType) return true;
      if ([T.TSStringKeyword, T.TSNumberKeyword, T.TSBooleanKeyword, T.TSNullKeyword].includes(t.type)) return true;
      if (t.type !== T.TSTypeLiteral) return false;
      // Only members whose key is known count as "not the member": a computed key may be it.
      return t.members.every((m) => {
        if (m.type !== T.TSPropertySignature || m.computed) return false;
        const key =
          m.key.type === T.Identifier ? m.key.name : m.key.type === T.Literal ? String(m.key.value) : undefined;
        return key !== undefined && key !== head;
      });
    };
    return without(type);
  };

  /**
   * `if (!res.body.access_token && !res.body.refresh_token) log(res.body)`: the secret member is tested absent
   * by a condition every branch of which must hold (a conjunction), so the logged object does not carry it. A
   * disjunction (`!a.token || !a.refresh`) leaves the other one possibly present. The same holds in the `else` of a
   * test that it is present, and after an `if` that tested it present and returned or threw.
   */
  const testedAbsent = (n: TSESTree.Node, path: string, member: string): boolean => {
    const flat = (x: TSESTree.Node): string => sourceCode.getText(x).replace(/\?\./g, '.').replace(/\s+/g, '');
    const absent = (t: TSESTree.Node): boolean => {
      const u = unwrap(t);
      if (u.type === T.LogicalExpression && u.operator === '&&') return absent(u.left) || absent(u.right);
      if (u.type === T.UnaryExpression && u.operator === '!') {
        const a = unwrap(u.argument);
        // `!('access_token' in body)`
        if (a.type === T.BinaryExpression && a.operator === 'in' && a.left.type === T.Literal)
          return a.left.value === member && flat(a.right) === path;
        return flat(a) === `${path}.${member}`;
      }
      return false;
    };
    // `if (reply.privateKey) { … } else throw new Error(JSON.stringify(reply))`: a test that the member is present
    // (alone or in a disjunction, every branch of which failed) does not hold in the `else`.
    const present = (t: TSESTree.Node): boolean => {
      const u = unwrap(t);
      if (u.type === T.LogicalExpression && u.operator === '||') return present(u.left) || present(u.right);
      return flat(u) === `${path}.${member}`;
    };
    // `if (reply.privateKey) return …;` before the log in the same block: past it, the member is absent.
    const exits = (s: TSESTree.Statement): boolean => {
      const last = s.type === T.BlockStatement ? s.body[s.body.length - 1] : s;
      return last?.type === T.ReturnStatement || last?.type === T.ThrowStatement;
    };
    const exitedBefore = (c: TSESTree.Node): boolean => {
      const block = c.parent;
      if (block?.type !== T.BlockStatement && block?.type !== T.Program) return false;
      const body = block.body as readonly TSESTree.Node[];
      return body
        .slice(0, body.indexOf(c))
        .some((s) => s.type === T.IfStatement && !s.alternate && exits(s.consequent) && present(s.test));
    };
    for (let c: TSESTree.Node | undefined = n; c?.parent && !isFunctionNode(c); c = c.parent) {
      const p: TSESTree.Node = c.parent;
      if (p.type === T.IfStatement && p.consequent === c && absent(p.test)) return true;
      if (p.type === T.IfStatement && p.alternate === c && present(p.test)) return true;
      if (exitedBefore(c)) return true;
    }
    return false;
  };

  /**
   * What the file does with the value says it is a secret: `fromPhrase(words)`, `{ connectionString: url }`,
   * `tokenHash: sha256(raw)`; or with a member of an object logged whole (`setPassword(id, args.next)`).
   */
  const usedAsSecret = (n: TSESTree.Identifier | TSESTree.MemberExpression, path: string | undefined): Leak[] => {
    if (path === undefined) return [];
    const range = n.type === T.Identifier ? (failureBranchOf(n) ?? judgedIn(n)) : judgedIn(n);
    // The field the value is logged under is no evidence of what it is (`{ secret: secretId }` in the log call).
    // Nor is the other branch of a reveal choice (`opts.unmask ? value : mask(value)`): the writer chose to show it.
    const own =
      (n.parent?.type === T.Property && n.parent.value === n) || n.parent?.type === T.ConditionalExpression
        ? n.parent.range
        : undefined;
    const cannotHold = (member: string): boolean => declaredWithout(n, path, member);
    const use = range
      ? evidence().usedAsSecret(path, range[0], range[1], own, cannotHold)
      : evidence().usedAsSecret(path, 0, sourceCode.text.length, own, cannotHold);
    if (!use || (!use.whole && !wholeValue(n))) return [];
    return [{ node: n, what: `'${path}', ${use.whole ? '' : 'an object whose member is '}${use.how} in this file` }];
  };

  /** `sink` given: a secret member its logger redacts (pino `redact: ['*.mnemonic']`) is not written. */
  const heldSecret = (
    n: TSESTree.Identifier | TSESTree.MemberExpression,
    path: string | undefined,
    sink?: LeakSink,
  ): Leak[] => {
    if (path === undefined || !wholeValue(n)) return [];
    const fn = n.type === T.Identifier ? (failureBranchOf(n) ?? judgedIn(n)) : judgedIn(n);
    const members = fn
      ? evidence().secretMembersOf(path, fn[0], fn[1], objectPointOf(getScope(n), n))
      : evidence().secretMembersOf(path);
    if (!members.length) return [...typedHolder(n, path), ...declaredHolder(n, path)].slice(0, 1);
    const held = members.filter(
      (m) => !sink?.redacted?.has(m) && !testedAbsent(n, path, m) && !declaredWithout(n, path, m),
    );
    const member = held[0];
    if (member === undefined) return [];
    const root = path.split('.')[0]!;
    const server =
      configObjectName.pattern.test(normaliseName(root)) ||
      configObjectName.pattern.test(normaliseName(path.split('.').pop() ?? '')) ||
      imports.has(root);
    const what = `'${path}', an object whose '${member}' this file reads`;
    return [{ node: n, what, members: held, ...(server ? { server } : {}) }];
  };

  /**
   * `if (result.valid) { …result.token… } else { log(result) }`: logged on the branch where its own verdict failed,
   * the object is the failure variant of its type (`{ valid: false, error }`); its members are judged in that
   * branch only, not where the success variant's token is read.
   */
  const failureBranchOf = (n: TSESTree.Identifier): readonly [number, number] | undefined => {
    const verdictOf = (test: TSESTree.Node): boolean | undefined => {
      const t = unwrap(test);
      if (t.type === T.UnaryExpression && t.operator === '!') {
        const inner = verdictOf(t.argument);
        return inner === undefined ? undefined : !inner;
      }
      if (t.type !== T.MemberExpression || unwrap(t.object).type !== T.Identifier) return undefined;
      const holder = unwrap(t.object) as TSESTree.Identifier;
      const p = propertyName(t);
      if (holder.name !== n.name || p === undefined) return undefined;
      // `if (reply.error)`: an OAuth-style error reply (RFC 6749 §5.2) carries `error`, never the token.
      return replyVerdict.success.pattern.test(normaliseName(p))
        ? true
        : replyVerdict.failure.pattern.test(normaliseName(p))
          ? false
          : undefined;
    };
    /** `if (x.ok) return x.token;` before `c` in its block: the statements after it run only on failure. */
    const afterEarlyExit = (c: TSESTree.Node, block: TSESTree.Node): readonly [number, number] | undefined => {
      if (block.type !== T.BlockStatement) return undefined;
      const i = block.body.indexOf(c as TSESTree.Statement);
      for (const st of block.body.slice(0, Math.max(0, i))) {
        if (st.type !== T.IfStatement || st.alternate || verdictOf(st.test) !== true) continue;
        const exit = st.consequent.type === T.BlockStatement ? st.consequent.body.at(-1) : st.consequent;
        if (exit?.type === T.ReturnStatement || exit?.type === T.ThrowStatement) return [st.range[1], block.range[1]];
      }
      return undefined;
    };
    for (let c: TSESTree.Node | undefined = n; c && !isFunctionNode(c); c = c.parent) {
      const up: TSESTree.Node | undefined = c.parent;
      const early = up ? afterEarlyExit(c, up) : undefined;
      if (early) return early;
      if (up?.type !== T.IfStatement) continue;
      const passes = verdictOf(up.test);
      if (passes === undefined) continue;
      const failing: TSESTree.Statement | null = passes ? up.alternate : up.consequent;
      if (failing === c) return failing.range as readonly [number, number];
    }
    return undefined;
  };

  /**
   * An error code or message key under a token-ish name (`INVALID_ACCESS_TOKEN = 'auth/invalid_access_token'`,
   * `TOKEN_EXPIRED = 'token_expired'`): every value it can have is identifier-shaped text naming an error
   * condition; or, when an import's value cannot be read, a SCREAMING_CASE constant named for one.
   */
  const errorCode = (n: TSESTree.Identifier): boolean => {
    const names = (s: string): boolean => errorCodeWord.pattern.test(normaliseName(s));
    const imported = where && imports.has(n.name) ? moduleValueOf(n, { ...where, imports, getScope }) : undefined;
    const origins = imported?.origins ?? flowOf(sourceCode).origins(n);
    if (origins.length === 0) return false;
    const code = (o: Origin): boolean =>
      o.kind === 'string' &&
      o.value !== undefined &&
      (benignShapeOf(o.value) === 'identifier' || I18N_KEY.test(o.value)) &&
      (names(o.value) || names(n.name));
    if (origins.every(code)) return true;
    return origins.every((o) => o.kind === 'import') && isConstantCaseName(n.name) && names(n.name);
  };

  /**
   * `Parse.Error.INVALID_SESSION_TOKEN`, `Errors.TOKEN_EXPIRED`: a SCREAMING_CASE member named for an error condition
   * is an error code of an errors namespace (a number or a code string), not key material, unless the file gives it
   * another value (`cfg.INVALID_TOKEN = '<random>'`: then that value is judged). Not a member of `process.env`.
   */
  const errorCodeMember = (n: TSESTree.MemberExpression, p: string): boolean => {
    if (!isConstantCaseName(p) || !errorCodeWord.pattern.test(normaliseName(p)) || isProcessEnv(unwrap(n.object)))
      return false;
    const given = literalMemberValue(n);
    if (given === undefined) return true;
    const v = given.type === T.Literal ? given.value : undefined;
    return typeof v === 'number' || (typeof v === 'string' && benignShapeOf(v) === 'identifier');
  };

  /** `const dbUrl = process.env.DATABASE_URL`, or imported from the module that reads it: its password with it. */
  const connectionUrl = (n: TSESTree.Identifier): Leak[] => {
    const imported = importedSecret(n);
    if (imported.length) return imported;
    for (const o of flowOf(sourceCode).origins(n))
      if (o.kind === 'env' && isSecretEnvRef(o.ref))
        return [{ node: n, what: `'${n.name}', from process.env.${o.ref}`, evidence: 'flow' }];
    return [];
  };

  /** `import { DATABASE_URL } from './settings'`: a secret environment variable read in another module. */
  const importedSecret = (n: TSESTree.Identifier | TSESTree.MemberExpression): Leak[] => {
    let root: TSESTree.Node = n;
    while (root.type === T.MemberExpression) root = unwrap(root.object);
    if (!where || root.type !== T.Identifier || !imports.has(root.name)) return [];
    const v = moduleValueOf(n, { ...where, imports, getScope });
    const env = v?.origins.find((o) => o.kind === 'env' && isSecretEnvRef(o.ref));
    const what = `'${v?.name}', process.env.${env?.ref} read in ${v?.file ?? 'this file'}`;
    return env ? [{ node: n, what, evidence: 'flow' }] : [];
  };

  /**
   * `{ ...config.stripe }` with `config` imported from a settings module that writes `stripe: { apiKey: … }`, or
   * `log.info({ runtime })` with `runtime` exported by a module where one of its members holds a secret by content
   * (a secret env var, literal key material, a value that module passes as a key: secret-holders.ts), whatever the
   * member is called. Not in a template (`${config}` prints no member).
   */
  const importedHolder = (n: TSESTree.Identifier | TSESTree.MemberExpression): Leak[] => {
    let root: TSESTree.Node = n;
    while (root.type === T.MemberExpression) root = unwrap(root.object);
    if (!where || root.type !== T.Identifier || !imports.has(root.name) || !wholeValue(n)) return [];
    if (n.parent?.type === T.TemplateLiteral) return [];

    const v = moduleValueOf(n, { ...where, imports, getScope });
    const file = v?.file === undefined ? undefined : resolve(where.cwd, v.file);
    const parsed = file === undefined ? undefined : parsedModule(file);
    if (!v || !parsed) return [];
    const program = parsed.ast as TSESTree.Program;
    const holder = {
      program,
      getScope: scopeGetter(parsed.scopeManager as TSESLint.Scope.ScopeManager),
      visitorKeys: parsed.visitorKeys as TSESLint.SourceCode.VisitorKeys,
    };
    const decl = v.node.parent;
    const local = decl?.type === T.VariableDeclarator && decl.id.type === T.Identifier ? decl.id.name : undefined;
    const member = secretMemberOf(v.node, holder, holderNames, local);
    if (member === undefined || overwrittenAfterSpread(n, member.split('.')[0]!)) return [];
    const what = `'${v.name}', an object holding '${member}' (written in ${v.file ?? 'this file'})`;
    return [{ node: n, what, server: true, evidence: 'flow' }];
  };

  /** The binding is passed elsewhere in the file as the token of a JWT verify call: it is a credential. */
  const bearerTokenUse = (n: TSESTree.Identifier): string | undefined => {
    if (!hasTokenModule) return undefined;
    const v = findVariable(getScope(n), n);
    for (const ref of v?.references ?? []) {
      const call = ref.identifier.parent;
      if (call?.type !== T.CallExpression) continue;
      const c = matchCallPattern(call, imports, getScope(call), bearerTokenConsumers);
      if (c && call.arguments[c.tokenArg] === ref.identifier) return c.title;
    }
    return undefined;
  };

  /** `SecureStore.setItemAsync(REFRESH, refresh)`: the binding is kept in a secret store (catalogue), so it is one. */
  const hasStoreModule = [...imports.values()].some((i) => secretStoreWrites.some((w) => w.modules.includes(i.module)));
  /**
   * What the file does with a binding that makes it a credential, for a log: only an HTTP-only or signed cookie.
   * The other secret uses (compared with request input or in constant time, stored beside an expiry, looked up by)
   * gave 18 new findings on 11 real repositories at the session-41 merge, nearly all of them public values: computed
   * webhook signatures, public keys, PKCE challenges, pairing topics, amounts, user ids, issuers (docs/benchmarks.md,
   * session 41). They stay evidence for weak randomness, where the value's source is already weak.
   */
  const secretUseOf = (n: TSESTree.Identifier): SecretUse | undefined => {
    const v = findVariable(getScope(n), n);
    const use = v ? secretUsesOf(sourceCode).ofBinding(v) : undefined;
    return use?.kind === 'cookie' ? use : undefined;
  };

  const storedAsSecret = (n: TSESTree.Identifier): string | undefined => {
    if (!hasStoreModule) return undefined;
    for (const ref of findVariable(getScope(n), n)?.references ?? []) {
      const call = ref.identifier.parent;
      if (call?.type !== T.CallExpression) continue;
      const w = matchCallPattern(call, imports, getScope(call), secretStoreWrites);
      if (w && call.arguments[w.valueArg] === ref.identifier) return w.title;
    }
    return undefined;
  };

  /**
   * `const cert = await iot.send(new CreateKeysAndCertificateCommand(…))` logged whole, or its secret member
   * (`out.keyPair`): a response holding a private key or a secret the provider shows once (catalogue).
   */
  const secretResponseOf = (n: TSESTree.Identifier | TSESTree.MemberExpression): string | undefined => {
    const holder = n.type === T.MemberExpression ? unwrap(n.object) : n;
    if (holder.type !== T.Identifier) return undefined;
    const op = operationCall(constInitOf(holder, getScope(holder)));
    const r = op && matchCallPattern(op, imports, getScope(op), secretResponses);
    if (!r || (n.type === T.MemberExpression && propertyName(n) !== r.secret)) return undefined;
    return n.type === T.MemberExpression
      ? `the ${r.secret} of the response of ${r.title}`
      : `the response of ${r.title}, with its ${r.secret}`;
  };

  /**
   * `for (const [name, value] of Object.entries(secrets))`, `for (const k of keys)`: an element of a collection that
   * holds secrets is one (a value, not a name of `Object.entries`).
   */
  const collectionElement = (n: TSESTree.Identifier, sink: LeakSink): Leak[] => {
    const def = findVariable(getScope(n), n)?.defs[0];
    if (def?.node.type !== T.VariableDeclarator) return [];
    const decl: TSESTree.VariableDeclarator = def.node;
    const loop = decl.parent.parent;
    if (loop?.type !== T.ForOfStatement || loop.left !== decl.parent) return [];
    let from = unwrap(loop.right);
    const callee = from.type === T.CallExpression ? calleeText(from.callee) : undefined;
    const entries = callee === 'Object.entries';
    if (from.type === T.CallExpression && (entries || callee === 'Object.values') && from.arguments[0])
      from = unwrap(from.arguments[0]);
    // The value of a `[name, value]` pair, or the whole element: not a name, nor a member destructured from it.
    const whole = entries
      ? decl.id.type === T.ArrayPattern && decl.id.elements[1] === def.name
      : decl.id.type === T.Identifier;
    if (!whole) return [];
    const inner = leaksIn(from, sink, MAX_DEPTH - 2);
    return inner.length && !inner[0]!.dump
      ? [holding({ node: n, what: `'${n.name}', an element of ${inner[0]!.what}` }, inner[0])]
      : [];
  };

  /** `query` logged whole where the file verifies `query.token` as a JWT: the object carries the bearer token. */
  const bearerMemberUse = (n: TSESTree.Identifier): { member: string; title: string } | undefined => {
    if (!hasTokenModule) return undefined;
    for (const ref of findVariable(getScope(n), n)?.references ?? []) {
      const m = ref.identifier.parent;
      const call = m?.parent;
      if (m?.type !== T.MemberExpression || m.object !== ref.identifier || call?.type !== T.CallExpression) continue;
      const c = matchCallPattern(call, imports, getScope(call), bearerTokenConsumers);
      if (c && unwrap(call.arguments[c.tokenArg] ?? call) === m)
        return { member: propertyName(m) ?? '?', title: c.title };
    }
    return undefined;
  };

  /**
   * The value a member chain names in this file's constants: `cfg.vendors.stripe` of `const cfg = { vendors: { stripe:
   * { … } } }` (or of a constant the chain passes through: `vendors: vendorSettings`), `dk.plaintext` of `const dk = {
   * plaintext: Buffer.from(out.Plaintext) }`. The expression the literal gives the last member; undefined otherwise.
   */
  const literalMemberValue = (n: TSESTree.MemberExpression): TSESTree.Node | undefined => {
    const names: string[] = [];
    let root: TSESTree.Node = n;
    for (let i = 0; i < 4 && root.type === T.MemberExpression; i++) {
      const name = root.computed && root.property.type !== T.Literal ? undefined : propertyName(root);
      if (name === undefined) return undefined;
      names.unshift(name);
      root = unwrap(root.object);
    }
    let holder = root.type === T.Identifier ? derefConst(root, getScope) : undefined;
    let value: TSESTree.Node | undefined;
    for (const name of names) {
      if (holder?.type !== T.ObjectExpression) return undefined;
      const prop = holder.properties.find((q) => q.type === T.Property && propertyName(q) === name);
      value = prop?.type === T.Property ? unwrap(prop.value) : undefined;
      holder = derefConst(value, getScope);
    }
    return value;
  };

  const memberLeaks = (n: TSESTree.MemberExpression, sink: LeakSink, depth: number): Leak[] => {
    const p = propertyName(n);
    // `u.href`, `u.search` of a URL made here: its whole text, with what was written into it.
    const obj = unwrap(n.object);
    const urlInit = p !== undefined && urlObjects.textMembers.has(p) && obj.type === T.Identifier ? obj : undefined;
    const made = urlInit && constInitOf(urlInit, getScope(urlInit));
    if (urlInit && makesUrl(made)) return urlLeaks(urlInit, made, sink).map((l) => ({ ...l, node: n }));
    if (p === undefined || safeToLog.properties.has(p)) return [];
    const holderName = calleeName(unwrap(n.object));
    if (requestSessionMembers.has(p) && holderName !== undefined && /^(?:req|request)$/.test(holderName))
      return [{ node: n, what: `'${sourceCode.getText(n).slice(0, 60)}', the caller's session id` }];
    if (p === decryptedParameterRead.member && decryptedParameter(n))
      return [
        {
          node: n,
          what: `'${sourceCode.getText(n).slice(0, 60)}', an SSM parameter read with decryption`,
          evidence: 'flow',
        },
      ];
    // `settings.dbUrl` of an imported settings module: safe by name, unless it is a secret env var there.
    if (isSafeName(p)) return importedSecret(n);
    const text = `'${sourceCode.getText(n).slice(0, 60)}'`;
    if (isCredentialName(p) && !isEnumMember(n, getScope(n)))
      return errorCodeMember(n, p) ? [] : [{ node: n, what: text }];
    // `settings.stripe` of `const settings = { stripe: { secretKey: … } }`: the nested object, judged by what it holds;
    // `dk.plaintext` of `const dk = { plaintext: Buffer.from(out.Plaintext) }`: the value the literal gave it.
    const given = literalMemberValue(n);
    const nested = derefConst(given, getScope);
    if (nested?.type === T.ObjectExpression) {
      const inner = objectLeaks(nested, sink, depth + 1);
      if (inner.length) return [holding({ node: n, what: `${text}, an object holding ${inner[0]!.what}` }, inner[0])];
    } else if (given && depth < MAX_DEPTH) {
      const inner = leaksIn(given, sink, depth + 1);
      if (inner.length && !inner[0]!.dump)
        return [holding({ node: n, what: `${text}, given ${inner[0]!.what}` }, inner[0])];
    }
    const importedObject = importedHolder(n);
    if (importedObject.length) return importedObject;
    const holder = calleeName(unwrap(n.object));
    const request = holder !== undefined && requestName.pattern.test(normaliseName(holder));
    if (
      randomSecretName.pattern.test(normaliseName(p)) &&
      requestInput(n.object) &&
      !routeResource(n.object, p) &&
      !assets.movedWithAmount(n)
    )
      return [{ node: n, what: `${text}, a token the caller sent` }];
    // An incoming request's headers logged by a logger that redacts their standard credential headers are not.
    const redactsCredentials = (): boolean => credentialHeaders.standardIncoming.every((h) => sink.redacted?.has(h));
    if (p === 'headers' && (request ? !redactsCredentials() : outgoingHeaders(n.object, getScope(n))))
      return [{ node: n, what: `${text}, request headers with their credentials` }];
    if (incomingCredentials(n, getScope(n), (x) => sourceCode.getText(x)))
      return [{ node: n, what: `${text}, the credentials of an incoming connection` }];
    // A server's own client credential goes with it: a response that sends it back hands the caller that key.
    if (wholeValue(n) && clientErrorRequest(n, getScope(n), sendsCredentialHeader))
      return [
        {
          node: n,
          what: `${text}, the failed request of an HTTP client error, with its headers`,
          ...(sendsCredentialHeader() ? { server: true } : {}),
        },
      ];
    if (request && requestCredentialMembers.has(p) && wholeValue(n) && !(p === 'headers' && redactsCredentials()))
      return [{ node: n, what: `${text}, the caller's cookies` }];
    const bodyFields = request && p === 'body' ? bodySecretFields(n, sink.redacted) : [];
    if (bodyFields.length)
      return [{ node: n, what: `${text}, a request body with a secret field`, members: bodyFields }];
    if (holder === 'headers' && isCredentialHeader(p)) return [{ node: n, what: `${text}, a credential header` }];
    if (holder !== undefined && secretValueMembers.has(p) && isSecretName(holder) && !isSafeName(holder))
      return [{ node: n, what: text }];
    if (holder !== undefined && seedPhraseName.pattern.test(normaliseName(holder)))
      return [{ node: n, what: `${text}, a seed phrase` }];
    if (isDataKeyPlaintext(n, imports, getScope(n)))
      return [{ node: n, what: `${text}, a plaintext data key`, evidence: 'flow' }];
    const response = wholeValue(n) ? secretResponseOf(n) : undefined;
    if (response) return [{ node: n, what: `${text}, ${response}`, server: true }];
    for (const o of flowOf(sourceCode).origins(n)) {
      if (o.kind === 'env' && isSecretEnvRef(o.ref))
        return [{ node: n, what: `'${p}', from process.env.${o.ref}`, evidence: 'flow' }];
    }
    const pair = keyPairMember(n, p);
    if (pair) return [{ node: n, what: `${text}, from ${pair}`, evidence: 'flow' }];
    if (wholeKeyPair(n, p)) return [{ node: n, what: `${text}, a whole key pair` }];
    const store = browserStore(n);
    if (store) return [{ node: n, what: store }];
    // `with token ${opts.token}`: the message text right before the member calls it a secret.
    if (n.parent?.type === T.TemplateLiteral && labelCandidate(n) !== undefined && namedSecretByMessage(n.parent, n))
      return [{ node: n, what: `${text}, named a secret by the message` }];
    // ...or another message of the file labels the same member so (`login ${opts.token}` after `with token ${…}`).
    const labelledPath = memberPath(n);
    if (labelledPath?.includes('.') && labelCandidate(n) !== undefined && evidence().labelledSecret(labelledPath))
      return [{ node: n, what: `${text}, which a message of this file calls a secret` }];
    const path = memberPath(n);
    // `opts.token` sent as `Authorization: Bearer ${opts.token}` elsewhere in the file: a credential.
    if (path !== undefined && path.includes('.') && evidence().usedAsCredential(path))
      return [{ node: n, what: `${text}, sent as a credential header`, evidence: 'sink' }];
    const fields = thisFieldLeaks(n, p, sink, depth);
    if (fields.length) return fields;
    const field = fieldRoleUse(n, p);
    if (field.length) return field;
    const held = heldSecret(n, path, sink);
    if (held.length) return held;
    const used = path !== undefined && path.includes('.') ? usedAsSecret(n, path) : [];
    return used.length ? used : clientWithSecret(n, sink);
  };

  /**
   * `id.keyPair`, `identityKeyPair` logged whole where the file does not see the pair made: its secret half goes
   * with it. A pair made in sight is judged by its factory (`keyCall`): WebCrypto and KeyObject pairs print no bytes.
   */
  const wholeKeyPair = (n: TSESTree.Identifier | TSESTree.MemberExpression, name: string): boolean => {
    if (!keyPairName.pattern.test(normaliseName(name)) || !wholeValue(n)) return false;
    if (
      flowOf(sourceCode)
        .origins(n)
        .some((o) => o.kind === 'call')
    )
      return false;
    // `keyPair: CryptoKeyPair`, `KeyObject`: handles that print no key bytes.
    const def = n.type === T.Identifier ? findVariable(getScope(n), n)?.defs[0] : undefined;
    const ann = def?.name.type === T.Identifier ? def.name.typeAnnotation : undefined;
    return !ann || !handleTypeText.test(sourceCode.getText(ann));
  };

  /** `console.log(account)` in a NextAuth `jwt` callback: a parameter an auth library fills with tokens. */
  const tokenCallbackParam = (n: TSESTree.Identifier): string | undefined => {
    if (!loggedWhole(n)) return undefined;
    const def = findVariable(getScope(n), n)?.defs[0];
    if (def?.type !== TSESLint.Scope.DefinitionType.Parameter) return undefined;
    const owner = def.node.parent;
    const method = owner?.type === T.Property || owner?.type === T.MethodDefinition ? propertyName(owner) : undefined;
    if (method === undefined) return undefined;
    const hit = tokenCallbackParams.find((c) => c.param === n.name && c.method.test(method));
    return hit ? `'${n.name}', ${hit.holds ?? 'the provider tokens'} an auth library passes to '${method}'` : undefined;
  };

  /**
   * `document.cookie`, `localStorage` logged whole: every session cookie and stored token of the page. Not a
   * member or method of them (`localStorage.getItem('theme')`, `document.cookie.includes(…)`).
   */
  const browserStore = (n: TSESTree.Identifier | TSESTree.MemberExpression): string | undefined => {
    if (!wholeValue(n)) return undefined;
    if (n.type === T.Identifier)
      return browserStores.storages.has(n.name) && !findVariable(getScope(n), n)?.defs.length
        ? `the whole ${n.name}`
        : undefined;
    const holder = unwrap(n.object);
    return propertyName(n) === 'cookie' && holder.type === T.Identifier && browserStores.cookieHolders.has(holder.name)
      ? "the page's cookies (document.cookie)"
      : undefined;
  };

  /**
   * `console.log(client)` or `transport.options` where the file made the client from options with a secret
   * (`new OpenAI({ apiKey })`, `createTransport({ auth: { pass } })`): the client keeps them.
   */
  const clientWithSecret = (n: TSESTree.Identifier | TSESTree.MemberExpression, sink: LeakSink): Leak[] => {
    if (!wholeValue(n)) return [];
    const made = n.type === T.Identifier ? n : unwrap(n.object);
    if (n.type === T.MemberExpression && !clientFactories.optionMembers.has(propertyName(n) ?? '')) return [];
    if (made.type !== T.Identifier) return [];
    if (n.type === T.Identifier && clientFactories.result.pattern.test(normaliseName(n.name))) return [];
    for (const o of flowOf(sourceCode).origins(made)) {
      const c = o.kind === 'call' ? unwrap(o.node.type === T.AwaitExpression ? o.node.argument : o.node) : undefined;
      if (c?.type !== T.NewExpression && c?.type !== T.CallExpression) continue;
      const last = calleeText(c.callee)?.split('.').pop() ?? '';
      if (c.type === T.CallExpression && !clientFactories.call.test(last)) continue;
      for (const a of c.arguments) {
        const obj = unwrap(a);
        if (obj.type !== T.ObjectExpression) continue;
        const inner = objectLeaks(obj, sink, MAX_DEPTH - 2);
        if (inner.length)
          return [
            holding(
              { node: n, what: `'${sourceCode.getText(n).slice(0, 60)}', a client made with ${inner[0]!.what}` },
              inner[0],
            ),
          ];
      }
      // `createTransport({ auth: { user, pass: '…' } })`: the client keeps what its credential slot was given.
      const slot = clientCredentialWritten(c, imports, getScope(c));
      if (slot) return [{ node: n, what: `'${sourceCode.getText(n).slice(0, 60)}', a client made with its ${slot}` }];
    }
    return [];
  };

  /** `req.query`, `req.body`, `request.params`: what the caller sent. */
  const requestInput = (obj: TSESTree.Node): boolean => {
    const o = unwrap(obj);
    if (o.type !== T.MemberExpression || !['query', 'body', 'params', 'cookies'].includes(propertyName(o) ?? ''))
      return false;
    const root = calleeName(unwrap(o.object));
    return root !== undefined && requestName.pattern.test(normaliseName(root));
  };

  /** `req.params.sid`: a route's path parameter named for a resource (catalogue `routeResourceName`). */
  const routeResource = (obj: TSESTree.Node, p: string): boolean => {
    const o = unwrap(obj);
    return (
      o.type === T.MemberExpression && propertyName(o) === 'params' && routeResourceName.pattern.test(normaliseName(p))
    );
  };

  /** `kp.secretKey`, `session.sharedRx`: a non-public member of a key pair or session-key set. */
  const keyPairMember = (n: TSESTree.MemberExpression, p: string): string | undefined => {
    if (!hasPairModule || publicMembers.has(p) || n.computed) return undefined;
    const obj = unwrap(n.object);
    const calls: TSESTree.Node[] =
      obj.type === T.CallExpression || obj.type === T.NewExpression
        ? [obj]
        : obj.type === T.Identifier
          ? flowOf(sourceCode)
              .origins(obj)
              .map((o) => o.node)
          : [];
    for (const c of calls) {
      if (c.type !== T.CallExpression && c.type !== T.NewExpression) continue;
      const f = matchCallPattern(c, imports, getScope(c), keyPairFactories);
      if (f) return f.title;
    }
    return undefined;
  };

  /**
   * `this.token` with a generic name: the values the class writes there (`this.token = body.client_token`,
   * `this.token = jwt.sign(…)`) say whether it holds a credential.
   */
  const thisFieldLeaks = (n: TSESTree.MemberExpression, p: string, sink: LeakSink, depth: number): Leak[] => {
    if (unwrap(n.object).type !== T.ThisExpression || depth >= MAX_DEPTH) return [];
    const cls = enclosingClass(n);
    if (!cls) return [];
    for (const w of thisWrites(cls, p, sourceCode.visitorKeys)) {
      const inner = leaksIn(w, sink, MAX_DEPTH);
      if (inner.length) return [holding({ node: n, what: `'this.${p}', which holds ${inner[0]!.what}` }, inner[0])];
    }
    return [];
  };
  /**
   * `const message = err instanceof Error ? err.message : String(err)`: text of a caught error (a provider's refusal),
   * whatever the message before it names; the error says what went wrong, it does not hold the secret.
   */
  const isError = (e: TSESTree.Node): boolean => {
    const u = unwrap(e);
    if (u.type !== T.Identifier) return false;
    if (errorValueName.pattern.test(normaliseName(u.name))) return true;
    return findVariable(getScope(u), u)?.defs[0]?.type === TSESLint.Scope.DefinitionType.CatchClause;
  };
  /** `err.message`, `(error as Error).stack`: an error's own text, which names what failed, not a secret. */
  const errorMessage = (u: TSESTree.MemberExpression): boolean =>
    isError(u.object) && /^(?:message|stack)$/.test(propertyName(u) ?? '');
  const caughtErrorText = (n: TSESTree.Identifier): boolean => {
    const text = (e: TSESTree.Node): boolean => {
      const u = unwrap(e);
      if (u.type === T.ConditionalExpression) return text(u.consequent) && text(u.alternate);
      if (u.type === T.LogicalExpression) return text(u.left) && text(u.right);
      if (u.type === T.Literal || (u.type === T.TemplateLiteral && u.expressions.length === 0)) return true;
      if (u.type === T.MemberExpression) return errorMessage(u);
      if (u.type !== T.CallExpression) return isError(u);
      const callee = unwrap(u.callee);
      if (callee.type === T.Identifier)
        return callee.name === 'String' && u.arguments.length === 1 && text(u.arguments[0]!);
      return callee.type === T.MemberExpression && propertyName(callee) === 'toString' && isError(callee.object);
    };
    const init = constInitOf(n, getScope(n));
    const literal = init && (init.type === T.Literal || init.type === T.TemplateLiteral);
    return init !== undefined && !literal && text(init);
  };

  /** A name that may hold what a label calls a secret: not a safe name, an error, a verdict or a flag. */
  const labelCandidate = (n: TSESTree.Node): string | undefined => {
    const u = unwrap(n);
    const name = u.type === T.Identifier ? u.name : u.type === T.MemberExpression ? propertyName(u) : undefined;
    if (name === undefined || name === 'undefined' || isSafeName(name) || isPushAddress(name)) return undefined;
    if (u.type === T.Identifier && caughtErrorText(u)) return undefined;
    if (u.type === T.MemberExpression && errorMessage(u)) return undefined;
    const norm = normaliseName(name);
    if (errorValueName.pattern.test(norm) || VERDICT.test(norm)) return undefined;
    if (u.type === T.MemberExpression && (safeToLog.properties.has(name) || isEnumMember(u))) return undefined;
    // `Base token: ${base.symbol}`, `token ${token}, amount ${amount}`: an asset's public description, not a secret.
    if (assets.namesAsset(name) || assets.movedWithAmount(u)) return undefined;
    return u.type === T.Identifier ? name : sourceCode.getText(u).slice(0, 60);
  };

  const labelledLeaks = (expr: TSESTree.Node, label: string | undefined): Leak[] => {
    if (label === undefined || !secretKeyPhrase.pattern.test(label)) return [];
    const name = labelCandidate(expr);
    return name === undefined ? [] : [{ node: unwrap(expr), what: `'${name}', named a secret by the message` }];
  };
  const madePrivateExport = (n: TSESTree.Node): boolean => {
    let u = unwrap(n);
    // `Buffer.from(fresh)`, `new Uint8Array(fresh)`: the same bytes written.
    const wrapped = u.type === T.CallExpression || u.type === T.NewExpression ? u.arguments[0] : undefined;
    const text = u.type === T.CallExpression || u.type === T.NewExpression ? calleeText(u.callee) : undefined;
    if (wrapped && text !== undefined && /^(?:Buffer\.from|Uint8Array)$/.test(text)) u = unwrap(wrapped);
    if (u.type !== T.Identifier) return false;
    const id = u;
    return flowOf(sourceCode)
      .origins(id)
      .some(
        // `const { privateKey } = generateKeyPairSync(…)`: a member of the call's result (origin kind `unknown`).
        // A key a generator API just made (`crypto_secretbox_keygen()`) is likewise written to its own store.
        (o) =>
          (o.kind === 'call' || o.kind === 'unknown') &&
          (o.node.type === T.CallExpression || o.node.type === T.NewExpression) &&
          !publicKeyName.pattern.test(normaliseName(o.name ?? id.name)) &&
          (serverKey(keyCall(encodedFrom(o.node), o.name ?? id.name) ?? '') ||
            (o.kind === 'call' && matchCallPattern(o.node, imports, getScope(o.node), secretKeyCalls) !== undefined)),
      );
  };
  const hashedNamedLeaks = (expr: TSESTree.Node, message: string | undefined): Leak[] => {
    if (message === undefined || !credentialMessage.pattern.test(message)) return [];
    const u = unwrap(expr);
    const values =
      u.type === T.ObjectExpression
        ? u.properties.flatMap((p) => (p.type === T.Property && unwrap(p.value).type === T.Identifier ? [p.value] : []))
        : [u];
    const out: Leak[] = [];
    for (const v of values) {
      const id = unwrap(v);
      if (id.type !== T.Identifier || isSafeName(id.name) || labelCandidate(id) === undefined) continue;
      const refs = findVariable(getScope(id), id)?.references ?? [];
      const hashed = refs.map((r) => flowOf(sourceCode).hashedAlone(r.identifier)).find((t) => t !== undefined);
      if (hashed) out.push({ node: id, what: `'${id.name}', which the code hashes (${hashed}) as a credential` });
    }
    return out;
  };
  return { leaksIn, leaksUnderAnyTitle, keyCall, labelledLeaks, hashedNamedLeaks, madePrivateExport };
}

/**
 * Calls whose result is no secret whatever they are given: hashes, masks, checks and counts, or a call named for
 * what it returns about a secret (`getKeyId()`, `secretArn()`, `tokenUrl()`).
 */
const SAFE_CALL = new RegExp(
  String.raw`(?:^|_)(?:hash|hashed|digest|mask|masked|redact|redacted|fingerprint|count|length|size|has|is|` +
    String.raw`exists|check|verify|validate|compare|describe)(?:_|$)|` +
    String.raw`_(?:id|ids|arn|name|names|url|uri|path|type|version|prefix|suffix|expiry|expires|ttl)$`,
);

/** A field label that claims a partial or masked view of a secret: `passphraseHint`, `tokenPrefix`, `maskedKey`. */
const PARTIAL_VIEW_LABEL = new RegExp(
  String.raw`(?:^|_)(?:hint|prefix|suffix|mask|masked|redacted|display|hidden|visible|preview|partial|snippet|` +
    String.raw`placeholder)(?:_|$)`,
);

/** Typed-array and buffer constructors: a new view of the same bytes. */
const BYTE_VIEWS = new Set(['Uint8Array', 'Uint8ClampedArray', 'Int8Array']);

/** Members of a queue job, message or request that hold the record its type argument describes. */
const WRAPPED_RECORD = new Set(['data', 'payload', 'body', 'value', 'input', 'args', 'message']);

/** `valid`, `ok`, `matches`: a verdict about a secret, which a message may label with the secret's name. */
const VERDICT = new RegExp(
  String.raw`^(?:is_|has_)?(?:valid|ok|matches|match|matched|success|succeeded|result|exists|enabled|set|present|` +
    String.raw`correct|changed|same|strength|score|status|state|required)$`,
);

/**
 * `'signing key for '` → `'signing key'`: the text of one line before a trailing `for`, `to`, `of` or `sent to`
 * that is set off by whitespace on both sides, or undefined. Linear in the text's length: a single regex with a lazy
 * prefix and a whitespace run on each side of the word backtracks quadratically over a long run of spaces.
 */
export function textBeforeTrailingPreposition(text: string): string | undefined {
  const trimmed = text.trimEnd();
  if (trimmed.length === text.length) return undefined;
  const m = /\s(?:for|to|of|sent to)$/i.exec(trimmed);
  if (!m) return undefined;
  const subject = trimmed.slice(0, m.index).trimEnd();
  return /[\n\r\u2028\u2029]/.test(subject) ? undefined : subject;
}
