/**
 * no-unsafe-key-deletion: a parameter declared as key bytes (`key: Uint8Array`) carries a key into whatever
 * collection stores it (issue 11, session 24, branch rfp6a): the collection's own name (`history`, `seen`,
 * `queue`) need not say so. Near misses: a string id stored, a public key, elements wiped as they are spliced out.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (declared key parameters, session 24)', rule, {
  valid: [
    {
      // near misses: ids and public keys kept in a history; spliced-out keys wiped
      code: [
        'export class EpochHistory {',
        '  private readonly ids: string[] = [];',
        '  private readonly history: Uint8Array[] = [];',
        '  private readonly peers = new Set<Uint8Array>();',
        '  rememberId(id: string): void {',
        '    this.ids.push(id);',
        '  }',
        '  rememberPeer(publicKey: Uint8Array): void {',
        '    this.peers.add(publicKey);',
        '  }',
        '  remember(key: Uint8Array): void {',
        '    this.history.push(key);',
        '  }',
        '  prune(keep: number): void {',
        '    this.ids.splice(0, Math.max(0, this.ids.length - keep));',
        '    this.peers.clear();',
        '    for (const old of this.history.splice(0, Math.max(0, this.history.length - keep))) old.fill(0);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/epoch-history-ok.ts',
    },
  ],
  invalid: [
    {
      // an MLS-style group keeps past epoch keys in a history and prunes it without wiping
      code: [
        'export class GroupState {',
        '  private readonly history: Uint8Array[] = [];',
        '  remember(key: Uint8Array): void {',
        '    this.history.push(key);',
        '  }',
        '  pruneHistory(keep: number): void {',
        '    this.history.splice(0, Math.max(0, this.history.length - keep));',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/group-state.ts',
      errors: [{ messageId: 'keyDropped', line: 7, column: 5, endLine: 7, endColumn: 68 }],
    },
    {
      // a set of live session keys cleared, a queue of data keys shortened
      code: [
        'const live = new Set<Uint8Array>();',
        'const queue: Buffer[] = [];',
        'export function track(sessionKey: Uint8Array): void {',
        '  live.add(sessionKey);',
        '}',
        'export function enqueue(dek: Buffer): void {',
        '  queue.unshift(dek);',
        '}',
        'export function reset(): void {',
        '  live.clear();',
        '  queue.pop();',
        '}',
      ].join('\n'),
      filename: 'src/live-keys.ts',
      errors: [
        { messageId: 'keyDropped', line: 10, column: 3, endLine: 10, endColumn: 15 },
        { messageId: 'keyDropped', line: 11, column: 3, endLine: 11, endColumn: 14 },
      ],
    },
  ],
});
