/**
 * The `keyhygiene/scanner` API contract: baseline round trip (no secret inside, reasons, expiry), shards
 * and merge, the cache, rule metadata, errors, and the robustness of the walk (binary, huge, non-UTF-8
 * files, symlink loops) — each made at test time in a temp directory. Fake tokens are generated here.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditError,
  audit,
  loadBaseline,
  mergeResults,
  ruleInfo,
  shardOf,
  writeBaseline,
} from '../../src/scanner/index.js';
import type { AuditResult } from '../../src/report/types.js';
import { initRepo } from '../helpers/git.js';
import { base62, crc32 } from '../../src/catalogue/providers/checksums.js';

const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random and fake, but with the CRC-32 tail that GitHub's and npm's real tokens carry (`checksums.ts`). */
const fakeToken = (prefix: string, n: number): string => {
  const body = Array.from(randomBytes(n - 6), (b) => alnum[b % 62]).join('');
  return prefix + body + base62(crc32(body), 6);
};

let dir: string;
/** Every file a finding names, its other places of the same secret included, sorted and each once. */
const placesOf = (r: AuditResult): string[] =>
  [...new Set(r.findings.flatMap((f) => [f.location.file, ...(f.occurrences ?? []).map((o) => o.file)]))].sort();

const secrets: string[] = [];
const write = (rel: string, text: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kh-scan-api-'));
  // A git repository (one empty root commit): its fingerprint salt comes from the root commit, as in CI.
  initRepo(dir);
  for (let i = 0; i < 12; i++) {
    const t = fakeToken('ghp_', 36);
    secrets.push(t);
    write(`svc${i}/.env`, `LOG_LEVEL=info\nGITHUB_TOKEN=${t}\n`);
  }
  const key = randomBytes(32).toString('hex');
  secrets.push(key);
  write(
    'src/crypto.ts',
    `import { createCipheriv } from 'node:crypto';\nexport const c = (iv: Buffer) => createCipheriv('aes-256-gcm', Buffer.from('${key}', 'hex'), iv);\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit result', () => {
  it('finds the planted tokens and never carries a secret', async () => {
    const r = await audit({ root: dir, workers: 1 });
    expect(r.findings).toHaveLength(13);
    expect(r.findings.every((f) => f.fingerprint.length >= 16 && f.secret?.redacted.includes('…'))).toBe(true);
    const json = JSON.stringify(r);
    for (const s of secrets) expect(json).not.toContain(s);
    expect(
      r.inventory.some((i) => i.name === 'AES-256-GCM' && i.keySource === 'literal' && i.keySizeBits === 256),
    ).toBe(true);
  });

  it('gives stable fingerprints that survive line moves', async () => {
    const before = await audit({ root: dir, workers: 1 });
    const env = readFileSync(path.join(dir, 'svc0/.env'), 'utf8');
    writeFileSync(path.join(dir, 'svc0/.env'), `# moved down\n\n${env}`);
    const after = await audit({ root: dir, workers: 1 });
    writeFileSync(path.join(dir, 'svc0/.env'), env);
    const f0 = (r: typeof before) => r.findings.find((f) => f.location.file === 'svc0/.env')!;
    expect(f0(after).location.line).toBe(f0(before).location.line + 2);
    expect(f0(after).fingerprint).toBe(f0(before).fingerprint);
  });
});

