/**
 * A secret made from a predictable source (issue 11, session 26): `const code = sixDigits()` where `sixDigits`
 * returns `Math.random()` digits in an OTP route, `const token = magicLinkToken(email)` over a clock reading, a
 * session id made from `Date.now()` and sent as the session cookie. Its name alone (`code`, `token`, `handle`) is too
 * generic to call the value key material, and its source is no CSPRNG, so neither the secret-name lexicon nor the key
 * producers (`keyProducers`) see it; but the value is made to be a secret, as no-weak-randomness states its purpose:
 * the binding's name or enclosing code gives a security purpose, or the same-file function that made it is named for
 * one (`activationCode()`), or the file sends it as a session cookie or a link's token
 * (src/rule-kit/random-purposes.ts); and the file's taint tracker (src/rule-kit/flow/taint/) finds a weak source in
 * a way of making it, with no entropy. Logged, it is a secret in the log, however weakly it was made.
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { commandLineFrameworks } from '../catalogue/loggers.js';
import { codeName, stateReadingKinds, strongRandomSources } from '../catalogue/randomness.js';
import { notSecretPurpose, requestFields } from '../catalogue/index.js';
import { isSecretName, normaliseName, securityPurposeOf } from '../detect/index.js';
import { findVariable, unwrap } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import { flowOf } from './flow/engine.js';
import type { Taint } from './flow/taint/lattice.js';
import { localFunction } from './flow/functions.js';
import type { ImportMap } from './imports.js';
import { makerName, Purposes } from './random-purposes.js';
import { calleePathOf } from './sinks.js';

type Node = TSESTree.Node;

/** A weakly made secret: the purpose that names it and the weak source that makes it (none: received). */
export interface WeakSecret {
  readonly purpose: string;
  readonly source?: string;
}

/**
 * A binding the caller hands in: a parameter that is not a number (`code: string`, not an HTTP status), or a name
 * destructured from a request's body, query or params (`const { phone, code } = req.body`).
 */
function received(n: TSESTree.Identifier, getScope: (n: Node) => TSESLint.Scope.Scope): boolean {
  const def = findVariable(getScope(n), n)?.defs[0];
  if (def?.type === TSESLint.Scope.DefinitionType.Parameter) {
    const ann = def.name.type === T.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
    return ann?.type !== T.TSNumberKeyword;
  }
  if (
    def?.type !== TSESLint.Scope.DefinitionType.Variable ||
    def.node.type !== T.VariableDeclarator ||
    def.node.id.type !== T.ObjectPattern
  )
    return false;
  const init = def.node.init && unwrap(def.node.init);
  const from = init?.type === T.AwaitExpression ? unwrap(init.argument) : init;
  if (from?.type === T.MemberExpression && from.property.type === T.Identifier)
    return requestFields.names.has(from.property.name);
  // `await request.json()`, `await req.formData()`: a fetch-style handler's body.
  const callee = from?.type === T.CallExpression ? unwrap(from.callee) : undefined;
  return (
    callee?.type === T.MemberExpression && callee.property.type === T.Identifier && /^json$/.test(callee.property.name)
  );
}

/**
 * A key made from clock readings, process ids or counters alone, under a name whose only security word is the
 * generic `key` (`triggerKey` from a rounded `new Date()`, `jobKey` from `Date.now()` and a counter): a timestamp
 * orders or deduplicates, and nothing in it was meant to be unguessable, as a random source would say. A token,
 * code or session id made so, and a key with a secret's name (`sessionKey`, `apiKey`), stay weakly made secrets.
 */
function stateMadeLookupKey(name: string, weak: Taint['weak']): boolean {
  const word = securityPurposeOf(name);
  if ((word !== 'key' && word !== 'keys') || isSecretName(name)) return false;
  return weak.every(
    (h) => h.kind === 'source' && (stateReadingKinds.has(h.source.kind) || h.source.kind === 'counter'),
  );
}

/**
 * Judges bindings of one file (`file`: its path, for the route a file-routed handler serves). The sink's title is
 * read only in a command-line program (`sinkTitle` is called only there), so a caller can tell a judgement the
 * title could not change.
 */
