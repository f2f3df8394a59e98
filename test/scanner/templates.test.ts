/**
 * The audit's template and config checks (issues 11, 12): the catalogue's template samples and config
 * tables prove themselves, then each reader is tested on literal inputs with exact lines and columns,
 * hard negatives, and malformed input.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  algorithmSettingOf,
  algorithmSettings,
  cipherListSamples,
  disabledAlgorithmsName,
  proseFieldName,
  isKdfIterationSetting,
  kdfIterationSetting,
  weakCipherSuiteItems,
  weakSuiteFamilies,
} from '../../src/catalogue/algorithms.js';
import { templateKeyResources } from '../../src/catalogue/iac.js';
import { normaliseName } from '../../src/detect/names.js';
import { jsonMayHoldSettings } from '../../src/scanner/detect/templates/config.js';
import { SETTING_KEYWORDS, scanTemplateFile } from '../../src/scanner/detect/templates/index.js';
import { parseHcl } from '../../src/scanner/detect/templates/terraform.js';

const scan = (rel: string, text: string) => scanTemplateFile(rel, text);
const brief = (rel: string, text: string) =>
  scan(rel, text).findings.map((f) => `${f.location.line}:${f.location.column} ${f.ruleId.replace('keyhygiene/', '')}`);

describe('catalogue: templateKeyResources samples', () => {
  for (const r of templateKeyResources) {
    const file = r.format === 'terraform' ? 'main.tf' : 'template.yaml';
    describe(r.id, () => {
      it.each(r.samples.positive)('positive %# is reported', (s) => {
        expect(scan(file, s).findings.length).toBeGreaterThan(0);
      });
      it.each(r.samples.negative)('negative %# is not reported', (s) => {
        expect(scan(file, s).findings).toEqual([]);
      });
    });
  }
});

describe('catalogue: config algorithm tables', () => {
  it('algorithmSettings: each positive name selects that setting first, negatives do not', () => {
    for (const s of algorithmSettings) {
      for (const name of s.samples.positive)
        expect(algorithmSettings.find((x) => x.pattern.test(normaliseName(name)))?.id, name).toBe(s.id);
      for (const name of s.samples.negative) expect(s.pattern.test(normaliseName(name)), name).toBe(false);
    }
  });
  it('every setting name the config check reads passes its keyword prefilter', () => {
    const names = [
      ...algorithmSettings.flatMap((s) => s.samples.positive),
      ...kdfIterationSetting.samples.positive,
      'blockMode',
      'rsa.bits',
    ];
    for (const name of names) expect(SETTING_KEYWORDS.test(name), name).toBe(true);
  });
  it('disabledAlgorithmsName', () => {
    for (const n of disabledAlgorithmsName.samples.positive)
      expect(disabledAlgorithmsName.pattern.test(n), n).toBe(true);
    for (const n of disabledAlgorithmsName.samples.negative)
      expect(disabledAlgorithmsName.pattern.test(n), n).toBe(false);
  });
  it('proseFieldName', () => {
    for (const n of proseFieldName.samples.positive) expect(proseFieldName.pattern.test(n), n).toBe(true);
    for (const n of proseFieldName.samples.negative) expect(proseFieldName.pattern.test(n), n).toBe(false);
  });
  it('weakSuiteFamilies: each positive is that family, negatives are not', () => {
    for (const f of weakSuiteFamilies) {
      for (const s of f.samples.positive) expect(weakCipherSuiteItems(s).length, s).toBe(1);
      for (const s of f.samples.negative)
        expect(
          weakCipherSuiteItems(s).map((w) => w.title),
          s,
        ).not.toContain(f.title);
    }
  });
  it('kdfIterationSetting: positives are PBKDF2 iteration settings, negatives are not', () => {
    for (const p of kdfIterationSetting.samples.positive) expect(isKdfIterationSetting(p.split('.')), p).toBe(true);
    for (const p of kdfIterationSetting.samples.negative) expect(isKdfIterationSetting(p.split('.')), p).toBe(false);
  });
  it('weakCipherSuiteItems: cipher-list samples', () => {
    for (const s of cipherListSamples.positive) expect(weakCipherSuiteItems(s).length, s).toBeGreaterThan(0);
    for (const s of cipherListSamples.negative) expect(weakCipherSuiteItems(s), s).toEqual([]);
  });
  it('weakCipherSuiteItems names the item and its offset', () => {
    expect(weakCipherSuiteItems('ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:!aNULL')).toEqual([
      { item: 'DES-CBC3-SHA', index: 28, title: '3DES (TDEA)' },
    ]);
    expect(weakCipherSuiteItems('HIGH:+RC4-MD5')).toEqual([{ item: 'RC4-MD5', index: 6, title: 'RC4' }]);
  });
});

describe('CloudFormation', () => {
  const yaml = [
    "AWSTemplateFormatVersion: '2010-09-09'", // 1
    'Parameters:', // 2
    '  Rotate: { Type: String }', // 3
    'Resources:', // 4
    '  OrdersKey:', // 5
    '    Type: AWS::KMS::Key', // 6
    '    Properties:', // 7
    '      PendingWindowInDays: 7', // 8
    '  OffKey:', // 9
    '    Type: AWS::KMS::Key', // 10
    '    DeletionPolicy: Delete', // 11
    '    Properties: { EnableKeyRotation: false, RotationPeriodInDays: 30 }', // 12
    '  LongKey:', // 13
    '    Type: AWS::KMS::Key', // 14
    '    Properties:', // 15
    '      EnableKeyRotation: true', // 16
    '      RotationPeriodInDays: 2561', // 17
    '  ParamKey:', // 18
    '    Type: AWS::KMS::Key', // 19
    '    Properties:', // 20
    '      EnableKeyRotation: !Ref Rotate', // 21
    '      PendingWindowInDays: !If [Short, 7, 30]', // 22
    '  SpecFromParam:', // 23
    '    Type: AWS::KMS::Key', // 24
    '    Properties:', // 25
    '      KeySpec: !Ref Spec', // 26
    '  Db:', // 27
    '    Type: AWS::SecretsManager::Secret', // 28
    '    UpdateReplacePolicy: Delete', // 29
    '    Properties:', // 30
    '      GenerateSecretString: { PasswordLength: 40 }', // 31
    '',
  ].join('\n');

  it('reports missing rotation at Type, and bad properties at the property, with exact positions', () => {
    expect(brief('stack.yaml', yaml)).toEqual([
      '6:5 template-missing-rotation',
      '8:7 template-unsafe-deletion',
      '11:5 template-unsafe-deletion',
      '12:19 template-missing-rotation',
      '17:7 template-missing-rotation',
      '29:5 template-unsafe-deletion',
    ]);
  });

  it('messages name the property to set and its value', () => {
    const msgs = scan('stack.yaml', yaml).findings.map((f) => f.message);
    expect(msgs[0]).toBe(
      "KMS key 'OrdersKey' (AWS::KMS::Key) has no automatic rotation: add EnableKeyRotation: true to its Properties.",
    );
    expect(msgs[1]).toContain('set PendingWindowInDays: 30');
    expect(msgs[2]).toContain('set DeletionPolicy: Retain');
    expect(msgs[3]).toContain('set EnableKeyRotation: true');
    expect(msgs[4]).toContain('rotates every 2561 days, outside 90 to 730 days');
    expect(msgs[5]).toContain("secret 'Db' (AWS::SecretsManager::Secret)");
  });

  it('gives every finding its category, origin and severity, and records the keys in the inventory', () => {
    const r = scan('stack.yaml', yaml);
    expect(r.findings.map((f) => [f.category, f.origin, f.severity])).toEqual([
      ['missing-rotation', 'config', 'medium'],
      ['unsafe-deletion', 'config', 'medium'],
      ['unsafe-deletion', 'config', 'medium'],
      ['missing-rotation', 'config', 'medium'],
      ['missing-rotation', 'config', 'medium'],
      ['unsafe-deletion', 'config', 'medium'],
    ]);
    expect(r.inventory.map((i) => [i.locations[0]!.line, i.rotation])).toEqual([
      [6, 'not enabled'],
      [10, 'disabled'],
      [14, 'enabled, every 2561 days'],
      [19, 'unknown (not a literal)'],
      [24, 'unknown (key spec not static)'],
    ]);
  });

  it('keeps fingerprints when lines move', () => {
    const a = scan('stack.yaml', yaml).findings.map((f) => f.fingerprint);
    const b = scan('stack.yaml', yaml.replace('Resources:\n', 'Resources:\n\n\n')).findings.map((f) => f.fingerprint);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('reads JSON templates, where intrinsics are { Ref } and { Fn::* } objects', () => {
    const json = [
      '{',
      '  "AWSTemplateFormatVersion": "2010-09-09",',
      '  "Resources": {',
      '    "A": { "Type": "AWS::KMS::Key", "Properties": { "EnableKeyRotation": { "Fn::If": ["C", true, false] } } },',
      '    "B": { "Type": "AWS::KMS::Key", "Properties": { "EnableKeyRotation": { "Ref": "Rotate" } } },',
      '    "C": {',
      '      "Type": "AWS::KMS::Key",',
      '      "Properties": { "Description": "x" }',
      '    },',
      '    "D": { "Type": "AWS::KMS::Key", "Properties": { "EnableKeyRotation": "true", "PendingWindowInDays": "7" } }',
      '  }',
      '}',
    ].join('\n');
    expect(brief('infra/stack.template.json', json)).toEqual([
      '7:7 template-missing-rotation',
      '10:82 template-unsafe-deletion',
    ]);
    // A `.template` file is read too.
    expect(brief('infra/stack.template', json)).toHaveLength(2);
  });

  it('exempts asymmetric, HMAC and imported keys, and keys whose props are an intrinsic', () => {
    const t = (props: string) =>
      `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    Type: AWS::KMS::Key\n${props}`;
    expect(brief('t.yaml', t('    Properties:\n      KeySpec: RSA_2048\n'))).toEqual([]);
    expect(
      brief('t.yaml', t('    Properties:\n      KeyUsage: GENERATE_VERIFY_MAC\n      KeySpec: HMAC_512\n')),
    ).toEqual([]);
    expect(brief('t.yaml', t('    Properties:\n      Origin: EXTERNAL\n'))).toEqual([]);
    expect(brief('t.yaml', t('    Properties: !If [C, { EnableKeyRotation: true }, {}]\n'))).toEqual([]);
    // SYMMETRIC_DEFAULT and ENCRYPT_DECRYPT are the defaults, and are reported like an empty spec.
    expect(
      brief('t.yaml', t('    Properties:\n      KeySpec: SYMMETRIC_DEFAULT\n      KeyUsage: ENCRYPT_DECRYPT\n')),
    ).toEqual(['4:5 template-missing-rotation']);
  });

  it('reads a file with an unknown tag, and treats that value as unknown', () => {
    const t =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !Macro on\n      PendingWindowInDays: 7\n";
    expect(brief('t.yaml', t)).toEqual(['7:7 template-unsafe-deletion']);
    expect(scan('t.yaml', t).skipped).toEqual([]);
  });

  it('reports a malformed template as skipped (syntax-error), and ignores malformed YAML that is not a template', () => {
    const broken =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    Type: AWS::KMS::Key\n    Properties: [oops\n";
    const r = scan('broken.yaml', broken);
    expect(r.findings).toEqual([]);
    expect(r.skipped.map((s) => [s.file, s.reason])).toEqual([['broken.yaml', 'syntax-error']]);
    expect(scan('compose.yaml', 'services:\n  web: [oops\n')).toEqual({ findings: [], inventory: [], skipped: [] });
  });

  it('does not treat other YAML with a Resources key as a template', () => {
    expect(brief('k8s.yaml', 'kind: ResourceQuota\nResources:\n  K:\n    Type: custom\n')).toEqual([]);
    // Session 22: a Serverless Framework `resources.Resources` block is CloudFormation (next test); a lower-case
    // `resources` map of another kind still is not.
    expect(brief('values.yaml', 'resources:\n  Resources:\n    K:\n      Type: custom\n')).toEqual([]);
  });

  it('honours inline allow comments and skips test paths and cdk.out', () => {
    const t =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    # keyhygiene-allow: sandbox\n    Type: AWS::KMS::Key\n";
    expect(scan('t.yaml', t).findings.map((f) => f.suppression)).toEqual([{ kind: 'inline', reason: 'sandbox' }]);
    const bare = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    Type: AWS::KMS::Key\n";
    expect(brief('test/fixtures/t.yaml', bare)).toEqual([]);
    expect(brief('cdk.out/App.template.json', bare)).toEqual([]);
    expect(brief('infra/t.yaml', bare)).toEqual(['4:5 template-missing-rotation']);
  });

  it('reads a Serverless Framework service: the same resources under `resources.Resources`', () => {
    const sls = [
      'service: reports-api', // 1
      'provider:', // 2
      '  name: aws', // 3
      '  runtime: nodejs20.x', // 4
      'resources:', // 5
      '  Resources:', // 6
      '    ExportKey:', // 7
      '      Type: AWS::KMS::Key', // 8
      '      Properties:', // 9
      '        Description: report exports', // 10
      '    RotatedKey:', // 11
      '      Type: AWS::KMS::Key', // 12
      '      Properties: { EnableKeyRotation: true }', // 13
      '    SigningKey:', // 14
      '      Type: AWS::KMS::Key', // 15
      '      Properties: { KeySpec: ECC_NIST_P256, KeyUsage: SIGN_VERIFY }', // 16
      '',
    ].join('\n');
    expect(brief('serverless.yml', sls)).toEqual(['8:7 template-missing-rotation']);
    // A `resources` key with no `Resources` map under it (a plain config) is no template.
    expect(brief('app.yml', 'resources:\n  cpu: 2\n  Type: AWS::KMS::Key\n')).toEqual([]);
  });
});

describe('Terraform', () => {
  const tf = [
    '# billing keys', // 1
    'resource "aws_kms_key" "a" {', // 2
    '  description = "no rotation {here}" # a comment with }', // 3
    '  deletion_window_in_days = 7', // 4
    '  policy = jsonencode({', // 5
    '    Statement = [{ Effect = "Allow" }]', // 6
    '  })', // 7
    '}', // 8
    'resource "aws_kms_key" "b" { enable_key_rotation = false }', // 9
    'resource "aws_kms_key" "c" {', // 10
    '  enable_key_rotation     = true', // 11
    '  rotation_period_in_days = 60', // 12
    '}', // 13
    'resource "google_kms_crypto_key" "d" {', // 14
    '  key_ring = google_kms_key_ring.r.id', // 15
    '  dynamic "version_template" {', // 16
    '    for_each = var.templates', // 17
    '    content { protection_level = version_template.value }', // 18
    '  }', // 19
    '  rotation_period = "7776000s"', // 20
    '}', // 21
    'resource "google_kms_crypto_key" "e" {', // 22
    '  key_ring = google_kms_key_ring.r.id', // 23
    '  dynamic "version_template" {', // 24
    '    for_each = var.templates', // 25
    '    content { protection_level = version_template.value }', // 26
    '  }', // 27
    '}', // 28
    'resource "google_kms_crypto_key" "f" {', // 29
    '  rotation_period = "7776001s"', // 30
    '}', // 31
    '',
  ].join('\n');

  it('reports with exact positions; a dynamic block that may exempt the key silences the check', () => {
    expect(brief('main.tf', tf)).toEqual([
      '2:1 template-missing-rotation',
      '4:3 template-unsafe-deletion',
      '9:30 template-missing-rotation',
      '12:3 template-missing-rotation',
      '30:3 template-missing-rotation',
    ]);
    const msgs = scan('main.tf', tf).findings.map((f) => f.message);
    expect(msgs[0]).toBe('KMS key aws_kms_key.a has no automatic rotation: add enable_key_rotation = true.');
    expect(msgs[1]).toContain('set deletion_window_in_days = 30');
    expect(msgs[3]).toContain('rotates every 60 days, outside 90 to 730 days');
    expect(msgs[4]).toContain('outside 1 to 90 days');
  });

  it('parses nested blocks, one-line blocks, heredocs and comments', () => {
    const blocks = parseHcl(
      [
        'resource "x" "y" {',
        '  a = 1',
        '  s = <<-EOT',
        '    } not the end {',
        '  EOT',
        '  /* b = 2 */',
        '  nested { c = "v" }',
        '  d = "${var.x}"',
        '}',
        'data "x" "z" {}',
      ].join('\n'),
    );
    expect(blocks.map((b) => [b.type, b.labels])).toEqual([
      ['resource', ['x', 'y']],
      ['data', ['x', 'z']],
    ]);
    const r = blocks[0]!;
    expect([...r.attrs.keys()]).toEqual(['a', 's', 'd']);
    expect(r.attrs.get('a')!.value).toBe(1);
    expect(typeof r.attrs.get('d')!.value).toBe('symbol');
    expect(r.blocks[0]!.attrs.get('c')!.value).toBe('v');
  });

  it('never throws on malformed input', () => {
    for (const bad of [
      'resource "aws_kms_key" "a" {',
      'resource "aws_kms_key" "a" { description = "unterminated',
      '}}}} resource "aws_kms_key" {{{',
      'resource "aws_kms_key" "a" {\n  x = <<EOT\nno end',
      '/* resource "aws_kms_key" "a" {}',
      '= = = "',
    ]) {
      expect(() => scan('bad.tf', bad), bad).not.toThrow();
    }
    // An unclosed block still ends at the end of the file.
    expect(brief('bad.tf', 'resource "aws_kms_key" "a" {\n  deletion_window_in_days = 7\n')).toEqual([
      '1:1 template-missing-rotation',
      '2:3 template-unsafe-deletion',
    ]);
  });
});

