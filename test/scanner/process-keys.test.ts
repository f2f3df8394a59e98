/**
 * The cross-file join withdraws a require-key-rotation finding whose signing key another module draws per start and
 * keeps in memory (src/rule-kit/flow/process-keys.ts, src/scanner/detect/cross-join.ts): a field of an exported
 * service instance, a member of an exported object behind a barrel, a namespace import, a NestJS configuration
 * factory loaded by `ConfigModule.forRoot`. Near misses stay reported: a configured secret with a random fallback,
 * a field written to a file, a member another module writes over, a program that forks workers, a configuration key
 * no loaded factory draws, and a factory that draws only outside production.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/scanner/index.js';

const temp: string[] = [];
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

/** The require-key-rotation findings of a repository made of `files`, as `file:line`. */
async function rotation(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'kh-process-keys-'));
  temp.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  const r = await audit({ root, workers: 1 });
  return r.findings
    .filter((f) => f.ruleId === 'keyhygiene/require-key-rotation')
    .map((f) => `${f.location.file}:${f.location.line}`)
    .sort();
}

const service = (field: string, extra = ''): string =>
  "import { randomBytes } from 'node:crypto';\nimport { writeFileSync } from 'node:fs';\n" +
  `export class AuthState {\n  public signing = ${field};\n${extra}}\nexport const authState = new AuthState();\n`;
const login =
  "import jwt from 'jsonwebtoken';\nimport { authState } from './state';\nconst state = authState;\n" +
  "export const login = (sub: string) => jwt.sign({ sub }, state.signing, { expiresIn: '2h' });\n";

const settings = (decl: string): string =>
  `import { randomBytes } from 'crypto';\nexport default () => {\n  ${decl}\n  const settings = { port: 3000, signingSecret };\n  return settings;\n};\n`;
const nest = {
  'src/app.module.ts':
    "import { Module } from '@nestjs/common';\nimport { ConfigModule } from '@nestjs/config';\nimport settings from './settings';\n" +
    '@Module({ imports: [ConfigModule.forRoot({ load: [settings] })] })\nexport class AppModule {}\n',
  'src/auth/auth.module.ts':
    "import { Module } from '@nestjs/common';\nimport { ConfigService } from '@nestjs/config';\nimport { JwtModule } from '@nestjs/jwt';\n" +
    "@Module({\n  imports: [\n    JwtModule.registerAsync({\n      inject: [ConfigService],\n      useFactory: (c: ConfigService) => ({ secret: c.get('signingSecret') }),\n    }),\n  ],\n})\nexport class AuthModule {}\n",
  'src/auth/tokens.service.ts':
    "import { ConfigService } from '@nestjs/config';\nimport jwt from 'jsonwebtoken';\nexport class TokensService {\n  constructor(private readonly config: ConfigService) {}\n" +
    "  issue(sub: string) {\n    const secret = this.config.get('signingSecret');\n    return jwt.sign({ sub }, secret, { algorithm: 'HS256' });\n  }\n}\n",
};
const prodRandom =
  "const production = process.env.NODE_ENV === 'production';\n  const signingSecret = production ? randomBytes(64).toString('hex') : 'local';";

describe('a signing key drawn per start in another module', () => {
  it('withdraws the finding for a field of an exported service instance', async () => {
    expect(
      await rotation({ 'src/state.ts': service("randomBytes(48).toString('base64')"), 'src/login.ts': login }),
    ).toEqual([]);
  });

  it('withdraws it for an object member behind a barrel, and for a namespace import', async () => {
    const files = {
      'src/config/auth.ts':
        "import crypto from 'node:crypto';\nexport const auth = { token: { secret: crypto.randomUUID() } };\n",
      'src/config/index.ts': "export * from './auth';\n",
      'src/mint.ts':
        "import { SignJWT } from 'jose';\nimport { auth } from './config';\n" +
        "export const mint = (sub: string) =>\n  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(auth.token.secret));\n",
      'src/ns.ts':
        "import jwt from 'jsonwebtoken';\nimport * as config from './config/auth';\nexport const t = (sub: string) => jwt.sign({ sub }, config.auth.token.secret);\n",
    };
    expect(await rotation(files)).toEqual([]);
  });

  it('withdraws it for a NestJS configuration key a loaded factory draws in production', async () => {
    expect(await rotation({ ...nest, 'src/settings.ts': settings(prodRandom) })).toEqual([]);
  });

  it('keeps a configured secret with a random fallback, and a factory random only outside production', async () => {
    const fallback = "const signingSecret = process.env.SIGNING_SECRET || randomBytes(32).toString('hex');";
    const devRandom =
      "const production = process.env.NODE_ENV === 'production';\n  const signingSecret = production ? process.env.SIGNING_SECRET : randomBytes(32);";
    const reported = ['src/auth/auth.module.ts:8', 'src/auth/tokens.service.ts:7'];
    expect(await rotation({ ...nest, 'src/settings.ts': settings(fallback) })).toEqual(reported);
    expect(await rotation({ ...nest, 'src/settings.ts': settings(devRandom) })).toEqual(reported);
  });

  it('keeps a configuration key that no loaded factory draws', async () => {
    const other = {
      ...nest,
      'src/settings.ts': settings(prodRandom).replace('signingSecret }', 'refreshSecret: signingSecret }'),
    };
    expect(await rotation(other)).toEqual(['src/auth/auth.module.ts:8', 'src/auth/tokens.service.ts:7']);
  });

  it('keeps a field written to a file, one another module writes over, and keys of a program that forks', async () => {
    const persisted = service(
      "randomBytes(48).toString('base64')",
      "  save() {\n    writeFileSync('.signing', this.signing);\n  }\n",
    );
    expect(await rotation({ 'src/state.ts': persisted, 'src/login.ts': login })).toEqual(['src/login.ts:4']);
    const fresh = service("randomBytes(48).toString('base64')");
    const boot = "import { authState } from './state';\nauthState.signing = process.env.SIGNING_KEY!;\n";
    expect(await rotation({ 'src/state.ts': fresh, 'src/login.ts': login, 'src/boot.ts': boot })).toEqual([
      'src/login.ts:4',
    ]);
    const primary =
      "import cluster from 'node:cluster';\nif (cluster.isPrimary) for (let i = 0; i < 4; i++) cluster.fork();\n";
    expect(await rotation({ 'src/state.ts': fresh, 'src/login.ts': login, 'src/primary.ts': primary })).toEqual([
      'src/login.ts:4',
    ]);
  });
});
