/**
 * Catalogue entries of no-logged-key added from the libraries' APIs (session 23) prove themselves (STYLE practice 7):
 * secret-key calls match their positive samples and not their negatives, and the lookup-miss phrases read the
 * message text around a value the way src/rule-kit/error-leaks.ts reads it.
 */
import { describe, expect, it } from 'vitest';
import { commandLine, decryptedParameterRead, lookupMissPhrase, secretKeyCalls } from '../../src/catalogue/loggers.js';
import { matchCallPattern } from '../../src/rule-kit/call-patterns.js';
import { someCall } from '../helpers/probe.js';

describe('secret key calls', () => {
  for (const p of secretKeyCalls) {
    describe(p.id, () => {
      const found = (code: string): boolean =>
        someCall(code, (node, imports, scope) => matchCallPattern(node, imports, scope, [p]) !== undefined);
      it.each(p.samples.positive)('matches positive %#', (code) => expect(found(code)).toBe(true));
      it.each(p.samples.negative)('does not match negative %#', (code) => expect(found(code)).toBe(false));
    });
  }
});

describe('lookup-miss phrases', () => {
  const [after, before] = [lookupMissPhrase.after, lookupMissPhrase.before];
  it.each(lookupMissPhrase.samples.positive)('%s says the lookup found nothing', (s) =>
    expect(after.test(s) || before.test(s)).toBe(true),
  );
  it.each(lookupMissPhrase.samples.negative)('%s does not', (s) => expect(after.test(s) || before.test(s)).toBe(false));
});

describe('decrypted SSM parameter reads', () => {
  it('needs both the GetParameter call and WithDecryption: true', () => {
    const { call, decrypt } = decryptedParameterRead;
    const read = (t: string): boolean => call.test(t) && decrypt.test(t);
    expect(read('ssm.send(new GetParameterCommand({ Name: n, WithDecryption: true }))')).toBe(true);
    expect(read('ssm.getParameters({ Names: ns, WithDecryption: true }).promise()')).toBe(true);
    expect(read('ssm.send(new GetParameterCommand({ Name: n }))')).toBe(false);
    expect(read('ssm.send(new PutParameterCommand({ Name: n, WithDecryption: true }))')).toBe(false);
  });
});

describe('command-line output: reads and stores', () => {
  for (const [what, p] of [
    ['reads a kept value', commandLine.readCall],
    ['keeps a value', commandLine.storeVerb],
  ] as const) {
    it.each(p.samples.positive)(`%s ${what}`, (s) => expect(p.pattern.test(s)).toBe(true));
    it.each(p.samples.negative)(`%s does not`, (s) => expect(p.pattern.test(s)).toBe(false));
  }
});
