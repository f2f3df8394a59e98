import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  exposeMethods,
  keyFilePath,
  keyMaterialName,
  keyProducers,
  notKeyMaterialName,
  stringEncodings,
} from '../src/catalogue/deletion.js';
import {
  bearerTokenConsumers,
  consoleSink,
  errorConstructor,
  loggerFactories,
  loggerName,
  logMethods,
  ownerOnlyModes,
  passThrough,
  plaintextFileWrites,
  publicKeyName,
  safeToLog,
  secretKeyPhrase,
  type FileWrite,
  type LoggerFactory,
} from '../src/catalogue/loggers.js';
import { nonSecretName } from '../src/catalogue/names.js';
import { isHashName, isSecretEnvName, isSecretName, normaliseName } from '../src/detect/index.js';
import {
  constInitOf,
  envVarName,
  findVariable,
  isProcessEnv,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
  calleeName,
} from '../src/rule-kit/ast.js';
import { matchCallPattern, patternMatches } from '../src/rule-kit/call-patterns.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { calleePathOf } from '../src/rule-kit/sinks.js';
import type { Origin } from '../src/rule-kit/values.js';

type MessageIds =
  'loggedKey' | 'envDump' | 'keyInFile' | 'keyFileMode' | 'useRedacted' | 'logNamesOnly' | 'useOwnerOnlyMode';
type Options = [];

/** Key material found inside a sink argument. */
interface Leak {
  /** The sub-expression that carries the key (what a suggestion replaces). */
  readonly node: TSESTree.Node;
  /** How the key is named in the message: a binding name, an env variable, a call. Never the value. */
  readonly what: string;
  readonly dump?: boolean;
}

interface Sink {
  readonly title: string;
  readonly kind: 'log' | 'error' | 'file';
  /** Field names the logger removes before writing (pino `redact`, winston format). */
  readonly redacted?: ReadonlySet<string>;
  /** A file write whose path names key material (`*.key`, `*.pem`): random bytes written there are a key, whatever their name. */
  readonly keyFile?: boolean;
}

const MAX_DEPTH = 4;
/**
 * Names too generic to make random bytes a key (`const key = randomBytes(16)` is often a nonce, such as
 * the WebSocket handshake key).
 */
const GENERIC = new Set(['key', 'keys', 'seed', 'key_hex', 'key_str', 'key_string', 'key_data']);

/** A name that says the value is about a key, not the key: `keyId`, `secretArn`, `publicKey`, `tokenHash`. */
function isSafeName(name: string): boolean {
  const n = normaliseName(name);
  return nonSecretName.pattern.test(n) || publicKeyName.pattern.test(n) || isHashName(name);
}

/** A name that holds key bytes (`key`, `dataKey`) or a secret (`apiKey`, `password`). */
function isKeyish(name: string | undefined): boolean {
  if (name === undefined || isSafeName(name)) return false;
  const n = normaliseName(name);
  return isSecretName(name) || (keyMaterialName.pattern.test(n) && !notKeyMaterialName.pattern.test(n));
}

