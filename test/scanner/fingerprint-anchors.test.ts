/**
 * Anchored finding ids (docs/audit.md, "Finding ids"): an id names where a finding sits structurally, so a removed
 * finding never hands its id to another, and ids survive lines inserted above, a reformat and the removal of other
 * findings; a rename is a new place. A format-2 baseline (ids numbered in file order) is still matched, with a
 * note, and rewritten as format 3. Secrets are generated here.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../cli/helpers.js';
import { audit, loadBaseline, writeBaseline, type AuditResult, type Finding } from '../../src/scanner/index.js';
import { findingFingerprint } from '../../src/scanner/common.js';
import { secretFingerprint, withFingerprints } from '../../src/scanner/fingerprints.js';
import { configKeyPath } from '../../src/scanner/detect/anchor.js';

const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
const token = (): string => `ghp_${Array.from(randomBytes(36), (b) => alnum[b % 36]).join('')}`;
const SALT = randomBytes(32).toString('hex');

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});
/** A tree outside git with a fixed salt, so ids are comparable across runs. */
function tree(files: Record<string, string>): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kh-anchor-'));
  tmp.push(d);
  writeFileSync(path.join(d, '.keyhygiene-salt'), SALT);
  write(d, files);
  return d;
}
function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}
/** Every place (a finding and its other places of the same value) as `file:line id`. */
const places = (r: AuditResult): Array<{ file: string; line: number; id: string; suppressed: boolean }> =>
  r.findings.flatMap((f: Finding) => [
    { file: f.location.file, line: f.location.line, id: f.fingerprint, suppressed: f.suppression !== undefined },
    ...(f.occurrences ?? []).map((o) => ({
      file: o.file,
      line: o.line,
      id: o.fingerprint,
      suppressed: f.suppression !== undefined,
    })),
  ]);
const run = (root: string, baseline?: string): Promise<AuditResult> =>
  audit({ root, workers: 1, ...(baseline ? { baseline } : {}) });

const t = token();
/** Two functions that return the same token: equal values, two anchors. */
const twoFunctions = (first: boolean): string =>
  `${first ? `export function primary() {\n  return { token: '${t}' };\n}\n` : ''}` +
  `export function secondary() {\n  return { token: '${t}' };\n}\n`;

describe('anchored ids', () => {
  it('keeps the second of two equal values its id when the first goes, and a baseline of the first does not silence it', async () => {
    // The session-40 case: a baselined finding, then a second copy of the value later in the file, then the first
    // copy removed. Numbered ids gave the second copy the first one's id, and the baseline silenced it.
    const root = tree({ 'src/api.js': `export function primary() {\n  return { token: '${t}' };\n}\n` });
    const file = path.join(root, 'baseline.json');
    await writeBaseline(file, await run(root));
    expect((await loadBaseline(file)).entries).toHaveLength(1);

    write(root, { 'src/api.js': twoFunctions(true) });
    const both = places(await run(root, file));
    expect(both).toHaveLength(2);
    const second = both.find((p) => p.line === 5)!;
    expect(second.suppressed).toBe(false);

    write(root, { 'src/api.js': twoFunctions(false) });
    const after = places(await run(root, file));
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(second.id);
    expect(after[0]!.suppressed).toBe(false);
  });

  it('gives the survivor of two equal findings in one anchor a new id, never its twin’s', async () => {
    const body = (n: number): string =>
      `export function keys() {\n${Array.from({ length: n }, () => `  register({ token: '${t}' });\n`).join('')}` +
      `  return 1;\n}\n`;
    const root = tree({ 'src/keys.js': body(2) });
    const before = places(await run(root)).map((p) => p.id);
    expect(before).toHaveLength(2);
    expect(new Set(before).size).toBe(2);
    const file = path.join(root, 'baseline.json');
    await writeBaseline(file, await run(root));
    // Remove the first: the second is now the only one in its anchor (tier 1), a new id.
    write(root, { 'src/keys.js': body(1) });
    const after = places(await run(root, file));
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]!.id);
    expect(after[0]!.suppressed).toBe(false);
  });

  it('survives lines inserted above, a reformat and another finding removed', async () => {
    const other = token();
    const text =
      `export const config = {\n  github: { token: '${t}' },\n  ci: { token: '${other}' },\n};\n` + twoFunctions(false);
    const root = tree({ 'src/cfg.js': text });
    const ids = (r: AuditResult): Map<number, string> => new Map(places(r).map((p) => [p.line, p.id]));
    const base = ids(await run(root));
    expect(base.size).toBe(3);
    const idOf = (m: Map<number, string>, value: string, r: string): string | undefined =>
      [...m].find(([line]) => r.split('\n')[line - 1]!.includes(value))?.[1];

    const inserted = `// header\nimport fs from 'node:fs';\n\n${text}`;
    write(root, { 'src/cfg.js': inserted });
    const moved = ids(await run(root));
    expect([...moved.values()].sort()).toEqual([...base.values()].sort());

    const reformatted = inserted
      .replace(/\{ token/g, '{\n      token')
      .replace(/' \}/g, "'\n    }")
      .replace(/ {2}/g, '    ');
    write(root, { 'src/cfg.js': reformatted });
    expect([...ids(await run(root)).values()].sort()).toEqual([...base.values()].sort());

    const removed = text.replace(/ {2}github: .*\n/, '');
    write(root, { 'src/cfg.js': removed });
    const left = ids(await run(root));
    expect(left.size).toBe(2);
    expect(idOf(left, other, removed)).toBe(idOf(base, other, text));
    expect([...left.values()].every((id) => [...base.values()].includes(id))).toBe(true);
  });

  it('treats a renamed file as a new place: its findings are reported, not silenced by the old path’s entries', async () => {
    const root = tree({ 'src/a.js': twoFunctions(false) });
    const file = path.join(root, 'baseline.json');
    await writeBaseline(file, await run(root));
    renameSync(path.join(root, 'src/a.js'), path.join(root, 'src/b.js'));
    const after = places(await run(root, file));
    expect(after).toHaveLength(1);
    expect(after[0]!.suppressed).toBe(false);
  });
});

