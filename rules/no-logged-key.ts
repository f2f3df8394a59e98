import { oncePerNode } from '../src/rule-kit/ranked.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { errorConstructor, errorFactory, plaintextFileWrites, type FileWrite } from '../src/catalogue/loggers.js';
import { constInitOf, enclosingClass, unwrap } from '../src/rule-kit/ast.js';
import { matchCallPattern } from '../src/rule-kit/call-patterns.js';
import { createFileWriteJudge } from '../src/rule-kit/file-writes.js';
import { messageLabels, messageText } from '../src/rule-kit/format-labels.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { collectImports } from '../src/rule-kit/imports.js';
import { encryptedExport, isPrivateExport } from '../src/rule-kit/key-exports.js';
import { calleeText, createLeakFinder, type Leak, type LeakFinder, type LeakSink } from '../src/rule-kit/leaks.js';
import { createLogSinkResolver, type LogSink } from '../src/rule-kit/log-sinks.js';
import { loggedParts } from '../src/rule-kit/built-text.js';
import { inDevelopmentOnly } from '../src/rule-kit/dev-only.js';
import { createCliOutputJudge } from '../src/rule-kit/cli-output.js';
import { createPathValueJudge } from '../src/rule-kit/path-values.js';
import { createRevealJudge } from '../src/rule-kit/reveal-requests.js';
import { errorArgumentLeaks } from '../src/rule-kit/error-leaks.js';
import { redactFix } from '../src/rule-kit/redact-fix.js';
import { rejectedValue } from '../src/rule-kit/rejected-values.js';
import {
  responseOfAssignment,
  responseOfCall,
  responseOfNew,
  responseOfReturn,
  type ResponseBody,
} from '../src/rule-kit/response-sinks.js';

type MessageIds =
  | 'loggedKey'
  | 'envDump'
  | 'keyInFile'
  | 'keyFileMode'
  | 'keyInResponse'
  | 'useRedacted'
  | 'logNamesOnly'
  | 'useOwnerOnlyMode';
type Options = [{ followImports?: boolean }];

interface Sink extends LeakSink {
  readonly title: string;
  readonly kind: 'log' | 'error' | 'file';
}

/**
 * How a call that makes an error's message is named: an error factory (`createError`), or `super(…)` in the
 * constructor of a class that extends an error class (`super() of KeyLoadError`), the message every `new` builds.
 */
function errorCallTitle(call: TSESTree.CallExpression): string | undefined {
  const callee = calleeText(call.callee);
  if (call.callee.type !== T.Super) return errorFactory.pattern.test(callee ?? '') ? callee : undefined;
  const cls = enclosingClass(call)?.parent;
  const sup = cls?.superClass ? calleeText(cls.superClass)?.split('.').pop() : undefined;
  return sup !== undefined && errorConstructor.pattern.test(sup) ? `super() of ${cls?.id?.name ?? sup}` : undefined;
}

/**
 * A sink of another module, as the leak finder sees it: no redacted fields, no key file, and a title that starts
 * with `console.` or does not (the only thing of a title a leak judgement reads: whole-leaks.ts, weak-secrets.ts).
 */
const PROJECT_SINK_TITLES: readonly string[] = ['console.', ''];

/**
 * Whether a call can report anything when it reaches a sink of another module (asked before the class of its receiver
 * is looked up there, which parses that module): a plaintext file write, or an argument that leaks under such a sink
 * (every argument, whatever the sink forwards). The rule adds errors and responses. When not, no sink found or not
 * found there changes what the call reports: nothing.
 */
function callMayReport(
  call: TSESTree.CallExpression,
  finder: LeakFinder,
  imports: ReturnType<typeof collectImports>,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): boolean {
  if (matchCallPattern(call, imports, getScope(call), plaintextFileWrites)) return true;
  const labels = messageLabels(call.arguments);
  const message = messageText(call.arguments);
  return call.arguments.some((a) => {
    const e = a.type === T.SpreadElement ? a.argument : a;
    if (finder.leaksUnderAnyTitle(e, PROJECT_SINK_TITLES)) return true;
    return finder.labelledLeaks(a, labels.get(a)).length > 0 || finder.hashedNamedLeaks(a, message).length > 0;
  });
}

