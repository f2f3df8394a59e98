/**
 * Where `no-weak-randomness` needs an unpredictable value: the purposes a file gives its expressions, from key-sink
 * roles, the catalogue's purpose sinks, and names (`resetToken`, `makeSalt()`), each with how a message names it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  bareSecretNameContext,
  capabilityPathSegment,
  cipherCompanionField,
  collectionPutMethod,
  genericMakerName,
  linkParameterPurposes,
  linkTagParameter,
  oneTimeCodeContext,
  partialViewName,
  purposeSinks,
  recordCarrierProperty,
  routeOfFile,
  sentCodeText,
  sequencePrefix,
  sessionCookieName,
  storingCallName,
  timeQuantityName,
  uiElementLabel,
  unpredictableCodeName,
} from '../catalogue/randomness.js';
import { nonPurposeName, purposeNameFillers } from '../catalogue/names.js';
import type { SinkRole } from '../catalogue/types.js';
import { normaliseName, securityPurposePhrase } from '../detect/names.js';
import {
  calleeName,
  constInitOf,
  enclosingFunction,
  findVariable,
  propertyName,
  staticString,
  unwrap,
  type FunctionNode,
} from './ast.js';
import { dotted, functionName } from './flow/functions.js';
import { patternsMatching } from './call-patterns.js';
import type { WeakHit } from './flow/taint/lattice.js';
import type { TaintTracker } from './flow/taint/tracker.js';
import type { ImportMap } from './imports.js';
import { isIdentityHandle } from './identity-handles.js';
import { ivSizeOf, optionValue } from './iv.js';
import { matchSinks, type CalleePath } from './sinks.js';
import { picksListedValue, sentInMessage } from './sent-links.js';
import type { FileSecretUses } from './secret-uses.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** An expression whose value must be unpredictable, and how the message names that purpose. */
export interface Purpose {
  readonly expr: Node;
  /** `password-reset token`, `IV`, `JWT ID (jti)`. */
  readonly purpose: string;
  /** `returned by makeResetToken()`, `passed to crypto.createCipheriv`. */
  readonly via: string;
  /** Sinks (3) beat return values (2), which beat names (1), when two purposes reach one source. */
  readonly rank: number;
  /**
   * What says the value needs to be unpredictable (src/rule-kit/evidence.ts): `sink` for a key-sink role or a
   * purpose sink that fixes the purpose (a session option, a token option); unset (a name) for a binding's,
   * function's, cookie's or link parameter's name.
   */
  readonly evidence?: 'sink';
  /** The value identifies something (a session, a JWT): `randomUUID()` fits. */
  readonly identifier?: boolean;
  /** A crypto sink that wants this many random bytes. */
  readonly bytes?: number;
  /** An IV, nonce or salt argument: a clock or pid reading there is no-static-iv's to report. */
  readonly ivLike?: boolean;
}

/** The key-sink roles whose value must be unpredictable, as a message names them. */
const ROLE_PURPOSE: Partial<Record<SinkRole, string>> = {
  key: 'key',
  secret: 'secret',
  'private-key': 'private key',
  iv: 'IV',
  nonce: 'nonce',
  salt: 'salt',
  password: 'password',
  ikm: 'input keying material',
};

const IV_LIKE: ReadonlySet<SinkRole> = new Set(['iv', 'nonce', 'salt']);

const ROLE_BYTES: Partial<Record<SinkRole, number>> = { key: 32, secret: 32, salt: 16, ikm: 32 };

/** An inline function expression (a callback option's value). */
function isFunction(n: Node): n is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression;
}

/** `mfaCode` → `MFA code`: a code the shared purpose lexicon does not know (`unpredictableCodeName`). */
function codePurpose(name: string): string | undefined {
  const n = normaliseName(name);
  if (!unpredictableCodeName.pattern.test(n) || nonPurposeName.pattern.test(n)) return undefined;
  const words = n.split('_');
  // `issueSmsCode` → `SMS code`, `createTransferCode` → `transfer code`.
  while (words.length > 2 && purposeNameFillers.includes(words[0]!)) words.shift();
  return words
    .map((w) => (w === 'oauth' ? 'OAuth' : /^(?:mfa|sms|2fa|tfa|pkce)$/.test(w) ? w.toUpperCase() : w))
    .join(' ');
}

