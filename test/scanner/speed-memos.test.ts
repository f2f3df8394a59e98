/**
 * The audit's speed memos answer exactly what the computation they skip would answer (issue 13, session 20):
 * the text pass's per-value memo, the reused credential regexes, and the per-list call-pattern memo.
 */
import { describe, expect, it } from 'vitest';
import type { CallPattern } from '../../src/catalogue/types.js';
import { findCredentials } from '../../src/detect/index.js';
import { matchCallPattern } from '../../src/rule-kit/call-patterns.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';
import { scanTemplateFile, withTemplateFindings } from '../../src/scanner/detect/templates/index.js';
import { parseDocs } from '../../src/scanner/detect/templates/yaml.js';
import { someCall } from '../helpers/probe.js';

// Fake values, built at run time: a password a person might choose and a GitHub-token-shaped string.
const PASSWORD = ['Tr0ub4dor', '&3', 'xQ'].join('');
const TOKEN = `ghp_${'fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH'}`;

describe('the text pass remembers a value verdict by value, name and store', () => {
  it('reports a repeated value at each place it is stored under a secret name, and nowhere else', () => {
    const json = JSON.stringify(
      {
        first: { password: PASSWORD },
        title: PASSWORD,
        second: { password: PASSWORD },
        third: { passwordHint: 'the usual one' },
        fourth: { password: PASSWORD },
      },
      null,
      2,
    );
    const lines = json.split('\n');
    const expected = lines.flatMap((l, i) => (l.includes(`"password": "${PASSWORD}"`) ? [i + 1] : []));
    expect(expected).toHaveLength(3);
    // Twice: the second scan is answered from the memo and must give the same findings.
    for (let round = 0; round < 2; round++) {
      const r = scanTextFile('config/settings.json', json);
      expect(r.findings.map((f) => f.location.line)).toEqual(expected);
      for (const f of r.findings) {
        const col = lines[f.location.line - 1]!.indexOf(PASSWORD) + 1;
        expect(f.location.column).toBe(col);
      }
    }
  });

  it('keeps a name and a value apart when one ends where the other begins', () => {
    // The same characters split differently between name and value: `pass` + `word…` against `password` + `…`.
    const a = scanTextFile('a.env', `PASSWORD=${PASSWORD}\n`);
    const b = scanTextFile('b.env', `PASS=WORD${PASSWORD}\n`);
    const c = scanTextFile('c.env', `TITLE=${PASSWORD}\n`);
    expect(a.findings).toHaveLength(1);
    expect(b.findings).toHaveLength(1);
    expect(c.findings).toHaveLength(0);
    // A value seen first under a harmless name is still reported under a secret name afterwards.
    expect(scanTextFile('d.env', `PASSWORD=${PASSWORD}\n`).findings).toHaveLength(1);
  });
});

describe('findCredentials reuses one regex per format', () => {
  it('finds every match however the calls before it ended', () => {
    const two = `first ${TOKEN} then ${TOKEN.replace('fAkE', 'fAkF')} end`;
    const expectTwo = [6, 6 + TOKEN.length + 6];
    expect(findCredentials(two).map((m) => m.index)).toEqual(expectTwo);
    // A text where the token comes first, then one where it is later: a position left over from an earlier
    // call would skip the early match or start past the late one.
    expect(findCredentials(`${TOKEN}`).map((m) => m.index)).toEqual([0]);
    expect(findCredentials(`${'x '.repeat(40)}${TOKEN}`).map((m) => m.index)).toEqual([80]);
    expect(findCredentials(two).map((m) => m.index)).toEqual(expectTwo);
    expect(findCredentials('no token here')).toEqual([]);
  });
});

describe('matchCallPattern remembers the first match per pattern list', () => {
  const pattern = (id: string, callees: string[]): CallPattern => ({
    id,
    title: id,
    modules: ['crypto'],
    callees,
    samples: { positive: [], negative: [] },
  });
  const bytes = pattern('bytes', ['randomBytes']);
  const anyCrypto = pattern('any', ['*']);
  const uuid = pattern('uuid', ['randomUUID']);
  const listA = [bytes, anyCrypto, uuid];
  const listB = [uuid, anyCrypto, bytes];

  /** The id of the first pattern of `list` each call of `code` matches (undefined for none), in order. */
  function firstMatches(code: string, list: readonly CallPattern[]): Array<string | undefined> {
    const found: Array<string | undefined> = [];
    someCall(code, (node, imports, scope) => {
      found.push(matchCallPattern(node, imports, scope, list)?.id);
      return false;
    });
    return found;
  }

  const code = [
    "import crypto from 'node:crypto';",
    'crypto.randomBytes(16);',
    'crypto.randomUUID();',
    'crypto.createHash("sha256");',
    'local();',
  ].join('\n');

  it('answers per list, in list order, the same on a second file', () => {
    for (let round = 0; round < 2; round++) {
      expect(firstMatches(code, listA)).toEqual(['bytes', 'any', 'any', undefined]);
      expect(firstMatches(code, listB)).toEqual(['any', 'uuid', 'any', undefined]);
    }
  });
});

describe('a YAML file is parsed once for the secrets pass and the config check', () => {
  const template = [
    'Resources:',
    '  Key:',
    '    Type: AWS::KMS::Key',
    '    Properties:',
    '      EnableKeyRotation: false',
    '      Description: !Sub "${AWS::StackName} key"',
    '  Grant:',
    '    Type: Custom::Grant',
    '    Properties:',
    '      Arn: !GetAtt [Key, Arn]',
    `      password: ${PASSWORD}`,
    '',
  ].join('\n');

  it('hands the second reader of the same text the first reader’s documents, and parses a new text anew', () => {
    const first = parseDocs(template);
    expect(parseDocs(template)).toBe(first);
    expect('docs' in first && first.docs.length).toBe(1);
    const other = parseDocs(`${template}# edited\n`);
    expect(other).not.toBe(first);
    expect(parseDocs(template)).not.toBe(first);
  });

  it('gives the same findings whichever reader parsed first (the intrinsic tags change no node)', () => {
    // A copy of the text built anew, as each file's decode makes one: the memo compares contents.
    const fresh = (): string => template.split('').join('');
    const textFirst = withTemplateFindings(scanTextFile('stack.yaml', fresh()), 'stack.yaml', fresh());
    parseDocs('other: 1\n'); // forget the template
    const checkFirst = scanTemplateFile('stack.yaml', fresh());
    const thenText = scanTextFile('stack.yaml', fresh());
    const rules = (r: { findings: ReadonlyArray<{ ruleId: string; location: { line: number } }> }): string[] =>
      r.findings.map((f) => `${f.ruleId}:${f.location.line}`).sort();
    expect(rules(textFirst)).toEqual(rules({ findings: [...thenText.findings, ...checkFirst.findings] }));
    expect(rules(textFirst)).toEqual(['keyhygiene/secret-in-file:11', 'keyhygiene/template-missing-rotation:5']);
  });
});
