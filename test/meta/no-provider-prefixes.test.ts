/**
 * Issue 15: provider token prefixes (`ghp_`, `AKIA`, `xoxe-`, `sk_live_` …) belong in the credential catalogue,
 * never in the engine: `rules/`, `src/detect`, `src/rule-kit` and `src/scanner` name no provider. The prefixes
 * are read from the catalogue itself (each provider format's keywords, as written at the start of its own
 * positive samples), so a format added later is covered without touching this test. (Line length: line-length.test.ts.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { credentialFormats } from '../../src/catalogue/credentials.js';
import { findCredentials } from '../../src/detect/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(ROOT, rel)).isDirectory() ? filesUnder(rel) : rel.endsWith('.ts') ? [rel] : [];
  });

/**
 * Prefixes that are also everyday words or abbreviations in code (`key-pair`, `api-secret`, `sdk-version`,
 * `re_`, `pk_`): they name things in any program, so they prove nothing about a token. Each is a real prefix
 * of some provider, and still lives only in the catalogue.
 */
const EVERYDAY = new Set(['key-', 'api-', 'API-', 'sdk-', 'pat.', 'sat.', 'pul-', 'md-', 're_', 'fc-', 'sl.', 'pk_']);

/** Every provider prefix, with its case as the provider writes it: from each format's keywords and samples. */
function cataloguePrefixes(): Set<string> {
  const out = new Set<string>();
  for (const f of credentialFormats) {
    if (f.provider === 'generic') continue;
    for (const sample of f.samples.positive)
      for (const m of findCredentials(sample))
        for (const k of f.keywords)
          if (m.format.id === f.id && m.secret.toLowerCase().startsWith(k)) {
            const prefix = m.secret.slice(0, k.length);
            if ((prefix.length >= 4 || /[_.-]$/.test(prefix)) && !EVERYDAY.has(prefix)) out.add(prefix);
          }
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `file:line: prefix` for every place a prefix starts a word in `files`. */
function prefixHits(files: readonly { path: string; text: string }[], prefixes: ReadonlySet<string>): string[] {
  const re = new RegExp(`(?<![A-Za-z0-9])(?:${[...prefixes].map(escape).join('|')})`, 'g');
  return files.flatMap(({ path, text }) =>
    [...text.matchAll(re)].map((m) => `${path}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`),
  );
}

describe('no provider token prefix outside the catalogue (issue 15)', () => {
  const prefixes = cataloguePrefixes();

  it('reads the prefixes from the catalogue (the check is not vacuous)', () => {
    expect(prefixes.size).toBeGreaterThan(100);
    for (const p of ['ghp_', 'AKIA', 'sk_live_', 'glpat-', 'xapp-', 'npm_', 'hvs.']) expect(prefixes).toContain(p);
    const planted = [{ path: 'rules/x.ts', text: "const TOKEN_PREFIX = 'ghp_';\n// AKIA keys" }];
    expect(prefixHits(planted, prefixes)).toEqual(['rules/x.ts:1: ghp_', 'rules/x.ts:2: AKIA']);
  });

  it('rules/, src/detect, src/rule-kit and src/scanner name no provider prefix', () => {
    const files = ['rules', 'src/detect', 'src/rule-kit', 'src/scanner']
      .flatMap(filesUnder)
      .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
    expect(files.length).toBeGreaterThan(30);
    expect(prefixHits(files, prefixes)).toEqual([]);
  });
});
