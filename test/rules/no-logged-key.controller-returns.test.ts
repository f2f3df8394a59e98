/**
 * no-logged-key (issue 11, session 30, branch lk14): what a NestJS controller's route method returns is the response
 * body, so the server's own secrets there (the environment, a secret from it, a plaintext KMS data key, even encoded)
 * reach the caller as they do through `res.json(…)`. Near misses: a method without a route decorator, a class that
 * is no controller, a route that takes the platform response (`@Res()`) and sends its own body, a token the endpoint
 * issues to its caller, and a returned value that is no secret.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string): number[] =>
  lintWith(rule, code, 'src/admin/admin.controller.ts')
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => m.line);

const header = [
  "import { Controller, Get, Post, Res, Body, Injectable } from '@nestjs/common';",
  "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';",
  'const kms = new KMSClient({});',
];

describe('a NestJS controller route returning a server secret', () => {
  it('sends it to the caller', () => {
    const code = [
      ...header,
      "@Controller('admin')",
      'export class AdminController {',
      "  @Get('debug/env')",
      '  env() {',
      '    return { pid: process.pid, env: process.env };',
      '  }',
      "  @Get('debug/secret')",
      '  secret() {',
      '    return { secret: process.env.JWT_SECRET };',
      '  }',
      "  @Post('keys')",
      '  async key() {',
      "    const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'k', KeySpec: 'AES_256' }));",
      '    const dataKey = Buffer.from(Plaintext as Uint8Array);',
      "    return { key: dataKey.toString('base64') };",
      '  }',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([8, 12, 18]);
  });

  it('is quiet where the return is not the response or holds no server secret', () => {
    const code = [
      ...header,
      'declare function sign(sub: string): string;',
      '@Injectable()',
      'export class DebugService {',
      "  @Get('env')",
      '  env() {',
      '    return { env: process.env };',
      '  }',
      '}',
      "@Controller('admin')",
      'export class AdminController {',
      '  helper() {',
      '    return { env: process.env };',
      '  }',
      "  @Get('raw')",
      '  raw(@Res() res: { json(x: unknown): void }) {',
      '    res.json({ ok: true });',
      '    return { env: process.env };',
      '  }',
      "  @Post('token')",
      '  token(@Body() body: { userId: string }) {',
      '    const accessToken = sign(body.userId);',
      '    return { accessToken, expiresIn: 600 };',
      '  }',
      "  @Get('health')",
      '  health() {',
      '    return { ok: true, region: process.env.AWS_REGION, keyId: process.env.KMS_KEY_ID };',
      '  }',
      "  @Get('nested')",
      '  nested() {',
      '    const build = () => ({ env: process.env });',
      '    return { ok: typeof build === "function" };',
      '  }',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });
});

/** ESLint's default parser (espree) leaves `decorators` off class and method nodes: a plain .js class method's return. */
describe('a class method of a plain .js file under the default parser', () => {
  const lintJs = (code: string): { line: number; messageId: string | undefined }[] => {
    const linter = new Linter({ configType: 'flat' });
    return linter
      .verify(
        code,
        [{ files: ['**/*.js'], plugins: { k: { rules: { r: rule as never } } }, rules: { 'k/r': 'error' } }],
        { filename: 'src/server.js' },
      )
      .map((m) => ({ line: m.line, messageId: m.fatal ? `fatal: ${m.message}` : m.messageId }));
  };
  it('lints without a crash and still reports a logged secret in the same class', () => {
    const code = [
      'class Config {',
      '  secret() {',
      '    console.log(process.env.JWT_SECRET);',
      '    return process.env.JWT_SECRET;',
      '  }',
      '  port() {',
      '    return 8080;',
      '  }',
      '}',
      'module.exports = { Config };',
    ].join('\n');
    const messages = lintJs(code);
    expect(messages.filter((m) => m.messageId?.startsWith('fatal') === true)).toEqual([]);
    expect(messages.map((m) => m.line)).toEqual([3]);
  });
});
