/**
 * A hand-built AuditResult for the report tests, made the way the scanner makes one: from planted
 * secrets that are generated at test time (never written down), passed through `redact`,
 * a salted fingerprinter and `redactIn`. The tests then assert that no form of the secrets reaches any report.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createFingerprinter, hashText, redact, redactIn, saltIdOf } from '../../src/detect/index.js';

// One salt per test run, as one repository would have.
const SALT = new Uint8Array(randomBytes(32));
const fp = createFingerprinter(SALT);
const fingerprint = (s: string): string => fp.secret(s).id;
const shortFingerprint = (s: string): string => fp.secret(s).display;
import type { AuditResult, Finding, InventoryItem, RuleInfo } from '../../src/report/types.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Fresh planted secrets for one test run. */
function plantSecrets(): { aws: string; hexKey: string; pem: string; jwtSecret: string } {
  const bytes = randomBytes(16);
  const aws = `AKIA${[...bytes].map((b) => UPPER[b % 32]).join('')}`;
  const hexKey = randomBytes(32).toString('hex');
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const jwtSecret = randomBytes(24).toString('base64url');
  return { aws, hexKey, pem, jwtSecret };
}

/** Every encoding of a secret that must never appear in a report. */
export function forbiddenForms(secret: string): string[] {
  const forms = [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('hex'),
    Buffer.from(secret).toString('base64url'),
  ];
  if (/^[0-9a-f]+$/i.test(secret) && secret.length % 2 === 0) forms.push(Buffer.from(secret, 'hex').toString('base64'));
  // The body of a PEM key: any 40-character run of it.
  const body = secret.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  if (body.length > 40) forms.push(body.slice(0, 40), body.slice(-40));
  return forms;
}

export function assertNoSecret(output: string, secrets: Record<string, string>): void {
  for (const [name, secret] of Object.entries(secrets)) {
    for (const form of forbiddenForms(secret)) {
      if (output.includes(form)) throw new Error(`report leaks the planted ${name} secret (form ${form.slice(0, 4)}…)`);
    }
  }
}

function finding(base: Omit<Finding, 'fingerprint'> & { fingerprintInput: string }): Finding {
  const { fingerprintInput, ...rest } = base;
  return { ...rest, fingerprint: `${base.ruleId}:${hashText(fingerprintInput).slice(0, 32)}` };
}

export const RULES: ReadonlyMap<string, RuleInfo> = new Map<string, RuleInfo>([
  [
    'keyhygiene/no-hardcoded-key',
    {
      id: 'keyhygiene/no-hardcoded-key',
      description: 'Disallow key material, credentials and private keys written into source code',
      category: 'hardcoded-key',
      cwe: [798, 321],
      helpUri: 'https://github.com/keyhygiene/keyhygiene/blob/main/docs/rules/no-hardcoded-key.md',
    },
  ],
  [
    'keyhygiene/secret-in-file',
    {
      id: 'keyhygiene/secret-in-file',
      description: 'A credential or private key committed in a non-code file',
      category: 'hardcoded-key',
      cwe: [798, 312],
      helpUri: 'https://github.com/keyhygiene/keyhygiene/blob/main/docs/audit.md#secret-in-file',
    },
  ],
  [
    'keyhygiene/secret-in-history',
    {
      id: 'keyhygiene/secret-in-history',
      description: 'A key deleted from the working tree but still recoverable from git history',
      category: 'unsafe-deletion',
      cwe: [540],
      helpUri: 'https://github.com/keyhygiene/keyhygiene/blob/main/docs/audit.md#secret-in-history',
    },
  ],
  [
    'keyhygiene/cross-file-hardcoded-key',
    {
      id: 'keyhygiene/cross-file-hardcoded-key',
      description: 'A literal key defined in one module reaches a crypto API in another',
      category: 'hardcoded-key',
      cwe: [321],
      helpUri: 'https://github.com/keyhygiene/keyhygiene/blob/main/docs/audit.md#cross-file-hardcoded-key',
    },
  ],
]);

export interface Fixture {
  readonly result: AuditResult;
  readonly secrets: Record<string, string>;
}

