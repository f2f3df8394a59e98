import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  purposeSinks,
  stateReadingKinds,
  timeQuantityName,
  unpredictableCodeName,
  type WeakKind,
} from '../src/catalogue/randomness.js';
import { nonPurposeName } from '../src/catalogue/names.js';
import type { KeySink, SinkRole } from '../src/catalogue/types.js';
import { normaliseName, securityPurposePhrase } from '../src/detect/names.js';
import { constInitOf, findVariable, propertyName, staticString, unwrap } from '../src/rule-kit/ast.js';
import { patternMatches } from '../src/rule-kit/call-patterns.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { calleePathOf, matchSinks, type SinkHit } from '../src/rule-kit/sinks.js';
import { enclosingFunction, type FunctionNode } from '../src/rule-kit/ast.js';
import { functionName } from '../src/rule-kit/flow/functions.js';
import { createForeignFollower } from '../src/rule-kit/flow/taint/foreign.js';
import { createTaintTracker, type TaintTracker } from '../src/rule-kit/flow/taint/tracker.js';
import { ivSizeOf, optionValue } from '../src/rule-kit/iv.js';
import { createRandomFixes, type RandomSuggestionId } from '../src/rule-kit/random-fixes.js';

type MessageIds = 'weakRandom' | 'moduloBias' | 'useNodeCrypto' | 'useKeys';
type Options = [];
type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** An expression whose value must be unpredictable, and how the message names that purpose. */
interface Purpose {
  readonly expr: Node;
  /** `password-reset token`, `IV`, `JWT ID (jti)`. */
  readonly purpose: string;
  /** `returned by makeResetToken()`, `passed to crypto.createCipheriv`. */
  readonly via: string;
  /** Sinks (3) beat return values (2), which beat names (1), when two purposes reach one source. */
  readonly rank: number;
  /** The value identifies something (a session, a JWT): `randomUUID()` fits. */
  readonly identifier?: boolean;
  /** A crypto sink that wants this many random bytes. */
  readonly bytes?: number;
  /** An IV, nonce or salt argument: a clock or pid reading there is no-static-iv's to report. */
  readonly ivLike?: boolean;
}

