/**
 * no-weak-randomness (issue 11, session 38, branch use22): a value the code treats as a credential, whatever its
 * writer called it (src/rule-kit/secret-uses.ts). Names a lexicon lacks (`latch`, `chit`, `pass`, `stub`) carry no
 * purpose; the use does: stored beside an expiry, stored under a field requests look records up by, set as an
 * HTTP-only or signed cookie, compared with request input or in constant time, hashed while the plain value is
 * returned. Near misses: request and trace ids in a log table, UI keys, cache busters, jitter, shuffles, a colour
 * cookie, a public slug looked up by the request, a pagination cursor compared with input.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string, file = 'src/services/grants.ts'): [string | undefined, number, number][] {
  return lintWith(rule, code, file).map((m) => [m.messageId, m.line, m.column]);
}

describe('no-weak-randomness (values used as secrets, whatever their name)', () => {
  it('reports a value stored in a record beside its expiry, in a binding or inline', () => {
    const code =
      "import { db } from './db';\n" +
      'export async function openLocker(memberId: string) {\n' +
      '  const latch = Math.random().toString(36).slice(2);\n' +
      '  await db.lockerGrants.insert({ memberId, latch, expiresAt: Date.now() + 600_000 });\n' +
      '  return latch;\n' +
      '}\n' +
      'export function parkingPass(plate: string, cache: Map<string, object>) {\n' +
      '  cache.set(plate, { plate, pass: Date.now().toString(36), ttl: 3600 });\n' +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 3, 17],
      ['weakRandom', 8, 35],
    ]);
  });

  it('reports a value stored under the field that requests look records up by', () => {
    const code =
      "import { prisma } from './prisma';\n" +
      'export async function startClaim(userId: string) {\n' +
      '  const stub = Math.floor(Math.random() * 1e12).toString(16);\n' +
      '  await prisma.claim.create({ data: { userId, stub } });\n' +
      '  return stub;\n' +
      '}\n' +
      'export async function redeem(req: { params: { s: string } }) {\n' +
      '  return prisma.claim.findFirst({ where: { stub: req.params.s } });\n' +
      '}\n';
    expect(lint(code)).toEqual([['weakRandom', 3, 27]]);
  });

  it('reports a value set as an HTTP-only or a signed cookie', () => {
    const code =
      "import type { Request, Response } from 'express';\n" +
      'export function admit(req: Request, res: Response) {\n' +
      '  const chit = Math.random().toString(36).substring(2);\n' +
      "  res.cookie('gate', chit, { httpOnly: true, sameSite: 'lax' });\n" +
      '  res.end();\n' +
      '}\n' +
      'export function koaAdmit(ctx: { cookies: { set(n: string, v: string, o: object): void } }) {\n' +
      '  const wristband = String(Date.now());\n' +
      "  ctx.cookies.set('band', wristband, { signed: true });\n" +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 3, 16],
      ['weakRandom', 8, 28],
    ]);
  });

  it('reports a value compared with request input or in constant time', () => {
    const code =
      "import { timingSafeEqual } from 'node:crypto';\n" +
      'let doorPin = String(Math.floor(Math.random() * 1e6));\n' +
      'export function door(req: { query: { pin?: string } }) {\n' +
      '  return req.query.pin === doorPin;\n' +
      '}\n' +
      'const phrase = Buffer.from(Math.random().toString(36));\n' +
      'export function knock(given: Buffer) {\n' +
      '  return given.length === phrase.length && timingSafeEqual(given, phrase);\n' +
      '}\n' +
      'export function rotate() {\n' +
      '  doorPin = String(Date.now() % 1e6);\n' +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 2, 33],
      ['weakRandom', 6, 28],
      ['weakRandom', 11, 20],
    ]);
  });

  it('reports a value hashed for storage and handed back in plain', () => {
    const code =
      "import { createHash } from 'node:crypto';\n" +
      "import { store } from './store';\n" +
      'export async function handoff(deviceId: string) {\n' +
      '  const raw = Math.random().toString(36).slice(2) + Date.now().toString(36);\n' +
      "  const digest = createHash('sha256').update(raw).digest('hex');\n" +
      '  await store.save({ deviceId, digest });\n' +
      '  return { deviceId, raw };\n' +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 4, 15],
      ['weakRandom', 4, 53],
    ]);
  });

  it('stays quiet on ids, data and bookkeeping beside an expiry, and on public fields looked up by request', () => {
    const code =
      "import { db, prisma } from './db';\n" +
      'export async function logRequest(path: string) {\n' +
      '  const requestId = Math.random().toString(36).slice(2);\n' +
      '  const traceId = Date.now().toString(16);\n' +
      '  await db.requestLog.insert({ requestId, traceId, path, expiresAt: Date.now() + 86_400_000 });\n' +
      '}\n' +
      'export async function retryLater(job: string) {\n' +
      '  await db.queue.insert({ job, delay: Math.random() * 1000, attempt: 1, ttl: 60 });\n' +
      '  await db.samples.insert({ sampled: Math.random() < 0.1, variant: Math.random() > 0.5 ? 1 : 2, ttl: 9 });\n' +
      '}\n' +
      'export function turnReply(user: string) {\n' +
      '  const expiry = Math.floor(Date.now() / 1000) + 3600;\n' +
      '  return { username: `${expiry}:${user}`, credential: `${expiry}`, ttl: 3600 };\n' +
      '}\n' +
      'export function certFields(signer: { sign(o: object): void }) {\n' +
      '  signer.sign({ serial: Date.now().toString(16), kid: `k${Date.now()}`, notAfter: Date.now() + 1e9 });\n' +
      '}\n' +
      'export async function publish(title: string) {\n' +
      '  const slug = Math.random().toString(36).slice(2, 8);\n' +
      '  await prisma.page.create({ data: { title, slug } });\n' +
      '  return slug;\n' +
      '}\n' +
      'export async function show(req: { params: { slug: string } }) {\n' +
      '  return prisma.page.findFirst({ where: { slug: req.params.slug } });\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });

  it('stays quiet on a colour cookie, a cache buster, jitter, a shuffle, a UI key and a pagination cursor', () => {
    const code =
      "import type { Request, Response } from 'express';\n" +
      'export function paint(req: Request, res: Response) {\n' +
      "  const accent = '#' + Math.floor(Math.random() * 0xffffff).toString(16);\n" +
      "  res.cookie('accent', accent, { maxAge: 86_400_000 });\n" +
      "  const src = '/app.js?v=' + Math.random();\n" +
      '  setTimeout(() => res.end(src), 100 + Math.random() * 50);\n' +
      '  const deck = [1, 2, 3].sort(() => Math.random() - 0.5);\n' +
      '  const items = deck.map((n) => ({ key: Math.random(), n }));\n' +
      '  let cursor = String(Math.floor(Math.random() * 100));\n' +
      '  if (cursor === req.query.cursor) cursor = String(items.length);\n' +
      '  return cursor;\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });
});
