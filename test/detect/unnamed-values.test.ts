/**
 * What the text pass relies on to skip the classifier for a value with no name and no secret store (a string of a
 * translation catalogue, a data file): `classifyValue` without a name or a key sink calls a value a secret only for a
 * credential format in it, so where `findCredentials` finds none in the value (as the classifier trims it) the answer
 * is "not a secret" without asking. Checked on every format's samples and keywords, random-looking values (made
 * from hashes, the same on every run) of the shapes keys take, and words, each bare and with the characters around
 * it that catalogues hold.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { credentialFormats } from '../../src/catalogue/credentials.js';
import { classifyValue, findCredentials } from '../../src/detect/classify.js';

function values(): string[] {
  const out: string[] = [];
  for (const f of credentialFormats) out.push(...f.samples.positive, ...f.samples.negative, ...f.keywords);
  for (let i = 0; i < 200; i++) {
    const bytes = createHash('sha512')
      .update(`kh-unnamed-${i}`)
      .digest()
      .subarray(0, 8 + (i % 40));
    out.push(
      bytes.toString('hex'),
      bytes.toString('base64'),
      bytes.toString('base64url'),
      `sk_${bytes.toString('hex')}`,
    );
  }
  out.push('Secret value', 'Enter your password', 'changeme', 'true', 'required', '', 'a', 'https://fake.test/x');
  return out.flatMap((v) => [v, `"${v}"`, `label: ${v}`, `${v}.`]);
}

describe('an unnamed value outside a secret store', () => {
  it('is a secret to the classifier exactly when a credential format is found in it', () => {
    let secrets = 0;
    let checked = 0;
    for (const v of values()) {
      const t = v.trim();
      const c = classifyValue(v);
      expect(c.secret, JSON.stringify(v)).toBe(findCredentials(t).length > 0);
      checked++;
      if (c.secret) secrets++;
    }
    // Both answers occur, many times: the comparison is not vacuous.
    expect(secrets).toBeGreaterThan(200);
    expect(checked - secrets).toBeGreaterThan(1000);
  });
});
