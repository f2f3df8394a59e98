/**
 * The audit's Terraform deletion checks added in session 25 (branch rule9del): an Azure Key Vault whose soft-delete
 * retention is under two weeks (the recovery window of every key and secret deleted from it), and a bucket named for
 * the keys it keeps that `terraform destroy` may empty (`force_destroy = true`). The catalogue samples prove
 * themselves; literal files check positions, messages and near misses.
 */
import { describe, expect, it } from 'vitest';
import { templateKeyBuckets } from '../../src/catalogue/deletion.js';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';

const brief = (text: string): string[] =>
  scanTemplateFile('infra/main.tf', text).findings.map(
    (f) => `${f.location.line}:${f.location.column} ${f.ruleId.replace('keyhygiene/', '')}`,
  );
const messages = (text: string): string[] => scanTemplateFile('infra/main.tf', text).findings.map((f) => f.message);

describe('catalogue: templateKeyBuckets samples', () => {
  for (const b of templateKeyBuckets) {
    describe(b.type, () => {
      it.each(b.samples.positive)('positive %# is reported', (s) => expect(brief(s).length).toBe(1));
      it.each(b.samples.negative)('negative %# is not reported', (s) => expect(brief(s)).toEqual([]));
    });
  }
});

describe('Terraform Key Vault soft-delete retention', () => {
  it('reports a retention under 14 days at the attribute, with purge protection on or off', () => {
    const tf = [
      'resource "azurerm_key_vault" "signing" {', // 1
      '  name                       = "signing-kv"', // 2
      '  sku_name                   = "premium"', // 3
      '  soft_delete_retention_days = 7', // 4
      '  purge_protection_enabled   = false', // 5
      '}', // 6
      'resource "azurerm_key_vault" "app" {', // 7
      '  soft_delete_retention_days = 10', // 8
      '  purge_protection_enabled   = true', // 9
      '}', // 10
      '',
    ].join('\n');
    expect(brief(tf)).toEqual(['4:3 template-unsafe-deletion', '8:3 template-unsafe-deletion']);
    expect(messages(tf)[0]).toBe(
      'Key Vault azurerm_key_vault.signing can be recovered for only 7 days after deletion is requested: set ' +
        'soft_delete_retention_days = 30 (90 days is the service default), or remove it.',
    );
  });

  it('does not report the default, two weeks or more, or a retention from a variable', () => {
    const tf = [
      'resource "azurerm_key_vault" "a" {\n  name = "a"\n}',
      'resource "azurerm_key_vault" "b" {\n  soft_delete_retention_days = 14\n}',
      'resource "azurerm_key_vault" "c" {\n  soft_delete_retention_days = var.kv_retention\n}',
      'data "azurerm_key_vault" "d" {\n  soft_delete_retention_days = 7\n}',
      'resource "azurerm_key_vault_secret" "e" {\n  name = "e"\n  key_vault_id = azurerm_key_vault.a.id\n}',
      '',
    ].join('\n');
    expect(brief(tf)).toEqual([]);
  });
});

describe('Terraform buckets that keep keys, force-destroyed', () => {
  it('reports force_destroy = true when the label or the bucket name says keys or secrets', () => {
    const tf = [
      'resource "aws_s3_bucket" "escrow" {', // 1
      '  bucket        = "payments-key-escrow"', // 2
      '  force_destroy = true', // 3
      '}', // 4
      'resource "aws_s3_bucket" "tenant_secrets" {', // 5
      '  bucket_prefix = "tenants-"', // 6
      '  force_destroy = true', // 7
      '}', // 8
      'resource "google_storage_bucket" "kek_archive" { force_destroy = true }', // 9
      '',
    ].join('\n');
    expect(brief(tf)).toEqual([
      '3:3 template-unsafe-deletion',
      '7:3 template-unsafe-deletion',
      '9:50 template-unsafe-deletion',
    ]);
    expect(messages(tf)[0]).toBe(
      "Bucket aws_s3_bucket.escrow ('payments-key-escrow') keeps keys and sets force_destroy = true: terraform " +
        'destroy deletes every key object in it with no recovery. Remove force_destroy and add lifecycle { ' +
        'prevent_destroy = true }.',
    );
  });

  it('does not report other buckets, public key buckets, force_destroy off or unknown', () => {
    const tf = [
      'resource "aws_s3_bucket" "assets" {\n  bucket = "site-assets"\n  force_destroy = true\n}',
      'resource "aws_s3_bucket" "jwks" {\n  bucket = "public-keys"\n  force_destroy = true\n}',
      'resource "aws_s3_bucket" "key_backups" {\n  bucket = "key-backups"\n  force_destroy = false\n}',
      'resource "aws_s3_bucket" "secrets" {\n  force_destroy = var.ephemeral\n}',
      'resource "aws_s3_bucket_versioning" "keys" {\n  bucket = aws_s3_bucket.keys.id\n}',
      '',
    ].join('\n');
    expect(brief(tf)).toEqual([]);
  });
});
