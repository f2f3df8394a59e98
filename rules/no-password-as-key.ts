import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import {
  deprecatedPasswordCiphers,
  isPassphraseKeySink,
  kdfShortfalls,
  kdfSites,
  minSaltBytes,
  normaliseDigest,
  passwordKeySinkExceptions,
  readsExistingKey,
  type KdfParams,
  type KdfShortfall,
  type KdfSite,
  type ParamLoc,
} from '../src/catalogue/kdf.js';
import { canAwaitAt, propertyName, staticNumber, staticString, unwrap, derefConst } from '../src/rule-kit/ast.js';
import { randomSizeArg } from '../src/rule-kit/random-size.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { ensureNamedImport } from '../src/rule-kit/fixes.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { calleePathOf, matchSinks, sinkMatches } from '../src/rule-kit/sinks.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { kdfPurposeOf } from '../src/rule-kit/kdf-purpose.js';

type MessageIds =
  | 'passwordAsKey'
  | 'hashedPassword'
  | 'deprecatedCipher'
  | 'cryptoJsPassphrase'
  | 'weakKdf'
  | 'shortSalt'
  | 'useDeriveKey'
  | 'useScrypt'
  | 'raiseParam';
type Options = [];

type Scope = TSESLint.Scope.Scope;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** Key and secret arguments (a password there is the finding), and password arguments (for the deprecated APIs). */
const SINK_ROLES: ReadonlySet<string> = new Set(['key', 'secret', 'password']);
const NODE_CRYPTO = new Set(['crypto', 'node:crypto']);

/** What a parameter location holds: a static number/node, nothing (the library default applies), or something unreadable. */
type Located =
  | { readonly state: 'value'; readonly node: TSESTree.Node }
  | { readonly state: 'missing' }
  | { readonly state: 'unknown' };

