import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  deprecatedPasswordCiphers,
  isPassphraseKeySink,
  kdfShortfalls,
  minSaltBytes,
  passwordKeySinkExceptions,
  type KdfSite,
} from '../src/catalogue/kdf.js';
import { derefConst, type FunctionNode } from '../src/rule-kit/ast.js';
import { passwordKeyLaterChecks } from '../src/rule-kit/kdf-named-limits.js';
import { kdfOverMachineSecret, passwordKdfSites } from '../src/rule-kit/kdf-work.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { encryptFirst } from '../src/rule-kit/decrypt-pairs.js';
import { legacyReadMessage, legacyReads } from '../src/rule-kit/legacy-reads.js';
import { fixedFormatMessage, gatedReport, legacyPathsSchema, type LegacyPaths } from '../src/rule-kit/fixed-formats.js';
import { decryptingCall } from '../src/catalogue/randomness.js';

const decrypting = (sinkId: string): boolean => decryptingCall.pattern.test(sinkId);
import { isTestFile } from '../src/rule-kit/files.js';
import { flowOf, type FileFlow } from '../src/rule-kit/flow/engine.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { algorithmName, locateParam, readKdfParams } from '../src/rule-kit/kdf-params.js';
import { kdfPurposeOf } from '../src/rule-kit/kdf-purpose.js';
import { kdfSuggester } from '../src/rule-kit/kdf-suggestions.js';
import { moduleValueOf, type ModuleValue } from '../src/rule-kit/module-values.js';
import { fittedAt, passwordKeyHelpers } from '../src/rule-kit/password-key-helpers.js';
import { weakestNumber } from '../src/rule-kit/numbers.js';
import { declaredString } from '../src/rule-kit/declared-types.js';
import { otherKdfForms } from '../src/rule-kit/kdf-options.js';
import { randomSizeArg } from '../src/rule-kit/random-size.js';
import { calleePathOf, matchSinks } from '../src/rule-kit/sinks.js';

type MessageIds =
  | 'passwordAsKey'
  | 'hashedPassword'
  | 'deprecatedCipher'
  | 'cryptoJsPassphrase'
  | 'weakKdf'
  | 'shortSalt'
  | 'useDeriveKey'
  | 'useScrypt'
  | 'raiseParam'
  | 'legacyRead'
  | 'fixedFormat';
type Options = [{ legacyPaths?: LegacyPaths }];

const within = (n: TSESTree.Node, outer: TSESTree.Node): boolean =>
  n.range[0] >= outer.range[0] && n.range[1] <= outer.range[1];

type Scope = TSESLint.Scope.Scope;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;
type KeyCall = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * Key and secret arguments (a password there is the finding), HKDF's input keying material (HKDF adds no
 * work: it is for inputs with full entropy, RFC 5869 §4), and password arguments (the deprecated APIs).
 */
/** The KDF sites a call's path matches (tested once per distinct path). */
const SINK_ROLES: ReadonlySet<string> = new Set(['key', 'secret', 'ikm', 'password']);
const ROLE_TEXT: Readonly<Record<string, string>> = { secret: 'secret', ikm: 'input keying material' };

/**
 * With type information only: whether a crypto-js key argument is typed as a string (a passphrase there).
 * Asked only for crypto-js cipher keys that no other check explained. Assignable to `string` but not to
 * `number` rules out `any` and `never` without reading `ts.TypeFlags` (whose values change between
 * TypeScript versions, and `typescript` is not imported so plain-JS projects still load the rule).
 */
function stringTypeOf(sourceCode: Readonly<TSESLint.SourceCode>): (node: TSESTree.Node) => boolean {
  const services = sourceCode.parserServices;
  return (node) => {
    const program = services?.program;
    const tsNode = program ? services.esTreeNodeToTSNodeMap?.get(node) : undefined;
    if (!program || !tsNode) return false;
    const checker = program.getTypeChecker();
    const type = checker.getTypeAtLocation(tsNode);
    return (
      checker.isTypeAssignableTo(type, checker.getStringType()) &&
      !checker.isTypeAssignableTo(type, checker.getNumberType())
    );
  };
}

/** A sink where a password is the right input (`importKey('raw', pw, 'PBKDF2', …)`). */
const isException = (sinkId: string, call: KeyCall, flow: FileFlow): boolean =>
  passwordKeySinkExceptions.some((e) => {
    if (e.sinkId !== sinkId) return false;
    const name = algorithmName(call.arguments[e.index], flow);
    return name !== undefined && e.oneOf.includes(name.toUpperCase());
  });