/** `fn`, `obj.fn`, `a.b.fn` → the dotted text of a callee made of names only. */
function calleeText(callee: TSESTree.Node): string | undefined {
  const c = unwrap(callee);
  if (c.type === T.Identifier) return c.name;
  if (c.type === T.MemberExpression) {
    const p = propertyName(c);
    const o = calleeText(c.object);
    return p === undefined ? undefined : o === undefined ? p : `${o}.${p}`;
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-logged-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow key material and secret environment variables in logs, error messages and plaintext files',
      recommended: 'recommended',
      category: 'logged-key',
      cwe: [532, 312],
    },
    hasSuggestions: true,
    messages: {
      loggedKey:
        'Key material ({{what}}) reaches {{sink}}: logs and error reports are kept, shipped and read by many people. Log a redacted form or the key id instead.',
      envDump:
        'The whole environment (process.env) reaches {{sink}}, with every secret variable in it. Log the variable names, or only the values you need.',
      keyInFile:
        'Key material ({{what}}) is written in plaintext to a file by {{sink}}. Keep keys in the keystore (openKeyring), or write a private key only as an export encrypted under a passphrase, with mode 0o600.',
      keyFileMode:
        'An encrypted private key export is written by {{sink}} without an owner-only mode: other users can copy it and attack the passphrase offline. Write it with mode 0o600.',
      useOwnerOnlyMode: 'Write the file with { mode: 0o600 }.',
      useRedacted: "Write '[redacted]' in place of {{what}}.",
      logNamesOnly: 'Log only the variable names: Object.keys(process.env).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // The documented test-file policy (see no-hardcoded-key): tests make weak keys, log them and drop them on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
    let imports: ImportMap = new Map();
    /** The file imports a JWT library (the only case where a generic `token` can be proven a bearer token). */
    let hasTokenModule = false;
    const reported = new Set<TSESTree.Node>();

    const callOrigins = (expr: TSESTree.Node): Origin[] =>
      flowOf(sourceCode)
        .origins(expr)
        .filter((o) => o.kind === 'call');

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
        if (method === 'export' && isPrivateExport(call)) return 'a private key export';
      }
      const p = matchCallPattern(call, imports, getScope(call), keyProducers);
      if (!p) return undefined;
      if (p.strength === 'random' && !keyFile && (!isKeyish(name) || GENERIC.has(normaliseName(name ?? ''))))
        return undefined;
      return p.title;
    };

    /** `privateKey.export({ type: 'pkcs8', format: 'pem' })` with no cipher: the key in the clear. */
    const isPrivateExport = (call: TSESTree.CallExpression): boolean => {
      if (encryptedExport(call)) return false;
      const callee = unwrap(call.callee) as TSESTree.MemberExpression;
      const recv = unwrap(callee.object);
      const name = calleeName(recv);
      if (name !== undefined && publicKeyName.pattern.test(normaliseName(name))) return false;
      if (name !== undefined && /private|secret/i.test(name)) return true;
      const cp = recv.type === T.CallExpression ? calleePathOf(recv, imports, getScope(recv)) : undefined;
      return cp !== undefined && /(?:generateKeySync|createSecretKey|createPrivateKey)\(\)$/.test(cp.path);
    };

    /** An export with a `cipher` and a `passphrase`: encrypted under a passphrase. */
    const encryptedExport = (call: TSESTree.CallExpression): boolean => {
      const opts = call.arguments[0] && unwrap(call.arguments[0]);
      if (!opts || opts.type !== T.ObjectExpression) return false;
      const names = new Set(opts.properties.map((p) => (p.type === T.Property ? propertyName(p) : undefined)));
      return names.has('cipher') && names.has('passphrase');
    };

    /** Every leak inside a sink argument. */
    const leaksIn = (expr: TSESTree.Node, sink: Sink, depth = 0): Leak[] => {
      const n = unwrap(expr);
      if (depth > MAX_DEPTH) return [];
      if (isProcessEnv(n)) return [{ node: n, what: 'process.env', dump: true }];
      const env = envVarName(n);
      if (env !== undefined)
        return env !== '*' && isSecretEnvName(env) ? [{ node: n, what: `process.env.${env}` }] : [];
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
          return callLeaks(n, sink, depth);
        case T.Identifier:
          return identifierLeaks(n, sink);
        case T.MemberExpression:
          return memberLeaks(n);
        default:
          return [];
      }
    };

    const objectLeaks = (n: TSESTree.ObjectExpression, sink: Sink, depth: number): Leak[] => {
      const out: Leak[] = [];
      for (const p of n.properties) {
        if (p.type === T.SpreadElement) {
          out.push(...leaksIn(p.argument, sink, depth + 1));
          continue;
        }
        const key = propertyName(p);
        if (key !== undefined && sink.redacted?.has(key)) continue;
        if (key !== undefined && isSafeName(key)) continue;
        const inner = leaksIn(p.value, sink, depth + 1);
        if (inner.length) out.push(...inner);
        else if (key !== undefined && isSecretName(key) && valueMayBeSecret(p.value))
          out.push({ node: p.value, what: `the '${key}' field` });
      }
      return out;
    };

    /** A field value that could hold the secret its key names: not a literal, not a length or a flag. */
    const valueMayBeSecret = (v: TSESTree.Node): boolean => {
      const u = unwrap(v);
      if (u.type === T.Identifier) return u.name !== 'undefined' && !isSafeName(u.name);
      if (u.type === T.MemberExpression) {
        const p = propertyName(u);
        return p !== undefined && !isSafeName(p) && !safeToLog.properties.has(p);
      }
      return false;
    };

    const callLeaks = (n: TSESTree.CallExpression, sink: Sink, depth: number): Leak[] => {
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
      const own = keyCall(n, undefined);
      if (own) return [{ node: n, what: own }];
      if (method !== undefined && callee.type === T.MemberExpression && safeToLog.maskMethods.has(method)) {
        if (masked(method, n.arguments)) return [];
        return leaksIn(callee.object, sink, depth + 1);
      }
      // The whole pass-through call carries the key, so a suggestion replaces `key.toString('hex')`, not `key`.
      const lift = (leaks: Leak[], inner: TSESTree.Node): Leak[] =>
        leaks.map((l) => (l.node === unwrap(inner) && !l.dump ? { ...l, node: n } : l));
      if (
        text !== undefined &&
        (passThrough.functions.has(text) || passThrough.functions.has(text.split('.').pop() ?? ''))
      ) {
        return n.arguments.flatMap((a) =>
          a.type === T.SpreadElement
            ? []
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
        const name = calleeName(recv);
        if (isKeyish(name)) return [{ node: n, what: `'${name}' as ${staticString(n.arguments[0])}` }];
      }
      if (method !== undefined && callee.type === T.MemberExpression && passThrough.methods.has(method))
        return lift(leaksIn(callee.object, sink, depth + 1), callee.object);
      return [];
    };

    /** `s.slice(-4)`, `s.slice(0, 4)`, `s.startsWith('sk_')`: at most a few characters, or a boolean. */
    const masked = (method: string, args: TSESTree.CallExpressionArgument[]): boolean => {
      if (method !== 'slice' && method !== 'substring' && method !== 'substr') return true;
      const a = staticNumber(args[0]);
      const b = staticNumber(args[1]);
      const max = safeToLog.maxVisibleChars;
      if (a !== undefined && a < 0 && b === undefined) return -a <= max;
      if (a !== undefined && b !== undefined) return method === 'substr' ? b <= max : b - a <= max && b - a >= 0;
      return false;
    };

    const identifierLeaks = (n: TSESTree.Identifier, sink: Sink): Leak[] => {
      if (n.name === 'undefined' || isSafeName(n.name)) return [];
      // By name alone only secret names count (`apiKey`, `clientSecret`); `environmentKey` or
      // `optionKeys` name lookup keys, so names that merely end in "key" need a key origin.
      if (isSecretName(n.name)) return [{ node: n, what: `'${n.name}'` }];
      // ...or message text that calls the value a secret key: `invalid signing key: ${key}`.
      if (n.parent?.type === T.TemplateLiteral) {
        const before = n.parent.quasis[n.parent.expressions.indexOf(n)];
        if (before && secretKeyPhrase.pattern.test(before.value.cooked ?? before.value.raw))
          return [{ node: n, what: `'${n.name}', named a secret key by the message` }];
      }
      const bearer = bearerTokenUse(n);
      if (bearer) return [{ node: n, what: `'${n.name}', a bearer token passed to ${bearer}` }];
      for (const o of flowOf(sourceCode).origins(n)) {
        if (o.kind === 'env' && o.ref !== undefined && o.ref !== '*' && isSecretEnvName(o.ref))
          return [{ node: n, what: `'${n.name}', from process.env.${o.ref}` }];
        if (o.kind === 'call' && (o.node.type === T.CallExpression || o.node.type === T.NewExpression)) {
          const k = keyCall(o.node, o.name ?? n.name, sink.keyFile === true);
          if (k) return [{ node: n, what: `'${n.name}', from ${k}` }];
        }
        // A whole object that holds secrets (a config, a key pair, options with a token), logged as one value.
        if (o.kind === 'object' && o.node.type === T.ObjectExpression) {
          const inner = objectLeaks(o.node, sink, MAX_DEPTH - 2);
          if (inner.length) return [{ node: n, what: `'${n.name}', an object holding ${inner[0]!.what}` }];
        }
      }
      return [];
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

    const memberLeaks = (n: TSESTree.MemberExpression): Leak[] => {
      const p = propertyName(n);
      if (p === undefined || safeToLog.properties.has(p) || isSafeName(p)) return [];
      if (isSecretName(p)) return [{ node: n, what: `'${sourceCode.getText(n).slice(0, 60)}'` }];
      for (const o of flowOf(sourceCode).origins(n)) {
        if (o.kind === 'env' && o.ref !== undefined && isSecretEnvName(o.ref))
          return [{ node: n, what: `'${p}', from process.env.${o.ref}` }];
      }
      return [];
    };

    /** Field names a pino/winston logger removes, read from its options (a bounded walk of that one object). */
    const redactedBy = (
      factory: LoggerFactory,
      call: TSESTree.CallExpression | TSESTree.NewExpression,
    ): Set<string> => {
      const names = new Set<string>();
      const opts = call.arguments[0] && unwrap(call.arguments[0]);
      const obj = opts?.type === T.Identifier ? constInitOf(opts, getScope(opts)) : opts;
      if (!obj || obj.type !== T.ObjectExpression) return names;
      const prop = obj.properties.find(
        (p): p is TSESTree.Property =>
          p.type === T.Property && propertyName(p) === (factory.redact === 'pino' ? 'redact' : 'format'),
      );
      if (!prop) return names;
      const addPath = (s: string): void => {
        const last = s
          .replace(/\[["']?([^\]"']+)["']?\]/g, '.$1')
          .split('.')
          .pop();
        if (last && last !== '*') names.add(last);
      };
      const seen = new Set<TSESTree.Node>();
      const walk = (node: TSESTree.Node, depth: number): void => {
        if (seen.has(node) || depth > 40) return;
        seen.add(node);
        if (node.type === T.Literal && typeof node.value === 'string') addPath(node.value);
        if (
          node.type === T.UnaryExpression &&
          node.operator === 'delete' &&
          node.argument.type === T.MemberExpression
        ) {
          const k = propertyName(node.argument);
          if (k) names.add(k);
        }
        if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression) {
          const k = propertyName(node.left);
          if (k) names.add(k);
        }
        if (node.type === T.Identifier && depth < 30) {
          const init = constInitOf(node, getScope(node));
          if (init) walk(init, depth + 10);
        }
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          for (const c of Array.isArray(child) ? child : [child])
            if (c && typeof (c as TSESTree.Node).type === 'string') walk(c as TSESTree.Node, depth + 1);
        }
      };
      walk(prop.value, 0);
      return names;
    };

    /** The logger a call logs through, if any: console, a factory-made logger, or a receiver named like one. */
    const logSinkOf = (call: TSESTree.CallExpression): Sink | undefined => {
      const callee = unwrap(call.callee);
      const cp = calleePathOf(call, imports, getScope(call));
      if (cp && patternMatches(consoleSink, cp)) return { title: cp.fullPath, kind: 'log' };
      if (callee.type === T.Identifier) {
        for (const o of callOrigins(callee)) {
          if (o.node.type !== T.CallExpression) continue;
          const f = matchCallPattern(o.node, imports, getScope(o.node), loggerFactories);
          if (f?.callable) return { title: `the ${f.title}`, kind: 'log' };
        }
        return undefined;
      }
      if (callee.type !== T.MemberExpression || !logMethods.has(propertyName(callee) ?? '')) return undefined;
      const recv = unwrap(callee.object);
      for (const o of callOrigins(recv)) {
        if (o.node.type !== T.CallExpression && o.node.type !== T.NewExpression) continue;
        const f = matchCallPattern(o.node, imports, getScope(o.node), loggerFactories);
        if (f && !f.callable)
          return { title: `the ${f.title}`, kind: 'log', ...(f.redact ? { redacted: redactedBy(f, o.node) } : {}) };
      }
      const name = calleeName(recv);
      if (name !== undefined && loggerName.pattern.test(normaliseName(name)))
        return { title: `${sourceCode.getText(recv).slice(0, 40)}.${propertyName(callee)}`, kind: 'log' };
      return undefined;
    };

    /** A plaintext file write, unless it writes a passphrase-encrypted export with an owner-only mode. */
    const checkFileWrite = (call: TSESTree.CallExpression, w: FileWrite): void => {
      const data = call.arguments[w.dataArg];
      if (!data || data.type === T.SpreadElement) return;
      const d = unwrap(data);
      const exp = d.type === T.Identifier ? constInitOf(d, getScope(d)) : d;
      if (exp && exp.type === T.CallExpression && encryptedExport(exp)) {
        if (ownerOnly(w.optionsArg === undefined ? undefined : call.arguments[w.optionsArg])) return;
        const canAdd = w.optionsArg !== undefined && call.arguments.length === w.optionsArg;
        context.report({
          node: data,
          messageId: 'keyFileMode',
          data: { sink: w.title },
          ...(canAdd
            ? {
                suggest: [
                  {
                    messageId: 'useOwnerOnlyMode' as const,
                    fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(data, ', { mode: 0o600 }'),
                  },
                ],
              }
            : {}),
        });
        return;
      }
      const sink: Sink = { title: w.title, kind: 'file', keyFile: namesKeyFile(call.arguments[0]) };
      report(leaksIn(data, sink), sink);
    };

    /** The written path, when known in the file, names a key file (`/tmp/session.key`, `id_rsa`). */
    const namesKeyFile = (arg: TSESTree.Node | undefined): boolean => {
      if (!arg || arg.type === T.SpreadElement) return false;
      const a = unwrap(arg);
      const e = a.type === T.Identifier ? constInitOf(a, getScope(a)) : a;
      const path =
        e?.type === T.TemplateLiteral ? e.quasis.map((q) => q.value.cooked ?? q.value.raw).join('*') : staticString(e);
      return path !== undefined && keyFilePath.pattern.test(path) && !keyFilePath.exclude.test(path);
    };

    const ownerOnly = (opt: TSESTree.Node | undefined): boolean => {
      if (!opt) return false;
      const o = unwrap(opt);
      const direct = staticNumber(o);
      if (direct !== undefined) return ownerOnlyModes.has(direct);
      if (o.type !== T.ObjectExpression) return false;
      const mode = o.properties.find(
        (p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === 'mode',
      );
      const m = mode
        ? (staticNumber(mode.value) ?? (staticString(mode.value) ? parseInt(staticString(mode.value)!, 8) : undefined))
        : undefined;
      return m !== undefined && ownerOnlyModes.has(m);
    };

    const report = (leaks: readonly Leak[], sink: Sink): void => {
      for (const leak of leaks) {
        if (reported.has(leak.node)) continue;
        reported.add(leak.node);
        if (leak.dump) {
          const spread = leak.node.parent?.type === T.SpreadElement;
          context.report({
            node: leak.node,
            messageId: 'envDump',
            data: { sink: sink.title },
            ...(spread
              ? {}
              : {
                  suggest: [
                    {
                      messageId: 'logNamesOnly' as const,
                      fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(leak.node, 'Object.keys(process.env)'),
                    },
                  ],
                }),
          });
          continue;
        }
        const sinkText = sink.kind === 'error' ? `an error message (${sink.title})` : sink.title;
        context.report({
          node: leak.node,
          messageId: sink.kind === 'file' ? 'keyInFile' : 'loggedKey',
          data: { what: leak.what, sink: sinkText },
          ...(sink.kind === 'file'
            ? {}
            : {
                suggest: [{ messageId: 'useRedacted' as const, data: { what: leak.what }, fix: redactFix(leak.node) }],
              }),
        });
      }
    };

    /** Replace the leaking expression with '[redacted]' (inside a template: the text itself). */
    const redactFix =
      (node: TSESTree.Node): TSESLint.ReportFixFunction =>
      (fixer) => {
        const p = node.parent;
        const outer =
          p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.ChainExpression)
            ? p
            : node;
        const host = outer.parent;
        if (host?.type === T.TemplateLiteral) {
          const i = host.expressions.indexOf(outer as TSESTree.Expression);
          const before = host.quasis[i]!;
          const after = host.quasis[i + 1]!;
          return fixer.replaceTextRange([before.range[1] - 2, after.range[0] + 1], '[redacted]');
        }
        if (host?.type === T.Property && host.shorthand)
          return fixer.replaceText(host, `${sourceCode.getText(host.key)}: '[redacted]'`);
        return fixer.replaceText(outer, "'[redacted]'");
      };

    return {
      Program(program) {
        imports = collectImports(program);
        const tokenModules = new Set(bearerTokenConsumers.flatMap((c) => c.modules));
        hasTokenModule = [...imports.values()].some((i) => tokenModules.has(i.module));
      },
      CallExpression(call) {
        const log = logSinkOf(call);
        if (log) {
          report(
            call.arguments.flatMap((a) => leaksIn(a.type === T.SpreadElement ? a.argument : a, log)),
            log,
          );
          return;
        }
        const w = matchCallPattern(call, imports, getScope(call), plaintextFileWrites);
        if (w) checkFileWrite(call, w);
      },
      NewExpression(node) {
        const name = calleeText(node.callee)?.split('.').pop();
        if (name === undefined || !errorConstructor.pattern.test(name)) return;
        const msg = node.arguments[0];
        if (!msg || msg.type === T.SpreadElement) return;
        const sink: Sink = { title: `new ${name}`, kind: 'error' };
        report(leaksIn(msg, sink), sink);
      },
    };
  },
});