/**
 * The purpose a name gives a value sent under it (a cookie, a header, a link parameter): the purpose lexicon, a
 * code that must be unpredictable, or a link parameter such as OAuth's `state`.
 */
function sentPurpose(name: string): string | undefined {
  return securityPurposePhrase(name) ?? codePurpose(name) ?? linkParameterPurposes[normaliseName(name)];
}

/** `https://…/reset?token=` before a value: the parameter the value is sent as. */
const LINK_PARAMETER = /[?&#]([A-Za-z][\w-]*)=$/;
/** `sid=${v}; HttpOnly` (a Set-Cookie value), `token=${t}` at the start of a text: the name the value is sent as. */
const COOKIE_PAIR = /^(?:[^=;&?#]*;\s*)?([A-Za-z][\w.-]*)=$/;
/** `https://…/join/` before a value: the path segment the value follows (after a host or another segment). */
const LINK_SEGMENT = /(?:^|[^/:])\/([A-Za-z][\w-]*)\/$/;

/** The text a concatenation's left side ends with, when it is static. */
function linkText(n: Node): string | undefined {
  if (n.type === T.TemplateLiteral) return n.quasis[n.quasis.length - 1]?.value.cooked ?? undefined;
  // `base + '?token='`: the text the chain ends with.
  if (n.type === T.BinaryExpression && n.operator === '+') return linkText(n.right);
  return staticString(n);
}

/** The function a callback option holds: inline, or a function in this file named by an identifier. */
function functionOf(n: Node, getScope: (n: Node) => TSESLint.Scope.Scope): FunctionNode | undefined {
  const u = unwrap(n);
  if (isFunction(u)) return u;
  if (u.type !== T.Identifier) return undefined;
  const v = findVariable(getScope(u), u);
  const def = v?.defs[0];
  if (def?.node.type === T.FunctionDeclaration) return def.node;
  const init = constInitOf(u, getScope(u));
  return init && isFunction(unwrap(init)) ? (unwrap(init) as FunctionNode) : undefined;
}

/**
 * A bare `code` or `state` whose enclosing code is about a one-time code or an authorization request
 * (`oneTimeCodeContext`), or a bare `key` or `link` whose enclosing code issues API keys or shares a resource
 * (`bareSecretNameContext`): the names of the enclosing functions, and the string arguments of the calls a callback is
 * passed to, along their callee chains (`fastify.post('/verify/start', …)`, `new Command('pair').action(…)`).
 */
/** The exports a file-routed framework calls for one HTTP method (Next.js route handlers, SvelteKit endpoints). */
const HTTP_METHOD_HANDLER = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ALL)$/;

const STEP_STATE = /^[a-z0-9]+(?:_[a-z0-9]+)*_state$/;

function contextPurpose(expr: Node, name: string, file: string | undefined): string | undefined {
  let bare = normaliseName(name);
  const words: string[] = [];
  // `installState`, `loginState`: a state named for a step is judged like a bare one, its own words included.
  if (STEP_STATE.test(bare)) {
    words.push(bare);
    bare = 'state';
  }
  // A bare `key` or `link` made where API keys are issued or a resource is shared (`bareSecretNameContext`).
  const lexicon = [oneTimeCodeContext, bareSecretNameContext].find((l) => Object.hasOwn(l.names, bare));
  const phrase = lexicon?.names[bare];
  const context = lexicon?.context[bare === 'codes' ? 'code' : bare];
  if (phrase === undefined || context === undefined) return undefined;
  let fn = enclosingFunction(expr);
  for (let depth = 0; fn && depth < 3; depth++, fn = enclosingFunction(fn)) {
    const n = functionName(fn);
    // A capitalised function is a React component (`LoginForm`'s state is UI state) or a class: no context.
    // A handler named for an HTTP method (`export async function POST`) is a route, not a component.
    if (n !== undefined && /^[A-Z]/.test(n) && !HTTP_METHOD_HANDLER.test(n)) return undefined;
    if (n !== undefined) words.push(n);
    let call: Node | undefined = fn.parent;
    for (let hops = 0; call && hops < 6; hops++) {
      if (call.type === T.CallExpression || call.type === T.NewExpression) {
        for (const a of call.arguments) {
          const text = staticString(a);
          if (text !== undefined && text.length <= 80) words.push(text);
        }
        call = call.callee.type === T.MemberExpression ? call.callee.object : undefined;
      } else if (call.type === T.MemberExpression) call = call.object;
      else break;
    }
  }
  const route = file === undefined ? undefined : routeOfFile(file);
  if (route !== undefined) words.push(route);
  const code = bare === 'code' || bare === 'codes';
  // The module's own name says what a bare code is about (`otp.ts`, `confirm-codes.ts`, `magic-link.ts`). Not for a
  // `key` or `link`: a module about API keys or sharing also holds cache keys and page links.
  if (file !== undefined && code) words.push(moduleStem(file));
  return codeContextSays(words, context, code) ? phrase : undefined;
}

/**
 * Whether context words (function names, call arguments, a route, a module stem) say what a value is for: one matches
 * the lexicon's context, or, for a bare code, one names the code itself (`app.post('/:examId/access-code', …)`).
 */
function codeContextSays(words: readonly string[], context: RegExp, code: boolean): boolean {
  if (words.some((w) => context.test(w))) return true;
  return code && words.some((w) => w !== '' && unpredictableCodeName.pattern.test(normaliseName(w)));
}

/**
 * The purpose a bare `code` stored in another module takes from that module alone: its name (`otp.js`,
 * `confirm-codes.ts`) or its file route (`app/api/auth/reset/route.ts`), read as `contextPurpose` reads them.
 * The text scan that finds such a caller sees no enclosing function, so only the module speaks for it.
 */
function moduleContextPurpose(name: string, file: string): string | undefined {
  const bare = normaliseName(name);
  if (bare !== 'code' && bare !== 'codes') return undefined;
  const words = [moduleStem(file), routeOfFile(file) ?? ''];
  return codeContextSays(words, oneTimeCodeContext.context.code!, true) ? oneTimeCodeContext.names[bare] : undefined;
}

/** A file's name without its folders and extensions (`src/auth/confirm-codes.service.ts` → `confirm-codes`). */
function moduleStem(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? '';
  return base.replace(/\..*$/, '');
}

/** The object literal a value is, directly or through a `const` binding in this file. */
function recordOf(expr: Node, getScope: (n: Node) => TSESLint.Scope.Scope): TSESTree.ObjectExpression | undefined {
  let e = unwrap(expr);
  if (e.type === T.Identifier) e = unwrap(constInitOf(e, getScope(e)) ?? e);
  return e.type === T.ObjectExpression ? e : undefined;
}

/**
 * `{ key: …, iv }`, `{ key: …, algorithm: 'aes-256-gcm' }`: the value of a `key` property in a record that also
 * holds a cipher's IV, nonce, salt or algorithm (catalogue `cipherCompanionField`).
 */
function besideCipherField(expr: Node): boolean {
  const prop = expr.parent;
  if (prop?.type !== T.Property || prop.value !== expr || prop.parent.type !== T.ObjectExpression) return false;
  return prop.parent.properties.some((p) => {
    if (p === prop || p.type !== T.Property) return false;
    const k = propertyName(p);
    return k !== undefined && cipherCompanionField.pattern.test(normaliseName(k));
  });
}

/** Calls that build a byte array from their arguments: what a bare `key` holding their result is. */
const BYTE_BUILDERS: ReadonlySet<string> = new Set(['Buffer.from', 'Uint8Array.from', 'Buffer.concat', 'Uint8Array']);

/**
 * A bare `key` (a Map, cache or React key elsewhere) that holds bytes built by hand (`Buffer.from(Array.from({ length:
 * 32 }, …))`, `Uint8Array.from(…)`): a key for a cipher, not a lookup key, which is a string or a number.
 */
function byteKeyPurpose(expr: Node, name: string): string | undefined {
  if (normaliseName(name) !== 'key') return undefined;
  if (besideCipherField(expr)) return 'key';
  const e = unwrap(expr);
  if (e.type !== T.CallExpression && e.type !== T.NewExpression) return undefined;
  const callee = dotted(unwrap(e.callee));
  return callee !== undefined && BYTE_BUILDERS.has(callee) && e.arguments.length > 0 ? 'key' : undefined;
}

/** The word a maker's name ends with (`TokenGenerator`, `otpFactory`), dropped to name what it makes. */
const MAKER_SUFFIX = /_?(?:Generator|Factory|Provider|Service|Maker|Builder|Issuer|Minter)$/;

/** The name of a method's owner: its class, or the variable an object literal of methods is stored in. */
function ownerName(fn: FunctionNode): string | undefined {
  const member = fn.parent;
  if (member?.type === T.MethodDefinition || member?.type === T.PropertyDefinition)
    return member.parent.parent.type === T.ClassDeclaration || member.parent.parent.type === T.ClassExpression
      ? (member.parent.parent.id?.name ?? undefined)
      : undefined;
  if (member?.type !== T.Property || member.parent.type !== T.ObjectExpression) return undefined;
  const holder = member.parent.parent;
  return holder.type === T.VariableDeclarator && holder.id.type === T.Identifier ? holder.id.name : undefined;
}

/**
 * The name a function's return values take their purpose from, and how a message names the function: its own
 * name, or, for a method named only for making something (`generate`, `next`), its owner's
 * (`class TokenGenerator { generate() }`, `const otpFactory = { create() {} }`).
 */
export function makerName(fn: FunctionNode): { readonly name: string; readonly title: string } | undefined {
  const name = functionName(fn);
  if (name === undefined) return undefined;
  if (!genericMakerName.pattern.test(normaliseName(name))) return { name, title: name };
  const owner = ownerName(fn);
  // Only an owner named as a maker (`TokenGenerator` → `Token`, `otpFactory` → `otp`) names what it makes; a
  // `NonceSequence` or a `SessionStore` names a collection whose `next()` may rightly count.
  const made = owner?.replace(MAKER_SUFFIX, '');
  return owner === undefined || !made || made === owner
    ? { name, title: name }
    : { name: made, title: `${owner}.${name}` };
}

/**
 * `` `toast-${Date.now()}-${Math.random()}` ``, `'modal_' + n`: a value whose own leading text names the interface
 * element it identifies (catalogue `uiElementLabel`), whatever name the helper that makes it has.
 */
function labelsUiElement(expr: Node): boolean {
  let n = unwrap(expr);
  let joined = false;
  // `'toast-' + id + '-' + n`: the leftmost operand of a concatenation leads the text.
  while (n.type === T.BinaryExpression && n.operator === '+') {
    n = unwrap(n.left);
    joined = true;
  }
  const lead =
    n.type === T.TemplateLiteral && n.expressions.length > 0
      ? n.quasis[0]?.value.cooked
      : joined
        ? staticString(n)
        : undefined;
  return typeof lead === 'string' && uiElementLabel.pattern.test(lead);
}

/** One file's purposes, in the order they were found. */
export class Purposes {
  readonly purposes: Purpose[] = [];
  private readonly phraseByName = new Map<string, string | undefined>();

  /** `file`: the linted file's path, for the route a file-routed handler serves. */
  constructor(
    private readonly getScope: (n: Node) => TSESLint.Scope.Scope,
    private readonly file?: string,
  ) {}

  /** A purpose from a name: `resetToken`, `makeSalt`, `csrfToken`. */
  byName(expr: Node | null | undefined, name: string | undefined, via: string, rank: number): void {
    if (!expr || name === undefined) return;
    const purpose = this.purposeOf(expr, name);
    if (purpose === undefined) return;
    this.purposes.push({ expr, purpose, via, rank });
    // `return { value: pickChars(32), expiresAt }` from `sessionToken()`, `const ticket = { id, playerId }`: a record
    // named for a secret holds it in its carrier property (catalogue `recordCarrierProperty`).
    const record = recordOf(expr, this.getScope);
    for (const p of record?.properties ?? []) {
      if (p.type !== T.Property || p.kind !== 'init' || p.method) continue;
      const key = propertyName(p);
      if (key !== undefined && recordCarrierProperty.pattern.test(normaliseName(key)))
        this.purposes.push({ expr: p.value, purpose, via: `${via} (its ${key})`, rank });
    }
  }

  /** The purpose the code around a bare name gives it (`code` in an OTP route), not the name alone. */
  contextPurposeOf(expr: Node, name: string): string | undefined {
    return this.namePurpose(name) === undefined ? contextPurpose(expr, name, this.file) : undefined;
  }

  /** The purpose `byName` records for `expr` stored under `name` (`code` in an OTP route: `one-time code`). */
  purposeOf(expr: Node, name: string): string | undefined {
    if (isFunction(unwrap(expr))) return undefined;
    // A local only ever compared (a generation counter, a poll handle) never leaves the process (identity-handles.ts).
    if (isIdentityHandle(expr, this.getScope)) return undefined;
    if (labelsUiElement(expr)) return undefined;
    return this.namePurpose(name) ?? contextPurpose(expr, name, this.file) ?? byteKeyPurpose(expr, name);
  }

  /**
   * The purpose of a helper's result stored under `name` in the module `file` (a caller found by text scan): the
   * name's own purpose, or, for a bare `code`, the purpose that module's name or route gives it.
   */
  callerPurpose(name: string, file: string): string | undefined {
    return this.namePurpose(name) ?? moduleContextPurpose(name, file);
  }

  /** Records that `expr` holds a value with `purpose` (one a caller in another module gives it). */
  add(expr: Node, purpose: string, via: string, rank: number): void {
    this.purposes.push({ expr, purpose, via, rank });
  }

  /** The security purpose a binding's name alone says (`resetToken`, `otp`), or undefined (`requestId`). */
  namePurpose(name: string): string | undefined {
    let purpose = this.phraseByName.get(name);
    if (purpose === undefined && !this.phraseByName.has(name)) {
      purpose = securityPurposePhrase(name) ?? codePurpose(name);
      // `nextInviteCode()`: the secret of a series; `nextPageToken` stays a pagination token.
      const rest = purpose === undefined ? normaliseName(name).replace(sequencePrefix.pattern, '') : undefined;
      if (rest !== undefined && rest !== normaliseName(name))
        purpose = securityPurposePhrase(rest) ?? codePurpose(rest);
      // `keyChangedAt`, `keyAge`, `tokenSecondsRemaining`: a time measured, not a secret made.
      if (purpose !== undefined && timeQuantityName.pattern.test(normaliseName(name))) purpose = undefined;
      // `sessionIdPrefix`, `keyPreview`: a visible part of a secret, cut from the whole value, which is judged apart.
      if (purpose !== undefined && partialViewName.pattern.test(normaliseName(name))) purpose = undefined;
      this.phraseByName.set(name, purpose);
    }
    return purpose;
  }

  /**
   * A weak value whose maker is named for a secret (`makeOtp()` in another module, `const inviteCode =
   * customAlphabet(…)` here): that maker is reported once, where it is made, so its calls are not reported again.
   * `isTest`: whether a file (relative to the working directory) is one the rules skip, where nothing is reported.
   */
  madeUnderPurpose(hit: WeakHit, isTest: (file: string) => boolean): boolean {
    if (hit.kind !== 'source') return false;
    if (hit.foreign) {
      const made = hit.foreign.made;
      return made !== undefined && this.namePurpose(made) !== undefined && !isTest(hit.foreign.file);
    }
    const call = hit.node;
    const callee = call.type === T.CallExpression ? unwrap(call.callee) : undefined;
    if (callee?.type !== T.Identifier || this.namePurpose(callee.name) === undefined) return false;
    const init = constInitOf(callee, this.getScope(callee));
    const made = init && unwrap(init);
    return made?.type === T.CallExpression || made?.type === T.NewExpression;
  }

  /**
   * Values the code uses as secrets whatever they are called (secret-uses.ts): those written into bindings whose
   * reads store, set, compare or hash them as credentials, and `inline` values of record fields (`{ stub: …,
   * expiresAt }`).
   */
  fromUses(uses: FileSecretUses, inline: readonly Node[]): void {
    const sites = [...uses.sites()];
    for (const expr of inline) {
      const use = uses.at(expr);
      if (use) sites.push({ expr, use });
    }
    for (const { expr, use } of sites) this.purposes.push({ expr, purpose: 'capability', via: use.via, rank: 1 });
  }

  /** Values sent as link parameters: `` `${base}/verify?token=${t}` ``, `'/auth?state=' + state`. */
  fromLink(node: TSESTree.TemplateLiteral | TSESTree.BinaryExpression): void {
    const parts: [string | undefined, Node][] =
      node.type === T.TemplateLiteral
        ? node.expressions.map((e, i) => [node.quasis[i]?.value.cooked ?? undefined, e])
        : node.operator === '+'
          ? [[linkText(node.left), node.right]]
          : [];
    for (const [text, expr] of parts) {
      const param = text === undefined ? undefined : LINK_PARAMETER.exec(text)?.[1];
      const name = param ?? (text === undefined ? undefined : COOKIE_PAIR.exec(text)?.[1]);
      const purpose = name === undefined ? undefined : sentPurpose(name);
      const via = param === undefined ? `sent as ${name}=` : `sent as the link parameter ${name}`;
      if (purpose !== undefined) this.purposes.push({ expr, purpose, via, rank: 1 });
      // `Your Acme code is ${code}`: a code sent to the person who types it back (catalogue `sentCodeText`).
      else if (text !== undefined && sentCodeText.pattern.test(text))
        this.purposes.push({ expr, purpose: 'one-time code', via: 'sent in a message', rank: 1 });
      else if (text !== undefined && !this.fromLinkPath(text, expr)) this.fromMailedLink(node, text, param, expr);
    }
  }

  /**
   * `sendMail(to, subject, `${base}/delete?c=${confirm}`)`: a value in the query or path of a link sent to a person
   * is what the reader brings back to prove they got the message (catalogue `messageSenderCall`), whatever the
   * parameter is called; not a cache buster or campaign tag (`linkTagParameter`).
   */
  private fromMailedLink(link: Node, text: string, param: string | undefined, expr: Node): void {
    const place =
      param !== undefined
        ? linkTagParameter.pattern.test(normaliseName(param))
          ? undefined
          : `the link parameter ${param}`
        : LINK_SEGMENT.test(text)
          ? 'a link path'
          : undefined;
    if (place === undefined || picksListedValue(expr, this.getScope) || !sentInMessage(link, this.getScope)) return;
    this.purposes.push({ expr, purpose: 'secret link value', via: `sent as ${place} in a message`, rank: 1 });
  }

  /** `https://…/join/${code}`: the value is the path segment that grants access (`capabilityPathSegment`). */
  private fromLinkPath(text: string, expr: Node): boolean {
    const segment = LINK_SEGMENT.exec(text)?.[1]?.toLowerCase();
    if (segment === undefined) return false;
    const shared =
      capabilityPathSegment.segments.test(segment) ||
      (capabilityPathSegment.shortSegments.test(segment) && contextPurpose(expr, 'link', this.file) !== undefined);
    if (shared)
      this.purposes.push({ expr, purpose: 'capability link', via: `sent in the link path /${segment}/`, rank: 1 });
    return shared;
  }

  /**
   * The purposes a call gives its arguments: a key-sink role (`passed to crypto.createCipheriv`) or a catalogue
   * purpose sink (a cookie, a header, a token option, or a callback whose return values are the purpose).
   */
  fromCall(node: Call, cp: CalleePath, imports: ImportMap, tracker: TaintTracker | undefined): void {
    const getScope = this.getScope;
    const purposes = this.purposes;
    const scope = getScope(node);
    const hits = matchSinks(node, imports, scope, undefined, cp);
    for (const h of hits) {
      const purpose = ROLE_PURPOSE[h.arg.role];
      if (purpose === undefined) continue;
      const bytes =
        h.arg.role === 'iv' || h.arg.role === 'nonce' ? ivSizeOf(h.sink, hits, getScope) : ROLE_BYTES[h.arg.role];
      purposes.push({
        expr: h.node,
        purpose,
        via: `passed to ${h.sink.title}`,
        rank: 3,
        evidence: 'sink',
        ...(h.sink.valueType === 'bytes' && bytes ? { bytes } : {}),
        ...(IV_LIKE.has(h.arg.role) ? { ivLike: true } : {}),
      });
    }
    for (const ps of patternsMatching(purposeSinks, cp)) {
      let purpose = ps.purpose;
      let via = `passed to ${ps.title}`;
      // A sink that fixes the purpose says what the value is; a cookie or header named by the call says it by name.
      const bySink = ps.nameArg === undefined ? ({ evidence: 'sink' } as const) : {};
      if (ps.nameArg !== undefined) {
        const name = staticString(node.arguments[ps.nameArg]);
        purpose = name === undefined ? undefined : sentPurpose(name);
        if (purpose === undefined && ps.cookie && name !== undefined && sessionCookieName.test(name))
          purpose = 'session ID';
        via = `sent as ${ps.title} named '${name ?? ''}'`;
      }
      if (purpose === undefined) continue;
      for (const a of ps.args) {
        const arg = node.arguments[a.index];
        const target = a.property ? optionValue(arg, a.property, getScope) : arg;
        if (!target) continue;
        if (a.returns) {
          const fn = functionOf(target, getScope);
          if (fn && tracker)
            for (const r of tracker.returnsOf(fn))
              purposes.push({
                expr: r,
                purpose,
                via: `returned by ${ps.title}`,
                rank: 3,
                ...bySink,
                ...(ps.identifier ? { identifier: true } : {}),
              });
        } else
          purposes.push({
            expr: target,
            purpose,
            via,
            rank: 3,
            ...bySink,
            ...(ps.identifier ? { identifier: true } : {}),
          });
      }
    }
    if (node.type === T.CallExpression) this.fromStoringCall(node);
  }

  /**
   * `db.setTemporaryPassword(id, temp)`, `store.saveOtp(phone, c)` (catalogue `storingCallName`), and
   * `resumeTokens.set(client.id, t)`, `this.inviteCodes.add(code)` (`collectionPutMethod` on a collection named for
   * a secret): what the call's name or its collection's name says its arguments are. A clock reading or a binding
   * named for a time, a count or an id beside the secret (`saveOtp(phone, code, Date.now())`) is not the secret.
   */
  private fromStoringCall(node: TSESTree.CallExpression): void {
    const callee = unwrap(node.callee);
    const method = calleeName(callee);
    if (method === undefined) return;
    const words = normaliseName(method);
    let purpose: string | undefined;
    let via: string;
    if (callee.type === T.MemberExpression && collectionPutMethod.pattern.test(words)) {
      const holder = calleeName(callee.object);
      purpose = holder === undefined ? undefined : this.namePurpose(holder);
      via = `stored in ${holder ?? ''}`;
    } else {
      const rest = words.slice(words.indexOf('_') + 1);
      // `setKey(Math.random())`: a bare key is a React or cache key; a `useState` setter keeps interface state.
      if (!storingCallName.pattern.test(words) || rest === 'key' || this.isStateSetter(callee)) return;
      purpose = this.namePurpose(rest);
      via = `passed to ${method}()`;
    }
    if (purpose === undefined) return;
    // `signingSecrets.set(id, secret)`, `messageKeys.set(n, mk)`: a map's entries are its values; its key is the
    // secret only when the value is a record about it (`resetTokens.set(token, { userId, expires })`).
    const value = node.arguments[1] && unwrap(node.arguments[1]);
    const keyed = via.startsWith('stored in') && value !== undefined && value.type !== T.ObjectExpression;
    for (const arg of node.arguments.slice(keyed ? 1 : 0, 3)) {
      if (!this.mayHoldSecret(arg)) continue;
      this.purposes.push({ expr: arg, purpose, via, rank: 1 });
    }
  }

  /** `setKey` from `const [key, setKey] = useState(…)`: a React state setter. */
  private isStateSetter(callee: Node): boolean {
    if (callee.type !== T.Identifier) return false;
    const def = findVariable(this.getScope(callee), callee)?.defs[0];
    return def?.node.type === T.VariableDeclarator && def.node.id.type === T.ArrayPattern;
  }

  /** An argument that may be the stored secret: not a record, a callback, a clock reading or a time, count or id. */
  private mayHoldSecret(arg: Node): boolean {
    const a = unwrap(arg);
    if (a.type === T.ObjectExpression || a.type === T.ArrayExpression || isFunction(a) || a.type === T.SpreadElement)
      return false;
    if (clockReading(a)) return false;
    const name = a.type === T.Identifier ? a.name : a.type === T.MemberExpression ? propertyName(a) : undefined;
    if (name === undefined || this.namePurpose(name) !== undefined) return true;
    const n = normaliseName(name);
    return !timeQuantityName.pattern.test(n) && !nonPurposeName.pattern.test(n);
  }
}

/** `Date.now()`, `new Date()`, `performance.now()`, or one plus or minus an amount: a time, not a secret. */
function clockReading(n: Node): boolean {
  const u = unwrap(n);
  if (u.type === T.NewExpression) return dotted(u.callee) === 'Date';
  if (u.type === T.CallExpression) return /^(?:Date|performance)\.now$/.test(dotted(u.callee) ?? '');
  return u.type === T.BinaryExpression && (u.operator === '+' || u.operator === '-') && clockReading(u.left);
}
