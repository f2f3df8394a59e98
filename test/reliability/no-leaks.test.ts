/**
 * No leaks end to end: known fake secrets, generated at test time, are planted in a temp git repository
 * (one of them committed and then deleted, so only history has it). The real CLI audits it with
 * `--history --debug`, writing every format (text, json, sarif, html, cbom), `--update-baseline` and
 * its cache; then a second run prints the text report to stdout. stdout, stderr (the debug log), every
 * report, the baseline and every cache file must hold none of the secrets' raw bytes, base64,
 * base64url or hex forms, nor any body line of the planted PEM key. The same files linted in-process
 * by ESLint with `keyhygiene.configs.strict` must not leak through messages or suggestion descriptions.
 * Every secret must also be FOUND (by the audit), so the check is never vacuous.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createECDH, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import keyhygiene from '../../src/plugin.js';
import { base62, crc32 } from '../../src/catalogue/providers/checksums.js';
import type { AuditResult } from '../../src/report/types.js';
import { forbiddenForms } from '../report/fixture.js';

const BIN = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'kh-noleak-'));
const root = path.join(tmp, 'repo');
const out = path.join(tmp, 'out');

const pick = (alphabet: string, n: number): string =>
  Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

/** Fresh fake secrets: random every run, never real. */
const S = {
  awsKeyId: `AKIA${pick(B32, 16)}`,
  awsSecret: pick(B64, 40),
  pem: generateKeyPairSync('rsa', { modulusLength: 3072 })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString(),
  ghp: ((body) => `ghp_${body}${base62(crc32(body), 6)}`)(pick(ALNUM, 30)), // with GitHub's CRC-32 tail
  aesHex: randomBytes(32).toString('hex'),
  jwtSecret: pick(ALNUM, 40),
  k8sPassword: pick(ALNUM, 32),
  envSecret: pick(ALNUM, 44),
  historyAwsKeyId: `AKIA${pick(B32, 16)}`,
  historyAwsSecret: pick(B64, 40),
  ecdhPrivate: (() => {
    const e = createECDH('prime256v1');
    e.generateKeys();
    return e.getPrivateKey('hex');
  })(),
};

/** Every byte string that must never appear in an output. */
function forbidden(): Array<{ name: string; form: string }> {
  const all: Array<{ name: string; form: string }> = [];
  for (const [name, secret] of Object.entries(S)) {
    for (const form of forbiddenForms(secret)) all.push({ name, form });
  }
  // Every body line of the PEM (64 base64 characters each; the short last line only if long enough to be specific).
  for (const line of S.pem.split('\n'))
    if (!line.startsWith('-----') && line.length >= 24) all.push({ name: 'pem line', form: line });
  // The raw bytes of the hex key in base64/base64url (forbiddenForms covers base64 only).
  all.push({ name: 'aesHex', form: Buffer.from(S.aesHex, 'hex').toString('base64url') });
  return all;
}

function leaksIn(label: string, data: Buffer | string): string[] {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return forbidden()
    .filter(({ form }) => buf.includes(form))
    .map(({ name, form }) => `${label} leaks ${name} (form ${form.slice(0, 4)}…, ${form.length} chars)`);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((p) => statSync(p).isFile());
}

function git(...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args],
    { cwd: root, stdio: 'pipe' },
  );
}

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

