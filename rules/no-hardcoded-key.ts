import { checkConfigFallback, checkKeyBytes, checkKeyList } from '../src/rule-kit/key-literals.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { secretRoles } from '../src/catalogue/sinks.js';
import { propertyName } from '../src/rule-kit/ast.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { keyOrigins } from '../src/rule-kit/key-origins.js';
import {
  Candidates,
  checkBasicAuthPair,
  checkComments,
  checkConcatenation,
  checkEnvDefault,
  checkFallback,
  checkHeldFallback,
  checkJwk,
  checkSinkValue,
  checkTemplate,
  checkText,
} from '../src/rule-kit/hardcoded-candidates.js';
import { checkClientCall } from '../src/rule-kit/client-credentials.js';
import { filledAfterAlloc } from '../src/rule-kit/filled-buffers.js';
import { extractsAgreementSecret } from '../src/rule-kit/hmac-labels.js';
import { checkSchemaDefault } from '../src/rule-kit/config-defaults.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { matchSinks } from '../src/rule-kit/sinks.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { envSuggestion, keystoreSuggestion } from '../src/rule-kit/fixes.js';
import { namesASlot } from '../src/rule-kit/slot-names.js';

type MessageIds =
  | 'hardcodedKey'
  | 'credential'
  | 'fallbackKey'
  | 'fallbackSecret'
  | 'clientCredential'
  | 'secretName'
  | 'privateJwk'
  | 'useKeystore'
  | 'useEnv';
type Options = [{ testFiles?: 'formats-only' | 'all' }];

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow key material, credentials and private keys written into source code',
      recommended: 'recommended',
      strictOptions: [{ testFiles: 'all' }],
      category: 'hardcoded-key',
      cwe: [321, 798],
    },
    hasSuggestions: true,
    messages: {
      hardcodedKey:
        '{{what}} {{redacted}} is hardcoded and reaches {{sink}}. It is in version control history now: rotate ' +
        'it, then load it at run time.',
      credential:
        '{{what}} {{redacted}} is hardcoded. It is in version control history now: rotate it, then load it at ' +
        'run time.',
      fallbackKey:
        'Hardcoded fallback key {{redacted}} for {{from}} reaches {{sink}}: when the variable is unset, the ' +
        'committed key is used. It is in version control history now: rotate it.',
      fallbackSecret:
        'Hardcoded fallback {{what}} {{redacted}} for {{from}}: when the variable is unset, the committed value ' +
        'is used. It is in version control history now: rotate it.',
      clientCredential:
        '{{what}} {{redacted}} is hardcoded in the options of {{client}}. It is in version control history now: ' +
        'rotate it, then load it at run time.',
      secretName:
        "High-entropy value {{redacted}} under the secret name '{{name}}' is a hardcoded key. It is in version " +
        'control history now: rotate it, then load it at run time.',
      privateJwk:
        'Private JWK (member {{member}}) is hardcoded{{sink}}. It is in version control history now: rotate the ' +
        'key pair.',
      useKeystore: "Load the key from the keyhygiene keystore: loadSecret('{{keyName}}').",
      useEnv: 'Read the key from the environment variable {{env}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          testFiles: {
            type: 'string',
            enum: ['formats-only', 'all'],
            description:
              'In test, fixture and example files, report only provider-issued credentials ' +
              "('formats-only', the default), or everything ('all').",
          },
        },
      },
    ],
  },
  defaultOptions: [{ testFiles: 'formats-only' }],
  create(context, [{ testFiles }]) {
    const sourceCode = context.sourceCode;
    const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
    const inTestFile = testFiles !== 'all' && isTestFile(context.filename, context.cwd);
    // In a test file only live candidates are reported: the collector drops the rest (`Candidates`).
    const found = new Candidates(inTestFile);
    let imports: ImportMap = new Map();

    return {
      Program(program) {
        imports = collectImports(program);
        checkComments(found, sourceCode);
      },
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        for (const hit of matchSinks(node, imports, getScope(node), secretRoles as ReadonlySet<string>)) {
          // HKDF-Extract by hand: the HMAC's key is the salt, a public label (RFC 5869 §3.1).
          if (extractsAgreementSecret(hit.sink.id, node, getScope)) continue;
          for (const origin of keyOrigins(sourceCode, hit.node)) {
            if (origin.kind === 'zeros' && filledAfterAlloc(origin.node, sourceCode)) continue;
            if (origin.kind === 'string' && hit.arg.publicShape?.test(origin.value ?? '')) continue;
            const shaped = origin.kind === 'string' && hit.arg.secretShape?.test(origin.value ?? '') === true;
            checkSinkValue(found, origin, hit.sink.title, hit.sink.id, hit.sink.valueType, shaped);
          }
        }
        checkClientCall(found, sourceCode, node, imports);
      },
      'LogicalExpression[operator="??"], LogicalExpression[operator="||"]'(node: TSESTree.LogicalExpression) {
        checkFallback(found, node);
        checkConfigFallback(found, node);
        checkHeldFallback(found, node, getScope);
      },
      Literal(node) {
        if (typeof node.value !== 'string') return;
        checkText(found, node, node.value);
        checkBasicAuthPair(found, node, node.value);
        checkKeyBytes(found, node, node.value);
        checkKeyList(found, node, node.value);
        checkSchemaDefault(found, node);
      },
      'BinaryExpression[operator="+"]'(node: TSESTree.BinaryExpression) {
        checkConcatenation(found, node, sourceCode);
      },
      AssignmentPattern(node) {
        checkEnvDefault(found, node);
      },
      TemplateLiteral(node) {
        checkTemplate(found, node, sourceCode);
      },
      ObjectExpression(node) {
        if (node.properties.some((p) => p.type === T.Property && propertyName(p) === 'kty')) checkJwk(found, node, '');
      },
      'Program:exit'() {
        for (const c of found.values()) {
          if (inTestFile && !c.liveFormat) continue;
          // `const SEEN_KEY = 'lastSeen_2025_1'`, read only as `prefs[SEEN_KEY]`: a slot's name, not a key.
          if (c.messageId === 'secretName' && namesASlot(c.node, sourceCode)) continue;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (
            c.origin &&
            (c.messageId === 'hardcodedKey' ||
              c.messageId === 'fallbackKey' ||
              c.messageId === 'fallbackSecret' ||
              c.messageId === 'clientCredential' ||
              c.messageId === 'secretName' ||
              c.messageId === 'credential')
          ) {
            const ks = keystoreSuggestion(context, c.origin, c.valueType, c.sinkId);
            if (ks) suggest.push({ messageId: 'useKeystore', data: { keyName: ks.keyName }, fix: ks.fix });
            const env = envSuggestion(context, c.origin, c.valueType, c.sinkId);
            if (env) suggest.push({ messageId: 'useEnv', data: { env: env.env }, fix: env.fix });
          }
          context.report({
            ...(c.loc ? { loc: c.loc } : { node: c.node }),
            messageId: c.messageId,
            data: c.evidence ? { ...c.data, evidence: c.evidence } : c.data,
            ...(suggest.length ? { suggest } : {}),
          });
        }
      },
    };
  },
});
