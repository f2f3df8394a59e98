/**
 * The cross-file join end to end: summaries from the lint pass, the module graph, and a ts-morph Project
 * holding only the candidates and their chains. Fixtures: fixtures/scan/workspace-refs (a workspace
 * monorepo with project references, no node_modules) and fixtures/scan/cross-file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { audit, shardOf } from '../../src/scanner/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/scan/${name}/input`, import.meta.url));
const temp: string[] = [];
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

async function run(name: string, extra: { shard?: { index: number; count: number }; cache?: string } = {}) {
  const lines: string[] = [];
  const r = await audit({ root: fixture(name), workers: 1, debug: (l) => lines.push(l), ...extra });
  return {
    lines,
    cross: r.findings
      .filter((f) => f.origin === 'cross-file')
      .map((f) => `${f.location.file}:${f.location.line} ${f.ruleId}`)
      .sort(),
  };
}

describe('cross-file join', () => {
  it('makes a candidate only of the file whose imports reach something that matters, and loads only its chain', async () => {
    const { lines, cross } = await run('workspace-refs');
    expect(lines).toContain('cross-file: 6 summaries, 1 candidate files, 4 files in the project, 2 tsconfig(s)');
    expect(cross).toEqual([
      'packages/api/src/webhooks.ts:4 keyhygiene/cross-file-hardcoded-key',
      'packages/api/src/webhooks.ts:7 keyhygiene/cross-file-weak-randomness',
    ]);
  });

  it('keeps the cross-file fixture to its four candidates', async () => {
    const { lines } = await run('cross-file');
    expect(lines.find((l) => l.startsWith('cross-file: ') && l.includes('candidate'))).toMatch(
      /^cross-file: 10 summaries, 4 candidate files, 10 files in the project, 0 tsconfig\(s\)$/,
    );
  });

  it('follows a chain into another shard by summarising its files on demand', async () => {
    const home = 'packages/api/src/webhooks.ts';
    // The modules that define the key and the helper (the barrel may share the candidate's shard).
    const chain = ['packages/config/src/secrets.ts', 'packages/config/src/ids.ts'];
    // The smallest shard count that puts both outside the candidate's shard.
    const count = [2, 3, 4, 5, 6, 7, 8, 9, 10].find((n) => chain.every((f) => shardOf(f, n) !== shardOf(home, n)));
    expect(count).toBeDefined();
    const index = shardOf(home, count!);
    const { cross } = await run('workspace-refs', { shard: { index, count: count! } });
    expect(cross).toEqual([
      'packages/api/src/webhooks.ts:4 keyhygiene/cross-file-hardcoded-key',
      'packages/api/src/webhooks.ts:7 keyhygiene/cross-file-weak-randomness',
    ]);
  });

  it('gives the same findings from the cache, with every file read from it', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'kh-join-cache-'));
    temp.push(cache);
    const first = await run('workspace-refs', { cache });
    const second = await run('workspace-refs', { cache });
    expect(second.cross).toEqual(first.cross);
    expect(second.lines.find((l) => l.startsWith('files: '))).toMatch(/^files: (\d+) results, \1 from cache/);
    expect(second.lines.some((l) => l.includes('candidate files'))).toBe(false);
  });
});

describe('weak random helpers across modules: the engine decides what a helper returns', () => {
  /** Writes `files` under a fresh directory and audits it with one worker, without a cache. */
  async function auditTree(files: Record<string, string>) {
    const root = mkdtempSync(path.join(tmpdir(), 'kh-join-weak-'));
    temp.push(root);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    const r = await audit({ root, workers: 1 });
    return r.findings
      .filter((f) => f.ruleId === 'keyhygiene/cross-file-weak-randomness')
      .map((f) => `${f.location.file}:${f.location.line}`);
  }

  it('reports a helper that returns Math.random text, not one that reads the clock for a signed expiry', async () => {
    const found = await auditTree({
      'lib/sas.ts': [
        "import { createHmac } from 'node:crypto';",
        'export function signedAccessToken(resource: string, keyName: string, signingKey: string): string {',
        '  const expiresAt = Math.floor(Date.now() / 1000) + 3600;',
        '  const toSign = `${encodeURIComponent(resource)}\\n${expiresAt}`;',
        "  const sig = createHmac('sha256', signingKey).update(toSign).digest('base64');",
        '  return `sr=${encodeURIComponent(resource)}&sig=${encodeURIComponent(sig)}&se=${expiresAt}&skn=${keyName}`;',
        '}',
        'export function randomText(n: number): string {',
        "  let out = '';",
        '  while (out.length < n) out += Math.random().toString(36).slice(2);',
        '  return out.slice(0, n);',
        '}',
      ].join('\n'),
      'app/tokens.ts': [
        "import { signedAccessToken, randomText } from '../lib/sas';",
        'export function tokens(key: string) {',
        "  const accessToken = signedAccessToken('https://bus.example.test', 'send', key);",
        '  const resetToken = randomText(24);',
        '  return { accessToken, resetToken };',
        '}',
      ].join('\n'),
    });
    expect(found).toEqual(['app/tokens.ts:4']);
  });

  it('does not load the cross-file step when no use can reach an export that matters', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kh-join-none-'));
    temp.push(root);
    mkdirSync(path.join(root, 'src'));
    // A key sink reads an import, but no module exports key material: nothing to join.
    writeFileSync(path.join(root, 'src/keys.ts'), 'export const keyName = process.env.KEY_NAME;\n');
    writeFileSync(
      path.join(root, 'src/mac.ts'),
      "import { createHmac } from 'node:crypto';\nimport { keyName } from './keys';\n" +
        "export const mac = (d: string) => createHmac('sha256', keyName!).update(d).digest('hex');\n",
    );
    const lines: string[] = [];
    await audit({ root, workers: 1, debug: (l) => lines.push(l) });
    expect(lines).toContain('cross-file: 2 summaries, no import edge leads to an export that matters');
    expect(lines.some((l) => l.includes('candidate files'))).toBe(false);
  });

  it('is silent for a test helper that puts random ids into the fields of the object it returns', async () => {
    const found = await auditTree({
      'spec/helpers.ts': [
        'let seq = 0;',
        'export function makeEvent<T extends object>(base: T) {',
        '  return { eventId: `$${seq++}-${Math.random()}`, txnId: `~${Math.random()}`, ts: Date.now(), ...base };',
        '}',
      ].join('\n'),
      'spec/invites.spec.ts': [
        "import { makeEvent } from './helpers';",
        'export function inviteFor(user: string) {',
        "  const inviteEvent = makeEvent({ type: 'm.room.member', stateKey: user });",
        '  return inviteEvent;',
        '}',
      ].join('\n'),
    });
    expect(found).toEqual([]);
  });
});