describe('config key paths', () => {
  const at = (text: string, needle: string): string => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return configKeyPath((n) => lines[n - 1] ?? '', line + 1, lines[line]!.indexOf(needle) + 1);
  };
  it('names YAML and JSON nesting, TOML sections and env keys', () => {
    const yaml = 'db:\n  main:\n    password: VALUE1\n  replica:\n    # note\n    password: VALUE2\n';
    expect(at(yaml, 'VALUE1')).toBe('db/main/password');
    expect(at(yaml, 'VALUE2')).toBe('db/replica/password');
    expect(at('{\n  "a": {\n    "b": "VALUE"\n  }\n}\n', 'VALUE')).toBe('a/b');
    expect(at('[server]\nport = 1\n\n[db]\npassword = "VALUE"\n', 'VALUE')).toBe('[db]/password');
    expect(at('NODE_ENV=x\nexport API_KEY="VALUE"\n', 'VALUE')).toBe('API_KEY');
    expect(at('just some VALUE in prose\n', 'VALUE')).toBe('');
  });

  it('gives equal values under two keys of a .env two ids that do not move when the first goes', async () => {
    const v = token();
    const root = tree({ '.env': `FIRST_TOKEN=${v}\nSECOND_TOKEN=${v}\n` });
    const before = places(await run(root));
    expect(before).toHaveLength(2);
    const second = before.find((p) => p.line === 2)!.id;
    write(root, { '.env': `SECOND_TOKEN=${v}\n` });
    expect(places(await run(root)).map((p) => p.id)).toEqual([second]);
  });
});

describe('a format-2 baseline (numbered ids)', () => {
  it('is matched by its old ids with a note, and --update-baseline rewrites it as format 3', async () => {
    const v = token();
    const root = tree({ '.env': `FIRST_TOKEN=${v}\nSECOND_TOKEN=${v}\nOTHER=${token()}\n` });
    // The ids format 2 gave the two places of `v`: numbered 0 and 1 in file order.
    const old = withFingerprints({ scheme: 'kh2', salt: SALT }, () =>
      [0, 1].map((n) => findingFingerprint('keyhygiene/secret-in-file', '.env', `secret:${secretFingerprint(v)}`, n)),
    );
    const file = path.join(root, 'old-baseline.json');
    writeFileSync(
      file,
      JSON.stringify({
        keyhygieneBaseline: 2,
        createdAt: '2026-11-01T00:00:00.000Z',
        fingerprints: { scheme: 'kh2', salt: SALT },
        entries: old.map((fingerprint) => ({
          fingerprint,
          ruleId: 'keyhygiene/secret-in-file',
          file: '.env',
          reason: 'rotated, kept for the audit trail',
        })),
      }),
    );
    const cli = (...argv: string[]): Promise<number> =>
      runCli(['audit', root, '--no-cache', '--workers', '1', '--baseline', file, ...argv], io);
    let io = memoryIo(root);
    const code = await cli('--format', 'json');
    expect(code).toBe(0);
    // One finding (the two places of one value), matched by the old ids of both places; OTHER is not baselined.
    expect(io.stderr.text).toMatch(/1 finding \(1 medium\); 1 suppressed/);
    expect(io.stderr.text).toMatch(/numbered finding ids \(format 2\); 1 finding was matched/);
    expect(io.stderr.text.match(/format 2/g)).toHaveLength(1);
    const result = JSON.parse(io.stdout.text) as AuditResult;
    const suppressed = places(result).filter((p) => p.suppressed);
    expect(suppressed.map((p) => p.line).sort()).toEqual([1, 2]);
    for (const p of suppressed) expect(old).not.toContain(p.id);

    io = memoryIo(root);
    expect(await cli('--update-baseline')).toBe(0);
    expect(io.stderr.text).toMatch(/migrated from format 2/);
    const migrated = await loadBaseline(file);
    expect(migrated.keyhygieneBaseline).toBe(3);
    expect(migrated.fingerprints?.ids).toBe('anchor');
    const text = readFileSync(file, 'utf8');
    for (const id of old) expect(text).not.toContain(id);
    expect(migrated.entries.filter((e) => e.reason === 'rotated, kept for the audit trail')).toHaveLength(2);

    io = memoryIo(root);
    expect(await cli('--format', 'json')).toBe(0);
    expect(io.stderr.text).not.toMatch(/format 2/);
    expect(places(JSON.parse(io.stdout.text) as AuditResult).filter((p) => p.suppressed)).toHaveLength(3);
    expect(io.stderr.text).toMatch(/no findings; 2 suppressed/);
  });
});