export default createRule<Options, MessageIds>({
  name: 'no-password-as-key',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow passwords used as keys: directly, through one plain hash, through password-based legacy APIs, or through a KDF with too little work or salt',
      recommended: 'recommended',
      category: 'password-as-key',
      requiresTypeChecking: true,
      cwe: [916, 327, 759, 760],
    },
    hasSuggestions: true,
    messages: {
      passwordAsKey:
        "The password '{{name}}' is used directly as the {{role}} of {{sink}}. A password has far less entropy than a key: derive the key with a slow, salted KDF (argon2id or scrypt).",
      hashedPassword:
        "The {{role}} of {{sink}} is one plain hash ({{hash}}) of the password '{{name}}'. A fast, unsalted hash adds no work for an attacker guessing passwords: use a slow, salted KDF (argon2id or scrypt).",
      deprecatedCipher:
        '{{api}} derives its key and IV from a password with one round of MD5 and no salt (EVP_BytesToKey); it is deprecated and removed in Node 22. Derive the key with scrypt or argon2id, and use createCipheriv with a random IV.',
      cryptoJsPassphrase:
        '{{sink}} receives a string key ({{source}}), so crypto-js treats it as a passphrase and derives the key with one round of MD5 (EVP_BytesToKey). Pass a WordArray key: random, or from CryptoJS.PBKDF2 with at least 600,000 iterations.',
      weakKdf:
        '{{kdf}} {{param}} is {{value}}{{isDefault}}, below {{floor}} ({{source}}): each password guess costs an attacker less than current guidance requires.',
      shortSalt: 'The salt for {{kdf}} is {{bytes}} bytes; use at least 16 random bytes (NIST SP 800-132 §5.1).',
      useDeriveKey:
        'Derive the key with deriveKey() from keyhygiene/keys (argon2id, salted). Store the salt with the data it protects.',
      useScrypt:
        'Derive the key with node:crypto scryptSync (N = 2^17, salted). Store the salt with the data it protects.',
      raiseParam:
        'Raise {{param}} to {{floor}} (existing hashes keep verifying only with their old parameters: re-derive them on next login).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // The documented test-file policy: KDF determinism tests run one iteration on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const getScope = (n: TSESTree.Node): Scope => sourceCode.getScope(n);
    const sourceType = (context.languageOptions as { sourceType?: 'module' | 'script' | 'commonjs' }).sourceType;
    const reported = new Set<TSESTree.Node>();
    let imports: ImportMap = new Map();
    const flow = flowOf(sourceCode);

    const report = (
      node: TSESTree.Node,
      messageId: MessageIds,
      data: Record<string, string | number>,
      suggest: Suggestion[] = [],
    ): void => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data, ...(suggest.length ? { suggest } : {}) });
    };

    /**
     * With type information only: whether a crypto-js key argument is typed as a string (a passphrase there).
     * Asked only for crypto-js cipher keys that no other check explained. Assignable to `string` but not to
     * `number` rules out `any` and `never` without reading `ts.TypeFlags` (whose values change between
     * TypeScript versions, and `typescript` is not imported so plain-JS projects still load the rule).
     */
    const services = sourceCode.parserServices;
    const isStringTyped = (node: TSESTree.Node): boolean => {
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

    const deref = (node: TSESTree.Node | undefined | null): TSESTree.Node | undefined => derefConst(node, getScope);

    const locate = (call: TSESTree.CallExpression | TSESTree.NewExpression, loc: ParamLoc | undefined): Located => {
      if (!loc) return { state: 'unknown' };
      const arg = call.arguments[loc.index];
      if (!arg) return { state: 'missing' };
      if (arg.type === T.SpreadElement) return { state: 'unknown' };
      if (!loc.property) return { state: 'value', node: arg };
      const obj = deref(arg);
      if (obj?.type !== T.ObjectExpression) return { state: 'unknown' };
      for (const key of loc.property) {
        for (const p of obj.properties)
          if (p.type === T.Property && propertyName(p) === key) return { state: 'value', node: p.value };
      }
      return obj.properties.some((p) => p.type === T.SpreadElement) ? { state: 'unknown' } : { state: 'missing' };
    };

    const numberAt = (l: Located): { value: number; node: TSESTree.Node } | undefined => {
      if (l.state !== 'value') return undefined;
      const n = deref(l.node);
      const v = staticNumber(n);
      return v === undefined || !n ? undefined : { value: v, node: n };
    };

    // ---- suggestions ----------------------------------------------------------------------------------

    /** The statement to put `const salt = …` before: inside a function, with no function in between. */
    const statementForSalt = (node: TSESTree.Node): TSESTree.Node | undefined => {
      for (let p: TSESTree.Node = node; p.parent; p = p.parent) {
        const up = p.parent;
        if (
          up.type === T.FunctionDeclaration ||
          up.type === T.FunctionExpression ||
          up.type === T.ArrowFunctionExpression
        )
          return undefined;
        if (up.type === T.BlockStatement || up.type === T.StaticBlock || up.type === T.SwitchCase) {
          // A block directly in a function or a nested block, never the module top level.
          return p;
        }
        if (up.type === T.Program) return undefined;
      }
      return undefined;
    };

    const nodeCryptoNamespace = (): string | undefined => {
      for (const [local, b] of imports)
        if (NODE_CRYPTO.has(b.module) && (b.imported === '*' || b.imported === 'default')) return local;
      return undefined;
    };
    const nodeCryptoFunction = (name: string): string | undefined => {
      for (const [local, b] of imports) if (NODE_CRYPTO.has(b.module) && b.imported === name) return local;
      const ns = nodeCryptoNamespace();
      return ns === undefined ? undefined : `${ns}.${name}`;
    };
    const inScope = (node: TSESTree.Node, name: string): boolean =>
      ASTUtils.findVariable(getScope(node), name) !== null;
    /** A CommonJS file cannot take the `import` a keyhygiene/keys suggestion adds. */
    const commonJs = (): boolean =>
      sourceType === 'commonjs' ||
      sourceType === 'script' ||
      /\.c[jt]s$/.test(context.filename) ||
      (!sourceCode.ast.body.some(
        (s) =>
          s.type === T.ImportDeclaration ||
          s.type === T.ExportNamedDeclaration ||
          s.type === T.ExportDefaultDeclaration,
      ) &&
        [...imports.values()].length > 0);

    /**
     * How a suggestion gets its salt: a `salt` already in scope, or a fresh one declared before the statement
     * (only where the key is made to encrypt or sign: a decrypting call must read the stored salt).
     */
    const saltPlan = (
      target: TSESTree.Node,
      sinkId: string,
    ): { insert?: { before: TSESTree.Node; text: string }; importRandom: boolean } | undefined => {
      if (inScope(target, 'salt')) return { importRandom: false };
      if (readsExistingKey(sinkId)) return undefined;
      const stmt = statementForSalt(target);
      if (!stmt) return undefined;
      let random = 'randomBytes';
      let importRandom = false;
      if (!inScope(target, 'randomBytes')) {
        const ns = nodeCryptoNamespace();
        if (ns !== undefined) random = `${ns}.randomBytes`;
        else importRandom = true;
      }
      const indent = ' '.repeat(stmt.loc.start.column);
      return {
        insert: {
          before: stmt,
          text: `const salt = ${random}(${minSaltBytes}); // store the salt with the data it protects\n${indent}`,
        },
        importRandom,
      };
    };

    const keyLengthFor = (call: TSESTree.CallExpression | TSESTree.NewExpression): number => {
      const alg = staticString(deref(call.arguments[0]));
      const m = alg ? /aes-?(128|192|256)/i.exec(alg) : null;
      return m ? Number(m[1]) / 8 : 32;
    };

    /** deriveKey / scryptSync suggestions replacing `target` with a key derived from `passwordText`. */
    const deriveSuggestions = (
      target: TSESTree.Node,
      passwordText: string,
      sinkId: string,
      call: TSESTree.CallExpression | TSESTree.NewExpression,
    ): Suggestion[] => {
      if (isPassphraseKeySink(sinkId)) return [];
      const plan = saltPlan(target, sinkId);
      if (!plan) return [];
      const cjs = commonJs();
      if (cjs && plan.importRandom) return [];
      const out: Suggestion[] = [];
      if (canAwaitAt(target, sourceType) && !cjs) {
        out.push({
          messageId: 'useDeriveKey',
          fix: (fixer) => {
            const fixes = [fixer.replaceText(target, `(await deriveKey(${passwordText}, { salt })).expose()`)];
            if (plan.insert) fixes.push(fixer.insertTextBefore(plan.insert.before, plan.insert.text));
            const imp = ensureNamedImport(
              fixer,
              context,
              plan.importRandom ? ['deriveKey', 'randomBytes'] : ['deriveKey'],
            );
            if (imp) fixes.push(imp);
            return fixes;
          },
        });
      }
      const scrypt = nodeCryptoFunction('scryptSync');
      if (scrypt !== undefined) {
        out.push({
          messageId: 'useScrypt',
          fix: (fixer) => {
            const fixes = [
              fixer.replaceText(
                target,
                `${scrypt}(${passwordText}, salt, ${keyLengthFor(call)}, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 })`,
              ),
            ];
            if (plan.insert) fixes.push(fixer.insertTextBefore(plan.insert.before, plan.insert.text));
            if (plan.importRandom) {
              const imp = ensureNamedImport(fixer, context, 'randomBytes');
              if (imp) fixes.push(imp);
            }
            return fixes;
          },
        });
      }
      return out;
    };

    // ---- checks -----------------------------------------------------------------------------------------

    const isException = (sinkId: string, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean =>
      passwordKeySinkExceptions.some((e) => {
        if (e.sinkId !== sinkId) return false;
        const a = call.arguments[e.index];
        const name =
          staticString(deref(a)) ?? (a && a.type !== T.SpreadElement ? staticString(deref(locateName(a))) : undefined);
        return name !== undefined && e.oneOf.includes(name.toUpperCase());
      });
    const locateName = (a: TSESTree.Node): TSESTree.Node | undefined => {
      const o = deref(a);
      if (o?.type !== T.ObjectExpression) return undefined;
      for (const p of o.properties) if (p.type === T.Property && propertyName(p) === 'name') return p.value;
      return undefined;
    };

    const checkKeySinks = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const hits = matchSinks(node, imports, getScope(node), SINK_ROLES);
      for (const hit of hits) {
        if (hit.arg.role === 'password') {
          if (deprecatedPasswordCiphers.includes(hit.sink.id))
            report(node.callee, 'deprecatedCipher', { api: hit.sink.title.replace(/ \(.*\)$/, '') });
          continue;
        }
        if (isException(hit.sink.id, node)) continue;
        const role = hit.arg.role === 'secret' ? 'secret' : 'key';
        let done = false;
        const pw = flow.passwordOf(hit.node);
        if (pw && !pw.via.some((t) => t.kind === 'kdf')) {
          const hash = pw.via.find((t) => t.kind === 'hash');
          if (!hash) {
            report(
              hit.node,
              'passwordAsKey',
              { name: pw.name, role, sink: hit.sink.title },
              deriveSuggestions(hit.node, sourceCode.getText(hit.node), hit.sink.id, node),
            );
          } else {
            // A hash written where the key is made is reported there; one inside a helper, at the argument.
            const direct = hash.inHelper !== true;
            report(
              direct ? hash.node : hit.node,
              'hashedPassword',
              { name: pw.name, role, sink: hit.sink.title, hash: hash.title },
              direct && pw.via.length === 1
                ? deriveSuggestions(hash.node, sourceCode.getText(hash.input), hit.sink.id, node)
                : [],
            );
          }
          continue;
        }
        if (isPassphraseKeySink(hit.sink.id)) {
          const o = flow.origins(hit.node).find((x) => x.kind === 'string' || x.kind === 'env');
          if (o) {
            report(hit.node, 'cryptoJsPassphrase', {
              sink: hit.sink.title,
              source: o.kind === 'env' ? `process.env.${o.ref ?? ''}` : 'a string literal',
            });
            done = true;
          }
        }
        if (!done && isPassphraseKeySink(hit.sink.id) && isStringTyped(hit.node)) {
          report(hit.node, 'cryptoJsPassphrase', { sink: hit.sink.title, source: 'a value typed string' });
        }
      }
    };

    const checkKdf = (site: KdfSite, node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      if (site.whenName) {
        const a = node.arguments[site.whenName.index];
        const name =
          a && a.type !== T.SpreadElement ? (staticString(deref(a)) ?? staticString(deref(locateName(a)))) : undefined;
        if (name === undefined || !site.whenName.oneOf.includes(name.toUpperCase())) return;
      }
      const params: { -readonly [K in keyof KdfParams]: KdfParams[K] } = {};
      const nodes: Partial<Record<KdfShortfall['param'], TSESTree.Node>> = {};
      const read = (
        loc: ParamLoc | undefined,
        key: 'iterations' | 'cost' | 'memoryKiB' | 'passes',
        param: KdfShortfall['param'],
      ): void => {
        const l = locate(node, loc);
        const n = numberAt(l);
        if (n) {
          params[key] = n.value;
          nodes[param] = n.node;
        } else if (l.state === 'missing' && site.defaults?.[key] !== undefined) params[key] = site.defaults[key];
      };
      read(site.iterations, 'iterations', 'iterations');
      read(site.cost, 'cost', 'N');
      read(site.memoryKiB, 'memoryKiB', 'memory');
      read(site.passes, 'passes', 'passes');
      const d = locate(node, site.digest);
      if (d.state === 'value') {
        const text =
          staticString(deref(d.node)) ?? staticString(deref(locateName(d.node))) ?? sourceCode.getText(d.node);
        const digest = normaliseDigest(text);
        if (digest) params.digest = digest;
      } else if (d.state === 'missing' && site.defaults?.digest) params.digest = site.defaults.digest;

      // A KDF over random bytes (a key, not a password) has no guessing attack to slow down.
      const input = site.id.startsWith('webcrypto.') ? undefined : node.arguments[0];
      if (input && input.type !== T.SpreadElement) {
        const from = flow.origins(input);
        if (
          from.length &&
          from.every((o) => o.kind === 'call' && o.node.type === T.CallExpression && randomSizeArg(o.node))
        )
          return;
      }
      for (const s of kdfShortfalls(site.kdf, params, kdfPurposeOf(node, site, sourceCode))) {
        const at = nodes[s.param];
        const suggest: Suggestion[] = [];
        if (at && (unwrap(at).type === T.Literal || unwrap(at).type === T.BinaryExpression)) {
          suggest.push({
            messageId: 'raiseParam',
            data: { param: s.param, floor: s.floor },
            fix: (fixer) => {
              const fixes = [fixer.replaceText(at, s.param === 'N' ? `2 ** ${Math.log2(s.floor)}` : String(s.floor))];
              // node:crypto refuses N = 2^15 under its default 32 MiB maxmem: raise it with N.
              const obj = at.parent?.type === T.Property ? at.parent.parent : undefined;
              if (
                s.param === 'N' &&
                site.id.startsWith('node-crypto.') &&
                obj?.type === T.ObjectExpression &&
                !obj.properties.some((p) => p.type === T.Property && propertyName(p) === 'maxmem')
              ) {
                // 128 · N · r bytes (r = 8), doubled for headroom: 64 MiB at 2^15, 256 MiB at 2^17.
                fixes.push(
                  fixer.insertTextAfter(at.parent!, `, maxmem: ${(s.floor * 128 * 8 * 2) / 2 ** 20} * 1024 * 1024`),
                );
              }
              return fixes;
            },
          });
        }
        report(
          at ?? node.callee,
          'weakKdf',
          {
            kdf: site.title,
            param: s.param,
            value: s.value,
            isDefault: at ? '' : ' (the library default)',
            floor: s.floor,
            source: s.source,
          },
          suggest,
        );
      }

      const salt = locate(node, site.salt);
      if (salt.state === 'value') {
        for (const o of flowOf(sourceCode).origins(salt.node)) {
          if (o.kind !== 'call' || o.node.type !== T.CallExpression) continue;
          const sizeArg = randomSizeArg(o.node);
          const size = sizeArg && numberAt({ state: 'value', node: sizeArg });
          if (!size || size.value >= minSaltBytes) continue;
          const lit = unwrap(size.node).type === T.Literal;
          report(
            size.node,
            'shortSalt',
            { kdf: site.title, bytes: size.value },
            lit
              ? [
                  {
                    messageId: 'raiseParam',
                    data: { param: 'the salt length', floor: minSaltBytes },
                    fix: (fixer) => fixer.replaceText(size.node, String(minSaltBytes)),
                  },
                ]
              : [],
          );
        }
      }
    };

    return {
      Program(program) {
        imports = collectImports(program);
      },
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        checkKeySinks(node);
        const cp = calleePathOf(node, imports, getScope(node));
        if (!cp) return;
        for (const site of kdfSites) if (sinkMatches(site, cp)) checkKdf(site, node);
      },
    };
  },
});