describe('weak algorithms in config files', () => {
  it('YAML: cipher, mode, curve and size settings, at the value (or the weak list item)', () => {
    const y = [
      'tls:', // 1
      '  ciphers: "ECDHE-RSA-AES128-GCM-SHA256:EXP-RC4-MD5"', // 2
      '  cipherSuites: [TLS_AES_128_GCM_SHA256, TLS_RSA_WITH_NULL_SHA256]', // 3
      'crypto:', // 4
      "  algorithm: 'DES-CBC'", // 5
      '  mode: ecb', // 6
      '  cipherMode: ECB', // 7
      '  namedCurve: sect163k1', // 8
      '  keySize: 1024', // 9
      '  modulusLength: "512"', // 10
      '  keyAlgorithm: RSA-1024', // 11
      '',
    ].join('\n');
    expect(brief('app.yaml', y)).toEqual([
      '2:41 config-weak-algorithm',
      '3:42 config-weak-algorithm',
      '5:15 config-weak-algorithm',
      '7:15 config-weak-algorithm',
      '8:15 config-weak-algorithm',
      '9:12 config-weak-algorithm',
      '10:19 config-weak-algorithm',
      '11:17 config-weak-algorithm',
    ]);
    const msgs = scan('app.yaml', y).findings.map((f) => f.message);
    expect(msgs[0]).toContain('EXP-RC4-MD5 (export-grade)');
    expect(msgs[2]).toContain('use AES-GCM');
    expect(msgs[3]).toContain('Use GCM');
    expect(msgs[7]).toContain('use RSA-2048 or larger');
  });

  it('JSON: the same settings, and package manifests are never read', () => {
    const j = '{\n  "encryption": { "cipher": "rc4", "keySize": 256 },\n  "cipher": "aes-256-gcm"\n}\n';
    expect(brief('config/default.json', j)).toEqual(['2:30 config-weak-algorithm']);
    expect(brief('package.json', j)).toEqual([]);
    expect(brief('package-lock.json', j)).toEqual([]);
    expect(brief('composer.json', j)).toEqual([]);
  });

  it('JSON: the JSON.parse prefilter skips files without a setting, and never changes what is found', () => {
    // Text that passes the keyword prefilter (`algorithm`, `encrypt`, `dh`) in values, never in a setting's key.
    const catalogue = JSON.stringify({
      LABEL_HELP: 'Which algorithm encrypts the dhcp lease?',
      // A setting's name (`*_encryption` selects a cipher) holding prose: the reader reports nothing.
      HINT_DURING_ENCRYPTION: 'A secret is involved during its encryption.',
      nested: { list: ['rsa 1024', { TITLE: 'cipher rc4' }] },
    });
    expect(SETTING_KEYWORDS.test(catalogue)).toBe(true);
    expect(algorithmSettingOf(normaliseName('HINT_DURING_ENCRYPTION'))?.id).toBe('cipher');
    expect(jsonMayHoldSettings(catalogue)).toBe(false);
    const docs = [
      '{ "tls": { "ciphers": "RC4-SHA:ECDHE-RSA-AES128-GCM-SHA256" } }',
      '{ "crypto": [ { "rsa": { "bits": 1024 } } ] }',
      '{ "auth": { "pbkdf2Iterations": 1000 } }',
      '{ "vault": { "kdf": { "digest": "sha1", "iterations": "1000" } } }',
      '{ "encryption": { "cipher": "rc4" }, "ok": null }',
    ];
    for (const d of docs) {
      expect(jsonMayHoldSettings(d)).toBe(true);
      // YAML reads JSON too, without the JSON prefilter: the same findings either way.
      expect(brief('config/app.json', d)).toEqual(brief('config/app.yaml', d));
      expect(brief('config/app.json', d).length).toBeGreaterThan(0);
    }
    expect(brief('config/app.json', catalogue)).toEqual(brief('config/app.yaml', catalogue));
    // Not strict JSON (comments, a byte-order mark): the full reader decides.
    expect(jsonMayHoldSettings('{ // c\n "cipher": "rc4" }')).toBe(true);
    expect(jsonMayHoldSettings('\uFEFF{ "LABEL": "algorithm" }')).toBe(true);
  });

  it('the JSON prefilter lists the entries of each map once', () => {
    const doc = '{ "app": { "title": "Shop", "theme": { "colour": "blue" } }, "languages": [{ "de": "Deutsch" }] }';
    const spy = vi.spyOn(Object, 'entries');
    try {
      expect(jsonMayHoldSettings(doc)).toBe(false);
      // Four maps (the root, app, theme, the list's item): one listing each, not one for the KDF check and another.
      expect(spy.mock.calls.length).toBe(4);
    } finally {
      spy.mockRestore();
    }
  });

  it('the JSON prefilter still runs each map-level check where a key can feed it', () => {
    // A map with no selector, key-type, IV or record key skips those checks: the ones below each need one of them,
    // or (the first two) the KDF named by the map's own key, which is read for every map.
    const cases: Array<[string, boolean]> = [
      ['{ "vault": { "scrypt": { "N": 1024 } } }', true],
      ['{ "vault": { "scrypt": { "N": 1048576 } } }', false],
      ['{ "hashing": { "algorithm": "scrypt", "N": 1024 } }', true],
      ['{ "signing": { "algorithm": "RSA", "size": 1024 } }', true],
      ['{ "crypto": { "frame_iv": "000102030405060708090a0b0c0d0e0f" } }', true],
      // An IV stored beside its ciphertext is one message's, not a setting.
      [
        '{ "message": { "iv": "000102030405060708090a0b0c0d0e0f", "ciphertext": "9f2c4a1b9f2c4a1b9f2c4a1b9f2c4a1b" } }',
        false,
      ],
      ['{ "LABEL_KDF": "Schlüsselableitung", "LABEL_IV": "Initialisierungsvektor", "NAV": { "TITLE": "AES" } }', false],
    ];
    for (const [doc, may] of cases) expect([doc, jsonMayHoldSettings(doc)]).toEqual([doc, may]);
  });

  it('hard negatives: exclusions, deny lists, prose, strong values, other names', () => {
    const y = [
      'a:',
      '  ciphers: "HIGH:!aNULL:!MD5:!RC4:!3DES:!EXPORT"',
      '  ciphers_b: "ALL:-3DES:DES-CBC3-SHA"',
      'disabled:',
      '  ciphers: [RC4, DES-CBC3-SHA]',
      'blacklistedCipherSuites:',
      '  - TLS_RSA_WITH_RC4_128_SHA',
      'c:',
      '  algorithm: "We moved off DES in 2019"',
      '  cipher: "Use AES, not RC4"',
      '  algorithm: HS256',
      '  cipher: chacha20-poly1305',
      '  keySize: 256',
      '  keySize: 4096',
      '  keySize: 128',
      '  namedCurve: P-256',
      '  description: DES',
      '  rsa_key_size: 3072',
    ].join('\n');
    expect(brief('settings.yaml', y)).toEqual([]);
  });

  it('PBKDF2 iteration counts under the floor of no-password-as-key, with the digest a sibling names', () => {
    const y = [
      'auth:', // 1
      '  pbkdf2Iterations: 10000', // 2
      'vault:', // 3
      '  kdf:', // 4
      '    digest: SHA-512', // 5
      '    iterations: 250000', // 6
      'legacyVault:', // 7
      '  kdf:', // 8
      '    digest: sha1', // 9
      '    iterations: "1000000"', // 10
      'retry:', // 11
      '  iterations: 5', // 12
      'bcrypt:', // 13
      '  rounds: 10', // 14
      '',
    ].join('\n');
    expect(brief('security.yaml', y)).toEqual(['2:21 config-password-as-key', '10:18 config-password-as-key']);
    const [first, second] = scan('security.yaml', y).findings;
    expect(first!.category).toBe('password-as-key');
    expect(first!.message).toContain('under 600000');
    expect(second!.message).toContain('under 1300000 (OWASP 2023 for PBKDF2-HMAC-SHA1)');
    expect(brief('app.properties', 'crypto.kdf.iterations=1000\n')).toEqual(['1:23 config-password-as-key']);
  });

  it('scrypt and argon2 work factors in a map whose selector or key names the KDF (issue 11, session 26)', () => {
    const y = [
      'backup:', // 1
      '  kdf:', // 2
      '    name: scrypt', // 3
      '    n: 4096', // 4
      '    r: 8', // 5
      'sync:', // 6
      '  argon2id:', // 7
      '    memory: 8192', // 8
      '    passes: 3', // 9
      'strong:', // 10
      '  kdf: { type: scrypt, log_n: 17 }', // 11
      'weakLog:', // 12
      '  kdf: { type: scrypt, log_n: 10 }', // 13
      'cache:', // 14
      '  algorithm: lru', // 15
      '  n: 1024', // 16
      '',
    ].join('\n');
    expect(brief('vault.yaml', y)).toEqual([
      '4:8 config-password-as-key',
      '8:13 config-password-as-key',
      '13:31 config-password-as-key',
    ]);
    expect(scan('vault.yaml', y).findings[0]!.message).toContain('scrypt N 4096');
    const json =
      '{\n  "crypto": { "algorithm": "scrypt", "N": 2048, "p": 1 },\n  "ok": { "kdf": "scrypt", "N": 131072 }\n}\n';
    expect(brief('.toolrc.json', json)).toEqual(['2:43 config-password-as-key']);
  });

  it('.properties, .env, .ini sections and nginx/Apache/OpenVPN directives', () => {
    expect(
      brief(
        'application.properties',
        [
          'server.ssl.ciphers=TLS_RSA_WITH_RC4_128_SHA, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
          'crypto.cipher = DES/ECB/PKCS5Padding',
          'crypto.other: AES/GCM/NoPadding',
          '# crypto.cipher=DES',
        ].join('\n'),
      ),
    ).toEqual(['1:20 config-weak-algorithm', '2:17 config-weak-algorithm']);
    expect(scan('application.properties', 'crypto.cipher = DES/ECB/PKCS5Padding').findings[0]!.message).toContain(
      'use AES/GCM/NoPadding',
    );
    expect(brief('.env.production', 'export TLS_CIPHERS="RC4-SHA:HIGH"\nKEY_SIZE=2048\n')).toEqual([
      '1:21 config-weak-algorithm',
    ]);
    expect(brief('tls.ini', '[legacy]\ncipher = des3\n[disabled]\ncipher = rc4\n')).toEqual([
      '2:10 config-weak-algorithm',
    ]);
    expect(brief('site.conf', 'server {\n  ssl_ciphers HIGH:RSA+3DES:!aNULL;\n}\n')).toEqual([
      '2:20 config-weak-algorithm',
    ]);
    expect(brief('httpd.conf', 'SSLCipherSuite HIGH:!aNULL:!MD5:!3DES\n')).toEqual([]);
    expect(brief('client.conf', 'remote vpn.example.test 1194\ncipher BF-CBC\n')).toEqual([
      '2:8 config-weak-algorithm',
    ]);
    // Not read: code, Markdown, test paths.
    expect(brief('README.md', 'cipher: des\n')).toEqual([]);
    expect(brief('test/config.yaml', 'cipher: des\n')).toEqual([]);
  });
});

