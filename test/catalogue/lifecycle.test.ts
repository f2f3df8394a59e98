/**
 * The key-lifecycle catalogue proves itself (STYLE practice 7): deletion APIs, key producers, retention
 * settings, loggers and file writes through the same call matcher the rules use; path and name patterns
 * directly; wipes and "safe to log" forms through the rules that read them.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  byteViews,
  fileDeletionApis,
  fileReads,
  immediateDeletions,
  keyBucketSettings,
  keyBytesTypes,
  keyFileName,
  keyFilePath,
  keyImports,
  keyMaterialName,
  keyOwnerSetter,
  keyPairBytesName,
  heldKeyProducers,
  keyProducers,
  keyStoreName,
  kmsPlaintextResponses,
  notKeyMaterialName,
  projectModulePath,
  plaintextStoreRemovals,
  releaseMethodName,
  wrappedKeyName,
  retentionSettings,
  wipes,
} from '../../src/catalogue/deletion.js';
import {
  bearerTokenConsumers,
  configObjectName,
  connectionUrlEnvName,
  consoleSink,
  credentialHeaders,
  credentialMessage,
  isCredentialHeader,
  headerWriteForms,
  writtenHeaderNames,
  credentialTokenName,
  encodedKeyPairGenerators,
  errorCodeWord,
  errorConstructor,
  errorValueName,
  pushAddress,
  assetToken,
  webAuthnPublicName,
  keyPairFactories,
  loggerFactories,
  loggerName,
  plaintextFileWrites,
  pathArguments,
  publicKeyName,
  randomSecretName,
  routeResourceName,
  rejectingCheck,
  presentedValueName,
  reportingSinks,
  requestName,
  fileWideRootName,
  secretConsumers,
  clientFactories,
  replyVerdict,
  safeToLog,
  secretKeyPhrase,
  seedPhraseName,
  seedPhraseSources,
  secretStoreReads,
  settingsLoaders,
  settingsParsers,
  tokenProducers,
} from '../../src/catalogue/loggers.js';
import { credentialSlotReads } from '../../src/catalogue/kdf.js';
import type { CallPattern } from '../../src/catalogue/types.js';
import { normaliseName } from '../../src/detect/names.js';
import { matchCallPattern } from '../../src/rule-kit/call-patterns.js';
import { collectImports, type ImportMap } from '../../src/rule-kit/imports.js';
import noLoggedKey from '../../rules/no-logged-key.js';
import requireKeyRecoveryWindow from '../../rules/require-key-recovery-window.js';
import noUnsafeKeyDeletion from '../../rules/no-unsafe-key-deletion.js';

function lint(
  code: string,
  rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>>,
): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { probe: { rules: rules as never } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: Object.fromEntries(Object.keys(rules).map((r) => [`probe/${r}`, 'error'])),
      },
    ],
    { filename: 'sample.ts' },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`sample does not parse: ${fatal.message}\n${code}`);
  return messages;
}

/** Whether some call in `code` is described by `pattern`, found the way the rules find it. */
function callFound(pattern: CallPattern, code: string): boolean {
  let found = false;
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      let imports: ImportMap = new Map();
      return {
        Program(program) {
          imports = collectImports(program);
        },
        'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
          if (matchCallPattern(node, imports, context.sourceCode.getScope(node), [pattern])) found = true;
        },
      };
    },
  };
  lint(code, { probe: probe as never });
  return found;
}

