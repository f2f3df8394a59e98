import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  cdkDuration,
  durationStringPattern,
  enumMemberPattern,
  iacKeyResources,
  jwtSigners,
  keyringOpeners,
  keySelectionName,
  suggestedKeyId,
  type CallMatch,
  type IacKeyResource,
  type JwtSigner,
  type PeriodFormat,
} from '../src/catalogue/iac.js';
import { normaliseName } from '../src/detect/index.js';
import {
  constInitOf,
  findVariable,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
  type Scope,
  type Variable,
} from '../src/rule-kit/ast.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { methodCallOn } from '../src/rule-kit/method-calls.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { calleePathOf, matchSinks, sinkMatches, type CalleePath } from '../src/rule-kit/sinks.js';

type MessageIds =
  | 'rotationOff'
  | 'periodMissing'
  | 'periodOutOfRange'
  | 'createKeyNoRotation'
  | 'jwtNoKid'
  | 'jweNoKid'
  | 'keyringRotationOff'
  | 'keyringPeriodTooLong'
  | 'enableRotation'
  | 'setRotationPeriod'
  | 'addKeyId'
  | 'keyringRotation';
type Options = [];

/** A property looked up in an object literal: found, certainly absent, or unknowable (a spread, a call). */
type Lookup =
  | { readonly kind: 'found'; readonly prop: TSESTree.Property; readonly value: TSESTree.Node }
  | { readonly kind: 'absent'; readonly obj: TSESTree.ObjectExpression }
  | { readonly kind: 'unknown' };

const KEY_ROLES: ReadonlySet<string> = new Set(['secret', 'key', 'private-key']);
const MAX_CONST_DEPTH = 4;

