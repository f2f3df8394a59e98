/**
 * Every suggestion snippet compiles (strict) against the real keyhygiene/keys API, and a snippet
 * with a wrong name does not (so the harness really checks).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/keys/index.js';
import { SUGGESTION_SNIPPETS } from './suggestion-snippets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kh-suggest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Minimal stand-ins for third-party typings (their real signatures take string | Buffer secrets).
const AMBIENT = `declare module 'jsonwebtoken' {
  const jwt: { sign(payload: object, secret: string | Buffer): string };
  export default jwt;
}
declare module 'express-session' {
  export default function session(options: { secret: string | string[] }): unknown;
}
`;

/** Compiles all snippets in one program (one load of the lib and @types/node); diagnostics per snippet. */
function compileAll(codes: string[]): string[][] {
  writeFileSync(join(dir, 'ambient.d.ts'), AMBIENT);
  const files = codes.map((code, i) => {
    const f = join(dir, `snippet${i}.ts`);
    writeFileSync(f, code);
    return f;
  });
  const program = ts.createProgram([...files, join(dir, 'ambient.d.ts')], {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
    noEmit: true,
    skipLibCheck: true,
    paths: { 'keyhygiene/keys': [join(ROOT, 'src/keys/index.ts')] },
  });
  const all = ts.getPreEmitDiagnostics(program);
  return files.map((f) =>
    all.filter((d) => d.file?.fileName === f).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  );
}

const NEGATIVE = `import { loadKey } from 'keyhygiene/keys';\nexport const x = loadKey;`;
let results: string[][] = [];
beforeAll(() => {
  results = compileAll([...SUGGESTION_SNIPPETS.map((s) => s.code), NEGATIVE]);
}, 120_000);

describe('lint suggestions compile against keyhygiene/keys', () => {
  for (const [i, s] of SUGGESTION_SNIPPETS.entries()) {
    it(s.hazard, () => {
      for (const name of s.imports) expect(api).toHaveProperty(name);
      expect(results[i]).toEqual([]);
    });
  }

  it('a snippet using a name the API does not export fails to compile', () => {
    expect(results[SUGGESTION_SNIPPETS.length]!.join(' ')).toMatch(/loadKey/);
  });

  it('the entry point stays small (no barrel of internals)', () => {
    expect(Object.keys(api).sort()).toEqual([
      'KeyhygieneError',
      'SecretBytes',
      'clearSecretCache',
      'deriveKey',
      'destroyKeyFile',
      'isKeyhygieneError',
      'loadSecret',
      'openKeyring',
      'randomBytes',
      'randomInt',
      'randomToken',
      'verifyAuditLog',
    ]);
  });
});
