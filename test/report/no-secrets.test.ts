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

describe('scrubLine (defence in depth for snippets)', () => {
  it('masks long random-looking runs and keeps code, paths and identifiers', async () => {
    const { scrubLine } = await import('../../src/report/json.js');
    const body = 'MC4CAQAwBQYDK2VwBCIEIH3kQ9vR2mX8pL7tN6wQ1zY5bC4dE0fG2hJ8kL3mN5pQ';
    expect(scrubLine(body)).toBe(`MC…(${body.length} chars)`);
    expect(scrubLine(`const k = '${body}';`)).toBe(`const k = 'MC…(${body.length} chars)';`);
    for (const keep of [
      "import { createCipheriv } from 'node:crypto';",
      'const uploadsKey = new kms.Key(this, "UploadsKey", { alias: "alias/billing/uploads" });',
      'https://github.com/keyhygiene/keyhygiene/blob/main/docs/rules/no-hardcoded-key.md',
      'export const thisIsAVeryLongButPerfectlyOrdinaryIdentifierName = 1;',
      'JWT_SECRET=2j…iFwD',
    ])
      expect(scrubLine(keep)).toBe(keep);
  });
});