/** A realistic result: code, config, cross-file and history findings, suppressions, inventory, skips. */
export function buildFixture(opts: { partial?: boolean } = {}): Fixture {
  const s = plantSecrets();
  const awsLine = `const client = new S3Client({ credentials: { accessKeyId: '${s.aws}', secretAccessKey: env.S } });`;
  const findings: Finding[] = [
    finding({
      ruleId: 'keyhygiene/no-hardcoded-key',
      category: 'hardcoded-key',
      severity: 'critical',
      message: `AWS access key ${redact(s.aws)} is written into the source; load it from the environment or a keystore`,
      location: { file: 'src/aws/client.ts', line: 12, column: 60, endLine: 12, endColumn: 60 + s.aws.length + 2 },
      fingerprintInput: `src/aws/client.ts|${fingerprint(s.aws)}`,
      origin: 'code',
      secret: { redacted: redact(s.aws), fingerprint: shortFingerprint(s.aws), formatId: 'aws-access-key-id' },
      snippet: {
        startLine: 11,
        lines: ["import { S3Client } from '@aws-sdk/client-s3';", redactIn(awsLine, [s.aws]), 'export default client;'],
      },
    }),
    finding({
      ruleId: 'keyhygiene/cross-file-hardcoded-key',
      category: 'hardcoded-key',
      severity: 'high',
      message: `A literal 256-bit key (${redact(s.hexKey)}) from src/config.ts is used as the key of createCipheriv`,
      location: { file: 'src/services/crypto.ts', line: 8, column: 35 },
      fingerprintInput: `src/services/crypto.ts|${fingerprint(s.hexKey)}`,
      origin: 'cross-file',
      secret: { redacted: redact(s.hexKey), fingerprint: shortFingerprint(s.hexKey) },
      path: [
        { file: 'src/config.ts', line: 3, column: 14, note: 'SESSION_KEY is defined from a literal' },
        { file: 'src/index.ts', line: 1, column: 10, note: 're-exported from the barrel' },
        { file: 'src/services/crypto.ts', line: 8, column: 35, note: 'used as the key of createCipheriv' },
      ],
      snippet: {
        startLine: 7,
        lines: [
          'export function seal(data: Buffer) {',
          "  const c = createCipheriv('aes-256-gcm', SESSION_KEY, iv);",
          '  return c.update(data);',
        ],
      },
    }),
    finding({
      ruleId: 'keyhygiene/secret-in-file',
      category: 'hardcoded-key',
      severity: 'critical',
      message: 'Private key block (PEM) committed in deploy/signing.pem',
      location: { file: 'deploy/signing.pem', line: 1, column: 1 },
      fingerprintInput: `deploy/signing.pem|${fingerprint(s.pem)}`,
      origin: 'config',
      secret: { redacted: redact(s.pem), fingerprint: shortFingerprint(s.pem), formatId: 'private-key-block' },
      suppression: { kind: 'baseline', reason: 'test-only key, rotation tracked in SEC-42 <b>', expires: '2999-01-01' },
      // As if the engine redacted only the header: the reports must still not show the key body.
      snippet: { startLine: 1, lines: s.pem.split('\n').slice(0, 3) },
    }),
    finding({
      ruleId: 'keyhygiene/secret-in-file',
      category: 'hardcoded-key',
      severity: 'medium',
      message: `JWT secret ${redact(s.jwtSecret)} in .env.example <script>alert(1)</script>`,
      location: { file: '.env.example', line: 4, column: 12 },
      fingerprintInput: `.env.example|${fingerprint(s.jwtSecret)}`,
      origin: 'config',
      secret: { redacted: redact(s.jwtSecret), fingerprint: shortFingerprint(s.jwtSecret) },
      suppression: { kind: 'inline', reason: 'documented sample value' },
      snippet: {
        startLine: 3,
        lines: [
          '# sample',
          redactIn(`JWT_SECRET=${s.jwtSecret} # keyhygiene-allow: documented sample value`, [s.jwtSecret]),
        ],
      },
    }),
    finding({
      ruleId: 'keyhygiene/secret-in-history',
      category: 'unsafe-deletion',
      severity: 'high',
      message: `AWS access key ${redact(s.aws)} was deleted but is still recoverable from git history: rotate it`,
      location: { file: 'old/credentials.json', line: 2, column: 18 },
      fingerprintInput: `old/credentials.json|${fingerprint(s.aws)}`,
      origin: 'history',
      secret: { redacted: redact(s.aws), fingerprint: shortFingerprint(s.aws), formatId: 'aws-access-key-id' },
      commit: { sha: 'a3f9c2e1b4d5a3f9c2e1b4d5a3f9c2e1b4d5a3f9', date: '2025-03-14T10:00:00Z', author: 'dev' },
    }),
    finding({
      ruleId: 'keyhygiene/no-hardcoded-key',
      category: 'weak-randomness',
      severity: 'low',
      message: 'Math.random() makes a session token',
      location: { file: 'src/auth/token.ts', line: 5, column: 10 },
      fingerprintInput: 'src/auth/token.ts|Math.random',
      origin: 'code',
    }),
  ];
  const inventory: InventoryItem[] = [
    {
      kind: 'algorithm',
      name: 'aes-256-gcm',
      primitive: 'ae',
      mode: 'gcm',
      keySizeBits: 256,
      locations: [{ file: 'src/services/crypto.ts', line: 8, column: 20 }],
    },
    {
      kind: 'algorithm',
      name: 'HMAC-SHA256',
      primitive: 'mac',
      keySizeBits: 256,
      locations: [{ file: 'src/auth/jwt.ts', line: 4, column: 3 }],
    },
    {
      kind: 'algorithm',
      name: 'aes-128-cbc',
      primitive: 'block-cipher',
      mode: 'cbc',
      keySizeBits: 128,
      locations: [{ file: 'src/legacy.ts', line: 2, column: 3 }],
    },
    {
      kind: 'key',
      name: 'SESSION_KEY',
      keySizeBits: 256,
      keySource: 'literal',
      rotation: 'none',
      deletion: 'none',
      locations: [{ file: 'src/config.ts', line: 3, column: 14 }],
    },
    {
      kind: 'key',
      name: 'signing key (Ed25519)',
      primitive: 'signature',
      keySource: 'file',
      locations: [{ file: 'deploy/signing.pem', line: 1, column: 1 }],
    },
    {
      kind: 'key',
      name: 'AWS KMS key',
      keySource: 'kms',
      rotation: 'EnableKeyRotation (365 days)',
      deletion: 'RemovalPolicy.RETAIN',
      locations: [{ file: 'infra/stack.ts', line: 20, column: 5 }],
    },
    {
      kind: 'credential',
      name: 'AWS access key',
      keySource: 'literal',
      locations: [{ file: 'src/aws/client.ts', line: 12, column: 60 }],
    },
    {
      kind: 'certificate',
      name: 'TLS server certificate',
      locations: [{ file: 'deploy/server.crt', line: 1, column: 1 }],
    },
  ];
  const result: AuditResult = {
    schemaVersion: 1,
    tool: { name: 'keyhygiene', version: '0.1.0' },
    root: '/work/repos/demo app',
    startedAt: '2026-11-28T12:00:00.000Z',
    durationMs: 1234,
    stats: { files: 42, lines: 3100, bytes: 120_000, historyBlobs: 310 },
    findings,
    inventory,
    skipped:
      opts.partial === false
        ? []
        : [
            { file: 'src/broken.ts', reason: 'syntax-error', detail: "')' expected (3:14)" },
            { file: 'assets/logo.bin', reason: 'binary' },
            { file: 'data/dump.sql', reason: 'too-large', detail: '48 MB > 10 MB' },
          ],
    partial: opts.partial !== false,
    fingerprints: { scheme: 'kh2', saltId: saltIdOf(SALT), saltSource: 'git' },
  };
  return { result, secrets: s };
}

/** A result with no findings, no inventory and nothing skipped. */
export function emptyResult(): AuditResult {
  return {
    schemaVersion: 1,
    tool: { name: 'keyhygiene', version: '0.1.0' },
    root: '/tmp/empty',
    startedAt: '2026-11-28T12:00:00.000Z',
    durationMs: 10,
    stats: { files: 3, lines: 30, bytes: 900 },
    findings: [],
    inventory: [],
    skipped: [],
    partial: false,
  };
}