export default createRule<Options, MessageIds>({
  name: 'require-key-rotation',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require automatic rotation for KMS keys in infrastructure code, a key id on signed JWTs, and a bounded keyring cryptoperiod',
      recommended: 'recommended',
      category: 'missing-rotation',
      cwe: [324, 320],
    },
    hasSuggestions: true,
    messages: {
      rotationOff:
        '{{resource}} creates a symmetric KMS key with {{property}} {{state}}: its key material is never rotated, so one key protects every byte it ever encrypts.',
      periodMissing:
        '{{resource}} creates an encryption key with no automatic rotation ({{properties}} unset): Cloud KMS keeps one key version for as long as the key lives.',
      periodOutOfRange:
        '{{resource}} sets {{property}} to {{days}} days, outside {{min}} to {{max}} days ({{source}}).',
      createKeyNoRotation:
        '{{resource}} creates a symmetric KMS key, but this module never sends {{companion}}: the key is never rotated.',
      jwtNoKid:
        "{{signer}} signs with one static key and no '{{header}}' header: verifiers cannot tell an old key from a new one, so the key cannot be rotated without breaking every token already issued.",
      jweNoKid:
        "{{signer}} encrypts with one static key and no '{{header}}' header: the recipient cannot tell an old key from a new one, so the key cannot be rotated without breaking every token already issued.",
      keyringRotationOff:
        'The keyring is opened with rotation turned off: one key version stays in use with no end, past the NIST SP 800-57 cryptoperiod of {{max}} days for data-encryption keys.',
      keyringPeriodTooLong:
        'The keyring rotates after {{days}} days, longer than the NIST SP 800-57 cryptoperiod of {{max}} days for data-encryption keys.',
      enableRotation: 'Turn on automatic rotation ({{property}}: true).',
      setRotationPeriod: 'Rotate every 90 days ({{property}}: {{value}}).',
      addKeyId:
        "Name the key in the token header ({{property}}: '{{kid}}'), and bump it with each new key so verifiers pick the key by its kid.",
      keyringRotation: 'Rotate every {{days}} days (the keyring default).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // Test code builds throwaway stacks and signs throwaway tokens on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    let imports: ImportMap = new Map();
    /** CreateKeyCommand calls waiting for the module to show (or not) an EnableKeyRotationCommand. */
    const pending: { node: TSESTree.Node; res: IacKeyResource; results: readonly Variable[] }[] = [];
    const companionsSeen = new Set<string>();
    /** Companions whose KeyId is read from a variable (`out.KeyMetadata.KeyId`): resolved at the end. */
    const companionsFor: { res: string; variable: Variable }[] = [];

    /** The variables a CreateKey result is bound to: `const out = await kms.send(new CreateKeyCommand(…))`. */
    const resultVariables = (node: TSESTree.Node): readonly Variable[] => {
      let n: TSESTree.Node = node;
      for (let i = 0; i < 6 && n.parent; i++) {
        const p: TSESTree.Node = n.parent;
        if (p.type === T.VariableDeclarator) return p.init === n ? sourceCode.getDeclaredVariables(p) : [];
        const passes =
          (p.type === T.CallExpression &&
            (p.arguments.includes(n as TSESTree.CallExpressionArgument) || p.callee === n)) ||
          p.type === T.AwaitExpression ||
          p.type === T.MemberExpression ||
          p.type === T.TSAsExpression ||
          p.type === T.TSNonNullExpression;
        if (!passes) return [];
        n = p;
      }
      return [];
    };

    /** The variable a companion's KeyId is read from (`out` in `out.KeyMetadata!.KeyId!`), if any. */
    const keyIdVariable = (
      node: TSESTree.CallExpression | TSESTree.NewExpression,
      property: string,
      scope: Scope,
    ): Variable | undefined => {
      const opts = node.arguments[0] && unwrap(node.arguments[0]);
      if (opts?.type !== T.ObjectExpression) return undefined;
      const prop = opts.properties.find(
        (p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === property,
      );
      if (!prop) return undefined;
      let v = unwrap(prop.value);
      for (let i = 0; i < 8 && v.type === T.MemberExpression; i++) v = unwrap(v.object);
      return v.type === T.Identifier ? findVariable(scope, v) : undefined;
    };

    const matchesAny = (list: readonly CallMatch[], cp: CalleePath): boolean => list.some((m) => sinkMatches(m, cp));

    /** Follows const bindings to the expression they hold. */
    const valueOf = (node: TSESTree.Node, scope: Scope): TSESTree.Node => {
      let n = unwrap(node);
      for (let i = 0; i < MAX_CONST_DEPTH && n.type === T.Identifier; i++) {
        const init = constInitOf(n, scope);
        if (!init) break;
        n = unwrap(init);
      }
      return n.type === T.AwaitExpression ? unwrap(n.argument) : n;
    };

    /** A dotted property path inside an object literal (following consts at each step). */
    const lookup = (obj: TSESTree.ObjectExpression, path: string, scope: Scope): Lookup => {
      let cur: TSESTree.ObjectExpression = obj;
      const keys = path.split('.');
      for (let i = 0; i < keys.length; i++) {
        let found: TSESTree.Property | undefined;
        let spread = false;
        for (const p of cur.properties) {
          if (p.type === T.SpreadElement) spread = true;
          else if (propertyName(p) === keys[i]) found = p;
        }
        if (!found) return spread ? { kind: 'unknown' } : { kind: 'absent', obj: cur };
        if (i === keys.length - 1) return { kind: 'found', prop: found, value: found.value };
        const next = valueOf(found.value, scope);
        if (next.type !== T.ObjectExpression) return { kind: 'unknown' };
        cur = next;
      }
      return { kind: 'unknown' };
    };

    /** A static symbol: a string, a boolean, a number, or the last member of an enum access (`KeySpec.RSA_2048`). */
    const symbolOf = (node: TSESTree.Node, scope: Scope): string | undefined => {
      const n = valueOf(node, scope);
      const s = staticString(n);
      if (s !== undefined) return s;
      if (n.type === T.Literal && (typeof n.value === 'boolean' || typeof n.value === 'number')) return String(n.value);
      if (n.type === T.MemberExpression && !n.computed) {
        const member = propertyName(n);
        return member !== undefined && enumMemberPattern.test(member) ? member : undefined;
      }
      return undefined;
    };

    const isNothing = (node: TSESTree.Node, scope: Scope): boolean => {
      const n = valueOf(node, scope);
      return (
        (n.type === T.Identifier && n.name === 'undefined') ||
        (n.type === T.Literal && (n.value === null || n.value === ''))
      );
    };

    /** A rotation period in days, or undefined when it is not static. */
    const periodDays = (node: TSESTree.Node, format: PeriodFormat, scope: Scope): number | undefined => {
      const n = valueOf(node, scope);
      switch (format) {
        case 'days':
          return staticNumber(n);
        case 'cdk-duration': {
          if (n.type !== T.CallExpression) return undefined;
          const cp = calleePathOf(n, imports, scope);
          const unit = cp?.path.startsWith('Duration.') ? cp.path.slice('Duration.'.length) : undefined;
          const perUnit = unit === undefined ? undefined : cdkDuration.daysPerUnit[unit];
          if (!cp?.binding || !cdkDuration.modules.includes(cp.binding.module) || perUnit === undefined)
            return undefined;
          const amount = n.arguments[0] ? staticNumber(valueOf(n.arguments[0], scope)) : undefined;
          return amount === undefined ? undefined : amount * perUnit;
        }
        case 'duration-string': {
          const m = durationStringPattern.exec(staticString(n) ?? '');
          return m ? Number(m[1]) / 86_400 : undefined;
        }
        case 'duration-object': {
          if (n.type === T.ObjectExpression) {
            const s = lookup(n, 'seconds', scope);
            if (s.kind !== 'found') return undefined;
            const v = valueOf(s.value, scope);
            const secs = staticNumber(v) ?? (staticString(v) === undefined ? undefined : Number(staticString(v)));
            return secs === undefined || Number.isNaN(secs) ? undefined : secs / 86_400;
          }
          const secs = staticNumber(n);
          if (secs !== undefined) return secs / 86_400;
          return periodDays(n, 'duration-string', scope);
        }
      }
    };

    const propsOf = (
      node: TSESTree.CallExpression | TSESTree.NewExpression,
      index: number,
      path: string | undefined,
      scope: Scope,
    ): { kind: 'missing' } | { kind: 'object'; obj: TSESTree.ObjectExpression } | { kind: 'unknown' } => {
      const arg = node.arguments[index];
      if (!arg) return { kind: 'missing' };
      if (arg.type === T.SpreadElement) return { kind: 'unknown' };
      const obj = valueOf(arg, scope);
      if (obj.type !== T.ObjectExpression) return { kind: 'unknown' };
      if (!path) return { kind: 'object', obj };
      const inner = lookup(obj, path, scope);
      if (inner.kind !== 'found') return { kind: 'unknown' };
      const innerObj = valueOf(inner.value, scope);
      return innerObj.type === T.ObjectExpression ? { kind: 'object', obj: innerObj } : { kind: 'unknown' };
    };

    /** Adds `text` as the last property of `obj`, keeping one-per-line layout when the object has it. */
    const insertProperty = (
      fixer: TSESLint.RuleFixer,
      obj: TSESTree.ObjectExpression,
      text: string,
    ): TSESLint.RuleFix => {
      const last = obj.properties[obj.properties.length - 1];
      if (!last) return fixer.replaceText(obj, `{ ${text} }`);
      const multiline = last.loc.end.line < obj.loc.end.line;
      if (!multiline) return fixer.insertTextAfter(last, `, ${text}`);
      const indent = sourceCode.lines[last.loc.start.line - 1]!.slice(0, last.loc.start.column);
      const after = sourceCode.getTokenAfter(last);
      if (after && after.value === ',') return fixer.insertTextAfter(after, `\n${indent}${text},`);
      return fixer.insertTextAfter(last, `,\n${indent}${text}`);
    };

    /** Adds an options argument at `index` (`new kms.Key(this, 'Id')` → `new kms.Key(this, 'Id', { … })`). */
    const insertArgument = (
      node: TSESTree.CallExpression | TSESTree.NewExpression,
      index: number,
      text: string,
    ): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined => {
      if (node.arguments.length === index && index > 0)
        return (fixer) => fixer.insertTextAfter(node.arguments[index - 1]!, `, { ${text} }`);
      const at = node.arguments[index];
      if (at && (at.type === T.ArrowFunctionExpression || at.type === T.FunctionExpression))
        return (fixer) => fixer.insertTextBefore(at, `{ ${text} }, `);
      return undefined;
    };

    /** Whether a key (JSON-ish) exemption applies, or cannot be decided. */
    const exemptionOf = (
      res: IacKeyResource,
      obj: TSESTree.ObjectExpression | undefined,
      scope: Scope,
    ): 'exempt' | 'uncertain' | undefined => {
      if (!obj) return undefined;
      for (const ex of res.exemptions) {
        const l = lookup(obj, ex.property, scope);
        if (l.kind === 'unknown') return 'uncertain';
        if (l.kind !== 'found') continue;
        if (!ex.values) {
          if (!isNothing(l.value, scope)) return 'exempt';
          continue;
        }
        const sym = symbolOf(l.value, scope);
        if (sym === undefined) return 'uncertain';
        if (ex.values.includes(sym)) return 'exempt';
      }
      return undefined;
    };

    const round = (d: number): string => String(Math.round(d * 100) / 100);

    const checkResource = (
      node: TSESTree.CallExpression | TSESTree.NewExpression,
      res: IacKeyResource,
      scope: Scope,
    ): void => {
      const props = propsOf(node, res.propsIndex, res.propsPath, scope);
      if (props.kind === 'unknown') return;
      const obj = props.kind === 'object' ? props.obj : undefined;
      if (exemptionOf(res, obj, scope)) return;
      const fix = res.fix;

      if (res.enable) {
        const l: Lookup = obj ? lookup(obj, res.enable, scope) : { kind: 'unknown' };
        if (props.kind === 'missing' || l.kind === 'absent') {
          const text = `${res.enable}: true`;
          const add = obj
            ? (fixer: TSESLint.RuleFixer) => insertProperty(fixer, obj, text)
            : insertArgument(node, res.propsIndex, text);
          context.report({
            node,
            messageId: 'rotationOff',
            data: { resource: res.title, property: res.enable, state: 'unset' },
            ...(add ? { suggest: [{ messageId: 'enableRotation', data: { property: res.enable }, fix: add }] } : {}),
          });
        } else if (l.kind === 'found' && symbolOf(l.value, scope) === 'false') {
          context.report({
            node: l.prop,
            messageId: 'rotationOff',
            data: { resource: res.title, property: res.enable, state: 'set to false' },
            suggest: [
              {
                messageId: 'enableRotation',
                data: { property: res.enable },
                fix: (fixer) => fixer.replaceText(l.value, 'true'),
              },
            ],
          });
        }
      }

      if (res.requireOneOf) {
        if (!obj || res.requireOneOf.every((p) => lookup(obj, p, scope).kind === 'absent')) {
          const text = fix ? `${fix.property}: ${fix.value}` : undefined;
          const add =
            text === undefined
              ? undefined
              : obj
                ? (fixer: TSESLint.RuleFixer) => insertProperty(fixer, obj, text)
                : insertArgument(node, res.propsIndex, text);
          context.report({
            node,
            messageId: 'periodMissing',
            data: { resource: res.title, properties: res.requireOneOf.join('/') },
            ...(add && fix
              ? {
                  suggest: [
                    { messageId: 'setRotationPeriod', data: { property: fix.property, value: fix.value }, fix: add },
                  ],
                }
              : {}),
          });
        }
      }

      if (res.period && obj) {
        const period = res.period;
        const l = lookup(obj, period.property, scope);
        const days = l.kind === 'found' ? periodDays(l.value, period.format, scope) : undefined;
        if (l.kind === 'found' && days !== undefined && (days < period.minDays || days > period.maxDays)) {
          // Only a duration string can be swapped for the suggested value on its own.
          const swap = fix && fix.property === period.property && period.format === 'duration-string' ? fix : undefined;
          context.report({
            node: l.value,
            messageId: 'periodOutOfRange',
            data: {
              resource: res.title,
              property: period.property,
              days: round(days),
              min: String(period.minDays),
              max: String(period.maxDays),
              source: period.source,
            },
            ...(swap
              ? {
                  suggest: [
                    {
                      messageId: 'setRotationPeriod',
                      data: { property: swap.property, value: swap.value },
                      fix: (fixer) => fixer.replaceText(l.value, swap.value),
                    },
                  ],
                }
              : {}),
          });
        }
      }

      if (res.companion) pending.push({ node, res, results: resultVariables(node) });
    };

    /** Identifier and property names along a key expression, and whether it indexes into a set. */
    const selectsFromSet = (node: TSESTree.Node, depth = 0): boolean => {
      const n = unwrap(node);
      if (depth > 8) return false;
      switch (n.type) {
        case T.Identifier:
          return keySelectionName.pattern.test(normaliseName(n.name));
        case T.MemberExpression: {
          if (n.computed) return true; // keys[kid], jwks.keys[0]: a member of a key set
          const name = propertyName(n);
          return (
            (name !== undefined && keySelectionName.pattern.test(normaliseName(name))) ||
            selectsFromSet(n.object, depth + 1)
          );
        }
        case T.CallExpression:
          return (
            selectsFromSet(n.callee, depth + 1) ||
            n.arguments.some((a) => a.type === T.Identifier && selectsFromSet(a, depth + 1))
          );
        case T.AwaitExpression:
          return selectsFromSet(n.argument, depth + 1);
        default:
          return false;
      }
    };

    /** A single static key: not chosen by the caller (a parameter) nor from a keyring or key set. */
    const isStaticKey = (keyNode: TSESTree.Node): boolean => {
      if (selectsFromSet(keyNode)) return false;
      const origins = flowOf(sourceCode).origins(keyNode);
      if (origins.length === 0) return false;
      for (const o of origins) {
        if (o.kind === 'param') return false;
        if (o.name !== undefined && keySelectionName.pattern.test(normaliseName(o.name))) return false;
        if ((o.kind === 'call' || o.kind === 'unknown') && selectsFromSet(o.node)) return false;
      }
      return true;
    };

    const checkJwtOptions = (
      node: TSESTree.CallExpression | TSESTree.NewExpression,
      signer: JwtSigner,
      scope: Scope,
    ): void => {
      const opts = signer.options!;
      const text = `${signer.fix.property}: '${suggestedKeyId}'`;
      const arg = node.arguments[opts.index];
      const report = (fix: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined): void =>
        context.report({
          node,
          messageId: 'jwtNoKid',
          data: { signer: signer.title, header: signer.fix.header },
          ...(fix
            ? {
                suggest: [{ messageId: 'addKeyId', data: { property: signer.fix.property, kid: suggestedKeyId }, fix }],
              }
            : {}),
        });
      if (!arg || arg.type === T.ArrowFunctionExpression || arg.type === T.FunctionExpression) {
        report(insertArgument(node, opts.index, text));
        return;
      }
      if (arg.type === T.SpreadElement) return;
      const obj = valueOf(arg, scope);
      if (obj.type !== T.ObjectExpression) return;
      for (const p of opts.kidProperties) if (lookup(obj, p, scope).kind !== 'absent') return;
      report((fixer) => insertProperty(fixer, obj, text));
    };

    const checkJoseHeader = (
      node: TSESTree.CallExpression | TSESTree.NewExpression,
      signer: JwtSigner,
      scope: Scope,
    ): void => {
      const method = signer.headerMethod!;
      if (node.callee.type !== T.MemberExpression) return;
      let cur = unwrap(node.callee.object);
      for (let i = 0; i < 16; i++) {
        if (cur.type === T.CallExpression && cur.callee.type === T.MemberExpression) {
          if (propertyName(cur.callee) === method.name) break;
          cur = unwrap(cur.callee.object);
        } else if (cur.type === T.Identifier) {
          // const jwe = new CompactEncrypt(data); jwe.setProtectedHeader(header); await jwe.encrypt(key);
          const set = methodCallOn(findVariable(scope, cur), method.name);
          if (set) {
            cur = set;
            break;
          }
          const init = constInitOf(cur, scope);
          if (!init) return;
          cur = unwrap(init);
        } else return;
      }
      if (cur.type !== T.CallExpression || !cur.arguments[0] || cur.arguments[0].type === T.SpreadElement) return;
      const header = valueOf(cur.arguments[0], scope);
      if (header.type !== T.ObjectExpression) return;
      if (lookup(header, method.kidProperty, scope).kind !== 'absent') return;
      const text = `${signer.fix.property}: '${suggestedKeyId}'`;
      context.report({
        node: header,
        messageId: signer.encrypts ? 'jweNoKid' : 'jwtNoKid',
        data: { signer: signer.title, header: signer.fix.header },
        suggest: [
          {
            messageId: 'addKeyId',
            data: { property: signer.fix.property, kid: suggestedKeyId },
            fix: (fixer) => insertProperty(fixer, header, text),
          },
        ],
      });
    };

    const checkKeyring = (
      node: TSESTree.CallExpression | TSESTree.NewExpression,
      opener: (typeof keyringOpeners)[number],
      scope: Scope,
    ): void => {
      const props = propsOf(node, opener.propsIndex, undefined, scope);
      if (props.kind !== 'object') return;
      const r = lookup(props.obj, opener.rotation, scope);
      if (r.kind !== 'found') return;
      const max = String(opener.maxDays);
      const days = String(opener.suggestedDays);
      if (symbolOf(r.value, scope) === 'false') {
        context.report({
          node: r.value,
          messageId: 'keyringRotationOff',
          data: { max },
          suggest: [
            {
              messageId: 'keyringRotation',
              data: { days },
              fix: (fixer) => fixer.replaceText(r.value, `{ ${opener.maxAge}: ${days} }`),
            },
          ],
        });
        return;
      }
      const policy = valueOf(r.value, scope);
      if (policy.type !== T.ObjectExpression) return;
      const age = lookup(policy, opener.maxAge, scope);
      if (age.kind !== 'found') return;
      const n = staticNumber(valueOf(age.value, scope));
      if (n === undefined || n <= opener.maxDays) return;
      context.report({
        node: age.value,
        messageId: 'keyringPeriodTooLong',
        data: { days: round(n), max },
        suggest: [{ messageId: 'keyringRotation', data: { days }, fix: (fixer) => fixer.replaceText(age.value, days) }],
      });
    };

    return {
      Program(program) {
        imports = collectImports(program);
      },
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        const scope = sourceCode.getScope(node);
        const cp = calleePathOf(node, imports, scope);
        if (!cp) return;
        for (const res of iacKeyResources) {
          if (res.companion && matchesAny(res.companion.match, cp)) {
            const v =
              res.companion.keyIdProperty === undefined
                ? undefined
                : keyIdVariable(node, res.companion.keyIdProperty, scope);
            if (v) companionsFor.push({ res: res.id, variable: v });
            else companionsSeen.add(res.id);
          }
          if (matchesAny(res.match, cp)) checkResource(node, res, scope);
        }
        for (const opener of keyringOpeners) if (sinkMatches(opener.match, cp)) checkKeyring(node, opener, scope);
        for (const hit of matchSinks(node, imports, scope, KEY_ROLES)) {
          const signer = jwtSigners.find((s) => s.sinkId === hit.sink.id);
          if (!signer || !isStaticKey(hit.node)) continue;
          if (signer.options) checkJwtOptions(node, signer, scope);
          if (signer.headerMethod) checkJoseHeader(node, signer, scope);
        }
      },
      'Program:exit'() {
        // A KeyId read from a variable that holds no CreateKey result here cannot be tied: module-level.
        const results = new Set(pending.flatMap((p) => p.results));
        for (const c of companionsFor) if (!results.has(c.variable)) companionsSeen.add(c.res);
        for (const { node, res, results: own } of pending) {
          if (companionsSeen.has(res.id)) continue;
          if (companionsFor.some((c) => c.res === res.id && own.includes(c.variable))) continue;
          context.report({
            node,
            messageId: 'createKeyNoRotation',
            data: { resource: res.title, companion: res.companion!.title },
          });
        }
      },
    };
  },
});
