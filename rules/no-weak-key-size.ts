import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  algorithmSites,
  isPkcs1EncryptionPadding,
  minModulusBits,
  modulusStrength,
  rsaPkcs1EncryptionPadding,
  strictModulusBits,
} from '../src/catalogue/algorithms.js';
import { derefConst, propertyName } from '../src/rule-kit/ast.js';
import { checkAgreementHash, checkKeyedDigest, checkPasswordDigest } from '../src/rule-kit/weak-digests.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { algorithmReporter, createAlgorithmChecks, type AlgorithmMessageId } from '../src/rule-kit/algorithm-checks.js';
import { fixedFormatMessage, legacyPathsSchema, type LegacyPaths } from '../src/rule-kit/fixed-formats.js';
import { createSiteChecker } from '../src/rule-kit/algorithm-sites.js';
import { createHeldListChecker, createInlineOptionChecker } from '../src/rule-kit/algorithm-options.js';
import {
  algorithmConstantOf,
  heldLiteral,
  isModulusSetting,
  signatureDigestConstantOf,
} from '../src/rule-kit/algorithm-constants.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { checkKeyCommand, runsCommand } from '../src/rule-kit/key-commands.js';
import { checkPkcs11Call, checkPkcs11Held, importsPkcs11 } from '../src/rule-kit/pkcs11-mechanisms.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { calleePathOf, shapesMatching } from '../src/rule-kit/sinks.js';

type MessageIds = AlgorithmMessageId | 'useSafer' | 'fixedFormat';
type Options = [{ minRsaBits?: number; legacyPaths?: LegacyPaths }];

type Scope = TSESLint.Scope.Scope;

/** `createHash(…)` or `crypto.createHash(…)`. */
const calleeEnds = (node: TSESTree.CallExpression, name: string): boolean =>
  node.callee.type === T.Identifier
    ? node.callee.name === name
    : node.callee.type === T.MemberExpression && propertyName(node.callee) === name;

/** The algorithm sites a call's path matches (tested once per distinct path). */
const algorithmSitesOf = shapesMatching(algorithmSites);

