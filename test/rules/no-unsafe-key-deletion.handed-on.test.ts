/**
 * no-unsafe-key-deletion: a field removed from an object that is then handed on whole (src/rule-kit/moved-values.ts
 * `redactedBeforeHandOff`). `delete rec.privateKey; return rec` shapes what the caller receives (a database record
 * sanitised before a response, a packet about to be serialised without its session key); storing the object after
 * removing the field does the same for a store. The key itself lives on with whoever made it. Near misses stay
 * reported: the object's own state (`this`), an element removed from a key collection, another value returned, the
 * object returned only before the drop, and the object handed on only inside a nested function.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

ruleTester.run('no-unsafe-key-deletion (field removed before the object is handed on)', rule, {
  valid: [
    {
      // a record read from the database, returned without its (encrypted) key unless the caller asked for it
      code: lines(
        "const { unseal } = require('./seal');",
        'module.exports.getCert = async function getCert(db, id, withKey) {',
        '  const record = await db.findOne({ id });',
        '  if (withKey) {',
        '    record.privateKey = await unseal(record.privateKey);',
        '  } else {',
        '    delete record.privateKey;',
        '  }',
        '  return record;',
        '};',
      ),
      filename: 'lib/certs.js',
    },
    {
      // a packet built around a caller's session key, serialised by the caller without it
      code: lines(
        'declare function build(o: { sessionKey: Uint8Array }): { sessionKey?: Uint8Array; seal(k: object): Promise<void> };',
        'export function wrapAll(sessionKey: Uint8Array, recipients: object[]) {',
        '  return Promise.all(',
        '    recipients.map(async (r) => {',
        '      const packet = build({ sessionKey });',
        '      await packet.seal(r);',
        '      delete packet.sessionKey;',
        '      return packet;',
        '    }),',
        '  );',
        '}',
      ),
      filename: 'src/packets.js',
    },
    {
      // an account stored back without the imported key
      code: lines(
        "import { state } from './state';",
        'export function forget(id) {',
        '  const accounts = state.accounts;',
        '  const account = accounts[id];',
        '  if (account.secretKey) delete account.secretKey;',
        '  account.imported = false;',
        '  accounts[id] = account;',
        '}',
      ),
      filename: 'src/forget.js',
    },
    {
      // a session set to undefined, then the session kept in a map
      code: lines(
        'const sessions = new Map<string, { id: string; privateKey?: Uint8Array }>();',
        'export function keep(session: { id: string; privateKey?: Uint8Array }, remote: boolean) {',
        '  if (remote) {',
        '    session.privateKey = undefined;',
        '  }',
        '  sessions.set(session.id, session);',
        '}',
      ),
      filename: 'src/keep.ts',
    },
  ],
  invalid: [
    {
      // near miss: the object's own state, even when the object is returned
      code: lines(
        'export class Vault {',
        '  privateKey?: Uint8Array;',
        '  lock() {',
        '    delete this.privateKey;',
        '    return this;',
        '  }',
        '}',
      ),
      filename: 'src/vault.ts',
      errors: [{ messageId: 'keyDropped', line: 4, column: 5, endLine: 4, endColumn: 27 }],
    },
    {
      // near miss: an element removed from a key collection, the collection returned
      code: lines(
        'const sessionKeys: Record<string, Uint8Array> = {};',
        'export function drop(id: string) {',
        '  delete sessionKeys[id];',
        '  return sessionKeys;',
        '}',
      ),
      filename: 'src/drop.ts',
      errors: [{ messageId: 'keyDropped', line: 3, column: 3, endLine: 3, endColumn: 25 }],
    },
    {
      // near miss: something else is returned
      code: lines(
        'export function close(conn: { id: string; secretKey?: Uint8Array }) {',
        '  delete conn.secretKey;',
        '  return conn.id;',
        '}',
      ),
      filename: 'src/close.ts',
      errors: [{ messageId: 'keyDropped', line: 2, column: 3, endLine: 2, endColumn: 24 }],
    },
    {
      // near miss: the object is returned only before the drop
      code: lines(
        'export function end(conn: { open: boolean; secretKey?: Uint8Array }) {',
        '  if (conn.open) return conn;',
        '  delete conn.secretKey;',
        '  return undefined;',
        '}',
      ),
      filename: 'src/end.ts',
      errors: [{ messageId: 'keyDropped', line: 3, column: 3, endLine: 3, endColumn: 24 }],
    },
    {
      // near miss: handed on only by a nested function, which may never run
      code: lines(
        'export function later(conn: { secretKey?: Uint8Array }) {',
        '  delete conn.secretKey;',
        '  return () => conn;',
        '}',
      ),
      filename: 'src/later.ts',
      errors: [{ messageId: 'keyDropped', line: 2, column: 3, endLine: 2, endColumn: 24 }],
    },
  ],
});
