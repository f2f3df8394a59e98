/**
 * A value's role from where it goes (src/rule-kit/flow/roles.ts): the evidence for each binding a file logs or drops
 * (the catalogue sink, the argument's role, the line), through wrappers and one copy, and the near misses that get
 * no role: an IV or data argument, a key handle, a verification key that may be public, a value never passed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { valueRolesOf, type RoleUse } from '../../src/rule-kit/flow/roles.js';
import { collectImports } from '../../src/rule-kit/imports.js';
import { lintWith } from '../helpers/probe.js';

/** For every identifier `console.log` is given in `code`: its name and the role evidence found for it. */
function rolesLogged(code: string): Record<string, string> {
  const out: Record<string, string> = {};
  const said = (use: RoleUse | undefined): string => (use ? `${use.role} of ${use.sink} at line ${use.line}` : 'none');
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const roles = valueRolesOf(context.sourceCode, collectImports(context.sourceCode.ast));
      return {
        'CallExpression[callee.object.name="console"] > Identifier'(id: TSESTree.Identifier) {
          out[id.name] = said(roles.secretUseOf(id));
        },
      };
    },
  };
  expect(lintWith(rule, code, 'src/roles.ts').filter((m) => m.fatal)).toEqual([]);
  return out;
}

describe('value roles from uses', () => {
  it('reads the catalogue role of the exact argument, through wrappers and one copy', () => {
    const code = [
      "import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      'export function f(a: Buffer, b: string, c: string, d: string, e: string, iv: Buffer, data: Buffer) {',
      '  console.log(a, b, c, d, e, iv, data);',
      "  createCipheriv('aes-256-gcm', a.subarray(0, 32), iv).update(data);",
      "  const copy = Buffer.from(b, 'hex');",
      "  createHmac('sha256', copy!);",
      "  pbkdf2Sync(c, randomBytes(16), 600000, 32, 'sha256');",
      "  new S3Client({ credentials: { accessKeyId: 'id', secretAccessKey: d } });",
      '  return e;',
      '}',
      '',
    ].join('\n');
    expect(rolesLogged(code)).toEqual({
      a: 'key of crypto.createCipheriv at line 5',
      b: 'key of crypto.createHmac at line 7',
      c: 'password of crypto.pbkdf2Sync at line 8',
      d: 'secret of AWS SDK v3 client credentials at line 9',
      e: 'none',
      iv: 'none',
      data: 'none',
    });
  });

  it('gives no role to a key handle or to a key a verifier may take public', () => {
    const code = [
      "import { createCipheriv, createSecretKey, randomBytes } from 'node:crypto';",
      "import jwt from 'jsonwebtoken';",
      'export function g(raw: Buffer, pem: string, token: string, held: CryptoKey) {',
      '  const handle = createSecretKey(raw);',
      '  console.log(handle, pem, held);',
      "  createCipheriv('aes-256-gcm', handle, randomBytes(12));",
      '  jwt.verify(token, pem);',
      "  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: randomBytes(12) }, held, raw);",
      '}',
      '',
    ].join('\n');
    expect(rolesLogged(code)).toEqual({ handle: 'none', pem: 'none', held: 'none' });
  });
});
