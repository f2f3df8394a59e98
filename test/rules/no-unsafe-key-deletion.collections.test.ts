/**
 * no-unsafe-key-deletion (session 25, branch rule9del): a collection holds key bytes when the file itself wipes its
 * elements somewhere — an element read from it (`cache.get(id)?.fill(0)`, `const [p] = pool.splice(i, 1);
 * p.nonce.fill(0)`, `const s = sessions.get(id); s.rootKey.fill(0)`) or walked (`for (const s of shares)
 * s.fill(0)`, `Object.values(entry.data)`), whatever the collection is called — and dropping its elements
 * elsewhere without a wipe drops keys: `delete`, `clear()`, a reassignment to an empty container or to a filtered
 * copy of itself (`pool = pool.filter(…)`), `length = 0`. A `Record<string, Uint8Array>` or an index-signature type
 * of bytes is a collection of key bytes like a `Map`. Near misses: the wipe and the drop in the same loop or
 * function, a constructor's initial value, elements moved out first, a collection nothing wipes, string records.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (collections the file wipes)', rule, {
  valid: [
    {
      // each entry's secret bytes wiped in the loop that removes it
      code: [
        'export class TenantSecrets {',
        '  private byTenant = new Map<string, { secret: Uint8Array; etag: string }>();',
        '  evict(live: Set<string>): void {',
        '    for (const [id, entry] of this.byTenant) {',
        '      if (live.has(id)) continue;',
        '      entry.secret.fill(0);',
        '      this.byTenant.delete(id);',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/tenant-secrets.ts',
    },
    {
      // the element read, wiped, then removed in one function
      code: [
        'const wallets = new Map();',
        'export function lockWallet(id) {',
        '  const w = wallets.get(id);',
        '  if (w) w.privateBytes.fill(0);',
        '  wallets.delete(id);',
        '}',
      ].join('\n'),
      filename: 'src/wallets.js',
    },
    {
      // a job list nothing wipes: filtering it drops no key
      code: [
        'export class Jobs {',
        '  private jobs: { id: string; done: boolean }[] = [];',
        '  sweep(): void {',
        '    this.jobs = this.jobs.filter((j) => !j.done);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/jobs.ts',
    },
    {
      // a constructor sets the initial, empty pool; the pool's elements are wiped when burnt
      code: [
        'export class NonceShares {',
        '  private pending: { id: string; share: Uint8Array }[];',
        '  constructor() {',
        '    this.pending = [];',
        '  }',
        '  burn(i: number): void {',
        '    const [p] = this.pending.splice(i, 1);',
        '    p.share.fill(0);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/nonce-shares.ts',
    },
    {
      // the elements are moved to a local first, then each is wiped
      code: [
        'export class Ring {',
        '  private ring: Buffer[] = [];',
        '  retireAll(): void {',
        '    const old = this.ring;',
        '    this.ring = [];',
        '    for (const k of old) k.fill(0);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/ring.ts',
    },
    {
      // a record of strings: nothing to wipe
      code: [
        'const openedLabels: Record<string, string> = {};',
        'export function forget(id: string): void {',
        '  delete openedLabels[id];',
        '}',
      ].join('\n'),
      filename: 'src/labels.ts',
    },
  ],
  invalid: [
    {
      // an element wiped on rotation says the map holds keys; the purge replaces it without a wipe
      code: [
        'export class DekCache {',
        '  private perTenant = new Map<string, Buffer>();',
        '  rotate(tenant: string, next: Buffer): void {',
        '    this.perTenant.get(tenant)?.fill(0);',
        '    this.perTenant.set(tenant, next);',
        '  }',
        '  purgeAll(): void {',
        '    this.perTenant = new Map();',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/dek-cache.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 31 }],
    },
    {
      // sessions whose root keys logout wipes one by one; kicking a user filters them out without a wipe
      code: [
        'let sessions = [];',
        'export function logout() {',
        '  for (const s of sessions) s.rootKey.fill(0);',
        '  sessions = [];',
        '}',
        'export function kick(user) {',
        '  sessions = sessions.filter((s) => s.user !== user);',
        '}',
      ].join('\n'),
      filename: 'src/sessions.js',
      errors: [{ messageId: 'keyDropped', line: 7, column: 3, endLine: 7, endColumn: 53 }],
    },
    {
      // a queue whose consumer wipes what it takes; reset truncates it and clear() empties the index
      code: [
        'export class OneTimeKeys {',
        '  private queue: Uint8Array[] = [];',
        '  private index = new Map<string, Uint8Array>();',
        '  consume(): void {',
        '    const k = this.queue.shift();',
        '    k?.fill(0);',
        '    for (const v of this.index.values()) v.fill(0);',
        '  }',
        '  reset(): void {',
        '    this.queue.length = 0;',
        '    this.index.clear();',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/one-time-keys.ts',
      errors: [
        { messageId: 'keyDropped', line: 10, column: 5, endLine: 10, endColumn: 26 },
        { messageId: 'keyDropped', line: 11, column: 5, endLine: 11, endColumn: 23 },
      ],
    },
    {
      // records whose byte members are wiped through Object.values on an element read from the map
      code: [
        'export class DecodedSecrets {',
        '  private entries = new Map<string, { data: Record<string, Buffer> }>();',
        '  upsert(k: string, data: Record<string, Buffer>): void {',
        '    const old = this.entries.get(k);',
        '    if (old) for (const b of Object.values(old.data)) b.fill(0);',
        '    this.entries.set(k, { data });',
        '  }',
        '  onDeleted(k: string): void {',
        '    this.entries.delete(k);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/decoded-secrets.ts',
      errors: [{ messageId: 'keyDropped', line: 9, column: 5, endLine: 9, endColumn: 27 }],
    },
    {
      // a Record and an index signature of bytes under key names are key maps like a Map
      code: [
        'const activeKeys: Record<string, Uint8Array> = {};',
        'const pinnedKeys: { [device: string]: Buffer } = {};',
        'export function dropActive(id: string): void {',
        '  delete activeKeys[id];',
        '}',
        'export function unpin(device: string): void {',
        '  delete pinnedKeys[device];',
        '}',
      ].join('\n'),
      filename: 'src/active-keys.ts',
      errors: [
        { messageId: 'keyDropped', line: 4, column: 3, endLine: 4, endColumn: 24 },
        { messageId: 'keyDropped', line: 7, column: 3, endLine: 7, endColumn: 28 },
      ],
    },
  ],
});
