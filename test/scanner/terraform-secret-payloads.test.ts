/**
 * The text pass on Terraform secret stores (session 25, branch rule9del): the value a secret store keeps, written as
 * a literal (`value` of a Key Vault secret, `secret_string = jsonencode({ … })` of a Secrets Manager version, the
 * `data` map of a Kubernetes secret), is a committed secret whatever its key is called; inside the payload a member
 * counts when its key names a secret (`client_id` does not). The catalogue samples prove themselves. Every secret
 * value here is made at run time.
 */
import { describe, expect, it } from 'vitest';
import { templateSecretPayloads } from '../../src/catalogue/iac.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (text: string): number[] => scanTextFile('infra/secrets.tf', text).findings.map((f) => f.location.line);
const fake = (seed: string): string => `${seed}${'Q7m'.repeat(5)}${seed.toUpperCase()}9x4`;

describe('catalogue: templateSecretPayloads samples', () => {
  for (const p of templateSecretPayloads) {
    describe(p.type, () => {
      it.each(p.samples.positive)('positive %# is reported', (s) => expect(lines(s).length).toBeGreaterThan(0));
      it.each(p.samples.negative)('negative %# is not reported', (s) => expect(lines(s)).toEqual([]));
    });
  }
});

describe('Terraform secret payloads', () => {
  it('reports a payload literal under the resource name, and secret-named members of an object payload', () => {
    const tf = [
      'resource "azurerm_key_vault_secret" "webhook_signing" {', // 1
      '  name         = "webhook-signing"', // 2
      '  key_vault_id = azurerm_key_vault.kv.id', // 3
      `  value        = "${fake('hook')}"`, // 4
      '}', // 5
      'resource "aws_secretsmanager_secret_version" "partner" {', // 6
      '  secret_id = aws_secretsmanager_secret.partner.id', // 7
      '  secret_string = jsonencode({', // 8
      '    client_id  = "partner-4471"', // 9
      `    api_secret = "${fake('part')}"`, // 10
      '    endpoint   = "https://partner.example.test/v2"', // 11
      '  })', // 12
      '}', // 13
      `resource "google_secret_manager_secret_version" "v" { secret_data = "${fake('gsm')}" }`, // 14
      '',
    ].join('\n');
    expect(lines(tf)).toEqual([4, 10, 14]);
  });

  it('stays silent on references, generated values and attributes outside a payload', () => {
    const tf = [
      'resource "aws_secretsmanager_secret_version" "db" {',
      '  secret_id     = aws_secretsmanager_secret.db.id',
      '  secret_string = jsonencode({ username = "app", password = random_password.db.result })',
      '}',
      'resource "azurerm_key_vault_secret" "conn" {',
      '  name  = "conn"',
      '  value = azurerm_storage_account.sa.primary_connection_string',
      '}',
      'resource "aws_s3_bucket" "b" {',
      '  bucket = "release-artifacts-2024-eu-west-1"',
      '}',
      '',
    ].join('\n');
    expect(lines(tf)).toEqual([]);
  });
});
