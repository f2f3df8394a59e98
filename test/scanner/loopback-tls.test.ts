/**
 * The private key of a local HTTPS set-up (docs/audit.md, "Local and CI credentials"): withheld as a test fixture
 * when a certificate beside it (same directory, or the same PEM file) carries the same public key and names only
 * loopback hosts: its subject alternative names when it has any, else its common name. Keys and certificates are
 * made at run time (test/helpers/x509.ts). Near misses stay reported: a certificate that also names a real host, a
 * loopback common name overridden by a real alternative name, a loopback certificate of ANOTHER key, a key alone, a
 * loopback pair in a file that holds other text too.
 */
import { X509Certificate } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/report/types.js';
import { auditTree } from '../helpers/tree.js';
import { freshPair, selfSignedCert } from '../helpers/x509.js';

describe('keys of loopback-only TLS certificates', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  beforeAll(async () => {
    const [a, b, c, d, e, f, g, h, other] = Array.from({ length: 9 }, freshPair);
    ({ dir, result, listed } = await auditTree('kh-loopback-', {
      // an Angular dev server's pair: the key alone in its file, the certificate's common name `localhost`
      'apps/client/localhost.pem': a!.pem,
      'apps/client/localhost.cert': selfSignedCert(a!.privateKey, a!.publicKey, 'localhost'),
      // a plugin's dev server: an odd common name, but the alternative names (what clients read) are loopback
      'plugin/self-signed-key.pem': b!.pem,
      'plugin/self-signed-cert.pem': selfSignedCert(b!.privateKey, b!.publicKey, '127.0.0.1: dev', ['IP:127.0.0.1']),
      // key and certificate in one file, several loopback names
      'web/certs/dev.pem':
        c!.pem + selfSignedCert(c!.privateKey, c!.publicKey, 'dev', ['DNS:localhost', 'DNS:app.localhost', 'IP:::1']),
      // near miss: the certificate also names a real host
      'deploy/server.key': d!.pem,
      'deploy/server.crt': selfSignedCert(d!.privateKey, d!.publicKey, 'localhost', [
        'DNS:localhost',
        'DNS:api.example.com',
      ]),
      // near miss: a loopback common name, but the alternative names are the real ones
      'gateway/tls.key': e!.pem,
      'gateway/tls.crt': selfSignedCert(e!.privateKey, e!.publicKey, 'localhost', ['DNS:internal.example.com']),
      // near miss: a loopback certificate beside it, but of another key
      'proxy/proxy.key': f!.pem,
      'proxy/localhost.crt': selfSignedCert(other!.privateKey, other!.publicKey, 'localhost'),
      // near miss: a key with no certificate
      'ssl/server.key': g!.pem,
      // near miss: a loopback pair in one file that also holds other text (the marking would be the whole file's)
      'web/certs/mixed.pem': `${h!.pem}${selfSignedCert(h!.privateKey, h!.publicKey, 'localhost')}notes: staging\n`,
    }));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes certificates Node reads, with the names asked for', () => {
    const p = freshPair();
    const cert = new X509Certificate(selfSignedCert(p.privateKey, p.publicKey, 'localhost', ['DNS:a.localhost']));
    expect(cert.subject).toContain('CN=localhost');
    expect(cert.subjectAltName).toBe('DNS:a.localhost');
    expect(cert.checkPrivateKey(p.privateKey)).toBe(true);
  });

  it('withholds the loopback pairs and keeps the near misses reported', () => {
    const files = [...new Set(result.findings.map((x) => x.location.file))].sort();
    expect(files).toEqual([
      'deploy/server.key',
      'gateway/tls.key',
      'proxy/proxy.key',
      'ssl/server.key',
      'web/certs/mixed.pem',
    ]);
  });

  it('lists the loopback keys as test fixtures with --include-fixtures', () => {
    const marked = listed.findings
      .filter((x) => x.fixture !== undefined)
      .map((x) => [x.location.file, x.fixture])
      .sort();
    expect(marked).toEqual([
      ['apps/client/localhost.pem', 'test-fixture'],
      ['plugin/self-signed-key.pem', 'test-fixture'],
      ['web/certs/dev.pem', 'test-fixture'],
    ]);
  });
});