export function createWeakSecretJudge(
  sourceCode: TSESLint.SourceCode,
  imports: ImportMap,
  file: string | undefined,
): (n: TSESTree.Identifier, init: Node | undefined, sinkTitle: () => string | undefined) => WeakSecret | undefined {
  const getScope = (n: Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  // A command-line program's console is its user's terminal: a code made for that user is shown there, not logged.
  const terminal = [...imports.values()].some((b) => commandLineFrameworks.has(b.module));
  let purposes: Purposes | undefined;
  let sent: Map<TSESLint.Scope.Variable, string> | undefined;

  /** The purposes of the bindings the file sends as a cookie, a header or a link parameter (one walk per file). */
  const sentPurposes = (): Map<TSESLint.Scope.Variable, string> => {
    if (sent) return sent;
    sent = new Map();
    const found = new Purposes(getScope, file);
    const walk = (node: Node): void => {
      if (node.type === T.CallExpression || node.type === T.NewExpression) {
        const cp = calleePathOf(node, imports, getScope(node));
        if (cp) found.fromCall(node, cp, imports, undefined);
      } else if (node.type === T.TemplateLiteral && node.expressions.length) found.fromLink(node);
      else if (node.type === T.BinaryExpression && node.operator === '+') found.fromLink(node);
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child])
          if (c && typeof (c as Node).type === 'string') walk(c as Node);
      }
    };
    walk(sourceCode.ast);
    for (const p of found.purposes) {
      const e = unwrap(p.expr);
      const v = e.type === T.Identifier ? findVariable(getScope(e), e) : undefined;
      if (v && !sent.has(v)) sent.set(v, p.purpose);
    }
    return sent;
  };

  /**
   * A CSPRNG call (catalogue `strongRandomSources`) in the expression or in the same-file function it calls: the
   * tracker keeps no draw through a per-element callback (`Array.from(randomBytes(6), (b) => b % 10)`).
   */
  const csprngIn = (made: Node): boolean => {
    const fn = made.type === T.CallExpression ? localFunction(made.callee, getScope) : undefined;
    let found = false;
    const visit = (node: Node): void => {
      if (found) return;
      if (
        (node.type === T.CallExpression || node.type === T.NewExpression) &&
        matchCallPattern(node, imports, getScope(node), strongRandomSources)
      ) {
        found = true;
        return;
      }
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child])
          if (c && typeof (c as Node).type === 'string') visit(c as Node);
      }
    };
    visit(made);
    if (fn) visit(fn);
    return found;
  };

  return (n, init, sinkTitle) => {
    if (terminal && sinkTitle()?.startsWith('console.')) return undefined;
    purposes ??= new Purposes(getScope, file);
    // `const { phone, code } = req.body` in `/otp/verify`: the code the caller sends is the secret the route checks.
    if (!init || received(n, getScope)) {
      const purpose = received(n, getScope) ? purposes.contextPurposeOf(n, n.name) : undefined;
      return purpose === undefined || notSecretPurpose.pattern.test(purpose) ? undefined : { purpose };
    }
    const made = unwrap(init.type === T.AwaitExpression ? init.argument : init);
    let purpose = purposes.purposeOf(made, n.name);
    if (purpose === undefined && made.type === T.CallExpression) {
      const fn = localFunction(made.callee, getScope);
      const maker = fn && makerName(fn);
      purpose = maker && purposes.namePurpose(maker.name);
    }
    if (purpose !== undefined && notSecretPurpose.pattern.test(purpose)) return undefined;
    const t = flowOf(sourceCode).taint.taintOf(made);
    // A code drawn from a CSPRNG the tracker sees (`sixDigits()` over `randomBytes`) is as secret as a weak one; the
    // key producers see it only under a secret's name (`otp`), so a code is judged by its purpose here too.
    // A modulo bias (`b % 10`) weakens the draw but leaves it a draw.
    const drawn =
      codeName.pattern.test(normaliseName(n.name)) &&
      t.weak.every((h) => h.kind === 'bias') &&
      ((t.entropy && t.draw !== undefined) || csprngIn(made));
    const hit = t.entropy ? undefined : t.weak.find((h) => h.kind === 'source');
    if (!drawn && (hit?.kind !== 'source' || stateMadeLookupKey(n.name, t.weak))) return undefined;
    if (purpose === undefined) {
      const v = findVariable(getScope(n), n);
      purpose = v && sentPurposes().get(v);
    }
    if (purpose === undefined || notSecretPurpose.pattern.test(purpose)) return undefined;
    if (hit?.kind !== 'source') return { purpose, source: 'a random draw' };
    return { purpose, source: hit.foreign ? hit.foreign.fn : hit.source.title };
  };
}
