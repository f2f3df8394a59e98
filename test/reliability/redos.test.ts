/**
 * No catalogue regex and no classifier path is catastrophic: adversarial inputs of 100 KB return within
 * a fixed bound. Catastrophic backtracking on these inputs takes minutes or hours, so the generous
 * bound separates a linear matcher from an exponential one without being a speed test.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { credentialFormats, publicIdentifiers } from '../../src/catalogue/credentials.js';
import * as names from '../../src/catalogue/names.js';
import { classifyValue, findCredentials } from '../../src/detect/classify.js';
import { normaliseName } from '../../src/detect/names.js';
import { redact } from '../../src/detect/redact.js';
import { textBeforeTrailingPreposition } from '../../src/rule-kit/leaks.js';
import { createMemberEvidence } from '../../src/rule-kit/member-evidence.js';
import { testStartedComposeFiles } from '../../src/scanner/local-mounts.js';

const N = 100_000;
const BOUND_MS = 2_000;
const runs = ['a', 'A', '0', 'f', '/', '+', '-', '_', '.', '=', ' ', '\n', '\\n', 'aA0', 'xox', '-----'];

/** The keyword prefix of a format followed by a long run of each class, and a character that fails. */
function adversarial(prefixes: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of ['', ...prefixes]) for (const r of runs) out.push(p + r.repeat(Math.ceil(N / r.length)) + '!');
  return out;
}

function timed(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

describe('catalogue regexes have no catastrophic worst case', () => {
  for (const f of credentialFormats) {
    it(f.id, () => {
      const prefixes = [
        ...f.keywords,
        ...f.keywords.map((k) => k.toUpperCase()),
        '-----BEGIN RSA PRIVATE KEY-----',
        'eyJhbGciOi.eyJzdWIi.',
      ];
      for (const input of adversarial(prefixes)) {
        const re = new RegExp(f.pattern.source, f.pattern.flags);
        const ms = timed(() => {
          while (re.exec(input)) if (re.lastIndex === 0) break;
        });
        expect(ms, `${f.id} on ${JSON.stringify(input.slice(0, 20))}…`).toBeLessThan(BOUND_MS);
      }
    });
  }
  it('public identifiers and name lexicons', () => {
    const regexes = [
      ...publicIdentifiers.map((p) => p.pattern),
      ...Object.values(names).flatMap((v) =>
        typeof v === 'object' && v && 'pattern' in v && v.pattern instanceof RegExp ? [v.pattern] : [],
      ),
    ];
    for (const re of regexes)
      for (const input of adversarial([
        'pk_live_',
        'ssh-rsa AAAA',
        '-----BEGIN PUBLIC KEY-----',
        'secret_',
        'api_key_',
      ])) {
        expect(
          timed(() => re.test(input)),
          String(re),
        ).toBeLessThan(BOUND_MS);
      }
  });
  it('every other RegExp that any catalogue module exports', async () => {
    // Catalogue files added later (algorithms, IaC, loggers, ...) are covered without editing this test.
    const dir = fileURLToPath(new URL('../../src/catalogue/', import.meta.url));
    const found: RegExp[] = [];
    const seen = new Set<unknown>();
    const walk = (v: unknown, depth: number): void => {
      if (v instanceof RegExp) found.push(v);
      else if (v && typeof v === 'object' && depth < 8 && !seen.has(v)) {
        seen.add(v);
        for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x, depth + 1);
      }
    };
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'types.ts'))
      walk(await import(join(dir, f)), 0);
    expect(found.length).toBeGreaterThan(20);
    // Credential format patterns already ran above with their own keywords as prefixes.
    const formatPatterns = new Set<RegExp>(credentialFormats.map((f) => f.pattern));
    for (const re of found.filter((r) => !formatPatterns.has(r))) {
      const sticky = new RegExp(re.source, re.flags.replace('g', '').replace('y', ''));
      for (const input of adversarial(['des-', 'aes-', 'RSA ', 'secp', 'kms.', 'id_rsa', 'console.'])) {
        expect(
          timed(() => sticky.test(input)),
          String(re),
        ).toBeLessThan(BOUND_MS);
      }
    }
  });
});

describe('the classifier returns within a fixed time on any input', () => {
  it('classifyValue, findCredentials, redact and normaliseName', () => {
    for (const input of adversarial([
      'AKIA',
      'ghp_',
      'sk_live_',
      '-----BEGIN PRIVATE KEY-----',
      'https://',
      'data:',
      'sha512-',
      '${',
    ])) {
      expect(
        timed(() => classifyValue(input, { inKeySink: true, name: 'apiSecret' })),
        'classifyValue',
      ).toBeLessThan(BOUND_MS);
      expect(
        timed(() => findCredentials(input, { name: 'aws_secret_access_key' })),
        'findCredentials',
      ).toBeLessThan(BOUND_MS);
      expect(
        timed(() => redact(input)),
        'redact',
      ).toBeLessThan(BOUND_MS);
      expect(
        timed(() => normaliseName(input)),
        'normaliseName',
      ).toBeLessThan(BOUND_MS);
    }
  });
});

describe('text scans over a file or a message return within a fixed time on any text', () => {
  // Each was a single regex that scanned from every position of a long run (found by a scan of every regex
  // literal in src/, session 31): a run of spaces or newlines made it quadratic.
  it('the subject before a trailing preposition in a message', () => {
    for (const input of adversarial(['signing key for', 'token sent to']))
      expect(timed(() => textBeforeTrailingPreposition(`${input} for `))).toBeLessThan(BOUND_MS);
  });
  it('the members of a declared type', () => {
    for (const input of adversarial(['password', '@Column()', 'private ']))
      expect(
        timed(() =>
          createMemberEvidence(`class Cfg {${input}\n}\n`, { isSecret: () => false }).typeSecretMember('Cfg'),
        ),
      ).toBeLessThan(BOUND_MS);
  });
  it('a shell script a test script runs', () => {
    const root = mkdtempSync(join(tmpdir(), 'kh-redos-'));
    try {
      writeFileSync(join(root, 'compose.yml'), 'services: {}\n');
      writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts: { test: './t.sh' } }));
      for (const input of adversarial(['cd', 'docker compose'])) {
        writeFileSync(join(root, 't.sh'), input);
        expect(timed(() => testStartedComposeFiles(root, ['compose.yml']))).toBeLessThan(BOUND_MS);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