interface Finding {
  readonly node: Node;
  readonly messageId: Exclude<MessageIds, RandomSuggestionId>;
  readonly data: Record<string, string | number>;
  readonly rank: number;
  readonly fix?: TSESLint.ReportFixFunction;
  readonly suggest?: TSESLint.SuggestionReportDescriptor<RandomSuggestionId>[];
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

const BECAUSE: Record<WeakKind, string> = {
  prng: 'it is predictable',
  'seeded-prng': 'a seeded, non-cryptographic generator is predictable',
  time: 'a clock reading is guessable',
  process: 'a process id is guessable',
  'uuid-v1': 'a time-based UUID is guessable',
  deprecated: 'it is deprecated and not guaranteed to be cryptographically strong',
};

const IV_LIKE: ReadonlySet<SinkRole> = new Set(['iv', 'nonce', 'salt']);

const ROLE_BYTES: Partial<Record<SinkRole, number>> = { key: 32, secret: 32, salt: 16, ikm: 32 };

export default createRule<Options, MessageIds>({
  name: 'no-weak-randomness',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow predictable values where a secret, token, key, IV, nonce or salt must be unpredictable',
      recommended: 'recommended',
      requiresTypeChecking: true,
      category: 'weak-randomness',
      cwe: [330, 338],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      weakRandom: '{{source}} makes the {{purpose}} {{via}}: {{because}}. Use a CSPRNG.',
      moduloBias:
        '{{expr}} reduces {{bits}} random bits modulo {{modulus}}, so some values of the {{purpose}} ' +
        '{{via}} come up more often than others. Use randomInt, which rejects instead of reducing.',
      useNodeCrypto: 'Use {{replacement}} from node:crypto (a CSPRNG).',
      useKeys: "Use {{replacement}} from 'keyhygiene/keys' (a CSPRNG).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // Test files make throwaway tokens, fixed test vectors and seeded data on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const getScope = (n: Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
    const foreignCall = createForeignFollower(sourceCode.parserServices, context.cwd);
    let imports: ImportMap = new Map();
    let tracker: TaintTracker | undefined;
    let sawSource = false;
    const purposes: Purpose[] = [];
    const findings = new Map<Node, Finding>();

    const fixes = createRandomFixes(context, () => imports);
    const offer = (f: Finding): void => {
      const prev = findings.get(f.node);
      // Two checks on one node (a shared IV seen by the cipher and the decipher): keep the one with a fix.
      if (!prev || prev.rank < f.rank || (prev.rank === f.rank && !prev.suggest?.length && f.suggest?.length))
        findings.set(f.node, f);
    };
    const text = (n: Node): string => {
      const t = sourceCode.getText(n).replace(/\s+/g, ' ');
      return t.length > 60 ? `${t.slice(0, 57)}…` : t;
    };
    const isFunction = (n: Node): n is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression =>
      n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression;

    /** `mfaCode` → `MFA code`: a code the shared purpose lexicon does not know (`unpredictableCodeName`). */
    const codePurpose = (name: string): string | undefined => {
      const n = normaliseName(name);
      if (!unpredictableCodeName.pattern.test(n) || nonPurposeName.pattern.test(n)) return undefined;
      return n
        .split('_')
        .map((w) => (/^(?:mfa|sms|2fa|tfa|oauth|pkce)$/.test(w) ? w.toUpperCase() : w))
        .join(' ');
    };

    /** A purpose from a name: `resetToken`, `makeSalt`, `csrfToken`. */
    const phraseByName = new Map<string, string | undefined>();
    const byName = (expr: Node | null | undefined, name: string | undefined, via: string, rank: number): void => {
      if (!expr || name === undefined || isFunction(unwrap(expr))) return;
      let purpose = phraseByName.get(name);
      if (purpose === undefined && !phraseByName.has(name)) {
        purpose = securityPurposePhrase(name) ?? codePurpose(name);
        // `keyChangedAt`, `keyAge`, `tokenSecondsRemaining`: a time measured, not a secret made.
        if (purpose !== undefined && timeQuantityName.pattern.test(normaliseName(name))) purpose = undefined;
        phraseByName.set(name, purpose);
      }
      if (purpose !== undefined) purposes.push({ expr, purpose, via, rank });
    };

    /** The function a callback option holds: inline, or a function in this file named by an identifier. */
    const functionOf = (n: Node): FunctionNode | undefined => {
      const u = unwrap(n);
      if (isFunction(u)) return u;
      if (u.type !== T.Identifier) return undefined;
      const v = findVariable(getScope(u), u);
      const def = v?.defs[0];
      if (def?.node.type === T.FunctionDeclaration) return def.node;
      const init = constInitOf(u, getScope(u));
      return init && isFunction(unwrap(init)) ? (unwrap(init) as FunctionNode) : undefined;
    };

    const onCall = (node: Call): void => {
      const scope = getScope(node);
      // One canonical path per call, shared by the source, sink and purpose-sink matchers.
      const cp = calleePathOf(node, imports, scope);
      if (!cp) return;
      if (!sawSource && tracker) {
        // Weak sources, and CSPRNG bytes that a modulo could bias.
        const facts = tracker.sourceOf(node, cp);
        sawSource = facts.weak !== undefined || facts.strong?.elementBits !== undefined;
      }
      const hits = matchSinks(node, imports, scope, undefined, cp);
      const bySink = new Map<KeySink, SinkHit[]>();
      for (const h of hits) {
        bySink.set(h.sink, [...(bySink.get(h.sink) ?? []), h]);
        const purpose = ROLE_PURPOSE[h.arg.role];
        if (purpose === undefined) continue;
        const bytes =
          h.arg.role === 'iv' || h.arg.role === 'nonce' ? ivSizeOf(h.sink, hits, getScope) : ROLE_BYTES[h.arg.role];
        purposes.push({
          expr: h.node,
          purpose,
          via: `passed to ${h.sink.title}`,
          rank: 3,
          ...(h.sink.valueType === 'bytes' && bytes ? { bytes } : {}),
          ...(IV_LIKE.has(h.arg.role) ? { ivLike: true } : {}),
        });
      }
      for (const ps of purposeSinks) {
        if (!patternMatches(ps, cp)) continue;
        let purpose = ps.purpose;
        let via = `passed to ${ps.title}`;
        if (ps.nameArg !== undefined) {
          const name = staticString(node.arguments[ps.nameArg]);
          purpose = name === undefined ? undefined : securityPurposePhrase(name);
          via = `sent as ${ps.title} named '${name ?? ''}'`;
        }
        if (purpose === undefined) continue;
        for (const a of ps.args) {
          const arg = node.arguments[a.index];
          const target = a.property ? optionValue(arg, a.property, getScope) : arg;
          if (!target) continue;
          if (a.returns) {
            const fn = functionOf(target);
            if (fn && tracker)
              for (const r of tracker.returnsOf(fn))
                purposes.push({
                  expr: r,
                  purpose,
                  via: `returned by ${ps.title}`,
                  rank: 3,
                  ...(ps.identifier ? { identifier: true } : {}),
                });
          } else purposes.push({ expr: target, purpose, via, rank: 3, ...(ps.identifier ? { identifier: true } : {}) });
        }
      }
    };

    // ---- Weak values that reach a purpose -----------------------------------------------------------

    const checkPurposes = (): void => {
      if (!tracker || (!sawSource && !foreignCall)) return;
      const ordered = [...purposes].sort((a, b) => b.rank - a.rank);
      // Clock and pid readings that make an IV, nonce or salt: a derived value, reported by no-static-iv.
      const derivedIvs = new Set<Node>();
      for (const p of ordered) {
        if (!p.ivLike) continue;
        const t = tracker.taintOf(p.expr);
        if (t.entropy) continue;
        for (const hit of t.weak)
          if (hit.kind === 'source' && stateReadingKinds.has(hit.source.kind)) derivedIvs.add(hit.node);
      }
      for (const p of ordered) {
        const t = tracker.taintOf(p.expr);
        if (t.entropy) continue;
        for (const hit of t.weak) {
          if (findings.has(hit.node) || derivedIvs.has(hit.node)) continue;
          if (hit.kind === 'bias') {
            const modulus = sourceCode.getText(hit.node.right);
            offer({
              node: hit.node,
              messageId: 'moduloBias',
              data: {
                expr: text(hit.node),
                bits: hit.bits,
                modulus,
                purpose: p.purpose,
                via: p.via,
                category: 'weak-randomness',
              },
              rank: p.rank,
              suggest: fixes.both(
                hit.node,
                (r) => `${r('randomInt')}(${modulus})`,
                (r) => `${r('randomInt')}(0, ${modulus})`,
              ),
            });
            continue;
          }
          const source = hit.foreign
            ? `${hit.source.title} in ${hit.foreign.fn} (${hit.foreign.file})`
            : hit.source.title;
          const fix = hit.foreign ? undefined : fixes.renameFix(hit);
          offer({
            node: hit.node,
            messageId: 'weakRandom',
            data: {
              source,
              purpose: p.purpose,
              via: p.via,
              because: BECAUSE[hit.source.kind],
              category: 'weak-randomness',
            },
            rank: p.rank,
            ...(fix ? { fix } : {}),
            ...(hit.foreign || fix ? {} : { suggest: fixes.weakSuggestions(hit, p) }),
          });
        }
      }
    };

    return {
      Program(program) {
        imports = collectImports(program);
        // The file's shared engine; with type information, a tracker of its own that follows calls into other files.
        tracker = foreignCall
          ? createTaintTracker({ getScope, imports, visitorKeys: sourceCode.visitorKeys, foreignCall })
          : flowOf(sourceCode).taint;
      },
      CallExpression: onCall,
      NewExpression: onCall,
      MemberExpression(node) {
        if (
          !sawSource &&
          node.object.type === T.Identifier &&
          node.object.name === 'process' &&
          tracker?.sourceOf(node).weak
        )
          sawSource = true;
      },
      VariableDeclarator(node) {
        if (node.id.type === T.Identifier) byName(node.init, node.id.name, `stored in ${node.id.name}`, 1);
      },
      AssignmentExpression(node) {
        if (node.operator !== '=') return;
        const name =
          node.left.type === T.Identifier
            ? node.left.name
            : node.left.type === T.MemberExpression
              ? propertyName(node.left)
              : undefined;
        byName(node.right, name, `stored in ${text(node.left)}`, 1);
      },
      Property(node) {
        if (node.parent.type !== T.ObjectExpression || node.kind !== 'init' || node.method) return;
        const name = propertyName(node);
        byName(node.value, name, `stored in property ${name ?? ''}`, 1);
      },
      PropertyDefinition(node) {
        const name = propertyName(node);
        byName(node.value, name, `stored in ${name ?? ''}`, 1);
      },
      ReturnStatement(node) {
        const fn = node.argument && enclosingFunction(node);
        const name = fn ? functionName(fn) : undefined;
        if (name !== undefined) byName(node.argument, name, `returned by ${name}()`, 2);
      },
      'ArrowFunctionExpression[expression=true]'(node: TSESTree.ArrowFunctionExpression) {
        const name = functionName(node);
        if (name !== undefined) byName(node.body, name, `returned by ${name}()`, 2);
      },
      'Program:exit'() {
        checkPurposes();
        for (const f of findings.values()) {
          context.report({
            node: f.node,
            messageId: f.messageId,
            data: f.data,
            ...(f.fix ? { fix: f.fix } : {}),
            ...(f.suggest?.length ? { suggest: f.suggest } : {}),
          });
        }
      },
    };
  },
});
