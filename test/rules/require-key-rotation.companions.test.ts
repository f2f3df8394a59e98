/**
 * require-key-rotation (session 25, branch rule9del):
 * - a companion covers the key it names: a KeyId read from a CreateKey result through `const` bindings
 *   (`const newKeyId = KeyMetadata!.KeyId!`) ties `EnableKeyRotationCommand` to that key only, and a key name held in
 *   a binding (`updateKeyRotationPolicy(name, …)` on the `name` a create call used) ties the policy to that key only;
 *   a companion in a helper whose name comes from elsewhere still covers every key of the module;
 * - a Vault transit key made through the HTTP API (node-vault `write('transit/keys/<name>', …)`) rotates only with
 *   `auto_rotate_period`, and `0` turns rotation off. Other paths of the client are not key creations.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (companions by key, Vault transit keys)', rule, {
  valid: [
    {
      // the rotation call reads the new key's id through a const: that key rotates
      code: [
        "import { KMSClient, CreateKeyCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';",
        'const kms = new KMSClient({});',
        'export async function newTenantKey(): Promise<string> {',
        "  const created = await kms.send(new CreateKeyCommand({ Description: 'tenant' }));",
        '  const keyId = created.KeyMetadata!.KeyId!;',
        '  await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));',
        '  return keyId;',
        '}',
      ].join('\n'),
      filename: 'src/tenant-keys.ts',
    },
    {
      // a helper turns the policy on for whatever key it is given: it may cover any key of the module
      code: [
        "import { KeyClient } from '@azure/keyvault-keys';",
        'const client = new KeyClient(url, cred);',
        'async function withRotation(keyName: string) {',
        "  await client.updateKeyRotationPolicy(keyName, { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }] });",
        '}',
        'export async function create(label: string) {',
        '  await client.createRsaKey(label, { keySize: 3072 });',
        '  await withRotation(label);',
        '}',
      ].join('\n'),
      filename: 'src/azure-keys.ts',
    },
    {
      // transit keys with a rotation period; other transit paths are not key creations
      code: [
        "import vault from 'node-vault';",
        "const v = vault({ endpoint: 'https://vault:8200' });",
        "await v.write('transit/keys/payments', { type: 'aes256-gcm96', auto_rotate_period: '2160h' });",
        "await v.write('/v1/transit/keys/audit', { type: 'ed25519', auto_rotate_period: 86400 * 30 });",
        "await v.write('transit/encrypt/payments', { plaintext: b64 });",
        "await v.write('transit/keys/payments/config', { min_decryption_version: 2 });",
        "await v.write('secret/data/app', { data: { region: 'eu' } });",
      ].join('\n'),
      filename: 'src/transit.ts',
    },
  ],
  invalid: [
    {
      // the module rotates the key it made in rotate(), not the sandbox key made later
      code: [
        "import { KMSClient, CreateKeyCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';",
        'const kms = new KMSClient({});',
        'export async function rotate(): Promise<string> {',
        "  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'primary' }));",
        '  const next = KeyMetadata!.KeyId!;',
        '  const id = next;',
        '  await kms.send(new EnableKeyRotationCommand({ KeyId: id }));',
        '  return id;',
        '}',
        'export async function sandbox(): Promise<void> {',
        "  await kms.send(new CreateKeyCommand({ Description: 'sandbox' }));",
        '}',
      ].join('\n'),
      filename: 'tools/kms-keys.ts',
      errors: [{ messageId: 'createKeyNoRotation', line: 11, column: 18, endLine: 11, endColumn: 66 }],
    },
    {
      // each function names its own key by its parameter; only the first gives it a rotation policy
      code: [
        "import { KeyClient } from '@azure/keyvault-keys';",
        'const keys = new KeyClient(url, cred);',
        "export async function wrapKey(name = 'wrap-v2') {",
        '  await keys.createRsaKey(name, { keySize: 3072 });',
        "  await keys.updateKeyRotationPolicy(name, { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P180D' }] });",
        '}',
        "export async function exportKey(name = 'export') {",
        '  await keys.createEcKey(name, { curve: "P-384" });',
        '}',
      ].join('\n'),
      filename: 'tools/azure-keys.ts',
      errors: [{ messageId: 'createKeyNoRotation', line: 8, column: 9, endLine: 8, endColumn: 51 }],
    },
    {
      // a transit key with no period, one with rotation turned off, one built from a variable path
      code: [
        "const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR });",
        'async function setup(tenant) {',
        "  await vault.write('transit/keys/backups', { type: 'aes256-gcm96', exportable: false });",
        "  await vault.write(`transit/keys/${tenant}`, { type: 'chacha20-poly1305', auto_rotate_period: '0' });",
        "  await vault.write('transit/keys/' + tenant + '-sign', { type: 'ed25519' });",
        '}',
        'module.exports = { setup };',
      ].join('\n'),
      filename: 'lib/transit.js',
      errors: [
        {
          messageId: 'periodMissing',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output: [
                "const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR });",
                'async function setup(tenant) {',
                "  await vault.write('transit/keys/backups', { type: 'aes256-gcm96', exportable: false, " +
                  "auto_rotate_period: '2160h' });",
                "  await vault.write(`transit/keys/${tenant}`, { type: 'chacha20-poly1305', auto_rotate_period: '0' });",
                "  await vault.write('transit/keys/' + tenant + '-sign', { type: 'ed25519' });",
                '}',
                'module.exports = { setup };',
              ].join('\n'),
            },
          ],
        },
        { messageId: 'periodOutOfRange', line: 4, column: 96, endLine: 4, endColumn: 99 },
        {
          messageId: 'periodMissing',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output: [
                "const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR });",
                'async function setup(tenant) {',
                "  await vault.write('transit/keys/backups', { type: 'aes256-gcm96', exportable: false });",
                "  await vault.write(`transit/keys/${tenant}`, { type: 'chacha20-poly1305', auto_rotate_period: '0' });",
                "  await vault.write('transit/keys/' + tenant + '-sign', { type: 'ed25519', auto_rotate_period: " +
                  "'2160h' });",
                '}',
                'module.exports = { setup };',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