describe('call patterns', () => {
  const all: CallPattern[] = [
    ...fileDeletionApis,
    ...keyProducers,
    ...heldKeyProducers,
    ...plaintextStoreRemovals,
    ...retentionSettings,
    ...keyBucketSettings,
    consoleSink,
    ...loggerFactories,
    ...plaintextFileWrites,
    ...pathArguments,
    ...bearerTokenConsumers,
    ...seedPhraseSources,
    ...secretStoreReads,
    ...settingsLoaders,
    ...settingsParsers,
    ...credentialSlotReads,
    ...kmsPlaintextResponses,
    ...reportingSinks,
    ...tokenProducers,
    ...keyPairFactories,
    ...encodedKeyPairGenerators,
    ...keyImports,
    fileReads,
  ];
  for (const p of all) {
    describe(p.id, () => {
      it.each(p.samples.positive)('matches positive %#', (code) => expect(callFound(p, code)).toBe(true));
      it.each(p.samples.negative)('does not match negative %#', (code) => expect(callFound(p, code)).toBe(false));
    });
  }
});

describe('secret key phrases before an interpolated value', () => {
  it.each(secretKeyPhrase.samples.positive)('%s names a secret key', (s) =>
    expect(secretKeyPhrase.pattern.test(s)).toBe(true),
  );
  it.each(secretKeyPhrase.samples.negative)('%s does not', (s) => expect(secretKeyPhrase.pattern.test(s)).toBe(false));
});

describe('credential messages', () => {
  it.each(credentialMessage.samples.positive)('%s names a credential', (s) =>
    expect(credentialMessage.pattern.test(s)).toBe(true),
  );
  it.each(credentialMessage.samples.negative)('%s does not', (s) =>
    expect(credentialMessage.pattern.test(s)).toBe(false),
  );
});

describe('header write forms (session 31: moved from rule-kit)', () => {
  it.each(headerWriteForms.samples.positive)('%s writes a credential header', (s) =>
    expect(writtenHeaderNames(s).some(isCredentialHeader)).toBe(true),
  );
  it.each(headerWriteForms.samples.negative)('%s writes none', (s) =>
    expect(writtenHeaderNames(s).some(isCredentialHeader)).toBe(false),
  );
});

describe('project module paths (session 31: moved from rule-kit)', () => {
  it.each(projectModulePath.samples.positive)('%s is the project', (s) =>
    expect(projectModulePath.pattern.test(s)).toBe(true),
  );
  it.each(projectModulePath.samples.negative)('%s is a package', (s) =>
    expect(projectModulePath.pattern.test(s)).toBe(false),
  );
});

describe('credential headers', () => {
  it.each(credentialHeaders.samples.positive)('%s carries a credential', (s) =>
    expect(isCredentialHeader(s)).toBe(true),
  );
  it.each(credentialHeaders.samples.negative)('%s does not', (s) => expect(isCredentialHeader(s)).toBe(false));
});

describe('key byte types', () => {
  it.each(keyBytesTypes.samples.positive)('%s holds wipeable bytes', (s) =>
    expect(keyBytesTypes.names.has(s)).toBe(true),
  );
  it.each(keyBytesTypes.samples.negative)('%s does not', (s) => expect(keyBytesTypes.names.has(s)).toBe(false));
});

describe('key file paths', () => {
  const isKeyFile = (s: string): boolean => keyFilePath.pattern.test(s) && !keyFilePath.exclude.test(s);
  it.each(keyFilePath.samples.positive)('%s names a key file', (s) => expect(isKeyFile(s)).toBe(true));
  it.each(keyFilePath.samples.negative)('%s does not', (s) => expect(isKeyFile(s)).toBe(false));
});

describe('lifecycle name lexicons', () => {
  for (const lex of [
    keyFileName,
    keyMaterialName,
    keyPairBytesName,
    notKeyMaterialName,
    releaseMethodName,
    wrappedKeyName,
    keyStoreName,
    loggerName,
    publicKeyName,
    configObjectName,
    seedPhraseName,
    credentialTokenName,
    requestName,
    fileWideRootName,
    secretConsumers.first,
    secretConsumers.last,
    secretConsumers.redacting,
    clientFactories.result,
    replyVerdict.success,
    replyVerdict.failure,
    randomSecretName,
    routeResourceName,
    rejectingCheck.valid,
    rejectingCheck.spent,
    presentedValueName,
    connectionUrlEnvName,
    errorCodeWord,
    errorValueName,
    pushAddress.name,
    assetToken.descriptor,
    assetToken.name,
    assetToken.quantity,
    assetToken.bare,
    webAuthnPublicName,
  ]) {
    it(`${lex.id}: positives match, negatives do not`, () => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(normaliseName(s)), s).toBe(false);
    });
  }
  it('error constructors: positives match, negatives do not', () => {
    for (const s of errorConstructor.samples.positive) expect(errorConstructor.pattern.test(s), s).toBe(true);
    for (const s of errorConstructor.samples.negative) expect(errorConstructor.pattern.test(s), s).toBe(false);
  });
});

