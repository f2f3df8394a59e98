/* eslint-disable keyhygiene/no-hardcoded-key -- every token below is fake, made up for these tests */
/**
 * One finding per token, and the most specific format wins (issue 12): a checksummed provider format is not
 * shadowed by an older generic entry, and a token whose checksum fails is never reported as a valid token of
 * that provider. The checksummed samples were made with a throwaway generator (random body, correct CRC-32).
 */
import { describe, expect, it } from 'vitest';
import { credentialFormats } from '../../src/catalogue/credentials.js';
import { hasCrc32Base62Suffix } from '../../src/catalogue/providers/checksums.js';
import { classifyValue, findCredentials } from '../../src/detect/index.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const GOOD_GHP = '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';
/** The same token with its last checksum character changed: the CRC-32 no longer matches. */
const BAD_GHP = 'ghp_fAkEDStvTS0xaAGbJSvTpdKRDfUEKX2CAiUY';
const GOOD_NPM = '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';
const BAD_NPM = 'npm_fAkE7AuFAvbK5R1j14d0QXVo3nosKa2fOJRN';

const ids = (text: string): string[] => findCredentials(text).map((m) => m.format.id);

describe('checksummed tokens are not shadowed', () => {
  it('the samples are what they claim: good checksums pass, the altered ones fail', () => {
    expect([GOOD_GHP, GOOD_NPM].map(hasCrc32Base62Suffix)).toEqual([true, true]);
    expect([BAD_GHP, BAD_NPM].map(hasCrc32Base62Suffix)).toEqual([false, false]);
  });

  it('a valid GitHub token is one finding, of the checksummed format, at full severity', () => {
    expect(ids(`token: ${GOOD_GHP}`)).toEqual(['github-classic-pat']);
    expect(classifyValue(GOOD_GHP)).toMatchObject({
      secret: true,
      formatId: 'github-classic-pat',
      severity: 'critical',
    });
  });

  it('a GitHub-shaped token with a bad CRC-32 is one lower-severity finding, never a valid GitHub token', () => {
    const found = findCredentials(`token: ${BAD_GHP}`);
    expect(found.map((m) => [m.format.id, m.format.severity])).toEqual([['github-token-unverified', 'medium']]);
    expect(classifyValue(BAD_GHP)).toMatchObject({
      secret: true,
      formatId: 'github-token-unverified',
      severity: 'medium',
    });
  });

  it('npm: a checksummed token is npm-access-token only; a bad checksum is the unverified shape, lower', () => {
    expect(ids(`//registry.npmjs.org/:_authToken=${GOOD_NPM}`)).toEqual(['npm-access-token']);
    expect(ids(`//registry.npmjs.org/:_authToken=${BAD_NPM}`)).toEqual(['npm-token-unverified']);
    expect(ids('//registry.npmjs.org/:_authToken=00000000-fake-fake-fake-000000000000')).toEqual(['npm-token']);
  });

  it('every format whose pattern takes a classic GitHub or npm token shape checks the checksum, one way or the other', () => {
    // (Formats that count only next to their own provider's name, `context`, are left out: no such name here.)
    for (const f of credentialFormats.filter((c) => !('context' in c)))
      for (const token of [GOOD_GHP, BAD_GHP, GOOD_NPM, BAD_NPM])
        if (new RegExp(f.pattern.source, f.pattern.flags.replace('g', '')).test(token)) {
          const validate = 'validate' in f ? (f.validate as (s: string) => boolean) : undefined;
          expect(validate, `${f.id} takes ${token.slice(0, 4)} without a check`).toBeDefined();
          // The check agrees with the checksum: the verified format takes only good tokens, the unverified only bad.
          const verified = f.id.endsWith('-unverified') ? !hasCrc32Base62Suffix(token) : hasCrc32Base62Suffix(token);
          expect(validate!(token), `${f.id} on ${token.slice(0, 4)}`).toBe(verified);
        }
  });
});

describe('one finding per token: the most specific format wins', () => {
  it('a token used as URL userinfo is the provider token, not a password in a URL', () => {
    expect(ids(`git clone https://${GOOD_GHP}:x-oauth-basic@github.com/acme/lib.git`)).toEqual(['github-classic-pat']);
  });

  it('a provider key under a password name is the provider key, not a password assignment', () => {
    expect(ids("password: 'sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5'")).toEqual(['stripe-secret-key']);
  });

  it('a private-key block wins over any shape inside its body', () => {
    // fake: a base64 body one of whose lines happens to read as an AWS access key id
    const pem =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7fake0q9Zt7sK2mN4pL8vR6xW1yB5\n' +
      'AKIAZ7QXKJ2V4MNB3LPW\n-----END PRIVATE KEY-----';
    expect(findCredentials('AKIAZ7QXKJ2V4MNB3LPW').map((m) => m.format.id)).toEqual(['aws-access-key-id']);
    expect(ids(pem)).toEqual(['private-key-block']);
  });

  it('in every positive sample of the catalogue, no two findings overlap', () => {
    for (const f of credentialFormats)
      for (const s of f.samples.positive) {
        const spans = findCredentials(s).map((m) => [m.index, m.index + m.secret.length] as const);
        for (const [i, a] of spans.entries())
          for (const b of spans.slice(i + 1)) expect(a[1] <= b[0] || b[1] <= a[0], `${f.id}: ${s}`).toBe(true);
      }
  });

  it('the text pass reports a bad-checksum token once, as the unverified shape, at medium severity', () => {
    for (const [file, text] of [
      ['.env', `GITHUB_TOKEN=${BAD_GHP}\n`],
      ['notes.txt', `the old token was ${BAD_GHP}\n`],
    ] as const) {
      const r = scanTextFile(file, text);
      expect(
        r.findings.map((f) => [f.secret?.formatId, f.severity]),
        file,
      ).toEqual([['github-token-unverified', 'medium']]);
    }
    const good = scanTextFile('notes.txt', `the old token was ${GOOD_GHP}\n`).findings;
    expect(good.map((f) => [f.secret?.formatId, f.severity])).toEqual([['github-classic-pat', 'critical']]);
  });
});
