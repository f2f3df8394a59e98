/**
 * Callee paths (`calleePathOf`) of real call shapes, pinned as the matchers read them. Session 22 (branch `speedr2`)
 * rebuilt the path without copying arrays or spreading objects; every expected row here was printed by the build
 * before that change, so the new code must give exactly the old answers: imports (named, default, namespace,
 * dotted `require` destructuring), builder chains, `new`, `promisify`, a builder held in a `const`, local calls,
 * and calls with no path.
 */
import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { collectImports } from '../../src/rule-kit/imports.js';
import { parseOtherFile, scopeGetter } from '../../src/rule-kit/module-files.js';
import { calleePathOf } from '../../src/rule-kit/sinks.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;
/** [call text, path, fullPath, root, "module imported"], or [call text, null] when the call has no path. */
type Row = readonly [string, string | null, string?, (string | null)?, (string | null)?];

const SNIPPETS: readonly string[] = [
  "import { createCipheriv } from 'node:crypto';\ncreateCipheriv('aes-256-gcm', k, iv);",
  "import * as crypto from 'crypto';\ncrypto.createHash('sha256').update(x).digest('hex');",
  "import jwt from 'jsonwebtoken';\njwt.sign(p, k);",
  "const { scrypt } = require('crypto');\nconst { promisify } = require('util');\nconst scryptAsync = promisify(scrypt);\nscryptAsync(pw, salt, 32);",
  "const forge = require('node-forge');\nforge.pki.rsa.generateKeyPair({ bits: 1024 });",
  "import * as jose from 'jose';\nnew jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(key);",
  "import { SignJWT } from 'jose';\nconst b = new SignJWT({});\nb.sign(key);",
  "require('crypto').randomBytes(16);",
  "const { a } = require('lib').nested;\na.b.c();",
  'class R { save() { this.repository.save(x); this.repo.manager.transaction(() => 1); } }',
  "items.map((i) => i.id).filter(Boolean).join(',');",
  'new (new Outer().Inner)();',
  "window.crypto.subtle.importKey('raw', k, 'AES-GCM', false, ['encrypt']);",
  "import def from 'mod';\ndef();\nnew def();\ndef()();",
  "import { x as y } from 'pkg';\ny.z.w();\nnew y.Q().r().s();",
  "const KMS = require('aws-sdk/clients/kms');\nconst kms = new KMS({ region });\nkms.generateDataKey({}).promise();",
  "const c = crypto.createCipheriv('aes-256-cbc', key, iv);\nc.update(d);\nc.final();",
  "(await import('crypto')).randomUUID();",
  'foo?.bar?.();\na[b]();\n(() => 1)();',
  "import { new as mk } from 'weird';\nmk.a();",
];