describe('baseline', () => {
  it('round-trips with reasons and expiry, and holds no secret', async () => {
    const file = path.join(dir, '.baseline/keyhygiene-baseline.json');
    const first = await audit({ root: dir, workers: 1 });
    await writeBaseline(file, first, { reason: 'accepted during migration', expires: '2999-01-01' });
    const text = readFileSync(file, 'utf8');
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text).not.toMatch(/ghp_|redacted|snippet|message/);
    const b = await loadBaseline(file);
    expect(b.entries).toHaveLength(13);
    expect(b.entries[0]).toMatchObject({ reason: 'accepted during migration', expires: '2999-01-01' });
    const second = await audit({ root: dir, workers: 1, baseline: file });
    expect(
      second.findings.every(
        (f) => f.suppression?.kind === 'baseline' && f.suppression.reason === 'accepted during migration',
      ),
    ).toBe(true);
  });

  it('stops suppressing after the expiry date', async () => {
    const file = path.join(dir, '.baseline/expired.json');
    await writeBaseline(file, await audit({ root: dir, workers: 1 }), { expires: '2001-01-01' });
    const r = await audit({ root: dir, workers: 1, baseline: file });
    expect(r.findings.some((f) => f.suppression)).toBe(false);
  });

  it('rejects a file that is not a baseline, and a bad expiry', async () => {
    const bad = path.join(dir, '.baseline/bad.json');
    writeFileSync(bad, '{"entries": 3}');
    await expect(loadBaseline(bad)).rejects.toMatchObject({ code: 'E_CONFIG' });
    await expect(loadBaseline(path.join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'E_IO' });
    await expect(
      writeBaseline(bad, await audit({ root: dir, workers: 1 }), { expires: 'next week' }),
    ).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});

describe('shards and merge', () => {
  it('partitions files by a stable hash and merges back to the full result', async () => {
    const full = await audit({ root: dir, workers: 1 });
    const parts = await Promise.all(
      [0, 1, 2].map((index) => audit({ root: dir, workers: 1, shard: { index, count: 3 } })),
    );
    expect(parts.map((p) => p.findings.length).reduce((a, b) => a + b, 0)).toBe(full.findings.length);
    expect(parts.filter((p) => p.findings.length > 0).length).toBeGreaterThan(1);
    const merged = mergeResults(parts);
    expect(merged.findings.map((f) => f.fingerprint)).toEqual(full.findings.map((f) => f.fingerprint));
    expect(merged.partial).toBe(false);
    expect(shardOf('svc0/.env', 3)).toBe(shardOf('svc0/.env', 3));
    expect(mergeResults(parts.slice(0, 2)).partial).toBe(true);
  });
});

describe('cache', () => {
  it('answers a second run over unchanged files from the cache, with the same result', async () => {
    const cacheDir = path.join(dir, '.keyhygiene-cache');
    const lines: string[] = [];
    const a = await audit({ root: dir, workers: 1, cache: cacheDir });
    const b = await audit({ root: dir, workers: 1, cache: cacheDir, debug: (l) => lines.push(l) });
    expect(lines.some((l) => /files: (\d+) results, \1 from cache/.test(l))).toBe(true);
    expect(b.findings).toEqual(a.findings);
    const text = readFileSync(path.join(cacheDir, 'results-v2.json'), 'utf8');
    for (const s of secrets) expect(text).not.toContain(s);
  });
});

describe('errors and metadata', () => {
  it('throws AuditError for bad options', async () => {
    await expect(audit({ root: path.join(dir, 'missing') })).rejects.toBeInstanceOf(AuditError);
    await expect(audit({ root: dir, shard: { index: 3, count: 3 } })).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(audit({ root: dir, since: 'HEAD~1' })).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(audit({ root: dir, workers: 0 })).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('describes every rule and scanner detector', () => {
    const info = ruleInfo();
    for (const id of [
      'keyhygiene/no-hardcoded-key',
      'keyhygiene/secret-in-file',
      'keyhygiene/secret-in-history',
      'keyhygiene/cross-file-hardcoded-key',
      'keyhygiene/cross-file-logged-key',
      'keyhygiene/cross-file-weak-algorithm',
      'keyhygiene/cross-file-weak-randomness',
      'keyhygiene/cross-file-missing-rotation',
      'keyhygiene/cross-file-unsafe-deletion',
    ]) {
      const r = info.get(id);
      expect(r, id).toBeDefined();
      expect(r!.cwe.length).toBeGreaterThan(0);
      expect(r!.helpUri).toMatch(/^https:\/\//);
    }
  });

  it('reports progress', async () => {
    const phases = new Set<string>();
    await audit({ root: dir, workers: 1, onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(expect.arrayContaining(['walk', 'files', 'cross-file', 'done']));
  });
});

describe('robustness', () => {
  it('skips binary, huge and non-UTF-8 files and symlink loops with a reason, and scans the rest', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kh-scan-robust-'));
    try {
      const token = fakeToken('ghp_', 36);
      writeFileSync(path.join(root, 'ok.env'), `GITHUB_TOKEN=${token}\n`);
      writeFileSync(path.join(root, 'blob.dat'), Buffer.from([1, 2, 0, 3, 4]));
      writeFileSync(path.join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
      writeFileSync(path.join(root, 'big.txt'), 'x'.repeat(2048));
      writeFileSync(path.join(root, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      mkdirSync(path.join(root, 'a'));
      symlinkSync('..', path.join(root, 'a/up'));
      symlinkSync('self', path.join(root, 'self'));
      // Broken JSON and a YAML alias bomb fall back to the text scan: the token is still found.
      writeFileSync(path.join(root, 'bad.json'), `{"token": "${token}", `);
      writeFileSync(
        path.join(root, 'bomb.yaml'),
        `a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntoken: ${token}\n`,
      );
      const r = await audit({ root, workers: 1, maxFileBytes: 1024 });
      // one token in three files: one finding per rule with the other places listed (docs/audit.md#one-per-secret)
      expect(placesOf(r)).toEqual(['bad.json', 'bomb.yaml', 'ok.env']);
      expect(r.skipped.map((s) => `${s.file} ${s.reason}`).sort()).toEqual([
        'a/up symlink-loop',
        'big.txt too-large',
        'blob.dat binary',
        'latin1.txt encoding',
        'self symlink-loop',
      ]);
      expect(r.partial).toBe(true);
      expect(JSON.stringify(r)).not.toContain(token);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads a source file with one raw NUL in a string as text; UTF-16 text and control-byte blobs stay binary', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kh-scan-nul-'));
    try {
      const token = fakeToken('ghp_', 36);
      const filler = '// a comment line that makes the file look like ordinary source text\n'.repeat(20);
      const source = `${filler}export const SEP = '\\u0000'.length;\nexport const sep = \`a\\0b\`;\n`;
      expect(source.includes('\0')).toBe(false); // escapes written out, no NUL byte
      const withNul = Buffer.from(`${filler}const sep = \`a${String.fromCharCode(0)}b\`;\nconst token = '${token}';\n`);
      expect(withNul.includes(0)).toBe(true);
      writeFileSync(path.join(root, 'escaped.js'), source);
      writeFileSync(path.join(root, 'raw-nul.js'), withNul);
      writeFileSync(path.join(root, 'wide.txt'), Buffer.from(`token: ${token}\n`, 'utf16le'));
      writeFileSync(path.join(root, 'blob.bin'), Buffer.from([...Buffer.from(filler), 1, 2, 0, 3, 4, 5, 6].slice(-40)));
      const r = await audit({ root, workers: 1 });
      expect(r.skipped.map((s) => `${s.file} ${s.reason}`).sort()).toEqual(['blob.bin binary', 'wide.txt binary']);
      expect(placesOf(r)).toEqual(['raw-nul.js']);
      expect(JSON.stringify(r)).not.toContain(token);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('walks a skipped directory that a .gitignore negation brings back as the project sources', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kh-scan-reincluded-'));
    try {
      const token = fakeToken('ghp_', 36);
      const put = (rel: string, text: string): void => {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), text);
      };
      // node-red's layout: packages live under packages/node_modules, re-included by a negation
      put('.gitignore', 'node_modules\n!packages/node_modules\npackages/node_modules/@app/editor/public\n');
      put('packages/node_modules/@app/runtime/lib/settings.js', `module.exports = { token: '${token}' };\n`);
      put('packages/node_modules/@app/editor/public/bundle.js', `var t = '${token}';\n`);
      put('packages/node_modules/@app/runtime/node_modules/dep/index.js', `module.exports = '${token}';\n`);
      put('node_modules/dep/index.js', `module.exports = '${token}';\n`);
      const r = await audit({ root, workers: 1 });
      expect(placesOf(r)).toEqual(['packages/node_modules/@app/runtime/lib/settings.js']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('skips node_modules, build output and gitignored files unless asked', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kh-scan-ignored-'));
    try {
      const token = fakeToken('ghp_', 36);
      const put = (rel: string, text: string): void => {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), text);
      };
      put('.gitignore', 'generated/\n*.local.env\n');
      put('generated/out.env', `GITHUB_TOKEN=${token}\n`);
      put('dev.local.env', `GITHUB_TOKEN=${token}\n`);
      put('node_modules/leftpad/index.js', `module.exports = '${token}';\n`);
      put('dist/bundle.js', `var t = '${token}';\n`);
      put('src/vendor.min.js', `var t = '${token}';\n`);
      put('src/app.env', `GITHUB_TOKEN=${token}\n`);
      const some = await audit({ root, workers: 1 });
      expect(placesOf(some)).toEqual(['src/app.env']);
      const all = await audit({ root, workers: 1, includeIgnored: true });
      expect(placesOf(all)).toEqual([
        'dev.local.env',
        'dist/bundle.js',
        'generated/out.env',
        'node_modules/leftpad/index.js',
        'src/app.env',
        'src/vendor.min.js',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
