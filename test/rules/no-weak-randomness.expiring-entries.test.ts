/**
 * no-weak-randomness (issue 11, session 41, branch randuse25): a weak value judged by its consumer, a key-value entry
 * that expires (src/rule-kit/secret-uses.ts `expiring`). Whatever the value is called, writing it as the value of an
 * entry set with an expiry (ioredis `'EX'`, `setex`, node-redis `{ EX }`) or into the key of one (Workers KV
 * `put(\`share:${id}\`, …, { expirationTtl })`) makes it a grant that stops working after a while. Near misses: a
 * lock (`NX`), a rate-limit window, a cached value, a clock reading, an entry without an expiry.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string, file = 'src/services/entries.ts'): [string | undefined, number][] {
  return lintWith(rule, code, file).map((m) => [m.messageId, m.line]);
}

describe('no-weak-randomness (values kept in an expiring store entry)', () => {
  it('reports a value written with an ioredis EX flag, and one written by setex', () => {
    const code =
      "import Redis from 'ioredis';\n" +
      'const redis = new Redis();\n' +
      'export async function breakGlass() {\n' +
      "  const hatch = `bg-${new Date().toISOString().replace(/\\D/g, '')}`;\n" +
      "  await redis.set('admin:hatch', hatch, 'EX', 86_400);\n" +
      '  return hatch;\n' +
      '}\n' +
      'export async function parcelPickup(locker: string) {\n' +
      '  const latchword = Math.random().toString(36).slice(2, 8);\n' +
      '  await redis.setex(`pickup:${locker}`, 900, latchword);\n' +
      '  return latchword;\n' +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 4],
      ['weakRandom', 9],
    ]);
  });

  it('reports an id that keys an entry with an expiry option (Workers KV, node-redis)', () => {
    const code =
      'interface Env { REPLAYS: { put(k: string, v: string, o: object): Promise<void> } }\n' +
      'export async function replayLink(env: Env, objectKey: string) {\n' +
      '  const shareId = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);\n' +
      '  await env.REPLAYS.put(`share:${shareId}`, objectKey, { expirationTtl: 600 });\n' +
      '  return `/replays/s/${shareId}`;\n' +
      '}\n' +
      "import { createClient } from 'redis';\n" +
      'const client = createClient();\n' +
      'export async function deviceHandoff(deviceName: string) {\n' +
      '  const handoff = Date.now().toString(36) + process.pid;\n' +
      '  await client.set(`handoff:${deviceName}`, handoff, { EX: 120 });\n' +
      '  return handoff;\n' +
      '}\n';
    // One report per weak source: two `Math.random()` calls, a clock and a process id.
    expect(lint(code)).toEqual([
      ['weakRandom', 3],
      ['weakRandom', 3],
      ['weakRandom', 10],
      ['weakRandom', 10],
    ]);
  });

  it('stays quiet on locks, rate-limit windows, caches, clock readings and entries that never expire', () => {
    const code =
      "import Redis from 'ioredis';\n" +
      'const redis = new Redis();\n' +
      'export async function withLock(job: string) {\n' +
      '  const owner = Math.random().toString(36).slice(2);\n' +
      "  return redis.set(`grant:${job}`, owner, 'NX', 'PX', 30_000);\n" +
      '}\n' +
      'export async function hit(ip: string) {\n' +
      '  const slot = Math.floor(Date.now() / 60_000);\n' +
      "  await redis.set(`rl:${ip}:${slot}`, '1', 'EX', 60);\n" +
      '}\n' +
      'export async function remember(url: string) {\n' +
      '  const jitter = Math.random() * 30;\n' +
      "  await redis.set(`cache:${url}`, String(jitter), 'EX', 60 + jitter);\n" +
      '}\n' +
      'export async function touch(userId: string) {\n' +
      '  const stamp = Date.now();\n' +
      "  await redis.set(`last:${userId}`, stamp, 'EX', 3600);\n" +
      '}\n' +
      'export async function label(userId: string) {\n' +
      '  const shade = Math.random().toString(16).slice(2, 8);\n' +
      '  await redis.set(`shade:${userId}`, shade);\n' +
      '  return shade;\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });
});
