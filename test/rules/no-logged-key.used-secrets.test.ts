/**
 * no-logged-key (issue 11, session 38, branch use22): a value the file keeps or hands out as a credential, whatever its
 * name, is a secret when logged (src/rule-kit/secret-uses.ts): set as an HTTP-only or signed cookie, stored in a
 * record beside its expiry, stored under a field requests look records up by, hashed for storage and returned in
 * plain. Near misses: a colour cookie, a request id and a payload beside an expiry, a public slug looked up by the
 * request, and a mode only compared with request input.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string, file = 'src/routes/entry.ts'): [string | undefined, number, number][] {
  return lintWith(rule, code, file)
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => [m.messageId, m.line, m.column]);
}

describe('no-logged-key (values kept or handed out as credentials)', () => {
  it('reports a cookie credential, a stored grant and a hashed-and-returned value when logged', () => {
    const code =
      "import { randomBytes, createHash } from 'node:crypto';\n" +
      "import type { Request, Response } from 'express';\n" +
      "import { db } from './db';\n" +
      'export function admit(req: Request, res: Response) {\n' +
      "  const wristband = randomBytes(18).toString('base64url');\n" +
      "  res.cookie('band', wristband, { httpOnly: true });\n" +
      "  console.log('admitted with', wristband);\n" +
      '}\n' +
      'export async function lend(memberId: string) {\n' +
      "  const latch = randomBytes(12).toString('hex');\n" +
      '  await db.grants.insert({ memberId, latch, expiresAt: Date.now() + 60_000 });\n' +
      '  console.info(`grant for ${memberId}: ${latch}`);\n' +
      '}\n' +
      'export async function handoff(deviceId: string) {\n' +
      "  const raw = randomBytes(24).toString('hex');\n" +
      "  await db.devices.update(deviceId, { digest: createHash('sha256').update(raw).digest('hex') });\n" +
      "  console.debug('handoff ' + raw);\n" +
      '  return raw;\n' +
      '}\n';
    expect(lint(code)).toEqual([
      ['loggedKey', 7, 32],
      ['loggedKey', 12, 42],
      ['loggedKey', 17, 30],
    ]);
  });

  it('reports a value stored under a field the requests look records up by', () => {
    const code =
      "import { randomUUID } from 'node:crypto';\n" +
      "import { prisma } from './prisma';\n" +
      'export async function startClaim(userId: string) {\n' +
      '  const stub = randomUUID();\n' +
      '  await prisma.claim.create({ data: { userId, stub } });\n' +
      "  console.log('claim stub', stub);\n" +
      '}\n' +
      'export async function redeem(req: { body: { stub: string } }) {\n' +
      '  const { stub } = req.body;\n' +
      '  return prisma.claim.findUnique({ where: { stub } });\n' +
      '}\n';
    expect(lint(code)).toEqual([['loggedKey', 6, 29]]);
  });

  it('stays quiet on a colour cookie, ids and data beside an expiry, a public slug and a compared mode', () => {
    const code =
      "import { randomUUID } from 'node:crypto';\n" +
      "import type { Request, Response } from 'express';\n" +
      "import { db, prisma } from './db';\n" +
      'export async function paint(req: Request, res: Response) {\n' +
      "  const accent = '#a0b0c0';\n" +
      "  res.cookie('accent', accent, { maxAge: 1000 });\n" +
      '  const requestId = randomUUID();\n' +
      '  const payload = JSON.stringify(req.query);\n' +
      '  await db.audit.insert({ requestId, payload, expiresAt: Date.now() + 1000 });\n' +
      '  const slug = randomUUID().slice(0, 8);\n' +
      '  await prisma.page.create({ data: { slug } });\n' +
      "  const mode = 'dark';\n" +
      "  if (mode === req.query.mode) res.end('same');\n" +
      '  console.log(accent, requestId, payload, slug, mode);\n' +
      '}\n' +
      'export async function show(req: Request) {\n' +
      '  return prisma.page.findFirst({ where: { slug: req.params.slug } });\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });
});
