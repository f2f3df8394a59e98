/**
 * No key material in any output: every format renders a result made from planted secrets (generated
 * at test time), and neither the raw bytes nor their base64/hex forms may appear.
 */
import { describe, expect, it } from 'vitest';
import { formatNames, reporterFor } from '../../src/report/index.js';
import { assertNoSecret, buildFixture, forbiddenForms, RULES } from './fixture.js';

describe('no secret in any report format', () => {
  const { result, secrets } = buildFixture();

  it('plants secrets that the fixture really uses (so the check is not vacuous)', () => {
    expect(Object.keys(secrets)).toHaveLength(4);
    for (const s of Object.values(secrets)) expect(forbiddenForms(s).length).toBeGreaterThanOrEqual(4);
    // The unredacted snippet line would have leaked: prove the assertion can fail.
    expect(() => assertNoSecret(`x ${secrets.aws} y`, secrets)).toThrow(/leaks the planted aws/);
    expect(() => assertNoSecret(Buffer.from(secrets.hexKey!).toString('base64'), secrets)).toThrow(/hexKey/);
  });

  for (const name of formatNames) {
    it(`${name}: no raw, base64 or hex form of a planted secret`, () => {
      const reporter = reporterFor(name)!;
      const out = reporter.render(result, RULES, { color: true });
      expect(out.length).toBeGreaterThan(100);
      assertNoSecret(out, secrets);
    });
  }
});
