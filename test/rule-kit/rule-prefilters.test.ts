import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { sodiumMinimumLimit } from '../../src/catalogue/kdf.js';
import { Candidates, NAMED_RANK } from '../../src/rule-kit/hardcoded-candidates.js';
import { mayNameLimit } from '../../src/rule-kit/kdf-named-limits.js';
import passwordAsKey from '../../rules/no-password-as-key.js';
import { plaintextFileWrites } from '../../src/catalogue/loggers.js';
import { errorArgumentLeaks } from '../../src/rule-kit/error-leaks.js';
import type { Leak } from '../../src/rule-kit/leaks.js';
import { parseOtherFile } from '../../src/rule-kit/module-files.js';
import { responseOfCall } from '../../src/rule-kit/response-sinks.js';
import loggedKey from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

// Work the rules skip because it cannot change what they report (session 24, branch `speedr4`). Each skip rests on
// one fact; these tests pin the fact, so a later change that breaks it fails here.

const node = (n: number) => ({ type: 'Literal', range: [n, n + 1] }) as unknown as TSESTree.Node;
const cand = (
  at: TSESTree.Node,
  messageId: 'secretName' | 'credential' | 'hardcodedKey',
  rank: number,
  live: boolean,
) => ({ node: at, messageId, data: {}, rank, liveFormat: live }) as const;

/** What the rule reports in a test file: the best candidate per node, when it is live. */
const reported = (c: Candidates) => [...c.values()].filter((x) => x.liveFormat).map((x) => x.messageId);

describe('no-hardcoded-key in a test file: name-judged candidates are dropped', () => {
  it('a name-judged candidate never keeps a live one off its node, in either order', () => {
    for (const liveOnly of [false, true]) {
      const a = new Candidates(liveOnly);
      a.offer(cand(node(1), 'secretName', NAMED_RANK, false));
      a.offer(cand(node(1), 'credential', 1.5, true));
      const b = new Candidates(liveOnly);
      b.offer(cand(node(2), 'credential', 2, true));
      b.offer(cand(node(2), 'secretName', NAMED_RANK, false));
      expect(reported(a)).toEqual(['credential']);
      expect(reported(b)).toEqual(['credential']);
    }
  });

  it('drops only non-live candidates of the name-judged rank; a higher-ranked one still displaces a live one', () => {
    const c = new Candidates(true);
    const [n1, n2, n3] = [node(1), node(2), node(3)];
    c.offer(cand(n1, 'secretName', NAMED_RANK, false));
    c.offer(cand(n2, 'credential', 2, true));
    c.offer(cand(n2, 'hardcodedKey', 4, false));
    c.offer(cand(n3, 'credential', 2, true));
    expect([...c.values()].map((x) => [x.node, x.messageId])).toEqual([
      [n2, 'hardcodedKey'],
      [n3, 'credential'],
    ]);
    const all = new Candidates();
    all.offer(cand(n1, 'secretName', NAMED_RANK, false));
    expect([...all.values()].map((x) => x.messageId)).toEqual(['secretName']);
  });
});

describe("no-password-as-key: libsodium's minimum limits are looked for only in a text that can name one", () => {
  it('every name the catalogue pattern accepts starts with the prefix the text is searched for', () => {
    expect(sodiumMinimumLimit.pattern.source.startsWith('^crypto_pwhash')).toBe(true);
    for (const s of sodiumMinimumLimit.samples.positive) {
      expect(sodiumMinimumLimit.pattern.test(s)).toBe(true);
      expect(mayNameLimit(`const ops = sodium.${s};`)).toBe(true);
    }
  });

  it('is false for a text without the name, and true when an identifier may be spelled with an escape', () => {
    expect(mayNameLimit("import sodium from 'libsodium-wrappers';\nconst ops = sodium.OPSLIMIT_MIN;")).toBe(false);
    expect(mayNameLimit('const ops = sodium.crypto\\u005fpwhash_OPSLIMIT_MIN;')).toBe(true);
    expect(mayNameLimit('const ops = sodium.crypto_pw\\u{68}ash_OPSLIMIT_MIN;')).toBe(true);
  });

  it('the rule still reports the name written with an escape, and only where the name is read', () => {
    const ids = (code: string) => lintWith(passwordAsKey, code, 'src/kdf.ts').map((m) => m.messageId);
    const head = "import sodium from 'libsodium-wrappers';\nexport const PROFILE = { opslimit: sodium.";
    expect(ids(`${head}crypto_pwhash_OPSLIMIT_MIN };`)).toEqual(['weakKdf']);
    expect(ids(`${head}crypto\\u005fpwhash_OPSLIMIT_MIN };`)).toEqual(['weakKdf']);
    expect(ids(`${head}OPSLIMIT_MIN };`)).toEqual([]);
  });
});

describe('no-logged-key: a call with no argument is not resolved (session 26, branch `speed10`)', () => {
  const callOf = (code: string) => {
    const stmt = (parseOtherFile(code, 'x.ts').ast as TSESTree.Program).body[0] as TSESTree.ExpressionStatement;
    return stmt.expression as TSESTree.CallExpression;
  };
  const always = (n: TSESTree.Node): Leak[] => [{ node: n, what: 'x' }];

  it('with no argument, no check the rule runs on a call can find anything', () => {
    // The log path reports only leaks in the arguments; the other checks read an argument too.
    expect(errorArgumentLeaks(callOf('fail();'), always, {})).toEqual([]);
    expect(errorArgumentLeaks(callOf('fail(secret);'), always, {})).toHaveLength(1);
    expect(responseOfCall(callOf('res.send();'))).toBeUndefined();
    expect(responseOfCall(callOf('res.send(secret);'))).toBeDefined();
    for (const w of plaintextFileWrites) expect(w.dataArg).toBeGreaterThanOrEqual(0);
  });

  it('the rule still reports the same call with an argument', () => {
    const ids = (code: string) => lintWith(loggedKey, code, 'src/app.ts').map((m) => m.messageId);
    const head = 'const apiSecret = process.env.API_SECRET;\n';
    expect(ids(`${head}console.log(apiSecret);`)).toEqual(['loggedKey']);
    expect(ids(`${head}console.log();`)).toEqual([]);
  });
});
