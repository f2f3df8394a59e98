/**
 * The audit's Terraform reader judges any resource's algorithm settings (branch ralg6, session 23): a key's size or
 * algorithm written as an attribute (`tls_private_key` `rsa_bits`, `aws_acm_certificate` `key_algorithm`), read the
 * way YAML/JSON settings are. The near misses are the same resources at 2048 bits and above, and unknown values.
 */
import { describe, expect, it } from 'vitest';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';

const weak = (rel: string, text: string) =>
  scanTemplateFile(rel, text)
    .findings.filter((f) => f.ruleId === 'keyhygiene/config-weak-algorithm')
    .map((f) => f.location.line);

describe('Terraform algorithm settings', () => {
  it('reports a 1024-bit tls_private_key and an RSA_1024 ACM certificate at their attributes', () => {
    const text =
      'resource "tls_private_key" "deploy" {\n  algorithm = "RSA"\n  rsa_bits  = 1024\n}\n\n' +
      'resource "aws_acm_certificate" "api" {\n  domain_name   = "api.example.com"\n  key_algorithm = "RSA_1024"\n}\n';
    expect(weak('infra/keys.tf', text)).toEqual([3, 8]);
  });

  it('leaves 4096-bit keys, EC certificates and values it cannot read alone', () => {
    const text =
      'resource "tls_private_key" "deploy" {\n  algorithm = "RSA"\n  rsa_bits  = 4096\n}\n\n' +
      'resource "tls_private_key" "ec" {\n  algorithm   = "ECDSA"\n  ecdsa_curve = "P384"\n}\n\n' +
      'resource "aws_acm_certificate" "api" {\n  domain_name   = "api.example.com"\n  key_algorithm = "EC_prime256v1"\n}\n\n' +
      'resource "tls_private_key" "var" {\n  algorithm = "RSA"\n  rsa_bits  = var.rsa_bits\n}\n';
    expect(weak('infra/keys.tf', text)).toEqual([]);
  });
});
