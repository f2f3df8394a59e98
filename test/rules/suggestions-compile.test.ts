/**
 * Every suggestion that points at `keyhygiene/keys` produces code that type-checks against the real
 * API (src/keys/index.ts), so a fix never sends a user to a name that does not exist or is used wrongly.
 * Third-party modules are typed `any` here: what is checked is our API's names, signatures and awaits.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/plugin.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Representative code per rule whose suggestions import from keyhygiene/keys. */
const cases: { name: string; code: string }[] = [
  {
    name: 'no-hardcoded-key: jwt secret const',
    code: "import jwt from 'jsonwebtoken';\nconst JWT_SECRET = 'p9Xr2kLm8QzT4vWn';\nexport const issue = (p: object) => jwt.sign(p, JWT_SECRET);\n",
  },
  {
    name: 'no-hardcoded-key: hex key for createCipheriv',
    code: "import crypto from 'node:crypto';\nconst dataKey = Buffer.from('3f1a9c7e5b2d4f6081a3c5e7f9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7', 'hex');\nexport async function seal(iv: Buffer) { return crypto.createCipheriv('aes-256-gcm', dataKey, iv); }\n",
  },
  {
    name: 'no-hardcoded-key: session secret fallback',
    code: "import session from 'express-session';\ndeclare const app: any;\napp.use(session({ secret: process.env.SESSION_SECRET || 'keyboard cat' }));\n",
  },
  {
    name: 'no-hardcoded-key: credential under a name',
    code: "export const apiSecret: string = 'Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR';\n",
  },
  {
    name: 'no-hardcoded-key: inside an async function',
    code: "import { createHmac } from 'node:crypto';\nexport async function mac(data: string) { return createHmac('sha256', 'w8Jq3NfZ6tLx1RvB').update(data).digest('hex'); }\n",
  },
];

const ambient = `
declare module 'jsonwebtoken' { const jwt: any; export default jwt; }
declare module 'express-session' { const session: any; export default session; }
declare module 'jose' { export const SignJWT: any; export const jwtVerify: any; }
declare module 'tweetnacl' { const nacl: any; export default nacl; }
declare module 'crypto-js' { const c: any; export default c; }
`;

const dir = mkdtempSync(join(tmpdir(), 'kh-suggest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function suggestedOutputs(code: string, filename: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const cfg = {
    ...plugin.configs.strict,
    languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' as const },
  };
  const outs: string[] = [];
  for (const m of linter.verify(code, [cfg], { filename: join(dir, filename) })) {
    for (const s of m.suggestions ?? []) {
      const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
      if (out.includes("'keyhygiene/keys'")) outs.push(out);
    }
  }
  return outs;
}

function typeErrors(files: Record<string, string>): string[] {
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(repo, 'node_modules/@types')],
    baseUrl: dir,
    paths: { 'keyhygiene/keys': [join(repo, 'src/keys/index.ts')] },
  };
  const program = ts.createProgram([...Object.keys(files).map((f) => join(dir, f))], options);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || d.file.fileName.startsWith(dir))
    .filter((d) => d.code !== 5101 && d.code !== 5102) // baseUrl deprecation notices, not errors in the suggestion
    .map(
      (d) =>
        `${d.file ? d.file.fileName.slice(dir.length + 1) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

describe('suggested code compiles against keyhygiene/keys', () => {
  // One program for every case: type-checking is the slow part.
  const files: Record<string, string> = { 'package.json': '{"type":"module"}', 'ambient.d.ts': ambient };
  const perCase = cases.map((c, i) => {
    const outs = suggestedOutputs(c.code, `case${i}.ts`);
    outs.forEach((o, j) => (files[`case${i}_${j}.mts`] = `${o}\nexport {};\n`));
    return outs.length;
  });
  // Type-checked once before the cases, with a hook's own time limit: on a loaded machine the check alone has
  // taken over a minute, which as part of the first case tripped the 60 s test limit.
  let errors: string[] = [];
  beforeAll(() => {
    errors = typeErrors(files);
  }, 300_000);
  const errorsFor = (i: number): string[] => errors.filter((e) => e.startsWith(`case${i}_`));

  for (const [i, c] of cases.entries()) {
    it(c.name, () => {
      expect(perCase[i], 'the rule offers a keyhygiene/keys suggestion for this code').toBeGreaterThan(0);
      expect(errorsFor(i)).toEqual([]);
    });
  }

  it('would catch a suggestion that misuses the API', () => {
    const bad = {
      'bad.mts': "import { loadSecret } from 'keyhygiene/keys';\nconst k = loadSecret('x').expose();\nexport {};\n",
    };
    expect(typeErrors({ ...files, ...bad }).some((e) => e.startsWith('bad.mts'))).toBe(true);
  }, 300_000);
});
