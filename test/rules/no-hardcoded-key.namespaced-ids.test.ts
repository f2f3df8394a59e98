/**
 * A namespaced action type or event id is words, not key bytes (issue 11, session 29): Redux/Flux action types
 * (`slice/UPDATE_RECORD_BY_KEY`, `key/PURCHASE_KEY`), `feature:eventName` ids, under names that end in KEY or
 * SECRET. A generated value under the same names, even one with `/` in it, stays reported.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-hardcoded-key.js';
import { benignShapeOf } from '../../src/detect/index.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string): number[] =>
  lintWith(rule, code, 'src/store/actions.ts')
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => m.line);

describe('namespaced identifiers', () => {
  it('are identifiers to the classifier', () => {
    for (const v of ['ensRegistration/UPDATE_RECORD_BY_KEY', 'key/PURCHASE_KEY', 'items:getItems', 'auth/SET_API_KEY'])
      expect(benignShapeOf(v)).toBe('identifier');
  });

  it('are not hardcoded keys under key and secret names', () => {
    const code = [
      "export const UPDATE_RECORD_BY_KEY = 'ensRegistration/UPDATE_RECORD_BY_KEY';",
      "export const REMOVE_RECORD_BY_KEY = 'ensRegistration/REMOVE_RECORD_BY_KEY';",
      "export const SET_API_KEY = 'settings/SET_API_KEY';",
      "export const ROTATE_SECRET = 'vault:rotateClientSecret';",
      'export const actions = {',
      "  PURCHASE_KEY: 'key/PURCHASE_KEY',",
      "  saveSigningKey: 'keys/saveSigningKey',",
      '};',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('do not hide a generated value with a slash under the same names', () => {
    for (let i = 0; i < 5; i++) {
      const b64 = createHash('sha256').update(`sample ${i}`).digest('base64').slice(0, 40);
      const slashed = b64.includes('/') ? b64 : `${b64.slice(0, 12)}/${b64.slice(12)}`;
      expect(benignShapeOf(slashed)).toBeUndefined();
      const code = `export const SIGNING_KEY = '${slashed}';\nexport const apiSecret = '${slashed.replace(/\//g, ':')}';\n`;
      expect(lines(code)).toEqual([1, 2]);
    }
  });
});