describe('protocol versions in config files and templates (session 25, class WA-1)', () => {
  it('reports the lowest old version a setting lets through, once per setting', () => {
    const y = [
      'apiVersion: v1', // 1
      'kind: ConfigMap', // 2
      'data:', // 3
      '  ssl-protocols: "TLSv1.2 TLSv1.1 TLSv1"', // 4
      '  ssl-ciphers: "ECDHE-RSA-AES128-GCM-SHA256"', // 5
      'gateway:', // 6
      '  minTlsVersion: TLS1_2', // 7
      '  securityPolicy: TLS13_11_2021', // 8
      '',
    ].join('\n');
    expect(brief('ingress.yaml', y)).toEqual(['4:27 config-weak-algorithm']);
    expect(scan('ingress.yaml', y).findings[0]!.message).toContain('allows TLS 1.1 (TLSv1.1)');
    const tf = [
      'resource "aws_lb_listener" "api" {', // 1
      '  ssl_policy = "ELBSecurityPolicy-TLS-1-1-2017-01"', // 2
      '}', // 3
      'resource "azurerm_storage_account" "logs" {', // 4
      '  min_tls_version = "TLS1_2"', // 5
      '}', // 6
      'resource "aws_lb_listener" "web" {', // 7
      '  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"', // 8
      '}', // 9
      '',
    ].join('\n');
    expect(brief('main.tf', tf)).toEqual(['2:3 config-weak-algorithm']);
    expect(brief('nginx.conf', 'server {\n  ssl_protocols TLSv1 TLSv1.2;\n}\n')).toEqual([
      '2:17 config-weak-algorithm',
    ]);
  });

  it('hard negatives: versions turned off, other versions, no protocol named', () => {
    expect(brief('nginx.conf', 'server {\n  ssl_protocols TLSv1.2 TLSv1.3;\n}\n')).toEqual([]);
    expect(brief('app.yaml', 'tls:\n  disabledProtocols: [TLSv1, TLSv1.1]\n  minVersion: "1.0.3"\n')).toEqual([]);
    expect(brief('httpd.conf', 'SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1\n')).toEqual([]);
  });
});

describe('bounded work on hostile input', () => {
  it('reads long, unterminated lines in linear time', () => {
    const lines = [
      `a${' '.repeat(4000)}"`,
      `a=${' ;'.repeat(2000)}"`,
      `cipher ${' '.repeat(4000)}x"`,
      `[${' '.repeat(4000)}x`,
      `ssl_ciphers ${'A:'.repeat(2000)}`,
    ].join('\n');
    const t = performance.now();
    for (const f of ['a.properties', '.env', 'a.conf', 'a.ini', 'a.yaml', 'a.tf']) scan(f, `${lines}\n`.repeat(20));
    // Catastrophic backtracking takes many minutes here; linear reading takes well under a second on a quiet machine.
    // The bound is loose on purpose: at load 25 this took 5.7 s, and a test must not fail because the machine is busy.
    expect(performance.now() - t).toBeLessThan(60_000);
  }, 120_000);
});
