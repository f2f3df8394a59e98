/**
 * The slow fingerprint (scrypt, for values a person could have chosen) is paid once per distinct value in a run, never
 * per occurrence, and never for a generated value (a keyed hash is enough there). A copy in a test fixture, which the
 * fixture policy withholds, is the same value: it costs no second derivation. The count is the work (no clock).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../helpers/temp.js';

const calls = vi.hoisted(() => ({ scrypt: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    scryptSync: (...a: Parameters<typeof real.scryptSync>): Buffer => {
      calls.scrypt++;
      return real.scryptSync(...a);
    },
  };
});

const { audit } = await import('../../src/scanner/index.js');

const { tempDir, write, removeAll } = tempDirs();
afterAll(removeAll);

const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Short, human-looking passwords (the slow path), made here; words of their own per tree, so no tree's values were
 * derived (and memoised) by an earlier test. */
const words = [
  ['sunny', 'dragon'],
  ['monkey', 'tiger'],
];
let trees = 0;
const passwords = (): [string, string] => {
  const [x, y] = words[trees++ % words.length]!;
  const n = randomBytes(2);
  return [`${x}${10 + (n[0]! % 80)}`, `${y}${10 + (n[1]! % 80)}`];
};
const token = (): string => `ghp_${Array.from(randomBytes(36), (b) => alnum[b % 36]).join('')}`;

function tree(): { root: string; distinctSlow: number } {
  const root = tempDir('kh-scrypt-calls-');
  write(root, '.keyhygiene-salt', `${randomBytes(32).toString('hex')}\n`);
  const [a, b] = passwords();
  // `a` three times (two deployments and a test fixture's copy), `b` once, and a generated token.
  write(root, '.env', `DB_PASSWORD=${a}\nGITHUB_TOKEN=${token()}\n`);
  write(root, 'svc/.env', `DB_PASSWORD=${a}\nADMIN_PASSWORD=${b}\n`);
  write(root, 'test/fixtures/.env', `DB_PASSWORD=${a}\n`);
  return { root, distinctSlow: 2 };
}

describe('scrypt fingerprints in an audit', () => {
  beforeEach(() => {
    calls.scrypt = 0;
  });

  it('derives once per distinct guessable value, not per occurrence, and not for generated tokens', async () => {
    const { root, distinctSlow } = tree();
    const r = await audit({ root, workers: 1, cache: false, includeFixtures: true });
    // Every occurrence is a finding with a secret fingerprint: five of them, three distinct values.
    const withSecret = r.findings.filter((f) => f.secret);
    const occurrences = withSecret.reduce((n, f) => n + (f.occurrences?.length ?? 1), 0);
    expect(occurrences).toBeGreaterThanOrEqual(4);
    expect(new Set(withSecret.map((f) => f.secret!.fingerprint)).size).toBe(3);
    expect(calls.scrypt).toBe(distinctSlow);
  });

  it('pays nothing again for the same values in a second run of the same process', async () => {
    const { root } = tree();
    await audit({ root, workers: 1, cache: false });
    const first = calls.scrypt;
    expect(first).toBe(2);
    await audit({ root, workers: 1, cache: false });
    expect(calls.scrypt).toBe(first);
  });
});