const rule = createRule<Options, MessageIds>({
  name: 'no-weak-key-size',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow weak ciphers, modes, paddings, curves and key sizes (DES, RC4, ECB, PKCS#1 v1.5, RSA ' +
        'under 2048 bits, short GCM tags)',
      recommended: 'recommended',
      category: 'weak-algorithm',
      strictOptions: [{ minRsaBits: strictModulusBits, legacyPaths: 'all' }],
      // A primitive a named external format or protocol fixes (src/rule-kit/fixed-formats.ts), under `all`.
      messageSeverity: { fixedFormat: 'low' },
      cwe: [326, 327],
    },
    hasSuggestions: true,
    messages: {
      weakCipher: "{{cipher}} ('{{algorithm}}' in {{api}}) is {{why}}. Use AES-GCM or ChaCha20-Poly1305.",
      ecbMode:
        "'{{algorithm}}' in {{api}} uses ECB mode: equal plaintext blocks give equal ciphertext blocks, " +
        'and nothing detects tampering. Use an authenticated mode such as GCM.',
      smallModulus:
        '{{what}} of {{bits}} bits in {{api}} is below the {{min}}-bit minimum (NIST SP 800-131A Rev. 2; ' +
        '3072 after 2030 per SP 800-57 Part 1).',
      weakCurve: 'Curve {{curve}} in {{api}} {{why}}. Use P-256 or stronger (or Ed25519/X25519).',
      pkcs1Padding:
        'RSA PKCS#1 v1.5 encryption padding ({{padding}}) in {{api}} is open to padding-oracle attacks ' +
        '(Bleichenbacher, Marvin). Use OAEP.',
      shortTag:
        '{{api}} uses a {{bits}}-bit GCM authentication tag: a truncated tag makes forgeries cheaper. Use ' +
        'the full 128-bit tag.',
      weakDigest: "{{digest}} ('{{algorithm}}' in {{api}}) is {{why}}.",
      shortKey: 'A {{bits}}-bit {{what}} key in {{api}} is under the {{min}}-bit minimum for symmetric and HMAC keys.',
      unsignedToken:
        "'{{algorithm}}' in {{api}} makes or accepts tokens that nobody signed: anyone can forge one (RFC 8725 " +
        '§3.1). Sign with a real algorithm (EdDSA, ES256, HS256) and list only that one where tokens are verified.',
      oldProtocol:
        "{{protocol}} ('{{value}}' in {{api}}) is allowed: TLS 1.0 and 1.1 are deprecated (RFC 8996) and SSL 3.0 is " +
        'prohibited (RFC 7568). Allow TLS 1.2 and 1.3 only.',
      useSafer: 'Use {{replacement}} instead.',
      fixedFormat: fixedFormatMessage,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minRsaBits: {
            type: 'integer',
            minimum: 2048,
            description:
              'Smallest RSA, DSA and DH modulus accepted, in bits (default 2048; the strict preset passes ' +
              '3072, NIST SP 800-57 post-2030). Also sets the minimum EC curve strength: 112 bits at 2048, ' +
              '128 bits at 3072.',
          },
          legacyPaths: legacyPathsSchema,
        },
      },
    ],
  },
  defaultOptions: [{ minRsaBits: minModulusBits, legacyPaths: 'actionable' }],
  create(context, [options]) {
    // The documented test-file policy (see no-hardcoded-key): tests make weak keys, log them and drop them on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const minBits = options.minRsaBits ?? minModulusBits;
    const minCurveStrength = Math.max(112, modulusStrength(minBits));
    const saferBits = Math.max(strictModulusBits, minBits);
    const sourceCode = context.sourceCode;
    const getScope = (n: TSESTree.Node): Scope => sourceCode.getScope(n);
    let imports: ImportMap = new Map();
    let pkcs11 = false;

    const report = algorithmReporter(context, rule.meta.messages, options.legacyPaths === 'all');

    const check = createAlgorithmChecks({
      sourceCode,
      report,
      minBits,
      minCurveStrength,
      saferBits,
      filename: context.filename,
      cwd: context.cwd,
      settings: context.settings,
    });

    const checkSite = createSiteChecker(check, report, () => imports, minBits, getScope);
    const checkInlineOptions = createInlineOptionChecker(check, report, minBits);
    const checkHeldList = createHeldListChecker(check, report, minBits);

    /** Declarators, properties, fields and enum members with a literal value (or default): choices held in data. */
    type Holder = TSESTree.VariableDeclarator | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.TSEnumMember;
    const holders: Holder[] = [];
    const literalHolder = (n: Holder): void => {
      const v = n.type === T.VariableDeclarator ? n.init : n.type === T.TSEnumMember ? n.initializer : n.value;
      if (heldLiteral(v)) holders.push(n);
    };
    /** After the calls: a choice already reported where it is used keeps that report. */
    const checkHeldChoices = (): void => {
      for (const h of holders) {
        const d = signatureDigestConstantOf(h);
        const c = d ? undefined : algorithmConstantOf(h);
        if (!d && !c) continue;
        // A signature's digest is judged where it is written (also when other modules import it).
        if (d) {
          const why = 'broken for signatures (practical collisions; NIST SP 800-131A Rev. 2)';
          report(d.node, 'weakDigest', { digest: d.digest, algorithm: d.value, api: `the setting ${d.name}`, why });
          continue;
        }
        // An enum member is judged here; its uses in this file stay silent (algorithm-checks `judgedWhereWritten`).
        if (!c) continue;
        const api = `the setting ${c.name}`;
        const read = { value: c.value, node: c.node };
        if (c.setting === 'cipher' && typeof c.value === 'string')
          check.checkCipherName({ ...read, value: c.value }, api);
        else if (c.setting === 'curve' && typeof c.value === 'string')
          check.checkCurve({ ...read, value: c.value }, api);
        else if (c.setting === 'protocol-version') check.checkProtocol(c.node, api);
        else if (c.setting === 'cipher-list' && typeof c.value === 'string') check.checkCipherList(read, api);
        // A number is a size only under a size's name: `iterations: 1000` beside `name: 'PBKDF2'` in an
        // object named `algo` takes the cipher setting from the object's name, and is no modulus.
        else if (typeof c.value === 'number' && isModulusSetting(c.setting, c.value))
          check.checkModulus({ ...read, value: c.value }, 'A modulus', api);
      }
    };

    return {
      Program(program) {
        imports = collectImports(program);
        pkcs11 = importsPkcs11(imports);
      },
      VariableDeclarator(d) {
        literalHolder(d);
        // A PKCS#11 mechanism table or key template held at module level (used by calls elsewhere).
        if (pkcs11 && d.parent.parent.type !== T.BlockStatement) checkPkcs11Held(d, check, report, minBits);
      },
      Property(p) {
        literalHolder(p);
        checkHeldList(p);
      },
      PropertyDefinition: literalHolder,
      TSEnumMember: literalHolder,
      'Program:exit': checkHeldChoices,
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        // node-forge: `publicKey.encrypt(data, 'RSAES-PKCS1-V1_5')`; the scheme string is distinctive enough.
        if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
          const method = propertyName(node.callee);
          if (method === 'encrypt' || method === 'decrypt') {
            const scheme = check.str(node.arguments[1]);
            if (
              scheme &&
              isPkcs1EncryptionPadding(scheme.value) &&
              scheme.value !== rsaPkcs1EncryptionPadding.nodeConstant
            ) {
              report(
                scheme.node,
                'pkcs1Padding',
                { padding: scheme.value, api: `key.${method}` },
                {
                  text: check.quoted(scheme.node, rsaPkcs1EncryptionPadding.forgeReplacement),
                  label: check.q(rsaPkcs1EncryptionPadding.forgeReplacement),
                },
              );
            }
          }
        }
        // MD5/SHA-1 as the KDF over an ECDH or DH secret (`createHash('sha1').update(shared)`).
        if (node.type === T.CallExpression && calleeEnds(node, 'createHash'))
          checkAgreementHash(check, report, node, (n) => derefConst(n, getScope));
        // MD4/MD5/SHA-1 over a password (LDAP `{SSHA}`, the NT hash, `md5(password)` as a key).
        if (node.type === T.CallExpression) {
          checkPasswordDigest(check, report, flowOf(sourceCode), node, (n) => sourceCode.getText(n));
          // MD5/SHA-1 over data joined with a secret: a homemade MAC (`md5(email + UNSUB_SECRET)`).
          checkKeyedDigest(check, report, flowOf(sourceCode), node);
        }
        const cp = calleePathOf(node, imports, getScope(node));
        if (cp) for (const site of algorithmSitesOf(cp)) checkSite(site, node);
        if (node.type === T.CallExpression && runsCommand(cp)) checkKeyCommand(node, check, report, minBits, getScope);
        if (pkcs11) checkPkcs11Call(node, check, report, minBits, (n) => derefConst(n, getScope));
        // Options named for what they select, in a call to any library (after the sites: one report per node).
        checkInlineOptions(node);
      },
    };
  },
});

export default rule;
