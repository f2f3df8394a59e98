import { resolve } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { enclosingFunction, propertyName, type FunctionNode } from '../src/rule-kit/ast.js';
import { nonPurposeName } from '../src/catalogue/names.js';
import { normaliseName } from '../src/detect/names.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { functionName } from '../src/rule-kit/flow/functions.js';
import { createDiskFollower, createForeignFollower } from '../src/rule-kit/flow/taint/foreign.js';
import { fieldGeneratorMade } from '../src/rule-kit/flow/taint/sources.js';
import { callerBindings } from '../src/rule-kit/helper-callers.js';
import { importsOnDisk } from '../src/rule-kit/module-files.js';
import {
  createTaintTracker,
  selfStep,
  sequenceTemplate,
  sizedArray,
  storeCount,
  type TaintTracker,
} from '../src/rule-kit/flow/taint/tracker.js';
import { isTestFile } from '../src/rule-kit/files.js';
import type { WeakHit } from '../src/rule-kit/flow/taint/lattice.js';
import { isSignedRequestNonce } from '../src/rule-kit/signed-nonces.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { createRandomFixes } from '../src/rule-kit/random-fixes.js';
import { picksOneOption } from '../src/rule-kit/random-picks.js';
import { makerName, Purposes } from '../src/rule-kit/random-purposes.js';
import { secretUsesOf } from '../src/rule-kit/secret-uses.js';
import { calleePathOf } from '../src/rule-kit/sinks.js';
import { checkPurposes, shortText, type Finding } from '../src/rule-kit/weak-random-findings.js';
import { StandIns } from '../src/rule-kit/csprng-stand-ins.js';

type MessageIds = 'weakRandom' | 'moduloBias' | 'shortRandom' | 'useNodeCrypto' | 'useKeys';
type Options = [];
type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The name a function is exported under (ESM `export`, or a CommonJS file naming it), when it is exported. */
function exportedName(fn: FunctionNode, commonJs: () => boolean): string | undefined {
  const name = functionName(fn);
  if (name === undefined) return undefined;
  let n: Node | undefined = fn.parent;
  if (n?.type === T.VariableDeclarator) n = n.parent?.parent;
  if (n?.type === T.ExportNamedDeclaration) return name;
  return fn.parent?.type !== T.Property && commonJs() ? name : undefined;
}

/**
 * An exported helper's value, given the purposes its callers in other modules keep it for, when every caller keeps
 * a secret. A bare `code` counts when its module says what it is for (`otp.js`, `app/api/auth/reset/route.ts`).
 */
function joinCallers(purposes: Purposes, r: { name: string; expr: Node }, file: string): void {
  const callers = callerBindings(file, r.name);
  const kept = callers.map((c) => purposes.callerPurpose(c.name, c.file));
  if (!kept.every((p) => p !== undefined)) return;
  callers.forEach((c, i) => {
    const via = `returned by ${r.name}() and stored in ${c.name} by another module`;
    if (purposes.namePurpose(c.name) !== undefined) purposes.byName(r.expr, c.name, via, 2);
    else purposes.add(r.expr, kept[i]!, via, 2);
  });
}

