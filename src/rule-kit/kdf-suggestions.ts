/**
 * Suggestions for a password that reaches a key without a slow KDF, and for KDF work factors below
 * their floor: replace the key with `deriveKey()` (keyhygiene/keys, argon2id) or `scryptSync(…, N = 2^17)`,
 * with a salt in scope or a fresh one; raise a literal work factor to its floor. Suggestions only, never
 * autofixes: each one changes what key the code derives (STYLE practice 4).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { isPassphraseKeySink, minSaltBytes, readsExistingKey, type KdfShortfall } from '../catalogue/kdf.js';
import { canAwaitAt, propertyName, staticString, unwrap } from './ast.js';
import { ensureNamedImport } from './fixes.js';
import type { ImportMap } from './imports.js';

type KdfSuggestionId = 'useDeriveKey' | 'useScrypt' | 'raiseParam';
type Suggestion = TSESLint.SuggestionReportDescriptor<KdfSuggestionId>;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type KeyCall = TSESTree.CallExpression | TSESTree.NewExpression;

const NODE_CRYPTO = new Set(['crypto', 'node:crypto']);

/** The statement to put `const salt = …` before: inside a function, with no function in between. */
function statementForSalt(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let p: TSESTree.Node = node; p.parent; p = p.parent) {
    const up = p.parent;
    if (up.type === T.FunctionDeclaration || up.type === T.FunctionExpression || up.type === T.ArrowFunctionExpression)
      return undefined;
    // A block directly in a function or a nested block, never the module top level.
    if (up.type === T.BlockStatement || up.type === T.StaticBlock || up.type === T.SwitchCase) return p;
    if (up.type === T.Program) return undefined;
  }
  return undefined;
}

function keyLengthFor(call: KeyCall, deref: (n: TSESTree.Node | undefined) => TSESTree.Node | undefined): number {
  const alg = staticString(deref(call.arguments[0]));
  const m = alg ? /aes-?(128|192|256)/i.exec(alg) : null;
  return m ? Number(m[1]) / 8 : 32;
}

export interface KdfSuggester {
  /** deriveKey / scryptSync suggestions replacing `target` with a key derived from `passwordText`. */
  derive(target: TSESTree.Node, passwordText: string, sinkId: string, call: KeyCall): Suggestion[];
  /** Raise a literal work factor (`at`) to its floor; node:crypto scrypt also gets the `maxmem` N needs. */
  raise(at: TSESTree.Node, s: KdfShortfall, siteId: string): Suggestion[];
  /** Raise a literal salt size to the floor. */
  raiseSalt(size: TSESTree.Node): Suggestion[];
}

/**
 * The suggestion builders for one file. `imports` is read lazily (the rule fills it on `Program`);
 * `deref` follows const bindings.
 */
export function kdfSuggester(
  context: Context,
  imports: () => ImportMap,
  deref: (n: TSESTree.Node | undefined) => TSESTree.Node | undefined,
): KdfSuggester {
  const sourceCode = context.sourceCode;
  const sourceType = (context.languageOptions as { sourceType?: 'module' | 'script' | 'commonjs' }).sourceType;

  const nodeCryptoNamespace = (): string | undefined => {
    for (const [local, b] of imports())
      if (NODE_CRYPTO.has(b.module) && (b.imported === '*' || b.imported === 'default')) return local;
    return undefined;
  };
  const nodeCryptoFunction = (name: string): string | undefined => {
    for (const [local, b] of imports()) if (NODE_CRYPTO.has(b.module) && b.imported === name) return local;
    const ns = nodeCryptoNamespace();
    return ns === undefined ? undefined : `${ns}.${name}`;
  };
  const inScope = (node: TSESTree.Node, name: string): boolean =>
    ASTUtils.findVariable(sourceCode.getScope(node), name) !== null;
  /** A CommonJS file cannot take the `import` a keyhygiene/keys suggestion adds. */
  const commonJs = (): boolean =>
    sourceType === 'commonjs' ||
    sourceType === 'script' ||
    /\.c[jt]s$/.test(context.filename) ||
    (!sourceCode.ast.body.some(
      (s) =>
        s.type === T.ImportDeclaration || s.type === T.ExportNamedDeclaration || s.type === T.ExportDefaultDeclaration,
    ) &&
      imports().size > 0);

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
    const text = `const salt = ${random}(${minSaltBytes}); // store the salt with the data it protects\n${indent}`;
    return { insert: { before: stmt, text }, importRandom };
  };

  const derive: KdfSuggester['derive'] = (target, passwordText, sinkId, call) => {
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
      const len = keyLengthFor(call, deref);
      out.push({
        messageId: 'useScrypt',
        fix: (fixer) => {
          const text = `${scrypt}(${passwordText}, salt, ${len}, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 })`;
          const fixes = [fixer.replaceText(target, text)];
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

  const raise: KdfSuggester['raise'] = (at, s, siteId) => {
    const u = unwrap(at);
    if (u.type !== T.Literal && u.type !== T.BinaryExpression) return [];
    return [
      {
        messageId: 'raiseParam',
        data: { param: s.param, floor: s.floor },
        fix: (fixer) => {
          const fixes = [fixer.replaceText(at, s.param === 'N' ? `2 ** ${Math.log2(s.floor)}` : String(s.floor))];
          // node:crypto refuses N = 2^15 under its default 32 MiB maxmem: raise it with N.
          const obj = at.parent?.type === T.Property ? at.parent.parent : undefined;
          if (
            s.param === 'N' &&
            siteId.startsWith('node-crypto.') &&
            obj?.type === T.ObjectExpression &&
            !obj.properties.some((p) => p.type === T.Property && propertyName(p) === 'maxmem')
          ) {
            // 128 · N · r bytes (r = 8), doubled for headroom: 64 MiB at 2^15, 256 MiB at 2^17.
            const mib = (s.floor * 128 * 8 * 2) / 2 ** 20;
            fixes.push(fixer.insertTextAfter(at.parent!, `, maxmem: ${mib} * 1024 * 1024`));
          }
          return fixes;
        },
      },
    ];
  };

  const raiseSalt: KdfSuggester['raiseSalt'] = (size) =>
    unwrap(size).type === T.Literal
      ? [
          {
            messageId: 'raiseParam',
            data: { param: 'the salt length', floor: minSaltBytes },
            fix: (fixer) => fixer.replaceText(size, String(minSaltBytes)),
          },
        ]
      : [];

  return { derive, raise, raiseSalt };
}
