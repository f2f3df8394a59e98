/**
 * no-hardcoded-key on Keygrip key lists (session-29 breadth study, issue 11, branch breadth13a): the HMAC keys that
 * sign cookies for Koa, cookie-session and Cookies, given to `new Keygrip([...])` or `Keygrip([...])`. A literal
 * key there is a leaked cookie-signing key; keys read from the environment or a loader stay quiet. The literals are
 * built at run time (the repository lints itself).
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-hardcoded-key.js';
import { lintWith } from '../helpers/probe.js';

const found = (code: string): string[] =>
  lintWith(rule, code, 'src/server/cookies.ts').map((m) =>
    m.fatal ? `fatal: ${m.message}` : `${m.line}:${m.messageId}`,
  );
const a = 'k' + 'Q7vN2mRt'.repeat(2);
const b = 'm' + 'Lp9sKw3Z'.repeat(2);

describe('no-hardcoded-key: Keygrip key lists', () => {
  it('reports each literal key in the list, with or without new', () => {
    expect(
      found(`import Keygrip from 'keygrip';\nexport const keys = new Keygrip(['${a}', '${b}'], 'sha256');\n`),
    ).toEqual(['2:hardcodedKey', '2:hardcodedKey']);
    expect(found(`const Keygrip = require('keygrip');\nmodule.exports = Keygrip(['${a}']);\n`)).toEqual([
      '2:hardcodedKey',
    ]);
  });

  it('stays quiet on keys from the environment or a loader, and on a non-keygrip Keygrip', () => {
    expect(
      found("import Keygrip from 'keygrip';\nexport const keys = new Keygrip(process.env.COOKIE_KEYS!.split(','));\n"),
    ).toEqual([]);
    expect(
      found(
        "import Keygrip from 'keygrip';\ndeclare function loadKeys(): string[];\nexport const keys = new Keygrip(loadKeys());\n",
      ),
    ).toEqual([]);
    expect(found(`import Keygrip from './local-grip';\nexport const keys = new Keygrip(['${a}']);\n`)).toEqual([]);
  });
});