beforeAll(() => {
  expect(existsSync(BIN), 'dist/src/cli/bin.js (npm run build)').toBe(true);
  mkdirSync(root, { recursive: true });
  mkdirSync(out);
  git('init', '-q');
  // Committed, then deleted: only git history has this pair.
  write('deploy/old.env', `AWS_ACCESS_KEY_ID=${S.historyAwsKeyId}\nAWS_SECRET_ACCESS_KEY=${S.historyAwsSecret}\n`);
  git('add', '-A');
  git('commit', '-qm', 'deploy config');
  git('rm', '-q', 'deploy/old.env');
  git('commit', '-qm', 'remove deploy config');

  write(
    'src/aws.ts',
    `import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: '${S.awsKeyId}', secretAccessKey: '${S.awsSecret}' } });\n`,
  );
  write('certs/server.key', S.pem);
  write('src/github.js', `export const client = { auth: '${S.ghp}' };\n`);
  write(
    'src/crypt.ts',
    `import { createCipheriv, randomBytes } from 'node:crypto';\nconst key = Buffer.from('${S.aesHex}', 'hex');\nexport function seal(data: Buffer): Buffer {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\n`,
  );
  write(
    'src/ecdh.ts',
    `import { createECDH } from 'node:crypto';\nconst ecdh = createECDH('prime256v1');\necdh.setPrivateKey('${S.ecdhPrivate}', 'hex');\nexport const pub = ecdh.getPublicKey();\n`,
  );
  write(
    'src/token.ts',
    `import jwt from 'jsonwebtoken';\nexport const issue = (sub: string): string => jwt.sign({ sub }, '${S.jwtSecret}', { algorithm: 'HS256' });\n`,
  );
  write(
    'k8s/secret.yaml',
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${Buffer.from(S.k8sPassword).toString('base64')}\n`,
  );
  write('.env', `SESSION_SECRET=${S.envSecret}\nPORT=3000\n`);
  git('add', '-A');
  git('commit', '-qm', 'app');
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('no planted secret leaves the audit', () => {
  let first: { code: number | null; stdout: string; stderr: string };
  let result: AuditResult;

  beforeAll(() => {
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        'audit',
        root,
        '--history',
        '--debug',
        '--no-progress',
        '--format',
        `text=${path.join(out, 'report.txt')}`,
        '--format',
        `json=${path.join(out, 'report.json')}`,
        '--format',
        `sarif=${path.join(out, 'report.sarif')}`,
        '--format',
        `html=${path.join(out, 'report.html')}`,
        '--format',
        `cbom=${path.join(out, 'report.cdx.json')}`,
        '--update-baseline',
        '--baseline',
        path.join(out, 'baseline.json'),
      ],
      { encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1', CI: '1' } },
    );
    first = { code: r.status, stdout: r.stdout, stderr: r.stderr };
    result = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as AuditResult;
  }, 200_000);

  it('the run succeeds, writes every output, and the debug log is really on', () => {
    expect(first.code, first.stderr).toBe(0); // --update-baseline exits 0
    for (const f of ['report.txt', 'report.json', 'report.sarif', 'report.html', 'report.cdx.json', 'baseline.json'])
      expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(first.stderr).toMatch(/^debug: /m);
    expect(filesUnder(path.join(root, '.keyhygiene-cache')).length).toBeGreaterThan(0);
  });

  it('every planted secret is found (the check is not vacuous)', () => {
    const byFile = new Map<string, string[]>();
    for (const f of result.findings) byFile.set(f.location.file, [...(byFile.get(f.location.file) ?? []), f.ruleId]);
    const summary = JSON.stringify([...byFile]);
    for (const file of [
      'src/aws.ts',
      'certs/server.key',
      'src/github.js',
      'src/crypt.ts',
      'src/token.ts',
      'k8s/secret.yaml',
      '.env',
      'deploy/old.env',
    ]) {
      expect(byFile.has(file), `${file} not found in ${summary}`).toBe(true);
    }
    expect(byFile.get('deploy/old.env')).toContain('keyhygiene/secret-in-history');
  });

  it('the assertion can fail: a planted form is caught', () => {
    expect(leaksIn('probe', `x ${Buffer.from(S.jwtSecret).toString('base64url')} y`)).toHaveLength(1);
    expect(leaksIn('probe', S.pem.split('\n')[3]!)).not.toEqual([]);
  });

  it('stdout and stderr (with --debug) hold no form of any secret', () => {
    expect([...leaksIn('stdout', first.stdout), ...leaksIn('stderr', first.stderr)]).toEqual([]);
  });

  it('no report, baseline or cache file holds any form of any secret', () => {
    const files = [...filesUnder(out), ...filesUnder(path.join(root, '.keyhygiene-cache'))];
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(files.flatMap((f) => leaksIn(path.relative(tmp, f), readFileSync(f)))).toEqual([]);
  });

  it('a second run (text to stdout, the baseline applied, the cache warm) leaks nothing either', () => {
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        'audit',
        root,
        '--history',
        '--debug',
        '--no-progress',
        '--baseline',
        path.join(out, 'baseline.json'),
        '--fail-on',
        'low',
      ],
      {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, NO_COLOR: '1', CI: '1' },
      },
    );
    // Every finding is in the baseline: suppressed, so exit 0, and the text report is on stdout.
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(200);
    expect(r.stderr).toMatch(/cache/);
    expect([...leaksIn('stdout', r.stdout), ...leaksIn('stderr', r.stderr)]).toEqual([]);
  }, 200_000);
});

describe('no planted secret leaves ESLint (strict preset, json formatter)', () => {
  it('messages and suggestion descriptions never hold a secret', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [keyhygiene.configs.strict] });
    const results = await eslint.lintFiles(['src/**/*.{ts,js}']);
    const messages = results.flatMap((r) => r.messages);
    // The rules must really fire on these files, or the check proves nothing.
    expect(
      messages.filter((m) => m.ruleId?.startsWith('keyhygiene/')).length,
      JSON.stringify(messages.map((m) => m.message)),
    ).toBeGreaterThanOrEqual(4);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    // Fixes and suggestion outputs rewrite the source (they may remove the literal): only descriptions and messages are output text.
    const text = JSON.stringify(
      messages.map((m) => ({ message: m.message, suggestions: m.suggestions?.map((s) => s.desc) })),
    );
    expect(leaksIn('eslint messages', text)).toEqual([]);
    // The json formatter prints `source` only for files with fatal errors; the whole output is checked
    // with the file text removed (the file itself of course holds the secret).
    const formatted = await (
      await eslint.loadFormatter('json')
    ).format(results.map((r) => ({ ...r, source: undefined })));
    const withoutFixes = JSON.stringify(
      (JSON.parse(formatted) as Array<{ messages: Array<Record<string, unknown>> }>).map((r) =>
        r.messages.map(({ fix: _fix, suggestions, ...m }) => ({
          ...m,
          suggestions: (suggestions as Array<{ desc: string }> | undefined)?.map((s) => s.desc),
        })),
      ),
    );
    expect(leaksIn('eslint --format json', withoutFixes)).toEqual([]);
  }, 120_000);
});
