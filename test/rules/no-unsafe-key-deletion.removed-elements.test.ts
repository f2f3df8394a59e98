/**
 * no-unsafe-key-deletion: an element taken out of a key collection and bound, then only looked at (issue 11, session
 * 28, rec12a). Keyrings that cap how many previous keys they keep, collectors of recovery shares and caches of
 * session keys take an element out with `splice`, `shift` or `pop` and bind it (`const [old] = ring.splice(i, 1)`,
 * `const expired = this.previous.shift()`) to test it, log its id or length or fingerprint it, and then let it go:
 * the bytes are released unwiped exactly as when the result is thrown away (src/rule-kit/key-collections.ts
 * `removedAndDiscarded`). Near misses: the element wiped after it is taken (`old.fill(0)`, `sodium.memzero(old)`,
 * a member's bytes `old.key.fill(0)`), kept elsewhere (`archive.push(old)`, `this.prev = old`), returned, and a
 * collection of strings.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (a removed element bound and let go)', rule, {
  valid: [
    {
      // the removed element wiped, through a method, a wipe function and a member's bytes
      code: [
        "import { randomBytes } from 'node:crypto';",
        "import sodium from 'libsodium-wrappers';",
        'export class Ring {',
        '  private keys: Buffer[] = [];',
        '  private entries: { id: string; key: Buffer }[] = [];',
        '  add() { this.keys.push(randomBytes(32)); this.entries.push({ id: "a", key: randomBytes(32) }); }',
        '  cap(i: number) { const [old] = this.keys.splice(i, 1); old.fill(0); }',
        '  expire() { const old = this.keys.shift(); if (old) sodium.memzero(old); }',
        '  drop(i: number) { const [e] = this.entries.splice(i, 1); e.key.fill(0); }',
        '}',
      ].join('\n'),
      filename: 'src/keys/ring-ok.ts',
    },
    {
      // the removed element kept: pushed to an archive, moved to a field, returned
      code: [
        "import { randomBytes } from 'node:crypto';",
        'export class Rotator {',
        '  private current: Buffer[] = [randomBytes(32)];',
        '  private archive: Buffer[] = [];',
        '  private previous: Buffer | undefined;',
        '  retire() { const old = this.current.shift(); if (old) this.archive.push(old); }',
        '  demote() { const old = this.current.pop(); this.previous = old; }',
        '  take(i: number) { const [k] = this.current.splice(i, 1); return k; }',
        '}',
      ].join('\n'),
      filename: 'src/keys/rotator-ok.ts',
    },
    {
      // not key material: a list of names
      code: [
        'export function firstName(names: string[]) {',
        '  const [first] = names.splice(0, 1);',
        '  console.log(first);',
        '}',
      ].join('\n'),
      filename: 'src/ui/names.ts',
    },
  ],
  invalid: [
    {
      // a keyring capped at three keys: the oldest taken out, its length logged, let go
      code: [
        "import { randomBytes } from 'node:crypto';",
        'export class KeyRing {',
        '  private keys: Buffer[] = [];',
        '  rotate() {',
        '    this.keys.unshift(randomBytes(32));',
        '    if (this.keys.length > 3) {',
        '      const expired = this.keys.pop();',
        "      if (expired) console.log('retired a key of', expired.length, 'bytes');",
        '    }',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/keys/keyring.ts',
      errors: [{ messageId: 'keyDropped', line: 7, column: 23, endLine: 7, endColumn: 38 }],
    },
    {
      // a collector of recovery shares whose shares this file wipes elsewhere: a withdrawn share fingerprinted
      code: [
        "import { sha256 } from '@noble/hashes/sha256';",
        'export class Shares {',
        '  private held: Uint8Array[] = [];',
        '  private seen = new Set<string>();',
        '  add(share: Uint8Array) { this.held.push(share); }',
        '  withdraw(i: number) {',
        '    const [gone] = this.held.splice(i, 1);',
        '    if (gone) this.seen.delete(Buffer.from(sha256(gone)).toString("hex"));',
        '  }',
        '  clear() { for (const s of this.held) s.fill(0); this.held = []; }',
        '}',
      ].join('\n'),
      filename: 'src/recovery/shares.ts',
      errors: [{ messageId: 'keyDropped', line: 7, column: 20, endLine: 7, endColumn: 42 }],
    },
    {
      // session keys in a named collection: the first taken out and only tested
      code: [
        'const sessionKeys: Uint8Array[] = [];',
        'export function evictOldest(): boolean {',
        '  const oldest = sessionKeys.shift();',
        '  return oldest !== undefined;',
        '}',
      ].join('\n'),
      filename: 'src/session/evict.ts',
      errors: [{ messageId: 'keyDropped', line: 3, column: 18, endLine: 3, endColumn: 37 }],
    },
  ],
});
