/**
 * The lint runner asks ESLint's config lookup once per directory and file extension (src/scanner/detect/lint.ts,
 * `lookupOncePerKind`): a file still gets exactly the config ESLint gives it, whichever file of its directory came
 * first. A file ESLint has no config for is not linted at all: no finding and no module summary. Every key is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/scanner/detect/lint.js';

const KEY = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'; // fake
const TEXT = `import crypto from 'node:crypto';\nconst K = '${KEY}';\nexport const mac = (d) => crypto.createHmac('sha256', K).update(d);\n`;

/** Whether the audit's rules ran on one file linted under `root` (its summary), and where they reported. */
const lint = (root: string, rel: string) => {
  const r = lintFile(root, `${root}/${rel}`, rel, TEXT);
  return {
    linted: r.summary !== undefined,
    findings: r.findings.map((f) => `${f.ruleId} ${f.location.line}:${f.location.column}`),
  };
};

const LINTED = { linted: true, findings: ['keyhygiene/no-hardcoded-key 2:11'] };
const NOT_LINTED = { linted: false, findings: [] };

describe('the config lookup, once per directory and extension', () => {
  it('gives a file the presets do not name no config after a sibling they do name', () => {
    expect(lint('/cfg-a', 'src/a.js')).toEqual(LINTED);
    expect(lint('/cfg-a', 'src/b.JS')).toEqual(NOT_LINTED);
    expect(lint('/cfg-a', 'src/c.js')).toEqual(LINTED);
    expect(lint('/cfg-a', 'src/d.cjs')).toEqual(LINTED);
  });

  it('gives a file the presets name its config after a sibling they do not name', () => {
    expect(lint('/cfg-b', 'src/b.JS')).toEqual(NOT_LINTED);
    expect(lint('/cfg-b', 'src/a.js')).toEqual(LINTED);
  });

  it('keeps ESLint ignoring the root .git directory and the audit lifting node_modules, per directory', () => {
    expect(lint('/cfg-c', 'src/a.js')).toEqual(LINTED);
    expect(lint('/cfg-c', '.git/a.js')).toEqual(NOT_LINTED);
    expect(lint('/cfg-c', 'src/node_modules/a.js')).toEqual(LINTED);
    expect(lint('/cfg-c', '.git/b.js')).toEqual(NOT_LINTED);
  });
});