const EXPECTED: readonly Row[] = [
  [
    "createCipheriv('aes-256-gcm', k, iv)",
    'createCipheriv',
    'createCipheriv',
    'createCipheriv',
    'node:crypto createCipheriv',
  ],
  [
    "crypto.createHash('sha256').update(x).digest('hex')",
    'createHash().digest',
    'crypto.createHash().digest',
    'crypto',
    'crypto *',
  ],
  ["crypto.createHash('sha256').update(x)", 'createHash().update', 'crypto.createHash().update', 'crypto', 'crypto *'],
  ["crypto.createHash('sha256')", 'createHash', 'crypto.createHash', 'crypto', 'crypto *'],
  ['jwt.sign(p, k)', 'sign', 'jwt.sign', 'jwt', 'jsonwebtoken default'],
  ["require('crypto')", 'require', 'require', 'require', null],
  ["require('util')", 'require', 'require', 'require', null],
  ['promisify(scrypt)', 'promisify', 'promisify', 'promisify', 'util promisify'],
  ['scryptAsync(pw, salt, 32)', 'scrypt', 'scrypt', 'scrypt', 'crypto scrypt'],
  ["require('node-forge')", 'require', 'require', 'require', null],
  [
    'forge.pki.rsa.generateKeyPair({ bits: 1024 })',
    'pki.rsa.generateKeyPair',
    'forge.pki.rsa.generateKeyPair',
    'forge',
    'node-forge *',
  ],
  [
    "new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(key)",
    'new SignJWT().sign',
    'new jose.SignJWT().sign',
    'jose',
    'jose *',
  ],
  [
    "new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt()",
    'new SignJWT().setIssuedAt',
    'new jose.SignJWT().setIssuedAt',
    'jose',
    'jose *',
  ],
  [
    "new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' })",
    'new SignJWT().setProtectedHeader',
    'new jose.SignJWT().setProtectedHeader',
    'jose',
    'jose *',
  ],
  ['new jose.SignJWT({})', 'new SignJWT', 'new jose.SignJWT', 'jose', 'jose *'],
  ['new SignJWT({})', 'new SignJWT', 'new SignJWT', 'SignJWT', 'jose SignJWT'],
  ['b.sign(key)', 'new SignJWT().sign', 'new SignJWT().sign', 'SignJWT', 'jose SignJWT'],
  ["require('crypto').randomBytes(16)", 'randomBytes', 'randomBytes', null, 'crypto *'],
  ["require('crypto')", 'require', 'require', 'require', null],
  ["require('lib')", 'require', 'require', 'require', null],
  ['a.b.c()', 'nested.a.b.c', 'a.b.c', 'a', 'lib nested.a'],
  ['this.repository.save(x)', 'this.repository.save', 'this.repository.save', 'this', null],
  [
    'this.repo.manager.transaction(() => 1)',
    'this.repo.manager.transaction',
    'this.repo.manager.transaction',
    'this',
    null,
  ],
  ["items.map((i) => i.id).filter(Boolean).join(',')", 'items.map().join', 'items.map().join', 'items', null],
  ['items.map((i) => i.id).filter(Boolean)', 'items.map().filter', 'items.map().filter', 'items', null],
  ['items.map((i) => i.id)', 'items.map', 'items.map', 'items', null],
  ['new (new Outer().Inner)()', 'new Outer().Inner', 'new Outer().Inner', 'Outer', null],
  ['new Outer()', 'new Outer', 'new Outer', 'Outer', null],
  [
    "window.crypto.subtle.importKey('raw', k, 'AES-GCM', false, ['encrypt'])",
    'window.crypto.subtle.importKey',
    'window.crypto.subtle.importKey',
    'window',
    null,
  ],
  ['def()', 'default', 'def', 'def', 'mod default'],
  ['new def()', 'new default', 'new def', 'def', 'mod default'],
  ['def()()', 'default()', 'def()', 'def', 'mod default'],
  ['def()', 'default', 'def', 'def', 'mod default'],
  ['y.z.w()', 'x.z.w', 'y.z.w', 'y', 'pkg x'],
  ['new y.Q().r().s()', 'new x.Q().s', 'new y.Q().s', 'y', 'pkg x'],
  ['new y.Q().r()', 'new x.Q().r', 'new y.Q().r', 'y', 'pkg x'],
  ['new y.Q()', 'new x.Q', 'new y.Q', 'y', 'pkg x'],
  ["require('aws-sdk/clients/kms')", 'require', 'require', 'require', null],
  ['new KMS({ region })', 'new default', 'new KMS', 'KMS', 'aws-sdk/clients/kms *'],
  ['kms.generateDataKey({}).promise()', 'new default().promise', 'new KMS().promise', 'KMS', 'aws-sdk/clients/kms *'],
  [
    'kms.generateDataKey({})',
    'new default().generateDataKey',
    'new KMS().generateDataKey',
    'KMS',
    'aws-sdk/clients/kms *',
  ],
  ["crypto.createCipheriv('aes-256-cbc', key, iv)", 'crypto.createCipheriv', 'crypto.createCipheriv', 'crypto', null],
  ['c.update(d)', 'crypto.createCipheriv().update', 'crypto.createCipheriv().update', 'crypto', null],
  ['c.final()', 'crypto.createCipheriv().final', 'crypto.createCipheriv().final', 'crypto', null],
  ["(await import('crypto')).randomUUID()", null],
  ['foo?.bar?.()', 'foo.bar', 'foo.bar', 'foo', null],
  ['a[b]()', null],
  ['(() => 1)()', null],
  ['mk.a()', 'new a', 'mk.a', 'mk', 'weird new'],
];

/** Every call of a snippet, in source order of a depth-first walk (outer call first), with parents set. */
function callsOf(code: string): { calls: Call[]; text: (n: TSESTree.Node) => string; paths: (c: Call) => Row } {
  const parsed = parseOtherFile(code, 'snippet.ts');
  const getScope = scopeGetter(parsed.scopeManager!);
  const imports = collectImports(parsed.ast as TSESTree.Program);
  const calls: Call[] = [];
  const walk = (n: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    (n as { parent?: TSESTree.Node }).parent = parent;
    if (n.type === T.CallExpression || n.type === T.NewExpression) calls.push(n);
    for (const key of parsed.visitorKeys[n.type] ?? []) {
      const child = (n as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child])
        if (c && typeof (c as TSESTree.Node).type === 'string') walk(c as TSESTree.Node, n);
    }
  };
  walk(parsed.ast as TSESTree.Node, undefined);
  const text = (n: TSESTree.Node): string => code.slice(n.range[0], n.range[1]);
  const paths = (c: Call): Row => {
    const cp = calleePathOf(c, imports, getScope(c));
    if (!cp) return [text(c), null];
    const binding = cp.binding ? `${cp.binding.module} ${cp.binding.imported}` : null;
    return [text(c), cp.path, cp.fullPath, cp.root ?? null, binding];
  };
  return { calls, text, paths };
}

describe('calleePathOf', () => {
  it('gives the pinned path of every call in the snippets', () => {
    const got: Row[] = [];
    for (const code of SNIPPETS) {
      const { calls, paths } = callsOf(code);
      for (const c of calls) got.push(paths(c));
    }
    expect(got).toEqual(EXPECTED);
  });

  it('keeps the key set of the path object: no root or binding key when there is none', () => {
    const { calls } = callsOf('new (new Outer().Inner)();\nrequire("crypto").randomBytes(16);');
    const imports = new Map();
    const keys = calls.map((c) => Object.keys(calleePathOf(c, imports) ?? {}).join(','));
    expect(keys).toEqual(['root,path,fullPath', 'root,path,fullPath', 'binding,path,fullPath', 'root,path,fullPath']);
  });
});