/** What a printed value is not (src/rule-kit/cli-output.ts, reveal-requests.ts, path-values.ts). */
function printJudges(sourceCode: TSESLint.SourceCode, imports: ReturnType<typeof collectImports>) {
  const commandOutput = createCliOutputJudge(sourceCode, imports);
  const holdsPath = createPathValueJudge(sourceCode, imports);
  const revealed = createRevealJudge(sourceCode, imports);
  return {
    /** A CLI's own output, or a secret shown because the operator asked to see it: the command's answer. */
    answered: (call: TSESTree.CallExpression, node: TSESTree.Node): boolean =>
      commandOutput(call, node) || revealed(node),
    /**
     * A binding that holds a file's path where it is printed, or a presented token its own check rejected on this
     * branch (src/rule-kit/rejected-values.ts): what is printed there is no key.
     */
    notKey: (node: TSESTree.Node): boolean => holdsPath(node) || rejectedValue(node, (x) => sourceCode.getText(x)),
  };
}

/** A leak's message data, with the evidence its finder stated (src/rule-kit/evidence.ts). */
const leakData = (leak: Leak, sink: string): Record<string, string> => ({
  what: leak.what,
  sink,
  ...(leak.evidence ? { evidence: leak.evidence } : {}),
});

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
        'Key material ({{what}}) reaches {{sink}}: logs and error reports are kept, shipped and read by many ' +
        'people. Log a redacted form or the key id instead.',
      envDump:
        'The whole environment (process.env) reaches {{sink}}, with every secret variable in it. Log the variable ' +
        'names, or only the values you need.',
      keyInFile:
        'Key material ({{what}}) is written in plaintext to a file by {{sink}}. Keep keys in the keystore ' +
        '(openKeyring), or write a private key only as an export encrypted under a passphrase, with mode 0o600.',
      keyFileMode:
        'An encrypted private key export is written by {{sink}} without an owner-only mode: other users can copy ' +
        'it and attack the passphrase offline. Write it with mode 0o600.',
      keyInResponse:
        "The server's own secret ({{what}}) is sent to the caller in {{sink}}: whoever can call the endpoint " +
        'reads it. Send only what the client needs (a flag that it is set, a public key, a key id).',
      useOwnerOnlyMode: 'Write the file with { mode: 0o600 }.',
      useRedacted: "Write '[redacted]' in place of {{what}}.",
      logNamesOnly: 'Log only the variable names: Object.keys(process.env).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          followImports: {
            type: 'boolean',
            description:
              'Follow a call into the helpers, loggers and classes of other project modules to find its log sink ' +
              '(default true; false skips that, as the audit does; imported values are still read while the ' +
              'importsOnDisk setting allows).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ followImports: true }],
  create(context, [{ followImports }]) {
    // The documented test-file policy (see no-hardcoded-key): tests make weak keys, log them and drop them on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
    const imports = collectImports(sourceCode.ast);
    const where = { filename: context.filename, cwd: context.cwd, settings: context.settings };
    const finder: LeakFinder = createLeakFinder(sourceCode, imports, where);
    const leaksIn = finder.leaksIn;
    const logSinkOf: (call: TSESTree.CallExpression, ask?: () => boolean) => LogSink | undefined =
      createLogSinkResolver(sourceCode, imports, { ...where, followImports });
    const firstReport = oncePerNode();
    const { answered, notKey } = printJudges(sourceCode, imports);
    const { namesKeyFile, ownerOnly, inTempDir, removedAfterUse, ...files } = createFileWriteJudge(sourceCode, imports);
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
      const keyFile = namesKeyFile(call.arguments[0]);
      // Written owner-only, a key's own key file (as ssh-keygen writes it) or a credential store (`~/.aws/credentials`,
      // `.netrc`) is the store, not a copy; in the temp dir it is a scratch copy unless removed after use.
      const opts = w.optionsArg === undefined ? undefined : call.arguments[w.optionsArg];
      const kept = !inTempDir(call.arguments[0]) || removedAfterUse(call.arguments[0]);
      const store = keyFile || files.namesCredentialStore(call.arguments[0]);
      if (store && files.writtenOwnerOnly(call, opts) && kept) return;
      // A private key exported unencrypted and written owner-only, as ssh-keygen writes it wherever it is told
      // (`-f <path>`): that file is the key's store, not a plaintext copy.
      const privateExport =
        (exp?.type === T.CallExpression && isPrivateExport(exp, imports, getScope(exp))) || finder.madePrivateExport(d);
      if (privateExport && files.writtenOwnerOnly(call, opts) && kept) return;
      const sink: Sink = { title: w.title, kind: 'file', keyFile };
      report(leaksIn(data, sink), sink);
    };
    /** An error's message and options (src/rule-kit/error-leaks.ts says which arguments are text). */
    const checkError = (node: TSESTree.CallExpression | TSESTree.NewExpression, title: string): void => {
      const sink: Sink = { title, kind: 'error' };
      report(errorArgumentLeaks(node, leaksIn, sink), sink);
    };
    const report = (leaks: readonly Leak[], sink: Sink): void => {
      for (const leak of leaks) {
        if ((sink.kind !== 'file' && !leak.dump && notKey(leak.node)) || !firstReport(leak.node)) continue;
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
          data: leakData(leak, sinkText),
          ...(sink.kind === 'file'
            ? {}
            : {
                suggest: [
                  {
                    messageId: 'useRedacted' as const,
                    data: { what: leak.what },
                    fix: redactFix(sourceCode, leak.node),
                  },
                ],
              }),
        });
      }
    };
    /** A response body: only the server's own secrets (a token issued to the caller is the endpoint's job). */
    const checkResponse = (r: ResponseBody | undefined): void => {
      if (!r) return;
      for (const leak of leaksIn(r.body, { title: r.title }).filter((l) => l.server || l.dump)) {
        if (!firstReport(leak.node)) continue;
        context.report({ node: leak.node, messageId: 'keyInResponse', data: leakData(leak, r.title) });
      }
    };

    const mayReport = (call: TSESTree.CallExpression): boolean =>
      errorCallTitle(call) !== undefined ||
      Boolean(responseOfCall(call)) ||
      callMayReport(call, finder, imports, getScope);

    return {
      CallExpression(call) {
        if (call.arguments.length === 0) return; // passes nothing to a log, file, error or response
        let asked: boolean | undefined;
        const log = logSinkOf(call, () => (asked ??= mayReport(call)));
        if (log && inDevelopmentOnly(sourceCode, call)) return;
        if (log) {
          const labels = messageLabels(call.arguments);
          const message = messageText(call.arguments);
          const leaks = (a: TSESTree.CallExpressionArgument, whole: boolean): Leak[] => {
            const found = leaksIn(a.type === T.SpreadElement ? a.argument : a, log);
            if (found.length || !whole) return found;
            const labelled = finder.labelledLeaks(a, labels.get(a));
            return labelled.length ? labelled : finder.hashedNamedLeaks(a, message);
          };
          const found = loggedParts(call, log, getScope).flatMap((p) => leaks(p.node, p.whole));
          const shown = found.filter((l) => l.dump || !answered(call, l.node)); // a CLI's answer is no log
          report(shown, log);
          return;
        }
        const w = matchCallPattern(call, imports, getScope(call), plaintextFileWrites);
        const errorTitle = errorCallTitle(call);
        if (w) checkFileWrite(call, w);
        else if (errorTitle !== undefined) checkError(call, errorTitle);
        else checkResponse(responseOfCall(call));
      },
      AssignmentExpression: (node) => checkResponse(responseOfAssignment(node)),
      ReturnStatement: (node) => checkResponse(responseOfReturn(node)),
      NewExpression(node) {
        checkResponse(responseOfNew(node));
        const name = calleeText(node.callee)?.split('.').pop();
        if (name !== undefined && errorConstructor.pattern.test(name)) checkError(node, `new ${name}`);
      },
    };
  },
});