describe('wipes (through no-unsafe-key-deletion)', () => {
  const drop = (stmt: string): string[] =>
    lint(
      `import { scryptSync } from 'node:crypto';\nexport function f(pw: string, salt: Buffer, other: Buffer, p: string) {\n  let key = scryptSync(pw, salt, 32);\n  ${stmt};\n  key = null;\n}`,
      {
        'no-unsafe-key-deletion': noUnsafeKeyDeletion as never,
      },
    ).map((m) => m.messageId ?? '');
  it.each(wipes.samples.positive)('%s wipes the key before it is dropped', (s) => expect(drop(s)).toEqual([]));
  it.each(wipes.samples.negative)('%s does not', (s) => expect(drop(s)).toEqual(['keyDropped']));
});

describe('byte views (through no-unsafe-key-deletion)', () => {
  // `p` stands for a KMS data key's plaintext; the view made from it is wiped.
  const viewWiped = (view: string): string[] =>
    lint(
      [
        "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';",
        'const kms = new KMSClient({});',
        'export async function open(blob: Uint8Array) {',
        '  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));',
        `  const view = ${view.replace(/\bp\b/g, 'Plaintext!')};`,
        '  view.fill(0);',
        '}',
      ].join('\n'),
      { 'no-unsafe-key-deletion': noUnsafeKeyDeletion as never },
    ).map((m) => m.messageId ?? '');
  it.each(byteViews.samples.positive)('%s hands the plaintext to the wiped view', (s) =>
    expect(viewWiped(s)).toEqual([]),
  );
  it.each(byteViews.samples.negative)('%s does not', (s) => expect(viewWiped(s)).toEqual(['keyNotWiped']));
});

describe('safe to log (through no-logged-key)', () => {
  const logged = (expr: string): string[] =>
    lint(
      `import { createHash } from 'node:crypto';\nexport function f(apiKey: string, apiToken: string, credentials: object, keyId: string, secretArn: string, publicKey: string, jwks: object) {\n  console.log(${expr});\n}`,
      {
        'no-logged-key': noLoggedKey as never,
      },
    ).map((m) => m.messageId ?? '');
  it.each(safeToLog.samples.positive)('%s is safe to log', (s) => expect(logged(s)).toEqual([]));
  it.each(safeToLog.samples.negative)('%s is not', (s) => expect(logged(s).length).toBe(1));
});

describe('immediate deletions (through require-key-recovery-window)', () => {
  const purged = (code: string): number =>
    lint(code, { 'require-key-recovery-window': requireKeyRecoveryWindow as never }).filter((m) =>
      m.message.includes('skipping the recovery window'),
    ).length;
  for (const d of immediateDeletions) {
    describe(d.id, () => {
      it.each(d.samples.positive)('reports positive %#', (code) => expect(purged(code)).toBe(1));
      it.each(d.samples.negative)('does not report negative %#', (code) => expect(purged(code)).toBe(0));
    });
  }
});

describe('keyOwnerSetter', () => {
  it.each(keyOwnerSetter.samples.positive)('%s hands the key to its owner', (s) =>
    expect(keyOwnerSetter.pattern.test(s)).toBe(true),
  );
  it.each(keyOwnerSetter.samples.negative)('%s owns nothing', (s) =>
    expect(keyOwnerSetter.pattern.test(s)).toBe(false),
  );
});