const rule = createRule<Options, MessageIds>({
  name: 'no-password-as-key',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow passwords used as keys: directly, through one plain hash, through password-based legacy APIs, or ' +
        'through a KDF with too little work or salt',
      recommended: 'recommended',
      category: 'password-as-key',
      requiresTypeChecking: true,
      cwe: [916, 327, 759, 760],
      // A decrypting call of a construction the module never encrypts with (src/rule-kit/legacy-reads.ts), and a
      // passphrase's key that a key-file format this module only reads fixes (src/rule-kit/fixed-formats.ts).
      messageSeverity: { legacyRead: 'low', fixedFormat: 'low' },
      strictOptions: [{ legacyPaths: 'all' }],
    },
    hasSuggestions: true,
    messages: {
      passwordAsKey:
        "The password '{{name}}' is used directly as the {{role}} of {{sink}}. A password has far less entropy " +
        'than a key: derive the key with a slow, salted KDF (argon2id or scrypt).',
      hashedPassword:
        "The {{role}} of {{sink}} is one plain hash ({{hash}}) of the password '{{name}}'. A fast, unsalted hash " +
        'adds no work for an attacker guessing passwords: use a slow, salted KDF (argon2id or scrypt).',
      deprecatedCipher:
        '{{api}} derives its key and IV from a password with one round of MD5 and no salt (EVP_BytesToKey); it is ' +
        'deprecated and removed in Node 22. Derive the key with scrypt or argon2id, and use createCipheriv with a ' +
        'random IV.',
      cryptoJsPassphrase:
        '{{sink}} receives a string key ({{source}}), so crypto-js treats it as a passphrase and derives the key ' +
        'with one round of MD5 (EVP_BytesToKey). Pass a WordArray key: random, or from CryptoJS.PBKDF2 with at ' +
        'least 600,000 iterations.',
      weakKdf:
        '{{kdf}} {{param}} is {{value}}{{isDefault}}, below {{floor}} ({{source}}): each password guess costs an ' +
        'attacker less than current guidance requires.',
      shortSalt: 'The salt for {{kdf}} is {{bytes}} bytes; use at least 16 random bytes (NIST SP 800-132 §5.1).',
      useDeriveKey:
        'Derive the key with deriveKey() from keyhygiene/keys (argon2id, salted). Store the salt with the data it ' +
        'protects.',
      useScrypt:
        'Derive the key with node:crypto scryptSync (N = 2^17, salted). Store the salt with the data it protects.',
      legacyRead: legacyReadMessage,
      fixedFormat: fixedFormatMessage,
      raiseParam:
        'Raise {{param}} to {{floor}} (existing hashes keep verifying only with their old parameters: re-derive ' +
        'them on next login).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { legacyPaths: legacyPathsSchema },
      },
    ],
  },
  defaultOptions: [{ legacyPaths: 'actionable' }],
  create(context, [options]) {
    // The documented test-file policy: KDF determinism tests run one iteration on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const flow = flowOf(sourceCode);
    const getScope = (n: TSESTree.Node): Scope => sourceCode.getScope(n);
    const deref = (node: TSESTree.Node | undefined | null): TSESTree.Node | undefined => derefConst(node, getScope);
    let imports: ImportMap = new Map();
    const suggester = kdfSuggester(context, () => imports, deref);
    const isStringTyped = stringTypeOf(sourceCode);
    const keyHelper = passwordKeyHelpers(flow, sourceCode.visitorKeys);
    // A key made from a password by a same-file key helper: reported inside the helper, where it is written.
    const fromKeyHelper = (n: TSESTree.Node): boolean =>
      flow.origins(n).some((o) => {
        const fn = o.node.type === T.CallExpression ? flow.callTarget(o.node) : undefined;
        return fn !== undefined && keyHelper(fn) !== undefined;
      });
    const held = (n: TSESTree.Node): ModuleValue | undefined =>
      moduleValueOf(n, { filename: context.filename, cwd: context.cwd, settings: context.settings, imports, getScope });
    const all = options.legacyPaths === 'all';
    const gated = gatedReport<MessageIds, Suggestion>(context, rule.meta.messages, all, (id) =>
      id === 'hashedPassword' || id === 'passwordAsKey' ? { passwordKey: true } : undefined,
    );
    const reportNow = gated.report;

    const report = reportNow;
    const pairs = encryptFirst(reportNow);
    // A read-only legacy path says so at the end of the file (its fix is a migration; low severity in the audit);
    // one the module has replaced with a writer is left out unless `legacyPaths` is 'all'.
    const reads = legacyReads<MessageIds, Suggestion>(sourceCode, rule.meta.messages, all ? undefined : gated.claim);
    const checkKeySinks = (node: KeyCall): void => {
      for (const hit of matchSinks(node, imports, getScope(node), SINK_ROLES)) {
        // A committed passphrase (a literal) is reported at each use; a password a person types, once a pair.
        const person = flow.passwordOf(hit.node);
        const report = reads.at(node, decrypting(hit.sink.id), person ? pairs.at(hit.sink.id, person.name) : reportNow);
        if (hit.arg.role === 'password') {
          if (deprecatedPasswordCiphers.includes(hit.sink.id))
            report(node.callee, 'deprecatedCipher', { api: hit.sink.title.replace(/ \(.*\)$/, '') });
          continue;
        }
        if (isException(hit.sink.id, node, flow) || hit.arg.issued) continue; // issued: the service's own credential
        const role = ROLE_TEXT[hit.arg.role] ?? 'key';
        const pw = flow.passwordOf(hit.node);
        if (pw && !pw.via.some((t) => t.kind === 'kdf')) {
          if (fromKeyHelper(hit.node)) continue;
          const hash = pw.via.find((t) => t.kind === 'hash');
          if (!hash) {
            // A passphrase padded, cut or copied into a key-size buffer is reported where it is fitted (the line
            // to change), not at the cipher call that later reads the buffer.
            const fitted = fittedAt(pw.via, node);
            const fit = fitted && !within(fitted, hit.node) ? fitted : undefined;
            const suggest =
              hit.arg.role === 'ikm' || fit
                ? []
                : suggester.derive(hit.node, sourceCode.getText(hit.node), hit.sink.id, node);
            report(fit ?? hit.node, 'passwordAsKey', { name: pw.name, role, sink: hit.sink.title }, suggest);
            continue;
          }
          // A hash written where the key is made is reported there; one inside a helper, at the argument.
          const direct = hash.inHelper !== true;
          const suggest =
            direct && pw.via.length === 1 && hit.arg.role !== 'ikm'
              ? suggester.derive(hash.node, sourceCode.getText(hash.input), hit.sink.id, node)
              : [];
          const data = { name: pw.name, role, sink: hit.sink.title, hash: hash.title };
          report(direct ? hash.node : hit.node, 'hashedPassword', data, suggest);
          continue;
        }
        if (!isPassphraseKeySink(hit.sink.id)) continue;
        const o = flow.origins(hit.node).find((x) => x.kind === 'string' || x.kind === 'env');
        const source = o
          ? o.kind === 'env'
            ? `process.env.${o.ref ?? ''}`
            : 'a string literal'
          : declaredString(hit.node, flow) || isStringTyped(hit.node)
            ? 'a value typed string'
            : undefined;
        if (source !== undefined) report(hit.node, 'cryptoJsPassphrase', { sink: hit.sink.title, source });
      }
    };

    const checkKdf = (site: KdfSite, node: KeyCall): void => {
      const read = readKdfParams(site, node, flow, sourceCode, held);
      if (!read || kdfOverMachineSecret(site, node, flow)) return;
      for (const s of kdfShortfalls(site.kdf, read.params, kdfPurposeOf(node, site, sourceCode))) {
        const at = read.nodes[s.param];
        const data = {
          kdf: site.title,
          param: s.param,
          value: s.value,
          isDefault: at ? '' : ' (the library default)',
          floor: s.floor,
          source: s.source,
        };
        // A setting read from another module is raised there, not replaced here.
        const raise = at && !read.held.has(s.param) ? suggester.raise(at, s, site.id) : [];
        report(at ?? node.callee, 'weakKdf', data, raise);
      }
      const salt = site.saltSizeFixed ? undefined : locateParam(node, site.salt, flow);
      if (salt?.state !== 'value') return;
      for (const o of flow.origins(salt.node)) {
        if (o.kind !== 'call' || o.node.type !== T.CallExpression) continue;
        const sizeArg = randomSizeArg(o.node);
        const size = sizeArg && weakestNumber(sizeArg, flow);
        if (!size || size.value >= minSaltBytes) continue;
        report(size.node, 'shortSalt', { kdf: site.title, bytes: size.value }, suggester.raiseSalt(size.node));
      }
    };

    const laterChecks = passwordKeyLaterChecks(flow, report, context.sourceCode.text);
    const checkOtherForms = otherKdfForms(flow, sourceCode, report);
    return {
      Program(program) {
        imports = collectImports(program);
      },
      ...laterChecks,
      'Program:exit'() {
        reads.flush(gated.made());
        pairs.flush();
        laterChecks['Program:exit']?.();
      },
      'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(fn: FunctionNode) {
        const h = keyHelper(fn);
        if (!h) return;
        const data = { name: h.password, role: 'key', sink: `${h.name}() (its return value)` };
        if (h.hash !== undefined) report(h.node, 'hashedPassword', { ...data, hash: h.hash });
        else report(h.node, 'passwordAsKey', data);
      },
      'CallExpression, NewExpression'(node: KeyCall) {
        checkKeySinks(node);
        const cp = calleePathOf(node, imports, getScope(node));
        // A global (`Bun.password.hash`) has no path: only the forms named in its options can be read.
        if (!cp) return checkOtherForms(node, cp, false);
        const { sites, judged } = passwordKdfSites(node, cp, sourceCode, getScope);
        for (const site of sites) checkKdf(site, node);
        checkOtherForms(node, cp, judged);
      },
    };
  },
});

export default rule;
