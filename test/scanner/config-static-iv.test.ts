/**
 * Session 34 (branch ivalg18, issue 11): fixed IVs held in configuration (`keyhygiene/config-static-iv`), and two
 * readings of configuration the weak-algorithm check lacked: a Kubernetes env entry's `value` read under its `name`,
 * and a bare key size beside an `algorithm: RSA` selector (a cert-manager key spec). Near misses: placeholders, words,
 * sizes, bare nonces, test-vector records, sizes beside an EC selector.
 */
import { describe, expect, it } from 'vitest';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';

const brief = (rel: string, text: string) =>
  scanTemplateFile(rel, text).findings.map(
    (f) => `${f.location.line}:${f.location.column} ${f.ruleId.replace('keyhygiene/', '')}`,
  );

describe('config: fixed IVs', () => {
  it('reports an IV setting holding hex or base64 bytes in a .env file', () => {
    const env = [
      'LOG_LEVEL=debug', // 1
      'LEDGER_FIELD_IV=8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f', // 2
      'export SESSION_GCM_NONCE="00112233445566778899aabb"', // 3
      'STORE_IV_B64=AAECAwQFBgcICQoLDA0ODw==', // 4
      'ROTATING_IV=random', // 5
      'IV_LENGTH=16', // 6
      'OAUTH_NONCE=00112233445566778899aabb', // 7
      'BACKUP_IV=${BACKUP_IV}', // 8
      '',
    ].join('\n');
    expect(brief('.env', env)).toEqual(['2:17 config-static-iv', '3:27 config-static-iv', '4:14 config-static-iv']);
  });

  it('reports YAML and JSON IV settings, and a Kubernetes env entry by its name', () => {
    const y = [
      'profiles:', // 1
      '  scooter:', // 2
      '    cipher: aes-128-ctr', // 3
      '    telemetryIv: "0x0102030405060708"', // 4
      '  bike:', // 5
      '    telemetryIv: per-message', // 6
      'env:', // 7
      '  - name: ARCHIVE_IV', // 8
      '    value: "ffffffffffffffffffffffffffffffff"', // 9
      '  - name: ARCHIVE_IV_BYTES', // 10
      '    value: "16"', // 11
      '',
    ].join('\n');
    expect(brief('deploy/values.yaml', y)).toEqual(['4:19 config-static-iv', '9:13 config-static-iv']);
    const j =
      '{\n  "crypto": {\n    "algorithm": "aes-256-cbc",\n    "iv": "3f3e3d3c3b3a39383736353433323130"\n  }\n}\n';
    expect(brief('config/default.json', j)).toEqual(['4:12 config-static-iv']);
  });

  it('leaves test-vector records and test paths alone', () => {
    const vectors = [
      '{', // 1
      '  "vectors": [', // 2
      '    { "key": "000102030405060708090a0b0c0d0e0f", "iv": "000102030405060708090a0b", "ct": "5a", "tag": "aa" }',
      '  ]', // 4
      '}', // 5
      '',
    ].join('\n');
    expect(brief('src/vectors/aes-gcm.json', vectors)).toEqual([]);
    expect(brief('test/fixtures/.env', 'FIELD_IV=8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f\n')).toEqual([]);
  });
});

describe('config: an IV stored beside its own ciphertext (session 35)', () => {
  it('leaves a keystore record and envelope objects alone, in JSON and YAML', () => {
    const keystore = [
      '{', // 1
      '  "version": 3,', // 2
      '  "crypto": {', // 3
      '    "cipher": "aes-128-ctr",', // 4
      '    "cipherparams": { "iv": "41e2c0a85b7d96f3e1c0b9a8d7e6f504" },', // 5
      '    "ciphertext": "5c1d0e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f"', // 6
      '  }', // 7
      '}', // 8
      '',
    ].join('\n');
    expect(brief('backups/keystore.json', keystore)).toEqual([]);
    const envelope = '{ "iv": "m3Q8rT1vX5zB7dF9", "data": "Yk9wQ2xhc3NpZmllZDEyMzQ1Njc4OTA=" }\n';
    expect(brief('store/profile.enc.json', envelope)).toEqual([]);
    const y = [
      'sealedSettings:', // 1
      '  nonce_hex: "a1b2c3d4e5f60718293a4b5c"', // 2
      '  aesGcmNonce: "a1b2c3d4e5f60718293a4b5c"', // 3
      '  encrypted: "7f3e9a0c4d5b6e1f2a8c9d0e3b4f5a6c7d8e9f0a"', // 4
      '',
    ].join('\n');
    expect(brief('secrets/app.sealed.yaml', y)).toEqual([]);
  });

  it('still reports an IV in a settings block that holds no ciphertext', () => {
    const j = [
      '{', // 1
      '  "encryption": {', // 2
      '    "key_file": "/etc/app/field.key",', // 3
      '    "iv": "00112233445566778899aabbccddeeff",', // 4
      '    "data": "customer-records",', // 5
      '    "encrypted": true', // 6
      '  },', // 7
      '  "export": { "cipherparams": { "iv": "ffeeddccbbaa99887766554433221100" }, "cipher": "aes-128-cbc" }', // 8
      '}', // 9
      '',
    ].join('\n');
    expect(brief('config/production.json', j)).toEqual(['4:12 config-static-iv', '8:40 config-static-iv']);
    const y = ['crypto:', '  data_dir: /var/lib/vault', '  frameIv: "0f0e0d0c0b0a09080706050403020100"', ''].join('\n');
    expect(brief('config/app.yaml', y)).toEqual(['3:13 config-static-iv']);
  });
});

describe('config: weak choices read through a sibling', () => {
  it('reads a Kubernetes env value under its name', () => {
    const y = [
      'containers:', // 1
      '  - name: api', // 2
      '    env:', // 3
      '      - name: FIELD_CIPHER', // 4
      '        value: des-ede3-cbc', // 5
      '      - name: FIELD_CIPHER_FALLBACK', // 6
      '        value: aes-256-gcm', // 7
      '      - name: GREETING', // 8
      '        value: rc4', // 9
      '',
    ].join('\n');
    expect(brief('k8s/deploy.yaml', y)).toEqual(['5:16 config-weak-algorithm']);
  });

  it('reads a bare size beside an RSA selector as a modulus, not beside an EC one', () => {
    const y = [
      'spec:', // 1
      '  privateKey:', // 2
      '    algorithm: RSA', // 3
      '    size: 1024', // 4
      '---', // 5
      'spec:', // 6
      '  privateKey:', // 7
      '    algorithm: ECDSA', // 8
      '    size: 256', // 9
      '---', // 10
      'spec:', // 11
      '  privateKey:', // 12
      '    algorithm: RSA', // 13
      '    size: 3072', // 14
      '',
    ].join('\n');
    expect(brief('k8s/certificate.yaml', y)).toEqual(['4:11 config-weak-algorithm']);
    expect(brief('certs.json', '{ "key": { "algorithm": "RSA", "size": 1024 } }\n')).toEqual([
      '1:40 config-weak-algorithm',
    ]);
  });
});