/** The report of one finding. */
function reportOf(f: Finding): TSESLint.ReportDescriptor<MessageIds> {
  return {
    node: f.node,
    messageId: f.messageId,
    data: f.data,
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.suggest?.length ? { suggest: f.suggest } : {}),
  };
}

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
      shortRandom:
        '{{source}} gives the {{purpose}} {{via}} at most {{bits}} random bits: too few to resist guessing. ' +
        'Draw at least {{min}} bits (16 random bytes for a token).',
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
    const typedFollower = createForeignFollower(sourceCode.parserServices, context.cwd);
    let foreignCall = typedFollower;
    let imports: ImportMap = new Map();
    let tracker: TaintTracker | undefined;
    let sawSource = false;
    const purposes = new Purposes(getScope, context.filename);
    const findings = new Map<Node, Finding>();
    const fieldValues: Node[] = [];
    const fixes = createRandomFixes(context, () => imports);
    // Exported helpers whose name says no purpose: their callers in other modules may (checked at the end).
    const exportedReturns: { fn: FunctionNode; name: string; expr: Node }[] = [];
    const standIns = new StandIns(getScope); // functions that stand in for the CSPRNG (csprng-stand-ins.ts)
    let exportsText: boolean | undefined;
    // Read once per file: whether it assigns CommonJS exports.
    const commonJs = (): boolean => (exportsText ??= /\b(?:module\.)?exports\b/.test(sourceCode.text));
    const noteExported = (fn: FunctionNode, expr: Node): void => {
      const name = exportedName(fn, commonJs);
      // A helper named for a non-secret use (`nextRequestId`, `traceId`) is misused where it is called, not here.
      if (name !== undefined && !nonPurposeName.pattern.test(normaliseName(name)))
        exportedReturns.push({ fn, name, expr });
    };

    const onCall = (node: Call): void => {
      const scope = getScope(node);
      // One canonical path per call, shared by the source, sink and purpose-sink matchers.
      const cp = calleePathOf(node, imports, scope);
      if (!cp) return;
      if (!sawSource && tracker) {
        // Weak sources, and CSPRNG draws that a modulo could bias or that may be too short for a secret.
        const facts = tracker.sourceOf(node, cp);
        sawSource = facts.weak !== undefined || facts.strong !== undefined || !!storeCount(node)?.weak.length;
        sawSource ||= fieldGeneratorMade(node, imports, scope);
      }
      purposes.fromCall(node, cp, imports, tracker);
      standIns.noteCall(node);
    };
    const byName = purposes.byName.bind(purposes);

    return {
      Program(program) {
        imports = collectImports(program);
        // Without type information, relative imports are followed on disk.
        foreignCall =
          typedFollower ??
          (importsOnDisk(context.settings) ? createDiskFollower(context.filename, imports, context.cwd) : undefined);
        // The file's shared engine; with a follower, a tracker of its own that follows calls into other files.
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
          (node.object.name === 'process' || node.object.name === 'Deno') &&
          tracker?.sourceOf(node).weak
        )
          sawSource = true;
      },
      TaggedTemplateExpression(node) {
        // sql`SELECT nextval('invite_seq')`: a database sequence.
        if (!sawSource && sequenceTemplate(node)) sawSource = true;
      },
      UpdateExpression(node) {
        // A counter (`seq++`) may make a token; a loop's own step (`for (…; i++)`) does not.
        if (node.parent.type !== T.ForStatement || node.parent.update !== node) sawSource = true;
      },
      VariableDeclarator(node) {
        // `const bytes = new Uint8Array(32)`: zeros, unless something fills it (the engine decides).
        if (!sawSource && sizedArray(node)) sawSource = true;
        if (node.id.type === T.Identifier) byName(node.init, node.id.name, `stored in ${node.id.name}`, 1);
      },
      AssignmentExpression(node) {
        if (node.operator === '+=' && node.right.type === T.Literal) sawSource = true;
        // A generator's state stepped from itself (`s ^= s << 13`, an LCG).
        else if (!sawSource && node.left.type === T.Identifier && selfStep(node, node.left.name)) sawSource = true;
        if (node.operator !== '=') return;
        const name =
          node.left.type === T.Identifier
            ? node.left.name
            : node.left.type === T.MemberExpression
              ? propertyName(node.left)
              : undefined;
        byName(node.right, name, `stored in ${shortText(sourceCode, node.left)}`, 1);
      },
      Property(node) {
        if (node.parent.type !== T.ObjectExpression || node.kind !== 'init' || node.method) return;
        const name = propertyName(node);
        byName(node.value, name, `stored in property ${name ?? ''}`, 1);
        if (node.value.type !== T.Identifier) fieldValues.push(node.value);
      },
      TemplateLiteral(node) {
        if (node.expressions.length) purposes.fromLink(node);
      },
      'BinaryExpression[operator="+"]'(node: TSESTree.BinaryExpression) {
        purposes.fromLink(node);
      },
      AssignmentPattern(node) {
        // A parameter's or a destructured name's default: `unlockKey = Math.random().toString(36)`.
        if (node.left.type === T.Identifier) byName(node.right, node.left.name, `the default of ${node.left.name}`, 1);
      },
      PropertyDefinition(node) {
        const name = propertyName(node);
        byName(node.value, name, `stored in ${name ?? ''}`, 1);
      },
      ReturnStatement(node) {
        const fn = node.argument && enclosingFunction(node);
        const maker = fn && makerName(fn);
        if (maker) byName(node.argument, maker.name, `returned by ${maker.title}()`, 2);
        if (fn && node.argument) noteExported(fn, node.argument);
      },
      'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression': (n: FunctionNode) => standIns.noteFunction(n),
      'ArrowFunctionExpression[expression=true]'(node: TSESTree.ArrowFunctionExpression) {
        const maker = makerName(node);
        if (maker) byName(node.body, maker.name, `returned by ${maker.title}()`, 2);
        noteExported(node, node.body);
      },
      'Program:exit'() {
        if (sawSource && tracker && importsOnDisk(context.settings))
          for (const r of exportedReturns) {
            const t = tracker.taintOf(r.expr);
            if (t.entropy || !t.weak.some((h) => h.kind === 'source')) continue;
            // A helper that other modules also use for ids or labels is a general utility: the secret call sites
            // are reported in their own files. Only a helper whose every caller keeps a secret is reported here.
            joinCallers(purposes, r, resolve(context.cwd, context.filename));
          }
        if (tracker && standIns.addPurposes(sourceCode.visitorKeys, tracker, purposes)) sawSource = true;
        if (sawSource) purposes.fromUses(secretUsesOf(sourceCode), fieldValues); // used as secrets (secret-uses.ts)
        // A request nonce a MAC signs: its job is to be new, the key's to be secret (signed-nonces.ts).
        const kept = purposes.purposes.filter((p) => !isSignedRequestNonce(p.expr, getScope));
        const reportedWhereMade = (hit: WeakHit): boolean =>
          purposes.madeUnderPurpose(hit, (f) => isTestFile(f, context.cwd));
        const check = { sourceCode, tracker, sawSource, foreignCall, purposes: kept, fixes, reportedWhereMade };
        checkPurposes(check, findings, getScope);
        // A random index that picks one of a list of options makes no secret (random-picks.ts).
        for (const f of findings.values()) if (!picksOneOption(f.node, getScope)) context.report(reportOf(f));
      },
    };
  },
});
